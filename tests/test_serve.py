"""`make serve` serves the module to the classroom, printing the addresses students type."""

from __future__ import annotations

import os
import signal
import subprocess
import urllib.request

from classroom.serve import free_port, wait_for
from conftest import ROOT


def test_make_serve_answers_with_the_home_page_and_a_case_page():
    port = free_port()
    log = ROOT / ".pytest_cache" / "serve.log"
    log.parent.mkdir(exist_ok=True)
    with open(log, "w") as out:
        process = subprocess.Popen(["make", "serve", f"PORT={port}"], cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for(f"http://127.0.0.1:{port}/", seconds=180)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/") as response:
                assert "Weighing Health Claims" in response.read().decode()
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/cases/iskitim.html") as response:
                assert "Moldavskaya str, 50" in response.read().decode()
        finally:
            os.killpg(process.pid, signal.SIGINT)
            process.wait(timeout=20)
    printed = log.read_text()
    assert f"http://localhost:{port}/" in printed
    assert "█" in printed  # the QR code of the network address


def test_port_and_host_can_be_chosen():
    port = free_port()
    process = subprocess.Popen(["make", "serve", f"PORT={port}", "HOST=127.0.0.1"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/", seconds=180)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        output = process.communicate(timeout=20)[0]
    assert f"http://127.0.0.1:{port}/" in output
