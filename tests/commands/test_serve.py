"""`make serve` serves the module to the classroom, printing the addresses students type; bad
settings get one plain line; every response carries the usual security headers."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request

import pytest

from classroom.classmode import serving as class_mode
from classroom.server.app import create_app, mount
from classroom.server.site import LiveSite
from support import ROOT, TEACHER_PIN, free_port, wait_for
from serving import serve_command, start_server, stop_server
from project_copy import make, make_ready


def test_make_serve_answers_with_the_home_page_and_a_case_page(tmp_path):
    whole = make_ready(tmp_path, whole=True)
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "w") as out:
        process = subprocess.Popen(make(whole, "serve", f"PORT={port}"), stdout=out,
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
    assert "Stopped." in printed


def test_port_and_host_can_be_chosen(project):
    port = free_port()
    process = subprocess.Popen(make(project, "serve", f"PORT={port}", "HOST=127.0.0.1"),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               start_new_session=True)
    try:
        wait_for(f"http://127.0.0.1:{port}/", seconds=180)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        output = process.communicate(timeout=20)[0]
    assert f"http://127.0.0.1:{port}/" in output


# Bad settings get one plain line, before anything is announced.

@pytest.mark.parametrize("options, environment, expected", [
    (["--host=http://192.168.1.5"], {}, "without 'http://'"),
    (["--host="], {}, "HOST is empty"),
    (["--port=-1"], {}, "PORT must be a whole number from 1 to 65535"),
    (["--port=70000"], {}, "PORT must be a whole number from 1 to 65535"),
    ([], {"PORT": "70000"}, "(you gave '70000')"),
    ([], {"HOST": "http://localhost:8000/"}, "without 'http://'"),
], ids=["http host", "empty host", "port -1", "port 70000", "PORT=70000", "HOST=http://…"])
def test_a_bad_setting_gets_one_clear_line_and_no_banner(project, options, environment,
                                                          expected):
    result = subprocess.run([sys.executable, "-m", "classroom.server", "--dir",
                             str(project / "site"), *options], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env=dict(os.environ, **environment))
    assert result.returncode != 0
    assert expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "being served" not in result.stdout


def test_make_serve_with_an_empty_host_says_so(project):
    result = subprocess.run(make(project, "serve", "HOST="), capture_output=True, text=True,
                            timeout=300)
    assert result.returncode != 0
    assert "HOST is empty" in result.stderr and "being served" not in result.stdout


def test_a_port_in_use_is_reported_before_any_banner(project):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(serve_command(project / "site", port=port), cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert f"Port {port} is already in use" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "being served" not in result.stdout


def test_ctrl_c_prints_stopped_and_exits_cleanly(project):
    process, _ = start_server(serve_command(project / "site"))
    output, errors = stop_server(process)
    assert process.returncode == 0, errors
    assert "being served" in output and output.strip().endswith("Stopped.")
    assert "Traceback" not in errors


# Security headers on every response; no permission for other sites.

def test_every_response_carries_the_security_headers(project):
    process, url = start_server(serve_command(project / "site", "--quiet"))
    try:
        for path, encoding in [("", "identity"), ("index.html", "gzip"),
                               ("assets/javascripts/exercises.js", "gzip"),
                               ("no-such-page.html", "identity")]:
            request = urllib.request.Request(url + path, headers={
                "Accept-Encoding": encoding, "Origin": "http://elsewhere.example"})
            try:
                response = urllib.request.urlopen(request, timeout=10)
            except urllib.error.HTTPError as error:
                response = error
            with response:
                headers = response.headers
                assert response.status == (404 if path.startswith("no-such") else 200)
            assert headers["X-Content-Type-Options"] == "nosniff", path
            assert headers["Referrer-Policy"] == "no-referrer", path
            assert headers["X-Frame-Options"] == "DENY", path
            assert headers["Content-Security-Policy"] == "frame-ancestors 'none'", path
            assert headers["Access-Control-Allow-Origin"] is None, path
        assert headers.get_all("X-Frame-Options") == ["DENY"]
    finally:
        stop_server(process)


def test_a_teachers_page_refused_by_class_mode_carries_the_security_headers_too(project,
                                                                               tmp_path):
    site = LiveSite(project / "site")
    mode = class_mode.start(project, tmp_path / "class-data", TEACHER_PIN)
    answered = {}
    body = create_app(site, mode)({"PATH_INFO": "/teachers/answer-key.html", "SCRIPT_NAME": "",
                                   "REQUEST_METHOD": "GET", "SERVER_PORT": "8000"},
                                  lambda status, headers, exc_info=None: answered.update(
                                      status=status, headers=headers))
    headers = dict(answered["headers"])
    assert answered["status"].startswith("403") and b"".join(body)
    assert headers["X-Frame-Options"] == "DENY" and headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")  # its own, stricter
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert [name for name, _ in answered["headers"]].count("Content-Security-Policy") == 1


def test_an_app_mounted_under_a_prefix_gets_its_own_paths():
    seen = []

    def api(environ, start_response):
        seen.append((environ["SCRIPT_NAME"], environ["PATH_INFO"]))
        start_response("200 OK", [])
        return [b"api"]

    def site(environ, start_response):
        start_response("200 OK", [])
        return [b"site"]

    app = mount({"/api": api}, site)
    assert app({"PATH_INFO": "/api/answers", "SCRIPT_NAME": ""}, lambda *a: None) == [b"api"]
    assert app({"PATH_INFO": "/apiary.html", "SCRIPT_NAME": ""}, lambda *a: None) == [b"site"]
    assert seen == [("/api", "/answers")]
