"""Answers do not leak: not into search, not onto a printed worksheet before checking; and the
teachers' answer key prints every item with its reason. axe still passes after Check."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from answering import answer_right, choose, press
from support import axe_violations, key_texts


def squeeze(text: str) -> str:
    """Text compared without white space, which PDF extraction breaks and joins at will."""
    return re.sub(r"\s+", "", text)


def pdf_text(page) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(page.pdf())).pages)


def test_a_printed_worksheet_shows_no_answers_until_the_learner_checks(page, starter):
    page.goto(starter.url + "practice.html")
    worksheet = squeeze(pdf_text(page))
    evidence = starter.exercise("evidence-level")
    assert squeeze(evidence.items[0].quote) in worksheet  # the questions do print
    leaked = [s for s in key_texts(starter.module.exercises.values(), shortest=1) if squeeze(s) in worksheet]
    assert leaked == []
    answer_right(page, evidence)
    press(page, evidence, "check")
    assert squeeze(evidence.items[0].feedback) in squeeze(pdf_text(page))


def test_the_printed_test_forms_show_their_questions_and_no_key(page, server, module):
    page.goto(server + "practice/test.html")
    printed = squeeze(pdf_text(page))
    forms = [exercise for exercise in module.exercises.values() if exercise.form]
    assert len(forms) == 2
    for exercise in forms:
        assert squeeze(exercise.items[-1].question) in printed  # every question prints
    leaked = [s for s in key_texts(forms, shortest=1) if squeeze(s) in printed]
    assert leaked == []


def test_the_answer_key_page_prints_every_item_with_its_reason(page, starter):
    page.goto(starter.url + "answer-key.html")
    printed = squeeze(pdf_text(page))
    missing = [s for s in key_texts(starter.module.exercises.values(), shortest=1) if squeeze(s) not in printed]
    assert missing == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_accessibility_violations_after_check_and_solution(browser, starter, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(starter.url + "practice.html")
    for exercise in starter.module.exercises.values():
        answer_right(page, exercise)
        press(page, exercise, "check")
    evidence = starter.exercise("evidence-level")
    choose(page, evidence, evidence.items[0], "none")
    press(page, evidence, "solution")
    press(page, starter.exercise("mark-claims"), "solution")
    assert axe_violations(page) == []
    page.goto(starter.url + "my-answers.html")
    assert axe_violations(page) == []
    context.close()
