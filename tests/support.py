"""What the tests and the benchmarks share to drive the real site: the strict build, the
classroom server in a process of its own, Debian's Chromium with the same flags, and a browser
profile that refuses anything leaving the machine."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# No sandbox (root in a container), no GPU, nothing phoning home.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def build_env() -> dict[str, str]:
    return dict(os.environ, NO_MKDOCS_2_WARNING="1")


def build_site(site_dir: Path, config: Path = ROOT / "mkdocs.yml") -> subprocess.CompletedProcess:
    """Run the real strict build, as `make build` does, into `site_dir`."""
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file",
                           str(config), "--site-dir", str(site_dir)],
                          capture_output=True, text=True, env=build_env(), cwd=config.parent)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def wait_for(url: str, seconds: float = 60) -> None:
    """Return once `url` answers; raise the last error after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@contextmanager
def serving_in_background(site_dir: Path, stderr=None, data_dir: Path | None = None,
                          project: Path | None = None):
    """`make serve`'s server over `site_dir` in another process, on a free loopback port;
    yields its URL. When `stderr` is given (a benchmark's log), the server's notes come every
    second rather than every minute."""
    port = free_port()
    notes = ["--notes-every", "1"] if stderr is not None else []
    # Class mode's data goes to a folder of its own, removed afterwards, unless one is given.
    scratch = None if data_dir else tempfile.TemporaryDirectory(prefix="whc-class-data-")
    class_mode = ["--data", str(data_dir or scratch.name)]
    if project:
        class_mode += ["--project", str(project)]
    process = subprocess.Popen([sys.executable, "-m", "classroom.server", "--dir", str(site_dir),
                                "--host", "127.0.0.1", "--port", str(port), "--quiet", *notes,
                                *class_mode], cwd=ROOT, stderr=stderr)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(url)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if scratch:
            scratch.cleanup()


# The teacher PIN of the servers the tests start (conftest.py); class mode serves the teachers'
# pages only to a browser signed in with it.
TEACHER_PIN = "135791"


def sign_in_as_teacher(context, base_url: str) -> None:
    """Sign this browser profile in as the teacher, as the class page does (served sites only)."""
    if base_url.startswith("http"):
        answer = context.request.post(base_url + "api/teacher/login", data={"pin": TEACHER_PIN})
        assert answer.ok, answer.text()


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def is_local(url: str) -> bool:
    """Does `url` stay on this machine (a file, data, the loopback address)?"""
    parsed = urlparse(url)
    if parsed.scheme in ("file", "data", "blob", "about", "javascript"):
        return True
    return parsed.scheme in ("http", "https", "ws", "wss") and parsed.hostname in LOCAL_HOSTS


def offline_context(browser, refused: list[str] | None = None):
    """A fresh browser profile in which every request leaving the machine is refused (and
    noted in `refused`, when given)."""
    context = browser.new_context()

    def guard(route):
        if is_local(route.request.url):
            route.continue_()
        else:
            if refused is not None:
                refused.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context
