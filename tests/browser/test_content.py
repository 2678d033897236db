"""The teaching content meets its promises: every key proven in the browser, the sets complete,
all nine priority concepts covered, readable lessons, and fair wording."""

from __future__ import annotations

import re
import statistics
from collections import defaultdict

import pytest

from answering import answer_right, exercise_root, full_score, press, score_text
from classroom.glossary import load_glossary
from classroom.keypoints import gather_key_points
from classroom.project import Module
from classroom.readability import TARGET_MEDIAN, grades
from conftest import ROOT


def pages_with_exercises(module) -> dict[str, list]:
    pages = defaultdict(list)
    for exercise_id, page in module.placements.items():
        pages[page[:-3] + ".html"].append(module.exercises[exercise_id])
    return dict(pages)


MODULE = Module.load(ROOT)
# A check-up has no key in the page: tests/unit/test_every_alternative.py proves its key with
# the laptop's scorer instead.
PRACTICE = [e for e in MODULE.exercises.values() if not e.assessment]
WITH_ALTERNATIVES = [e.id for e in PRACTICE if any(i.also for i in e.items)]


@pytest.mark.parametrize("exercise_id", [e.id for e in PRACTICE])
def test_every_answer_key_earns_full_marks_in_the_browser(page, server, module, exercise_id):
    exercise = module.exercises[exercise_id]
    page.goto(server + module.placements[exercise_id][:-3] + ".html")
    answer_right(page, exercise)
    press(page, exercise, "check")
    assert score_text(page, exercise) == full_score(exercise)


@pytest.mark.parametrize("exercise_id", WITH_ALTERNATIVES)
def test_every_alternative_answer_earns_full_marks_too(page, server, module, exercise_id):
    exercise = module.exercises[exercise_id]
    page.goto(server + module.placements[exercise_id][:-3] + ".html")
    answer_right(page, exercise, alternatives=True)
    press(page, exercise, "check")
    assert score_text(page, exercise) == full_score(exercise)
    feedback = exercise_root(page, exercise).inner_text()
    for item in exercise.items:
        for reason in list(item.also.values())[:1]:
            assert reason in feedback, item.id


def test_six_lessons_with_objectives_practice_and_key_points_gathered(site):
    lessons = gather_key_points(ROOT / "docs" / "lessons", ROOT / "docs")
    assert len(lessons) == 6
    for lesson in lessons:
        text = (ROOT / "docs" / lesson.page).read_text(encoding="utf-8")
        assert '!!! question "Questions this lesson answers"' in text
        assert '!!! abstract "Learning objectives"' in text
        assert "<!-- whc:exercise " in text
    gathered = (site / "lessons" / "key-points.html").read_text(encoding="utf-8")
    for lesson in lessons:
        assert lesson.title in gathered


def test_lessons_read_at_secondary_school_level(site):
    measured = grades(site)
    assert len(measured) >= 6
    assert statistics.median(measured.values()) <= TARGET_MEDIAN


def test_the_glossary_has_at_least_thirty_terms_shown_as_tooltips(site):
    terms = load_glossary(ROOT / "includes" / "glossary.md", ROOT)
    assert len({term.definition for term in terms}) >= 30
    lesson = (site / "lessons" / "05-research.html").read_text(encoding="utf-8")
    assert lesson.count("<abbr title=") >= 5


def test_every_doi_on_the_sources_page_is_a_link(site):
    html = (site / "sources.html").read_text(encoding="utf-8")
    dois = re.findall(r"10\.\d{4,9}/[^\s<\"]+", re.sub(r"<a [^>]*>", "", html))
    assert len(dois) >= 10
    for doi in set(dois):
        assert f'href="https://doi.org/{doi}"' in html



