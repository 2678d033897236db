"""The class page on paper (D20): the class report of 30 students fits two A4 pages, without
buttons; one page per student prints each student's work, a page each."""

from __future__ import annotations

import re
from functools import cache

from playwright.sync_api import expect

from classroom.classmode.catalogue import Catalogue
from support import ROOT, call, class_server, open_class_page

EXERCISE = "lesson-1-practice"


@cache
def items() -> dict:
    return {i: item.version for i, item in Catalogue.load(ROOT).exercises[EXERCISE].items.items()}


def pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_a_class_of_thirty_prints_in_two_pages_and_one_page_each(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        names = [f"Student {n:02d} Lastname" for n in range(30)]
        for n, name in enumerate(names):
            _, student, _ = call(server.url, "api/join", {"name": name})
            event = {"id": f"check-{n:04d}", "type": "check", "exercise": EXERCISE, "at": 1,
                     "items": {i: {"v": v, "r": "ab"[n % 2]} for i, v in items().items()}}
            call(server.url, "api/events", {"events": [event]},
                 {"Authorization": f"Bearer {student['token']}"})
        teacher = open_class_page(browser.new_context(), server.url)
        teacher.locator("[data-class-students] th", has_text=names[-1]).wait_for()
        teacher.locator("[data-class-missed] li a").first.wait_for()
        teacher.emulate_media(media="print")
        assert teacher.locator(".whc-class .md-button:visible").count() == 0
        assert teacher.locator("[data-class-students] th:visible").count() == 30
        # Walk 5: no control and no empty "Delete" column on paper.
        assert teacher.locator(".whc-class :is(input, select):visible").count() == 0
        assert teacher.get_by_text("Delete a student's data").is_hidden()
        # On paper the lesson's name and date stand where the chooser was.
        expect(teacher.locator("[data-class-printed-lesson]")).to_be_visible()
        assert re.fullmatch(r"Lesson: Lesson of \d{4}-\d\d-\d\d \d\d:\d\d",
                            teacher.locator("[data-class-printed-lesson]").inner_text())
        summary = teacher.pdf(format="A4")  # with the print styles, as the browser prints
        assert pages(summary) <= 2, f"the class report takes {pages(summary)} pages"

        teacher.emulate_media(media="screen")
        teacher.evaluate("() => { window.print = () => { window.whcPrinted = true; }; }")
        teacher.get_by_role("button", name="Print one page per student").click()
        teacher.wait_for_function("() => window.whcPrinted === true")
        assert teacher.evaluate("document.body.classList.contains('whc-print-students')")
        # Walk 4: each line names its item, as the page numbers it, then the answer.
        first = teacher.locator(".whc-class__report").first.locator("li").first
        exercise = Catalogue.load(ROOT).exercises[EXERCISE]
        label = next(iter(exercise.items.values())).label or exercise.title
        assert first.locator("strong").inner_text() == f"1. {label}"
        teacher.emulate_media(media="print")
        each = teacher.pdf(format="A4")
        assert pages(each) == 30, f"{pages(each)} pages for 30 students"
        teacher.context.close()
