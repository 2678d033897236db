"""D18: a My answers file loaded a second time says it added nothing, a check-up hand-in
loaded while the check-up is closed is counted and named, so the teacher is not surprised, and
a student's last activity is when the file's newest answer was given, not when it was loaded."""

from __future__ import annotations

import csv
import io
import json
import random
import time

from classroom.contract import FILE_FORMAT
from support import load_answers_file

PRACTICE, CHECKUP = "lesson-1-practice", "checkup-questions"


def answers_file(catalogue, exercise_id: str, name: str = "Vera V", times=()) -> str:
    """A My answers file with an answer, of the item's own kind, to the exercise's first item,
    or, given `times` (ms since 1970), to its first items, each typed at its time."""
    exercise = catalogue.exercises[exercise_id]
    saved = {}
    for (item_id, item), typed in zip(exercise.items.items(), times or [None]):
        response = exercise.handler.example_response(exercise, item_id, random.Random(1))
        saved[item_id] = {"v": item.version, "r": response, **({"t": typed} if typed else {})}
    return json.dumps({"format": FILE_FORMAT, "version": 1, "name": name, "exercises": {
        exercise_id: {"items": saved}}})


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


def last_activity(api, teacher, name: str) -> tuple[float, str]:
    """A student's last activity as Who is working has it (seconds), and as the CSV has it."""
    report = api.simulate_get("/teacher/report", headers=teacher).json
    last = next(row["last"] for row in report["figures"]["students"] if row["name"] == name)
    text = api.simulate_get("/teacher/results.csv", headers=teacher).text.lstrip("\ufeff")
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["name"] == name]
    return last, rows[0]["last activity"]


def test_a_loaded_students_last_activity_is_their_newest_answer_not_the_loading(
        api, teacher, catalogue):
    now = time.time()
    hour_ago, ten_minutes_ago = (round((now - seconds) * 1000) for seconds in (3600, 600))
    load_answers_file(api, teacher, answers_file(catalogue, PRACTICE, "Vera V",
                                                 times=(hour_ago, ten_minutes_ago)))
    last, in_csv = last_activity(api, teacher, "Vera V")
    assert abs(last - ten_minutes_ago / 1000) < 1  # "not answered for 10 minutes", truly
    assert in_csv == time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(last))
    # A device whose clock runs ahead never shows an answer given after the file was loaded.
    tomorrow = round((now + 86400) * 1000)
    load_answers_file(api, teacher, answers_file(catalogue, PRACTICE, "Wim W", times=(tomorrow,)))
    last, _ = last_activity(api, teacher, "Wim W")
    assert now <= last <= time.time()
