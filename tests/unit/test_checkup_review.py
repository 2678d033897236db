"""What the independent review of the check-up asks of its keys: a learner who answers a
checklist entry wrongly is told why by the laptop's scorer, and no evidence item asks about a
claim that a practice evidence exercise already asks about."""

from __future__ import annotations

import pytest

from classroom.contract import full_key
from classroom.project import Module
from classroom.words import say
from support import ROOT

MODULE = Module.load(ROOT)
CHECKUP = [e for e in MODULE.exercises.values() if e.assessment]
PRACTICE = [e for e in MODULE.exercises.values() if not e.assessment]
CHECKLISTS = [(e.id, item.id) for e in CHECKUP if e.kind == "missing-info" for item in e.items]


@pytest.mark.parametrize("exercise_id,item_id", CHECKLISTS,
                         ids=[f"{e}-{i}" for e, i in CHECKLISTS])
def test_a_wrong_rating_of_a_check_up_checklist_entry_gets_its_reason(exercise_id, item_id):
    exercise = MODULE.exercises[exercise_id]
    item = next(i for i in exercise.items if i.id == item_id)
    key = full_key(exercise, MODULE.index)
    wrong = [answer for answer in ("yes", "partly", "no")
             if answer != item.answer and answer not in item.also]
    assert wrong
    for answer in wrong:
        judged = exercise.handler.score(key, item_id, answer)
        assert judged["verdict"] == "wrong"
        assert judged["reasons"] == [item.why_not[answer]], f"no reason for '{answer}'"


def overlaps(one: str, other: str) -> bool:
    return one in other or other in one


def test_no_check_up_evidence_item_quotes_a_claim_practised_in_an_evidence_exercise():
    practised = [(e.id, item.id, item.quote) for e in PRACTICE if e.kind == "evidence-level"
                 for item in e.items]
    checked = [(e.id, item.id, item.quote) for e in CHECKUP if e.kind == "evidence-level"
               for item in e.items]
    assert practised and checked
    for exercise_id, item_id, quote in checked:
        repeats = [f"{e}/{i}" for e, i, other in practised if overlaps(quote, other)]
        assert not repeats, f"{exercise_id}/{item_id} repeats {repeats}"


ALTERNATIVES = [(e.id, item.id, answer, reason) for e in CHECKUP for item in e.items
                for answer, reason in item.also.items()]


@pytest.mark.parametrize("exercise_id,item_id,answer,reason", ALTERNATIVES,
                         ids=[f"{e}-{i}-{a}" for e, i, a, _ in ALTERNATIVES])
def test_a_check_up_alternative_reads_once_as_also_fair(exercise_id, item_id, answer, reason):
    shown = say("also_fair", reason=reason)  # what the learner reads once feedback is released
    assert shown.count("Also") == 1, shown
