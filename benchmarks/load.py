"""Part 5: a full classroom: the classroom server under 60 simulated students, on loopback.

Each student is a coroutine holding one keep-alive HTTP/1.1 connection, as a browser does,
and visits page after page with no pause: the page, the CSS and JS it links, and the search
index. That is harsher than a real class, where students read between clicks. The run stops
after DURATION seconds or MAX_REQUESTS requests, whichever comes first.
"""

from __future__ import annotations

import asyncio
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urljoin, urlparse

from classroom.editions import is_teachers_page

from .common import LOOPBACK, Row, log, percentile

STUDENTS = 60
DURATION = 30.0  # seconds
MAX_REQUESTS = 300_000
TIMEOUT = 10.0  # seconds for one request; longer counts as an error
TARGET_P95_MS = 100


def visits(site_dir: Path) -> list[list[str]]:
    """For each page a student can open, the paths a first visit fetches: the page, its CSS and
    JS, the search worker and the search index (as the browser showed in the weight part).
    Teachers' pages are left out: under `make serve` they need the teacher's PIN."""
    result = []
    for html in sorted(site_dir.rglob("*.html")):
        relative = html.relative_to(site_dir).as_posix()
        if relative == "404.html" or is_teachers_page(relative):
            continue
        page_url = "/" + (relative[:-len("index.html")] if relative.endswith("index.html")
                          else relative)
        text = html.read_text(encoding="utf-8")
        linked = re.findall(r'<link[^>]+rel="(?:stylesheet|icon)"[^>]+href="([^"]+)"', text)
        linked += re.findall(r'<script[^>]+src="([^"]+)"', text)
        config = re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                           text, re.S)
        if config:
            linked.append(json.loads(config.group(1))["search"])
        paths = [page_url]
        for link in linked:
            absolute = urlparse(urljoin("http://site" + page_url, link))
            if absolute.netloc == "site" and absolute.path not in paths:
                paths.append(absolute.path)
        paths.append("/search/search_index.json")
        result.append(paths)
    return result


async def fetch(reader, writer, path: str) -> tuple[int, int, bool]:
    """One GET on an open connection: (status, body bytes, whether the connection stays open)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {LOOPBACK}\r\nUser-Agent: whc-bench\r\n"
                 "Accept: */*\r\nAccept-Encoding: gzip, deflate, br\r\n"
                 "Connection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
    status = int(head[0].split()[1])
    headers = {}
    for line in head[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        size = len(await reader.readexactly(int(headers["content-length"])))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        size = 0
        while True:
            chunk = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            size += len(await reader.readexactly(chunk + 2)) - 2
            if chunk == 0:
                break
    else:
        size = len(await reader.read())
        return status, size, False
    return status, size, headers.get("connection", "").lower() != "close"


class Tally:
    def __init__(self):
        self.latencies: list[float] = []  # seconds, of successful requests
        self.errors: list[str] = []
        self.bytes = 0
        self.connections = 0
        self.started = 0  # requests begun, against MAX_REQUESTS


def device_address(number: int) -> tuple[str, int] | None:
    """Each student connects from an address of its own, as each device in a class does (the
    server limits connections per device). Linux answers on all of 127.0.0.0/8; elsewhere
    every student shares 127.0.0.1."""
    return (f"127.0.1.{number + 1}", 0) if sys.platform.startswith("linux") else None


async def student(number: int, all_visits: list[list[str]], port: int, deadline: float,
                  tally: Tally) -> None:
    chooser = random.Random(number)
    reader = writer = None
    while time.monotonic() < deadline:
        for path in chooser.choice(all_visits):
            if time.monotonic() >= deadline or tally.started >= MAX_REQUESTS:
                break
            tally.started += 1
            start = time.perf_counter()
            try:
                if writer is None:
                    reader, writer = await asyncio.wait_for(asyncio.open_connection(
                        LOOPBACK, port, local_addr=device_address(number)), TIMEOUT)
                    tally.connections += 1
                status, size, keep_open = await asyncio.wait_for(
                    fetch(reader, writer, path), TIMEOUT)
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError,
                    asyncio.LimitOverrunError, ValueError, IndexError) as error:
                tally.errors.append(f"{path}: {type(error).__name__} {error}")
                if writer is not None:
                    writer.close()
                reader = writer = None
                continue
            elapsed = time.perf_counter() - start
            if status >= 400:
                tally.errors.append(f"{path}: HTTP {status}")
            else:
                tally.latencies.append(elapsed)
                tally.bytes += size
            if not keep_open:
                writer.close()
                reader = writer = None
        if tally.started >= MAX_REQUESTS:
            break
    if writer is not None:
        writer.close()


async def classroom(all_visits: list[list[str]], port: int) -> tuple[Tally, float]:
    tally = Tally()
    start = time.monotonic()
    deadline = start + DURATION
    await asyncio.gather(*(student(n, all_visits, port, deadline, tally)
                           for n in range(STUDENTS)))
    return tally, time.monotonic() - start


def deepest_queue(server_log: Path | None) -> int:
    """The server's notes give the most requests that waited for one of its 16 threads."""
    if server_log is None or not server_log.exists():
        return 0
    depths = re.findall(r"most requests waiting for a server thread: (\d+)",
                        server_log.read_text(errors="replace"))
    return max((int(depth) for depth in depths), default=0)


def measure_classroom(base_url: str, site_dir: Path, server_log: Path | None = None) -> list[Row]:
    port = urlparse(base_url).port
    all_visits = visits(site_dir)
    log(f"classroom: {STUDENTS} students on {LOOPBACK}:{port} for {DURATION:.0f} s "
        f"(at most {MAX_REQUESTS:,} requests), over {len(all_visits)} pages")
    tally, seconds = asyncio.run(classroom(all_visits, port))
    done = len(tally.latencies) + len(tally.errors)
    log(f"classroom: {done:,} requests in {seconds:.1f} s, {len(tally.errors)} errors, "
        f"{tally.connections} connections")
    for error in tally.errors[:10]:
        log(f"classroom error: {error}")
    if not tally.latencies:
        raise RuntimeError("no request of the simulated class succeeded")
    median = statistics.median(tally.latencies) * 1000
    p95 = percentile(tally.latencies, 0.95) * 1000
    p99 = percentile(tally.latencies, 0.99) * 1000
    return [
        Row("Classroom", f"{STUDENTS} students, keep-alive, no pause, {seconds:.0f} s: "
            "requests per second", f"{done / seconds:,.0f} ({tally.bytes / seconds / 1e6:.0f} MB/s)"),
        Row("Classroom", "errors", f"{len(tally.errors)} of {done:,}", "0",
            not tally.errors),
        Row("Classroom", "median latency", f"{median:.1f} ms"),
        Row("Classroom", "p95 latency", f"{p95:.1f} ms", f"< {TARGET_P95_MS} ms",
            p95 < TARGET_P95_MS),
        Row("Classroom", "p99 / slowest latency",
            f"{p99:.0f} / {max(tally.latencies) * 1000:.0f} ms"),
        Row("Classroom", "most requests waiting for a server thread (of 16)",
            str(deepest_queue(server_log))),
    ]
