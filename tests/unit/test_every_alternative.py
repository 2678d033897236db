"""Every alternative answer the keys accept (`also:`) scores right with the scorer the laptop
uses, and shows its own reason; the browser tests give the first alternative of each item."""

from __future__ import annotations

import pytest

from classroom.contract import TEXT_ITEM, full_key
from classroom.project import Module
from support import ROOT

MODULE = Module.load(ROOT)
ALTERNATIVES = [(exercise.id, item.id, answer) for exercise in MODULE.exercises.values()
                for item in exercise.items for answer in item.also]


@pytest.mark.parametrize("exercise_id", [e.id for e in MODULE.exercises.values() if e.assessment])
def test_every_check_up_key_earns_full_marks_with_the_laptops_scorer(exercise_id):
    exercise = MODULE.exercises[exercise_id]
    key = full_key(exercise, MODULE.index)
    if exercise.kind == "mark-claims":
        marks = {item.sentence.id: item.answer for item in exercise.items}
        judged = exercise.handler.score(key, TEXT_ITEM, marks)
        assert judged["verdict"] == "right" and judged["score"] == len(exercise.items)
        return
    for item in exercise.items:
        response = list(item.answer) if item.multiple else item.answer
        judged = exercise.handler.score(key, item.id, response)
        assert judged["verdict"] == ("answered" if exercise.kind == "open" else "right"), item.id


def test_the_keys_accept_alternative_answers():
    assert len(ALTERNATIVES) >= 10


@pytest.mark.parametrize("exercise_id,item_id,answer", ALTERNATIVES,
                         ids=[f"{e}-{i}-{a}" for e, i, a in ALTERNATIVES])
def test_an_alternative_answer_scores_right_with_its_reason(exercise_id, item_id, answer):
    exercise = MODULE.exercises[exercise_id]
    item = next(i for i in exercise.items if i.id == item_id)
    key = full_key(exercise, MODULE.index)
    if exercise.kind == "mark-claims":
        judged = exercise.handler.score(key, TEXT_ITEM, {item.sentence.id: answer})
        assert judged["found"] == [item.sentence.id]
    else:
        judged = exercise.handler.score(key, item_id, answer)
        assert judged["verdict"] == "right"
    assert item.also[answer] in judged["reasons"]
