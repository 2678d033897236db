"""What the parts share: the table row, progress lines, the classroom server and Chromium."""

from __future__ import annotations

import math
import os
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.support import (CHROMIUM, ROOT, build_env, launch_chromium,  # noqa: F401
                           offline_context, serving_in_background)

LOOPBACK = "127.0.0.1"


@dataclass
class Row:
    """One line of the table: a figure, its target (if it has one) and whether it meets it."""
    part: str
    measure: str
    value: str
    target: str = "—"
    ok: bool | None = None  # None: a figure shown for context, with no target

    @property
    def result(self) -> str:
        return {True: "pass", False: "**miss**", None: ""}[self.ok]


def log(message: str) -> None:
    """A progress line, on stderr so that stdout holds only the table."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with `share` of all at or below it (of
    20 values, p95 is the 19th smallest; of 15, the largest)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else float("nan")


def kib(size: int) -> str:
    return f"{size / 1024:.1f} KiB"


@contextmanager
def serving(site_dir: Path, stderr_path: Path | None = None):
    """The classroom server (`make serve`'s) over a built site, on a free loopback port;
    what it prints on stderr goes to `stderr_path` when one is given."""
    with open(stderr_path or os.devnull, "w") as stderr:
        with serving_in_background(site_dir, stderr=stderr if stderr_path else None) as url:
            yield url


@contextmanager
def chromium():
    """Debian's Chromium driven by Playwright; yields the browser."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


def fresh_context(browser):
    """A new, empty browser profile that refuses any request leaving this machine."""
    return offline_context(browser)
