"""Every practice key, and every alternative it accepts, earns full marks in the browser. The
content's other promises are read from the built files in tests/commands/test_site.py."""

from __future__ import annotations

import pytest

from answering import answer_right, exercise_root, full_score, open_why, press, score_text
from classroom.project import Module
from support import ROOT

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
    open_why(page, exercise)  # the reasons wait behind "Why?"
    feedback = " ".join(exercise_root(page, exercise).inner_text().split())
    for item in exercise.items:
        for reason in list(item.also.values())[:1]:  # its first sentence at once, the rest under Why?
            assert all(" ".join(part.split()) in feedback for part in reason.split(". ")), item.id
