"""`make serve` serves the module to the classroom, printing the addresses students type; it
survives a rebuild, slow clients and bad settings, and sends the usual security headers."""

from __future__ import annotations

import http.client
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from classroom.classmode import serving as class_mode
from classroom.server.app import create_app, mount
from classroom.server.site import LiveSite
from conftest import ROOT
from support import free_port, wait_for
from project_copy import make, make_ready


def build(project: Path) -> None:
    """`make build`'s own command: strict, into a new folder that `site` then points at."""
    result = subprocess.run([sys.executable, "-m", "classroom.build"], cwd=project,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The small starter site, built as `make build` builds it."""
    project = make_ready(tmp_path_factory.mktemp("served"))
    build(project)
    return project


def serve_command(site: Path, *options: str, port: int | None = None) -> list[str]:
    """The server on loopback; class mode keeps its data beside the site, not in this checkout."""
    return [sys.executable, "-m", "classroom.server", "--dir", str(site), "--host", "127.0.0.1",
            "--port", str(port or free_port()), "--data", str(site.parent / "class-data"),
            *options]


def start(command: list[str], open_files: int | None = None) -> tuple[subprocess.Popen, str]:
    """The server in a process of its own (with at most `open_files` open files); its URL."""
    limit = None if open_files is None else (lambda: resource.setrlimit(
        resource.RLIMIT_NOFILE, (open_files, open_files)))
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, preexec_fn=limit)
    url = f"http://127.0.0.1:{command[command.index('--port') + 1]}/"
    try:
        wait_for(url, seconds=60)
    except OSError:
        process.kill()
        raise AssertionError("the server did not start: " + "".join(process.communicate()))
    return process, url


def stop(process: subprocess.Popen) -> tuple[str, str]:
    """Ctrl+C, as a teacher stops it; what it printed."""
    process.send_signal(signal.SIGINT)
    return process.communicate(timeout=30)


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


# Item 12: bad settings get one plain line, before anything is announced.

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
    process, _ = start(serve_command(project / "site"))
    output, errors = stop(process)
    assert process.returncode == 0, errors
    assert "being served" in output and output.strip().endswith("Stopped.")
    assert "Traceback" not in errors


# Item 13: security headers on every response; no permission for other sites.

def test_every_response_carries_the_security_headers(project):
    process, url = start(serve_command(project / "site", "--quiet"))
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
        stop(process)


def test_a_teachers_page_refused_by_class_mode_carries_the_security_headers_too(project,
                                                                               tmp_path):
    site = LiveSite(project / "site")
    mode = class_mode.start(project, tmp_path / "class-data", "135791")
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


# Item 10: a rebuild while serving loses no request, and the new build is then served.

def hammer(url: str, paths: list[str], stop_event: threading.Event, results: dict) -> None:
    """Fetch `paths` over and over on one keep-alive connection; count and record failures."""
    host, port = url.split("//")[1].strip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    encodings = ["gzip", "identity"]
    while not stop_event.is_set():
        for number, path in enumerate(paths):
            try:
                connection.request("GET", path,
                                   headers={"Accept-Encoding": encodings[number % 2]})
                response = connection.getresponse()
                body = response.read()
                length = int(response.getheader("Content-Length", "-1"))
                if response.status != 200 or len(body) != length:
                    results["failed"].append(f"{path}: {response.status}, {len(body)} of "
                                             f"{length} bytes")
                results["done"] += 1
            except (OSError, http.client.HTTPException) as error:
                results["failed"].append(f"{path}: {error!r}")
                connection.close()
                connection = http.client.HTTPConnection(host, int(port), timeout=10)
    connection.close()


def test_a_rebuild_while_serving_fails_no_request_and_is_then_served(project):
    site = project / "site"
    paths = ["/"] + sorted("/" + path.relative_to(site.resolve()).as_posix()
                           for path in site.resolve().rglob("*")
                           if path.is_file() and path.suffix in (".html", ".js", ".css"))
    process, url = start(serve_command(site))
    results = {"failed": [], "done": 0}
    stop_event = threading.Event()
    clients = [threading.Thread(target=hammer, args=(url, paths, stop_event, results))
               for _ in range(4)]
    for client in clients:
        client.start()
    try:
        with open(project / "docs" / "index.md", "a", encoding="utf-8") as page:
            page.write("\nSecond edition, fixed during the lesson.\n")
        before = results["done"]
        build(project)
        assert results["done"] > before  # the clients were busy during the rebuild
        deadline = time.monotonic() + 30
        while True:
            with urllib.request.urlopen(url + "index.html", timeout=10) as response:
                if "Second edition" in response.read().decode():
                    break
            assert time.monotonic() < deadline, "the new build was not served within 30 s"
            time.sleep(0.2)
        time.sleep(1)
    finally:
        stop_event.set()
        for client in clients:
            client.join(timeout=30)
        output, _ = stop(process)
    assert results["failed"] == []
    assert results["done"] > 100
    assert "The site was rebuilt" in output


# Item 11: slow or stuck clients cannot lock the class out, nor flood the terminal.

def slow_sockets(count: int, source: str, server_port: int) -> list[socket.socket]:
    """`count` connections from `source` that start a request and never finish it."""
    opened = []
    for _ in range(count):
        client = socket.socket()
        client.bind((source, 0))
        try:
            client.connect(("127.0.0.1", server_port))
            client.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        except OSError:
            pass  # turned away: that is the point
        opened.append(client)
    return opened


def test_300_slow_sockets_from_one_device_do_not_lock_out_the_class(project):
    # 256 open files, the macOS default, that the server cannot raise.
    process, url = start(serve_command(project / "site", "--quiet"), open_files=256)
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    attackers = slow_sockets(300, "127.0.0.2", port)
    try:
        for _ in range(20):
            started = time.monotonic()
            with urllib.request.urlopen(url + "practice.html", timeout=10) as response:
                assert response.status == 200 and b"</html>" in response.read()
            assert time.monotonic() - started < 2
        attackers += slow_sockets(300, "127.0.0.2", port)  # and again, once turned away
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
    finally:
        for attacker in attackers:
            attacker.close()
        output, errors = stop(process)
    assert "Traceback" not in errors
    notes = errors.strip().splitlines()
    assert len(notes) <= 2, errors[:2000]  # one within the minute, one when stopped
    assert all("Since the last note:" in note for note in notes)
    assert "turned away (over 32 from one device)" in errors


def test_a_request_sent_too_slowly_is_cut_off(project):
    process, url = start(serve_command(project / "site", "--quiet", "--request-timeout", "2"))
    port = int(url.rstrip("/").rsplit(":", 1)[1])
    slow = socket.create_connection(("127.0.0.1", port))
    cut_off_after = None
    try:
        started = time.monotonic()
        for byte in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 40:
            try:
                slow.sendall(bytes([byte]))  # one byte each half second: never idle for long
            except OSError:
                cut_off_after = time.monotonic() - started
                break
            time.sleep(0.5)
            slow.setblocking(False)
            try:
                if slow.recv(1) == b"":
                    cut_off_after = time.monotonic() - started
                    break
            except BlockingIOError:
                pass
            finally:
                slow.setblocking(True)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
    finally:
        slow.close()
        output, errors = stop(process)
    assert cut_off_after is not None, "a request trickling in was never cut off"
    assert 2 <= cut_off_after < 10
    assert "connections closed for sending a request too slowly: 1" in errors
    assert len(errors.strip().splitlines()) <= 2 and "Traceback" not in errors


def test_the_open_file_limit_is_raised_where_allowed():
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    wanted = 4096 if hard == resource.RLIM_INFINITY else min(hard, 4096)
    result = subprocess.run(
        [sys.executable, "-c", "import resource; from classroom.server.connections import "
         "raise_open_file_limit as r; r(); print(resource.getrlimit(resource.RLIMIT_NOFILE)[0])"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (256, wanted)))
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == wanted
