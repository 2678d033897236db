"""A check-up's answers never reach the students' browsers: no page, script or search index of
the built site holds any of its key's words, except the teachers' answer key."""

from __future__ import annotations

from pathlib import Path

import pytest

from classroom.project import Module
from support import ROOT

MODULE = Module.load(ROOT)
CHECKUP = [e for e in MODULE.exercises.values() if e.assessment]
# The one page that may hold the check-up's key: the teachers' answer key.
TEACHERS_KEY = "teachers/answer-key.html"


def held_out_texts() -> list[str]:
    """Every feedback, reason, model answer and rubric line of the check-up's keys."""
    texts = []
    for exercise in CHECKUP:
        texts += list(exercise.not_claims.values())
        for item in exercise.items:
            texts += exercise.handler.key_texts(item)
    return [text for text in texts if len(text) > 20]


def test_the_module_has_a_held_out_check_up_of_all_five_kinds():
    assert sum(len(e.items) for e in CHECKUP) >= 15
    assert {e.kind for e in CHECKUP} == {"mark-claims", "evidence-level", "missing-info",
                                        "choice", "open"}


def served_files(site: Path) -> list[Path]:
    return [path for path in site.rglob("*") if path.is_file() and path.suffix != ".map"]


def test_no_page_script_or_search_index_holds_a_check_up_answer(site):
    texts = held_out_texts()
    assert texts
    for path in served_files(site):
        if path.relative_to(site).as_posix().startswith(TEACHERS_KEY) or path.suffix == ".gz":
            continue
        content = path.read_bytes().decode("utf-8", errors="ignore")
        leaked = [text for text in texts if text in content or text.replace("\"", "\\\"") in content]
        assert not leaked, f"{path.relative_to(site)} holds check-up key text: {leaked[0]!r}"


def test_the_teachers_answer_key_shows_the_check_up(site):
    answer_key = (site / TEACHERS_KEY).read_text(encoding="utf-8")
    for exercise in CHECKUP:
        assert f'id="key-{exercise.id}"' in answer_key


def test_a_check_up_hands_in_instead_of_checking(page, server):
    if not CHECKUP:
        pytest.fail("there is no check-up to test")
    exercise = CHECKUP[0]
    page.goto(server + MODULE.placements[exercise.id][:-3] + ".html")
    root = page.locator(f"[data-exercise='{exercise.id}']")
    assert root.locator("[data-action='check'], [data-action='solution']").count() == 0
    assert root.locator("[data-action='handin']").is_visible()
