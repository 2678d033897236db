"""Part: the teacher's class page in Chromium over a full lesson: 300 students who each answered
every item. Its first draw (from navigation until every student's row, every item and the
"updated" line are on screen), three times, and its refresh with nothing new, twenty times.
"""

from __future__ import annotations

import random
import statistics
import time
from pathlib import Path

from classroom.classmode.catalogue import Catalogue
from tests.support import ClassServer, call, launch_chromium, open_class_page, teacher_cookie

from .classmode import event_for, lesson_exercises
from .common import ROOT, Row, log, percentile

STUDENTS = 300
DRAWS, REFRESHES = 3, 20
TARGET_DRAW_MS = 1000
TARGET_REFRESH_MS = 100
LAPTOP = {"width": 1280, "height": 800}

DRAWN = """(students) => document.querySelectorAll('[data-class-students] tr').length === students
  && document.querySelectorAll('[data-class-item]').length > 0
  && document.querySelector('[data-class-updated]').textContent !== ''"""


def fill_lesson(url: str, catalogue: Catalogue, students: int) -> int:
    """Every student joins and answers every item once (the check-up handed in); the items."""
    rng = random.Random(1)
    taken = lesson_exercises(catalogue)
    call(url, "api/teacher/checkup", {"open": True}, teacher_cookie(url))
    for number in range(students):
        _, joined, _ = call(url, "api/join", {"name": f"Student {number + 1}"})
        events = [event_for(exercise, list(exercise.items), rng) for exercise in taken]
        status, body, _ = call(url, "api/events", {"events": events},
                            {"Authorization": f"Bearer {joined['token']}"})
        if status != 200:
            raise RuntimeError(f"the laptop refused a student's answers ({status}: {str(body)[:80]})")
    return sum(len(exercise.items) for exercise in taken)


def measure_class_page(site: Path, workdir: Path) -> list[Row]:
    from playwright.sync_api import sync_playwright

    server = ClassServer(site, workdir / "class-page-data").start()
    try:
        items = fill_lesson(server.url, Catalogue.load(ROOT), STUDENTS)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            draws = []
            for _ in range(DRAWS):
                context = browser.new_context(viewport=LAPTOP)
                page = context.new_page()
                page.goto(server.url + "teachers/class.html")
                page.wait_for_function(DRAWN, arg=STUDENTS, timeout=60_000)
                draws.append(page.evaluate("performance.now()"))  # ms since navigation began
                context.close()
            context = browser.new_context(viewport=LAPTOP)
            page = open_class_page(context, server.url)
            page.wait_for_function(DRAWN, arg=STUDENTS, timeout=60_000)
            refreshes = []
            for _ in range(REFRESHES):
                before = page.locator("[data-class-updated]").inner_text()
                started = time.perf_counter()
                page.clock.fast_forward(5000)  # past the page's 4 s refresh
                page.wait_for_function(
                    "(before) => document.querySelector('[data-class-updated]').textContent !== before",
                    arg=before)
                refreshes.append((time.perf_counter() - started) * 1000)
            browser.close()
    finally:
        server.stop()
    draw = statistics.median(draws)
    refresh = percentile(refreshes, 0.95)
    log(f"class page: first draw {', '.join(f'{d:.0f}' for d in draws)} ms; refresh p95 {refresh:.1f} ms")
    lesson = f"{STUDENTS} students × every item ({items})"
    return [Row("Class page", f"first draw in Chromium, {lesson}, median of {DRAWS}",
                f"{draw:.0f} ms", f"< {TARGET_DRAW_MS} ms", draw < TARGET_DRAW_MS),
            Row("Class page", f"refresh with nothing new in Chromium, {lesson}, p95 of {REFRESHES}",
                f"{refresh:.1f} ms", f"< {TARGET_REFRESH_MS} ms", refresh < TARGET_REFRESH_MS)]
