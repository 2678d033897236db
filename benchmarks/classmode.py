"""Part 6: class mode under a class: students joining, loading pages and sending answers every
few seconds while the teacher's class page polls, on 127.0.0.1; then the class page over a
lesson in which every student answered every item. Run for 60 and for 300 students.

Each student is a coroutine with its own keep-alive connection from its own loopback address
(the server limits connections per device). Every answer acknowledged is then looked for in the
data folder: rows stored must equal answers acknowledged, with none twice.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import secrets
import signal
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from classroom.classmode.catalogue import Catalogue
from tests.support import TEACHER_PIN, free_port, wait_for

from .common import LOOPBACK, ROOT, Row, log, percentile

DURATION = 60.0
PAUSE = (2.0, 4.0)          # seconds between one student's answers
POLL_EVERY = 3.0            # the class page's refresh
TARGET_SUBMIT_MS = 50
TARGET_REFRESH_MS = 100
TARGET_FIRST_MS = 1000      # as the class page's first draw (classpage.py)


def lesson_exercises(catalogue: Catalogue) -> list:
    """What a lesson's students answer: every exercise but the forms of the before-and-after
    test, which the laptop takes only while the teacher gives one as an occasion."""
    return [exercise for exercise in catalogue.exercises.values() if not exercise.form]


def event_for(exercise, items, rng, kind="check"):
    if exercise.assessment and kind != "answer":
        kind = "handin"  # a check-up is handed in, not checked (the benchmark opens it)
    return {"id": secrets.token_hex(8), "type": kind, "exercise": exercise.id, "at": time.time() * 1000,
            "items": {i: {"v": exercise.items[i].version,
                          "r": exercise.handler.example_response(exercise, i, rng)}
                      for i in items}}


class Client:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, port: int, source: str | None):
        self.port, self.source, self.reader, self.writer = port, source, None, None

    async def request(self, method: str, path: str, body: dict | None = None,
                      headers: dict | None = None) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(
                LOOPBACK, self.port, local_addr=(self.source, 0) if self.source else None)
        data = json.dumps(body).encode() if body is not None else b""
        lines = [f"{method} {path} HTTP/1.1", f"Host: {LOOPBACK}:{self.port}",
                 "Connection: keep-alive", f"Content-Length: {len(data)}"]
        if body is not None:
            lines.append("Content-Type: application/json")
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.writer.write(("\r\n".join(lines) + "\r\n\r\n").encode() + data)
        await self.writer.drain()
        head = (await self.reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        found = {n.strip().lower(): v.strip() for n, _, v in (h.partition(":") for h in head[1:])}
        payload = await self.reader.readexactly(int(found.get("content-length", "0")))
        self.cookie = found.get("set-cookie", "").split(";")[0]
        if found.get("connection", "").lower() == "close":
            self.writer.close()
            self.writer = None
        return int(head[0].split()[1]), payload


def source_address(number: int) -> str | None:
    return f"127.0.{1 + number // 250}.{number % 250 + 1}" if sys.platform.startswith("linux") else None


def memory_mib(pid: int) -> tuple[float, float]:
    """(resident now, peak resident) of the server process, in MiB (Linux)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return float("nan"), float("nan")
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    kib = lambda name: int(fields.get(name, "0 kB").split()[0])  # noqa: E731
    return kib("VmRSS") / 1024, kib("VmHWM") / 1024


async def run_class(port: int, students: int, catalogue: Catalogue, pages: list[str],
                    duration: float = DURATION, beside=None):
    """A lesson of `duration` seconds; `beside(deadline)`, when given, runs alongside it."""
    rng = random.Random(students)
    exercises = lesson_exercises(catalogue)
    submit, refresh, errors, acked = [], [], [], []
    deadline = time.monotonic() + duration

    async def student(number: int):
        client = Client(port, source_address(number))
        try:
            await client.request("GET", rng.choice(pages))
            status, body = await client.request("POST", "/api/join", {"name": f"Student {number}"})
            if status != 201:
                errors.append(f"join {status}")
                return
            auth = {"Authorization": "Bearer " + json.loads(body)["token"]}
            await asyncio.sleep(rng.uniform(0, PAUSE[1]))
            turn = 0
            while time.monotonic() < deadline:
                exercise = rng.choice(exercises)
                items = rng.sample(list(exercise.items), k=min(3, len(exercise.items)))
                event = event_for(exercise, items, rng, rng.choice(["answer", "check"]))
                started = time.perf_counter()
                status, body = await client.request("POST", "/api/events", {"events": [event]}, auth)
                if status == 200 and json.loads(body)["stored"] == [event["id"]]:
                    submit.append(time.perf_counter() - started)
                    acked.append(event["id"])
                else:
                    errors.append(f"events {status}")
                turn += 1
                if turn % 4 == 0:
                    status, _ = await client.request("GET", rng.choice(pages))
                    if status != 200:
                        errors.append(f"page {status}")
                await asyncio.sleep(rng.uniform(*PAUSE))
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            errors.append(type(error).__name__)

    async def teacher():
        client = Client(port, None)
        await client.request("POST", "/api/teacher/login", {"pin": TEACHER_PIN})
        cookie = {"Cookie": client.cookie}
        await client.request("POST", "/api/teacher/checkup", {"open": True, "feedback": "at-once"},
                             cookie)
        while time.monotonic() < deadline:
            started = time.perf_counter()
            status, _ = await client.request("GET", "/api/teacher/report", headers=cookie)
            (refresh.append(time.perf_counter() - started) if status == 200
             else errors.append(f"report {status}"))
            await asyncio.sleep(POLL_EVERY)

    await asyncio.gather(teacher(), *(student(n) for n in range(students)),
                         *([beside(deadline)] if beside else []))
    return submit, refresh, errors, acked


async def fill_every_item(port: int, students: int,
                          catalogue: Catalogue) -> tuple[float, list[float]]:
    """Every student checks every item of every exercise, 50 at a time; then the class page is
    timed: its first read (every answer just arrived at once, as when the page is first opened
    over such a lesson) and its refreshes after that."""
    rng = random.Random(1)
    async def student(number: int):
        client = Client(port, source_address(number))
        _, body = await client.request("POST", "/api/join", {"name": f"Full {number}"})
        auth = {"Authorization": "Bearer " + json.loads(body)["token"]}
        events = [event_for(ex, list(ex.items), rng) for ex in lesson_exercises(catalogue)]
        status, _ = await client.request("POST", "/api/events", {"events": events}, auth)
        if status != 200:  # a lesson the laptop refused would measure an empty page
            raise RuntimeError(f"the laptop refused a student's every-item answers ({status})")
    for start in range(0, students, 50):
        await asyncio.gather(*(student(n) for n in range(start, min(students, start + 50))))
    client = Client(port, None)
    await client.request("POST", "/api/teacher/login", {"pin": TEACHER_PIN})
    cookie = {"Cookie": client.cookie}
    started = time.perf_counter()
    status, _ = await client.request("GET", "/api/teacher/report", headers=cookie)
    if status != 200:
        raise RuntimeError(f"the class page's first read failed ({status})")
    first = time.perf_counter() - started
    times = []
    for _ in range(15):
        started = time.perf_counter()
        status, _ = await client.request("GET", "/api/teacher/report", headers=cookie)
        if status == 200:
            times.append(time.perf_counter() - started)
    return first, times


def start_class_server(site: Path, data: Path) -> tuple[subprocess.Popen, int]:
    """`make serve` with class mode on loopback, in a process of its own: (process, port)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "classroom.server", "--dir", str(site),
                               "--host", LOOPBACK, "--port", str(port), "--quiet", "--data",
                               str(data)], cwd=ROOT, env=dict(os.environ, TEACHER_PIN=TEACHER_PIN),
                              stderr=subprocess.DEVNULL)
    return server, port


def measure_one(site: Path, workdir: Path, students: int, catalogue, pages) -> list[Row]:
    data = workdir / f"class-data-{students}"
    server, port = start_class_server(site, data)
    try:
        wait_for(f"http://{LOOPBACK}:{port}/")
        log(f"class mode: {students} students for {DURATION:.0f} s")
        submit, refresh, errors, acked = asyncio.run(run_class(port, students, catalogue, pages))
        live_memory = memory_mib(server.pid)
        with sqlite3.connect(data / "class.sqlite3") as db:
            stored = db.execute("SELECT event_id FROM events").fetchall()
        lost = len(set(acked) - {row[0] for row in stored})
        doubled = len(stored) - len({row[0] for row in stored})
        log(f"class mode: {students} students answer every item; timing the class page")
        first, full = asyncio.run(fill_every_item(port, students, catalogue))
        full_memory = memory_mib(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)
    ms = lambda seconds: f"{seconds * 1000:.1f} ms"  # noqa: E731
    who, items = f"{students} students", sum(len(e.items) for e in lesson_exercises(catalogue))
    return [
        Row("Class", f"{who}, {DURATION:.0f} s: answers acknowledged / rows stored",
            f"{len(acked):,} / {len(stored):,}", "equal", len(acked) == len(stored)),
        Row("Class", f"{who}: errors; answers lost; answers stored twice",
            f"{len(errors)}; {lost}; {doubled}", "0; 0; 0", not errors and not lost and not doubled),
        Row("Class", f"{who}: submission p95 (median)",
            f"{ms(percentile(submit, 0.95))} ({ms(statistics.median(submit))})",
            f"< {TARGET_SUBMIT_MS} ms", percentile(submit, 0.95) * 1000 < TARGET_SUBMIT_MS),
        Row("Class", f"{who}: class page refresh during the lesson, p95 (max) of {len(refresh)}",
            f"{ms(percentile(refresh, 0.95))} ({ms(max(refresh))})", f"< {TARGET_REFRESH_MS} ms",
            percentile(refresh, 0.95) * 1000 < TARGET_REFRESH_MS),
        Row("Class", f"{who} × every item ({items} items), every answer just arrived: the "
                     "class page's first read", ms(first), f"< {TARGET_FIRST_MS} ms",
            first * 1000 < TARGET_FIRST_MS),
        Row("Class", f"{who} × every item ({items} items): class page refresh after that, p95 "
                     f"(max) of {len(full)}",
            f"{ms(percentile(full, 0.95))} ({ms(max(full))})", f"< {TARGET_REFRESH_MS} ms",
            percentile(full, 0.95) * 1000 < TARGET_REFRESH_MS),
        Row("Class", f"{who}: server memory, resident after the lesson / after every item (peak)",
            f"{live_memory[0]:.0f} / {full_memory[0]:.0f} MiB ({full_memory[1]:.0f} MiB)"),
    ]


def measure_class_mode(site: Path, workdir: Path, sizes=(60, 300)) -> list[Row]:
    catalogue = Catalogue.load(ROOT)
    # The pages students open: class mode serves the teachers' pages to the teacher only.
    pages = ["/" + p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))
             if p.name != "404.html" and not p.relative_to(site).as_posix().startswith("teachers/")]
    rows = []
    for students in sizes:
        rows += measure_one(site, workdir, students, catalogue, pages)
    return rows
