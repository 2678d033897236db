"""`make serve` under a lesson's strain: a rebuild while serving fails no request, and slow or
stuck clients cannot lock the class out nor flood the terminal."""

from __future__ import annotations

import http.client
import resource
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request


from support import ROOT
from serving import make_build, serve_command, start_server, stop_server


# A rebuild while serving loses no request, and the new build is then served.

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
    process, url = start_server(serve_command(site))
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
        make_build(project)
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
        output, _ = stop_server(process)
    assert results["failed"] == []
    assert results["done"] > 100
    assert "The site was rebuilt" in output


# Slow or stuck clients cannot lock the class out, nor flood the terminal.

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
    process, url = start_server(serve_command(project / "site", "--quiet"), open_files=256)
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
        output, errors = stop_server(process)
    assert "Traceback" not in errors
    notes = errors.strip().splitlines()
    assert len(notes) <= 2, errors[:2000]  # one within the minute, one when stopped
    assert all("Since the last note:" in note for note in notes)
    assert "turned away (over 32 from one device)" in errors


def test_a_request_sent_too_slowly_is_cut_off(project):
    process, url = start_server(serve_command(project / "site", "--quiet", "--request-timeout", "2"))
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
        output, errors = stop_server(process)
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
