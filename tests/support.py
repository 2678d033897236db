"""What the tests and the benchmarks share to drive the real site: the strict build, the
classroom server in a process of its own, Debian's Chromium with the same flags, and a browser
profile that refuses anything leaving the machine."""

from __future__ import annotations

import functools
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
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
# A phone-sized browser, as students use one.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


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


# Class mode: `make serve`'s server with class mode, started by a test on its own data folder,
# and the API called as a page script calls it.
CLASS_LESSON = "lessons/01-what-is-a-health-claim.html"


class ClassServer:
    """`make serve`'s server with class mode, on a data folder that outlives it."""

    def __init__(self, site: Path, data: Path, project: Path = ROOT):
        self.site, self.data, self.port, self.project = site, data, free_port(), project
        self.url = f"http://127.0.0.1:{self.port}/"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "classroom.server", "--dir", str(self.site), "--host",
             "127.0.0.1", "--port", str(self.port), "--quiet", "--data", str(self.data),
             "--project", str(self.project)],
            cwd=ROOT, env=dict(os.environ, TEACHER_PIN=TEACHER_PIN))
        wait_for(self.url)
        return self

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@contextmanager
def class_server(site: Path, tmp_path: Path, project: Path = ROOT):
    server = ClassServer(site, tmp_path / "class-data", project).start()
    try:
        yield server
    finally:
        server.stop()


def call(url: str, path: str, data=None, headers: dict | None = None, method: str | None = None):
    """(status, JSON or text body, headers) of one API request, as a script would send it."""
    body = None if data is None else (data if isinstance(data, bytes) else json.dumps(data).encode())
    request = urllib.request.Request(url + path, data=body, method=method, headers={
        **({"Content-Type": "application/json"} if body is not None else {}), **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, raw, head = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, raw, head = error.code, error.read(), error.headers
    text = raw.decode("utf-8")
    is_json = (head.get("Content-Type") or "").startswith("application/json")
    return status, (json.loads(text) if is_json else text), head


def teacher_cookie(url: str) -> dict:
    """The header of a browser signed in as the teacher."""
    status, _, head = call(url, "api/teacher/login", {"pin": TEACHER_PIN})
    assert status == 200
    return {"Cookie": head["Set-Cookie"].split(";")[0]}


def load_answers_file(api, teacher: dict, text: str, file_name: str = "vera.json") -> dict:
    """The teacher loads a My answers file on the class page (falcon.testing client); its answer."""
    answer = api.simulate_post("/teacher/import", json={"file": file_name, "content": text},
                               headers=teacher)
    assert answer.status_code == 200, answer.json
    return answer.json


def join_class(page, url: str, name: str) -> None:
    """Join the class from the first lesson's page, as a student does."""
    page.goto(url + CLASS_LESSON)
    page.get_by_label("Your name, as your teacher calls you").fill(name)
    page.get_by_role("button", name="Join the class").click()
    page.locator(".whc-join").wait_for(state="detached")


def as_another_device(context) -> None:
    """Make this browser profile's class page believe it runs on another device than the laptop
    (the tests' browsers all run on the laptop, where the class page needs no PIN)."""
    context.route("**/api/teacher/session",
                  lambda route: route.fulfill(json={"teacher": False, "here": False}))


def open_class_page(context, url: str):
    """The teacher's class page in this browser profile, signed in: the tests' browser runs on
    the laptop itself, where the class page needs no PIN."""
    teacher = context.new_page()
    teacher.clock.install()  # time runs on, yet a test may bring the next refresh at once
    teacher.goto(url + "teachers/class.html")
    teacher.locator("[data-class-board]").wait_for()  # on this computer: no PIN asked (D3)
    teacher.locator("[data-class-updated]:not(:empty)").wait_for()  # drawn, as a teacher sees it
    return teacher


REFRESH_EVERY = 4000  # ms between the class page's refreshes (class-page.js)


def next_refresh(teacher):
    """Bring the class page's next refresh now (its clock), and wait until it has drawn."""
    from playwright.sync_api import expect
    updated = teacher.locator("[data-class-updated]")
    before = updated.inner_text()
    teacher.clock.fast_forward(REFRESH_EVERY)
    expect(updated).not_to_have_text(before)


def key_texts(exercises, shortest: int = 21) -> list[str]:
    """Every feedback, reason, model answer and rubric line of these exercises' keys (by
    default, those long enough to be found only where the key went)."""
    texts = []
    for exercise in exercises:
        texts += list(exercise.not_claims.values())
        for item in exercise.items:
            texts += exercise.handler.key_texts(item)
    return [text for text in texts if len(text) >= shortest]


AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                 "wcag22aa", "best-practice"]},
             "resultTypes": ["violations"]}


@functools.cache
def axe():
    from axe_playwright_python.sync_playwright import Axe
    return Axe()  # reads axe-core's script once


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.x A/AA and best-practice violations on the page, one line each."""
    results = axe().run(page, options=AXE_RULES)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
            for v in results.response["violations"]]


def scaffold(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The command `make new-case` / `make new-exercise` runs, inside a copy of the project."""
    return subprocess.run([sys.executable, "-m", "classroom.scaffold", *arguments], cwd=project,
                          capture_output=True, text=True)


def fill_in_placeholders(path: Path) -> None:
    """A stub file as a hurried author leaves it: each placeholder's marker deleted, its words
    kept (enough for the build, which refuses only the marker)."""
    path.write_text(path.read_text(encoding="utf-8").replace(f"{PLACEHOLDER} ", ""),
                    encoding="utf-8")


def join_in_process(api, name: str) -> tuple[dict, dict]:
    """Join through the API in-process (falcon.testing): (the student as /join returns them, the header their page sends from then on)."""
    answer = api.simulate_post("/join", json={"name": name})
    assert answer.status_code == 201, answer.json
    return answer.json, {"Authorization": f"Bearer {answer.json['token']}"}


def example_event(exercise, event_id: str, rng, kind: str = "check") -> dict:
    """An event as a student's page sends it (`kind`: check, handin…), every item of the
    exercise (a catalogue entry) answered with its kind's example response."""
    answer = exercise.handler.example_response
    return {"id": event_id, "type": kind, "exercise": exercise.id, "at": 1,
            "items": {i: {"v": item.version, "r": answer(exercise, i, rng)}
                      for i, item in exercise.items.items()}}
