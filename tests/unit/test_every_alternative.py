"""Every key earns full marks with the scorer the laptop uses: as written, with every
alternative answer it accepts (`also:`) in place of the answer, and with every sentence that is
fair to mark or to leave (`either:`) marked with each of its kinds or left alone. The browser
tests give the first alternative of each item."""

from __future__ import annotations

import pytest

from classroom.contract import TEXT_ITEM, full_key
from classroom.project import Module
from support import ROOT

MODULE = Module.load(ROOT)
ALTERNATIVES = [(exercise.id, item.id, answer) for exercise in MODULE.exercises.values()
                for item in exercise.items for answer in item.also]
EITHER_WAY = [(exercise.id, sentence, kind) for exercise in MODULE.exercises.values()
              for sentence, fair in exercise.either.items() for kind in fair["kinds"]]


@pytest.mark.parametrize("exercise_id", list(MODULE.exercises))
def test_every_key_earns_full_marks_with_the_laptops_scorer(exercise_id):
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


@pytest.mark.parametrize("exercise_id", [e.id for e in MODULE.exercises.values()
                                         if e.kind == "mark-claims"])
def test_a_text_marked_with_every_alternative_kind_earns_full_marks(exercise_id):
    exercise = MODULE.exercises[exercise_id]
    key = full_key(exercise, MODULE.index)
    marks = {item.sentence.id: next(iter(item.also), item.answer) for item in exercise.items}
    judged = exercise.handler.score(key, TEXT_ITEM, marks)
    assert judged["verdict"] == "right" and judged["score"] == len(exercise.items)


def test_the_claims_keys_list_sentences_fair_to_mark_or_to_leave():
    assert len(EITHER_WAY) >= 2


@pytest.mark.parametrize("exercise_id,sentence,kind", EITHER_WAY,
                         ids=[f"{e}-{s}-{k}" for e, s, k in EITHER_WAY])
def test_an_either_way_sentence_marked_or_left_keeps_full_marks(exercise_id, sentence, kind):
    exercise = MODULE.exercises[exercise_id]
    key = full_key(exercise, MODULE.index)
    marks = {item.sentence.id: item.answer for item in exercise.items}
    left = exercise.handler.score(key, TEXT_ITEM, marks)
    marked = exercise.handler.score(key, TEXT_ITEM, {**marks, sentence: kind})
    assert left["verdict"] == marked["verdict"] == "right"
    assert left["score"] == marked["score"] == len(exercise.items)
    assert sentence not in left["missed"] and marked["either"] == [sentence]
    assert exercise.either[sentence]["feedback"] in marked["reasons"]
