"""D18: a My answers file loaded a second time says it added nothing, and a check-up hand-in
loaded while the check-up is closed is counted and named, so the teacher is not surprised."""

from __future__ import annotations

import json
import random

from classroom.contract import FILE_FORMAT
from support import load_answers_file

PRACTICE, CHECKUP = "lesson-1-practice", "checkup-questions"


def answers_file(catalogue, exercise_id: str, name: str = "Vera V") -> str:
    """A My answers file with an answer, of the item's own kind, to the exercise's first item."""
    exercise = catalogue.exercises[exercise_id]
    item_id, item = next(iter(exercise.items.items()))
    response = exercise.handler.example_response(exercise, item_id, random.Random(1))
    return json.dumps({"format": FILE_FORMAT, "version": 1, "name": name, "exercises": {
        exercise_id: {"items": {item_id: {"v": item.version, "r": response}}}}})


def test_the_same_file_loaded_again_adds_nothing_and_says_so(api, teacher, catalogue):
    text = answers_file(catalogue, PRACTICE)
    assert load_answers_file(api, teacher, text)["new"] == 1
    again = load_answers_file(api, teacher, text)
    assert again["new"] == 0 and again["exercises"] == 1


def test_a_hand_in_loaded_while_the_check_up_is_closed_is_named(api, teacher, catalogue):
    assert load_answers_file(api, teacher, answers_file(catalogue, CHECKUP))["handinWhileClosed"] is True
    api.simulate_post("/teacher/checkup", json={"open": True}, headers=teacher)
    opened = load_answers_file(api, teacher, answers_file(catalogue, CHECKUP, name="Wim W"))
    assert opened["handinWhileClosed"] is False
    assert load_answers_file(api, teacher, answers_file(catalogue, PRACTICE, name="Xia X"))["handinWhileClosed"] is False
