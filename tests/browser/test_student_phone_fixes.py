"""What a student found on a phone (issue 25), in Chromium at 390x844: feedback that does not
say "Also fair:" twice and names the key's own answer; a bare "No." never stands alone before
"Why?"; Find the claims keeps its paragraph range and labels an also-fair mark as such; the
practice pages state their part and minutes first; the pen bar is labelled and easy to tap."""

from __future__ import annotations

import pytest

from answering import choose, exercise_root, mark, press
from support import PHONE

LESSON_1 = "lessons/01-what-is-a-health-claim.html"


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def page_of(module, exercise_id: str) -> str:
    return module.placements[exercise_id].removesuffix(".md") + ".html"


def shown_feedback(page, exercise, item) -> str:
    """The feedback a student reads before opening "Why?"."""
    return exercise_root(page, exercise).locator(f"[data-item='{item.id}'] [data-feedback]").inner_text()


def test_an_also_fair_answer_says_so_once_and_names_the_keys_answer(phone_page, server, module):
    exercise = module.exercises["iskitim-missing"]
    item = next(i for i in exercise.items if i.id == "sources")
    phone_page.goto(server + page_of(module, exercise.id))
    choose(phone_page, exercise, item, "no", tap=True)
    press(phone_page, exercise, "check")
    said = shown_feedback(phone_page, exercise, item)
    assert said.count("Also fair:") == 1 and "Also fair: Lessons 3 and 6 rate" in said
    main = module.index.missing_info_answers[item.answer].label
    assert f"The key's main answer: {main}." in said


def test_a_bare_no_is_shown_with_the_sentence_that_says_why(phone_page, server, module):
    exercise = module.exercises["lesson-1-practice"]
    item = next(i for i in exercise.items if i.id == "cells-migrate")
    phone_page.goto(server + LESSON_1)
    choose(phone_page, exercise, item, "a", tap=True)
    press(phone_page, exercise, "check")
    said = shown_feedback(phone_page, exercise, item)
    assert "Not quite. It ends with" in said  # the useful sentence, not only "Not quite."
    press(phone_page, exercise, "retry")
    choose(phone_page, exercise, item, "d", tap=True)
    press(phone_page, exercise, "check")
    assert "No. It does not compare this treatment with any other." in shown_feedback(phone_page, exercise, item)


def test_the_paragraphs_chosen_in_find_the_claims_are_kept_on_return(phone_page, server, module):
    exercise = module.exercises["iskitim-claims"]
    first, last = exercise.paragraphs[0][0], exercise.paragraphs[-1][0]
    start, end = first + 2, first + 6
    address = server + page_of(module, exercise.id)
    phone_page.goto(address)
    root = exercise_root(phone_page, exercise)
    root.locator("[data-part-from]").fill(str(start))
    root.locator("[data-part-from]").press("Tab")
    root.locator("[data-part-to]").fill(str(end))
    root.locator("[data-part-to]").press("Tab")
    phone_page.goto(address)  # back from the menu, with no part in the address
    root = exercise_root(phone_page, exercise)
    assert root.locator("[data-part-from]").input_value() == str(start)
    assert root.locator("[data-part-to]").input_value() == str(end)
    shown = root.locator("[data-paragraph]:not([hidden])")
    assert [int(n) for n in shown.evaluate_all("(ps) => ps.map((p) => p.dataset.paragraph)")] == list(range(start, end + 1))
    root.locator("[data-part-all]").tap()
    phone_page.goto(address)
    assert exercise_root(phone_page, exercise).locator("[data-paragraph]:not([hidden])").count() == last - first + 1


def test_a_mark_of_another_fair_kind_is_labelled_also_fair_in_the_solution(phone_page, server, module):
    exercise = module.exercises["iskitim-claims"]
    claim = next(i for i in exercise.items if i.id == "other-routes")
    other = next(iter(claim.also))
    kinds = module.index.claim_kinds
    phone_page.goto(server + page_of(module, exercise.id))
    mark(phone_page, exercise, claim.sentence.id, other, tap=True)
    press(phone_page, exercise, "check")
    press(phone_page, exercise, "solution")
    root = exercise_root(phone_page, exercise)
    sentence = root.locator(f".whc-sentence[data-sentence='{claim.sentence.id}']")
    assert sentence.get_attribute("data-solution") == "also fair"
    assert "whc-sentence--found" in sentence.get_attribute("class")
    assert (f"Also fair: {kinds[other].label.lower()}; the key's main answer is "
            f"{kinds[claim.answer].label.lower()}.") in root.locator("[data-summary]").inner_text()


@pytest.mark.parametrize("path", ["practice/iskitim.html", "practice/mardaleishvili.html", "practice/compare.html",
                                  "cases/iskitim.html", "cases/mardaleishvili.html"])
def test_a_practice_or_case_page_says_its_minutes_first(phone_page, server, path):
    phone_page.goto(server + path)
    first = phone_page.locator("article h1 + p")
    assert "minutes" in first.inner_text()
    assert first.evaluate("(p) => p.getBoundingClientRect().bottom") <= PHONE["viewport"]["height"]


def test_the_pinned_pen_bar_is_labelled_edged_and_easy_to_tap(phone_page, server, module):
    exercise = module.exercises["iskitim-claims"]
    phone_page.goto(server + page_of(module, exercise.id))
    root = exercise_root(phone_page, exercise)
    root.locator("[data-paragraph='20']").scroll_into_view_if_needed()
    bar = root.locator(".whc-pens")
    header = phone_page.locator(".md-header").evaluate("(h) => h.getBoundingClientRect().bottom")
    assert bar.evaluate("(b) => b.getBoundingClientRect().top") < header + 20  # pinned under the header
    legend = bar.locator("legend")
    assert legend.is_visible() and legend.inner_text() == "Mark sentences as"
    box, first_pen = legend.bounding_box(), bar.locator(".whc-pen").first.bounding_box()
    assert box["width"] > 50 and box["y"] >= header - 1  # readable, not clipped away or under the header
    assert first_pen["y"] < box["y"] + box["height"]  # on the first row of pens, not a row of its own
    edge = bar.evaluate("(b) => [getComputedStyle(b).borderBottomWidth, getComputedStyle(b).boxShadow]")
    assert edge[0] != "0px" or edge[1] != "none"
    targets = bar.locator(".whc-pen").all() + [root.locator("[data-part-all]"), root.locator("[data-part-from]"),
                                               root.locator("[data-part-to]")]
    assert [t.bounding_box()["height"] >= 44 for t in targets] == [True] * len(targets)
