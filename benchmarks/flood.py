"""Part 7: one hostile device beside a class. While 60 students answer every few seconds and the
teacher's class page refreshes (as in part 6), one device, from an address of its own, joins as
fast as it can and sends batches of 24 answers of 20,000 letters each as fast as the laptop
answers, over several connections. Measured: the other students' submission times and the
class page's refresh, and what the hostile device got stored.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import signal
import sqlite3
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from classroom.classmode.catalogue import Catalogue
from tests.support import wait_for

from .classmode import (TARGET_REFRESH_MS, TARGET_SUBMIT_MS, Client, memory_mib, run_class,
                        start_class_server)
from .common import LOOPBACK, ROOT, Row, log, percentile

SECONDS = 60.0
STUDENTS = 60
HOSTILE = "127.0.200.1" if sys.platform.startswith("linux") else None  # not a student's address
CONNECTIONS = 8           # the hostile device's senders (the server allows a device 32)
BATCH = 24                # answers a request, each of MAX_TEXT letters: about 480 KB
OPEN = "iskitim-questions"


def hostile_device(port: int, catalogue: Catalogue, tally: Counter):
    """The hostile device, to run beside the lesson until its deadline: one connection joining
    without pause, and CONNECTIONS senders, each joined once. Each status is counted in tally."""
    item = catalogue.exercises[OPEN].items["three-questions"]

    async def joiner(deadline: float):
        client = Client(port, HOSTILE)
        while time.monotonic() < deadline:
            status, _ = await client.request("POST", "/api/join", {"name": "Flood"})
            tally[f"join {status}"] += 1

    async def sender(number: int, deadline: float):
        client = Client(port, HOSTILE)
        status, body = await client.request("POST", "/api/join", {"name": f"Flood {number}"})
        tally[f"join {status}"] += 1
        if status != 201:
            return
        auth = {"Authorization": "Bearer " + json.loads(body)["token"]}
        while time.monotonic() < deadline:
            events = [{"id": secrets.token_hex(8), "type": "answer", "exercise": OPEN,
                       "at": time.time() * 1000,
                       "items": {"three-questions": {"v": item.version, "r": "x" * 20000}}}
                      for _ in range(BATCH)]
            status, _ = await client.request("POST", "/api/events", {"events": events}, auth)
            tally[f"events {status}"] += 1

    async def flood(deadline: float):
        try:
            await asyncio.gather(*(sender(n, deadline) for n in range(CONNECTIONS)),
                                 joiner(deadline))
        except (OSError, asyncio.IncompleteReadError, ValueError) as error:
            tally[type(error).__name__] += 1
    return flood


def lesson(site: Path, data: Path, seconds: float, students: int, catalogue, pages,
           tally: Counter | None):
    """One lesson on a fresh server; beside it the hostile device when `tally` is given.
    Returns the class's (submit, refresh, errors, acked) and the server's memory after."""
    server, port = start_class_server(site, data)
    try:
        wait_for(f"http://{LOOPBACK}:{port}/")
        beside = hostile_device(port, catalogue, tally) if tally is not None else None
        result = asyncio.run(run_class(port, students, catalogue, pages, seconds, beside))
        return result, memory_mib(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=20)


def measure_flood(site: Path, workdir: Path, seconds: float = SECONDS,
                  students: int = STUDENTS) -> list[Row]:
    """The class alone, then the same class beside the hostile device (same machine, same
    minutes, so the two compare)."""
    catalogue = Catalogue.load(ROOT)
    pages = ["/" + p.relative_to(site).as_posix() for p in sorted(site.rglob("*.html"))
             if p.name != "404.html" and not p.relative_to(site).as_posix().startswith("teachers/")]
    log(f"flood: {students} students alone for {seconds:.0f} s")
    (alone, alone_refresh, _, _), _ = lesson(site, workdir / "class-data-alone", seconds, students,
                                 catalogue, pages, None)
    log(f"flood: {students} students and one hostile device for {seconds:.0f} s")
    tally: Counter = Counter()
    data = workdir / "class-data-flood"
    (submit, refresh, errors, acked), memory = lesson(site, data, seconds, students, catalogue,
                                                      pages, tally)
    with sqlite3.connect(data / "class.sqlite3") as db:
        flooded = db.execute(
            "SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(items AS BLOB))), 0) FROM events WHERE "
            "student IN (SELECT id FROM students WHERE name LIKE 'Flood%')").fetchone()
        accounts = db.execute("SELECT COUNT(*) FROM students WHERE name LIKE 'Flood%'").fetchone()[0]
        stored = {row[0] for row in db.execute("SELECT event_id FROM events")}
    lost = len(set(acked) - stored)
    ms = lambda s: f"{s * 1000:.1f} ms"  # noqa: E731
    who = f"{students} students beside one flooding device, {seconds:.0f} s"
    sent = sum(n for key, n in tally.items() if key.startswith("events"))
    joins = sum(n for key, n in tally.items() if key.startswith("join"))
    return [
        Row("Flood", f"{who}: the class's errors; answers lost",
            f"{len(errors)}; {lost}", "0; 0", not errors and not lost),
        Row("Flood", f"{who}: the class's submission p95 (median); the class alone",
            f"{ms(percentile(submit, 0.95))} ({ms(statistics.median(submit))}); "
            f"{ms(percentile(alone, 0.95))}",
            f"< {TARGET_SUBMIT_MS} ms", percentile(submit, 0.95) * 1000 < TARGET_SUBMIT_MS),
        Row("Flood", f"{who}: class page refresh p95 (max) of {len(refresh)}; the class alone",
            f"{ms(percentile(refresh, 0.95))} ({ms(max(refresh))}); "
            f"{ms(percentile(alone_refresh, 0.95))}", f"< {TARGET_REFRESH_MS} ms",
            percentile(refresh, 0.95) * 1000 < TARGET_REFRESH_MS),
        Row("Flood", f"the device: accounts made / joins tried; batches of {BATCH} sent (refused)",
            f"{accounts} / {joins:,}; {sent:,} ({tally['events 429']:,})"),
        Row("Flood", "the device: answers stored, and their size; server memory after",
            f"{flooded[0]:,}, {flooded[1] / 2**20:.1f} MiB; {memory[0]:.0f} MiB"),
    ]
