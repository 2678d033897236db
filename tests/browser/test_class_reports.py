"""The class page on paper (D20, issue 22): the class report of 36 students who did a lesson's
work (practice Checks, a marked text, open answers, check-up hand-ins, released results) fits
two A4 pages, without buttons, in type of 8 pt or more; each student's work prints from a page
of its own, under their name, each item told apart by its number and quoted sentence."""

from __future__ import annotations

import io
import random
import re
from functools import cache

from playwright.sync_api import expect
from pypdf import PdfReader

from classroom.classmode.catalogue import Catalogue
from support import (ROOT, call, class_server, example_event, open_class_page,
                     teacher_cookie)

PRACTICE = ("lesson-1-practice", "iskitim-claims", "iskitim-evidence", "iskitim-missing",
            "iskitim-questions")
CHECKUP = ("checkup-missing", "checkup-questions", "checkup-open")
# Names as a class types them: accents, other alphabets, and a few long ones.
NAMES = ["Aleksandr Ż.", "Amir B.", "Beatriz C.", "Ben T.", "Brigid Ó.", "Cem Ş.", "Chen L.",
         "Chloe M.", "Dalia Ü.", "Dan P.", "Dmitri V.", "Elif Y.", "Eva S.", "Fatima Z.",
         "Finn R.", "Gus H.", "Hana N.", "Ivan P.", "Jade W.", "Kofi A.", "Lena M.", "Mateo R.",
         "Nia O.", "Oskar J.", "Priya S.", "Quinn D.", "Rosa G.", "Sami K.", "Tomás E.",
         "Uma I.", "Viktor F.", "Wren T.", "Xiu Q.", "Maximilian Oberhausen-Wittgenstein",
         "Anastasia Konstantinopoulou", "Дар'я К."]


@cache
def catalogue() -> Catalogue:
    return Catalogue.load(ROOT)


def event(exercise_id: str, kind: str, rng: random.Random, n: int) -> dict:
    return example_event(catalogue().exercises[exercise_id],
                         f"{kind}-{n}-{rng.getrandbits(48):012x}", rng, kind)


def a_lesson_of_36(url: str) -> None:
    """36 students join; most check every practice exercise (some three times, some are shown
    a solution), one only joins; the check-up opens, most hand in its parts, and the teacher
    releases the results."""
    rng, tokens = random.Random(22), []
    for n, name in enumerate(NAMES):
        status, student, _ = call(url, "api/join", {"name": name})
        assert status == 201, student
        tokens.append({"Authorization": f"Bearer {student['token']}"})
    for n, token in enumerate(tokens[:-1]):
        events = [event(exercise, "check", rng, n) for exercise in PRACTICE[: 5 - n % 3]]
        if n % 6 == 3:  # three Checks without getting it all right: may need help
            events += [event(PRACTICE[0], "check", rng, n) for _ in range(2)]
        if n % 9 == 7:
            events.append(event(PRACTICE[0], "solution", rng, n))
        status, body, _ = call(url, "api/events", {"events": events}, token)
        assert status == 200, body
    teacher = teacher_cookie(url)
    opened = call(url, "api/teacher/checkup", {"open": True, "feedback": "release"}, teacher)
    assert opened[0] == 200
    for n, token in enumerate(tokens[:-2]):
        events = [event(exercise, "handin", rng, n) for exercise in CHECKUP[: 1 + n % 3]]
        status, body, _ = call(url, "api/events", {"events": events}, token)
        assert status == 200, body
    assert call(url, "api/teacher/checkup", {"released": True}, teacher)[0] == 200


def printed(pdf: bytes) -> list[str]:
    """The text of each printed page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


SMALLEST = 8 * 96 / 72  # 8 pt in CSS pixels

# The font size of the smallest printed text of the class report, and where it is.
SMALLEST_TEXT = """() => {
  const sizes = [...document.querySelectorAll('.md-content *')]
    .filter((e) => e.checkVisibility() && [...e.childNodes].some((t) => t.nodeType === 3 && t.textContent.trim()))
    .map((e) => [parseFloat(getComputedStyle(e).fontSize), e.tagName + ' ' + e.textContent.trim().slice(0, 40)]);
  return sizes.sort((a, b) => a[0] - b[0])[0];
}"""


def test_a_class_of_36_prints_its_report_in_two_pages(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        a_lesson_of_36(server.url)
        teacher = open_class_page(browser.new_context(), server.url)
        teacher.locator("[data-class-students] th", has_text=NAMES[-1]).wait_for()
        teacher.locator("[data-class-missed] li a").first.wait_for()
        teacher.locator("[data-class-help] li", has_text="Show solution").first.wait_for()
        teacher.emulate_media(media="print")
        teacher.set_viewport_size({"width": 700, "height": 1000})  # an A4 page's width
        assert teacher.locator(".whc-class .md-button:visible").count() == 0
        assert teacher.locator("[data-class-students] th:visible").count() == 36
        # Walk 5: no control and no empty "Delete" column on paper.
        assert teacher.locator(".whc-class :is(input, select):visible").count() == 0
        assert teacher.get_by_text("Delete a student's data").is_hidden()
        # On paper the lesson's name and date stand where the chooser was.
        expect(teacher.locator("[data-class-printed-lesson]")).to_be_visible()
        assert re.fullmatch(r"Lesson: Lesson of \d{4}-\d\d-\d\d \d\d:\d\d",
                            teacher.locator("[data-class-printed-lesson]").inner_text())
        size, where = teacher.evaluate(SMALLEST_TEXT)
        assert size >= SMALLEST - 0.01, f"{where} prints at {size * 72 / 96:.1f} pt"
        pages = printed(teacher.pdf(format="A4"))  # with the print styles, as the browser prints
        assert len(pages) <= 2, f"the class report takes {len(pages)} pages"
        # Who, their scores, who may need help and the items most missed are all on paper.
        text = re.sub(r"\s+", " ", " ".join(pages))
        for name in NAMES:
            assert name in text, f"{name} is not on the printed report"
        assert "Who may need help" in text and "3 Checks on" in text and "Show solution" in text
        missed = teacher.locator("[data-class-missed] li").all_inner_texts()
        assert len(missed) == 5
        for line in missed:
            assert re.sub(r"\s+", " ", line) in text
        # The results are released: printed with the key shown, the check-up's column says
        # each student's score too, and still fits.
        teacher.emulate_media(media="screen")
        teacher.get_by_label("Show the key's answers and reasons").check()
        teacher.locator("[data-class-students] td", has_text="parts handed in:").first.wait_for()
        teacher.emulate_media(media="print")
        pages = printed(teacher.pdf(format="A4"))
        assert len(pages) <= 2, f"with the key shown, the class report takes {len(pages)} pages"
        assert re.search(r"\d of 6 parts handed in: \d+ of \d+", " ".join(pages))
        teacher.context.close()


def shortened(quote: str) -> str:
    """The start of a long quote as the printed page shows it."""
    return quote if len(quote) <= 100 else quote[:100].rsplit(" ", 1)[0]


def test_one_page_per_student_tells_each_item_apart(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        a_lesson_of_36(server.url)
        teacher = open_class_page(browser.new_context(), server.url)
        teacher.locator("[data-class-students] th", has_text=NAMES[-1]).wait_for()
        teacher.evaluate("() => { window.print = () => { window.whcPrinted = true; }; }")
        teacher.get_by_role("button", name="Print each student's work").click()
        teacher.wait_for_function("() => window.whcPrinted === true")
        assert teacher.evaluate("document.body.classList.contains('whc-print-students')")
        # Walk 4: each line names its item, as the page numbers it, then the answer; an item
        # that quotes a sentence prints the sentence (shortened if long), so items 2 and 3 of
        # Lesson 1, which ask the same question, differ on paper too.
        exercise = catalogue().exercises[PRACTICE[0]]
        lines = teacher.locator(".whc-class__report").first.locator("tbody").first.locator("tr:has(td)")
        for number, item in enumerate(exercise.items.values(), 1):
            line = lines.nth(number - 1)
            assert line.locator("strong").inner_text() == f"{number}. {item.label}"
            assert line.locator("td").inner_text().startswith(("Answer: ", "not answered"))
            if not item.quote:
                assert line.locator("q").count() == 0
                continue
            assert line.locator("q").count() == 1, f"item {number} prints without its quote"
            quote = line.locator("q").inner_text()
            assert quote.startswith(shortened(item.quote))
            assert quote == item.quote or (quote.endswith("…") and len(quote) <= 101)
        assert len(exercise.items["cells-migrate"].quote) > 100  # one long enough to shorten
        second, third = lines.nth(1).inner_text(), lines.nth(2).inner_text()
        assert second.split("”")[0] != third.split("”")[0]
        # An item that asks about the sentence it quotes names it once.
        evidence = catalogue().exercises[PRACTICE[2]]
        assert all(item.quote == item.label for item in evidence.items.values())
        asked = teacher.locator(".whc-class__report").first.locator("tbody", has_text=evidence.title)
        assert asked.locator("tr:has(td)").count() == len(evidence.items)
        assert asked.locator("q").count() == 0
        teacher.emulate_media(media="print")
        pages = printed(teacher.pdf(format="A4"))
        # Each student's work starts a page of its own, under their name; a page it runs onto
        # is headed by the name too.
        starts = [page.split("\n", 1)[0].strip() for page in pages]
        runs = [name for n, name in enumerate(starts) if n == 0 or starts[n - 1] != name]
        assert sorted(runs) == sorted(NAMES), starts  # each student's pages together, once
        first = re.sub(r"\s+", " ", pages[0])
        for item in list(exercise.items.values())[1:3]:
            assert shortened(item.quote) in first
        teacher.context.close()


def test_a_student_whose_work_runs_past_a_page_is_named_on_every_page(browser, site, tmp_path):
    """Found printing at stop 31: a long report's second page had no name on it; and a
    teacher's walk found exercise titles left alone at the foot of a page."""
    with class_server(site, tmp_path) as server:
        status, student, _ = call(server.url, "api/join", {"name": "Amy K."})
        assert status == 201, student
        done = [exercise.id for exercise in catalogue().exercises.values()
                if not exercise.assessment and not exercise.form]
        rng = random.Random(7)
        events = [event(exercise, "check", rng, n) for n, exercise in enumerate(done)]
        assert call(server.url, "api/events", {"events": events},
                    {"Authorization": f"Bearer {student['token']}"})[0] == 200
        teacher = open_class_page(browser.new_context(), server.url)
        teacher.evaluate("() => { window.print = () => { window.whcPrinted = true; }; }")
        teacher.get_by_role("button", name="Print each student's work").click()
        teacher.wait_for_function("() => window.whcPrinted === true")
        teacher.emulate_media(media="print")
        pages = printed(teacher.pdf(format="A4"))
        assert len(pages) >= 3, "a report this long should take several pages"
        titles = teacher.locator(".whc-class__report th[scope=colgroup]").all_inner_texts()
        for number, page in enumerate(pages, 1):
            assert page.startswith("Amy K.\nLesson: "), f"page {number} starts {page[:40]!r}"
            last = page.strip().split("\n")[-1].strip()
            assert not any(last in title for title in titles), f"page {number} ends on {last!r}"
        teacher.context.close()
