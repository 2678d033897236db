"""The browser's scorers (classroom/kinds/*/kind.js) give the same verdict as the Python ones on
every row of the shared table, in real Chromium, so the laptop and the page never disagree."""

from __future__ import annotations

import pytest

from classroom.kinds import KINDS
from scoring import cases

CASES = cases()


@pytest.fixture(scope="module")
def practice(browser, starter):
    page = browser.new_page()
    page.goto(starter.url + "practice.html")
    yield page
    page.close()


def test_every_row_gets_the_same_verdict_in_python_and_in_the_browser(practice):
    judged = practice.evaluate("""rows => rows.map(([kind, key, item, response]) =>
        window.WHC.judge(kind, key, item, response))""",
                               [[kind, key, item_id, response]
                                for _, kind, key, item_id, response, _ in CASES])
    for (name, kind, key, item_id, response, expected), in_browser in zip(CASES, judged):
        assert in_browser == expected, f"row {name}: the browser says {in_browser}"
        assert in_browser == KINDS[kind].score(key, item_id, response), name


def test_the_browser_refuses_a_kind_it_does_not_know(practice):
    error = practice.evaluate("""() => { try { window.WHC.judge("drag-and-drop", {}, "x", null); }
                                 catch (e) { return e.message; } }""")
    assert error == "'drag-and-drop' is not an exercise kind"


def test_an_exercise_of_an_unknown_kind_says_so_on_the_page(context, starter):
    page = context.new_page()
    page.goto(starter.url + "practice.html")
    html = page.evaluate("""() => {
        const section = document.querySelector("[data-exercise]").cloneNode(true);
        section.dataset.exercise = "copy"; section.dataset.kind = "drag-and-drop";
        delete section.whc; document.body.append(section); return true; }""")
    assert html
    page.evaluate("() => window.document$ ? window.document$.next(document) : null")
    notice = page.locator("[data-exercise='copy'] [data-notice]")
    assert notice.inner_text() == "'drag-and-drop' is not an exercise kind"
