"""What the tests and the benchmarks share to drive the real site: the strict build, Debian's
Chromium with the same flags, and a browser profile that refuses anything leaving the machine."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

from classroom.placeholders import PLACEHOLDER

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


def scaffold(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The command `make new-case` / `make new-exercise` runs, inside a copy of the project."""
    return subprocess.run([sys.executable, "-m", "classroom.scaffold", *arguments], cwd=project,
                          capture_output=True, text=True)


def fill_in_placeholders(path: Path) -> None:
    """A stub file as a hurried author leaves it: each placeholder's marker deleted, its words
    kept (enough for the build, which refuses only the marker)."""
    path.write_text(path.read_text(encoding="utf-8").replace(f"{PLACEHOLDER} ", ""),
                    encoding="utf-8")
