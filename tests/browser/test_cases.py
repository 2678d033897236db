"""The case pages show the project's copy of each clinic text verbatim, numbered, with context."""

from __future__ import annotations

import pytest

from classroom.cases import load_cases
from support import ROOT

CASES = load_cases(ROOT / "exercises" / "cases", ROOT)


@pytest.mark.parametrize("case_id", sorted(CASES))
def test_every_paragraph_is_on_the_page_verbatim_and_numbered(page, server, case_id):
    case = CASES[case_id]
    page.goto(f"{server}cases/{case_id}.html")
    shown = page.locator(f"[data-case='{case_id}'] [data-para]")
    numbers = shown.evaluate_all("els => els.map(e => e.dataset.para)")
    texts = shown.locator(".whc-case__text").evaluate_all("els => els.map(e => e.textContent)")
    assert texts == [block.text for block in case.paragraphs]
    assert numbers == [str(n) for n in range(1, len(case.paragraphs) + 1)]
    # The number is visible, so that a class can say "paragraph 7".
    assert shown.nth(6).locator(".whc-case__number").text_content() == "Paragraph 7"


def test_omissions_are_marked_where_they_were(page, server):
    page.goto(f"{server}cases/iskitim.html")
    omissions = page.locator("[data-case='iskitim'] [data-omission]")
    assert omissions.count() == 4
    assert "Left out here: the clinic's telephone number" in omissions.first.inner_text()
    body = page.locator("article").inner_text()
    assert "+7(913)" not in body and "IntroZorn" not in body


@pytest.mark.parametrize("case_id, country", [("iskitim", "Russia"),
                                              ("mardaleishvili", "Georgia")])
def test_context_box_and_fairness_note(page, server, case_id, country):
    page.goto(f"{server}cases/{case_id}.html")
    box = page.locator(".admonition.info")
    assert "Published by:" in box.inner_text() and country in box.inner_text()
    assert "Date shown:" in box.inner_text()
    note = page.locator(".admonition.note").inner_text()
    assert "real clinic" in note and "not medical advice" in note


def test_glossary_terms_show_as_tooltips_at_their_first_use_on_the_page(page, server):
    page.goto(f"{server}cases/mardaleishvili.html")
    term = page.locator("article abbr", has_text="intrathecal")
    assert term.count() == 1 and "spinal cord" in term.get_attribute("title")
    assert page.locator("[data-case] abbr").count() >= 3  # terms first met in the clinic text
