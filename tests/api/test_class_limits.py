"""One student cannot hurt the class: malformed bodies are refused with a reason (never a 500),
and each student's events, bytes and each device's joins are limited, with a 429 that says why
and when to try again."""

from __future__ import annotations

import json
import math

import pytest

from classroom.classmode.quotas import Quotas
from classroom.contract import (DEVICE_JOINS_PER_MINUTE, STUDENT_BYTES_PER_LESSON,
                                STUDENT_EVENTS_PER_MINUTE)

EXERCISE = "lesson-1-practice"
OPEN = "iskitim-questions"
JSON = {"Content-Type": "application/json"}


def join(api, name: str, device: str = "10.0.0.1") -> dict:
    """The header a joined student's page sends from then on."""
    answer = api.simulate_post("/join", json={"name": name}, remote_addr=device)
    assert answer.status_code == 201, answer.json
    return {"Authorization": f"Bearer {answer.json['token']}"}


def open_answer(catalogue, event_id: str, text: str) -> dict:
    item = catalogue.exercises[OPEN].items["three-questions"]
    return {"id": event_id, "type": "answer", "exercise": OPEN, "at": 1,
            "items": {"three-questions": {"v": item.version, "r": text}}}


@pytest.mark.parametrize("body", [
    '{"name": ' + "[" * 100000 + "]" * 100000 + "}",          # nested 100,000 deep
    '{"name": "Ann' + "\\ud800" + '"}',                         # a lone surrogate in a name
    '{"name": "Ann' + "\\udc00\\ud800" + '"}',                  # low before high: not a pair
])
def test_deep_nesting_and_lone_surrogates_in_a_join_get_a_400_with_a_reason(api, body):
    answer = api.simulate_post("/join", body=body, headers=JSON)
    assert answer.status_code == 400, answer.text
    assert answer.json["error"]


def test_deep_nesting_and_lone_surrogates_in_events_get_a_400_with_a_reason(api, catalogue):
    kim = join(api, "Kim")
    deep = '{"events": ' + "[" * 100000 + "]" * 100000 + "}"
    answer = api.simulate_post("/events", body=deep, headers={**JSON, **kim})
    assert answer.status_code == 400 and "deep" in answer.json["error"]
    lone = open_answer(catalogue, "lone-surrogate-1", "half an emoji \ud83d")
    answer = api.simulate_post("/events", body=json.dumps({"events": [lone]}),
                               headers={**JSON, **kim})
    assert answer.status_code == 400 and "Unicode" in answer.json["error"]
    # A whole emoji (a surrogate pair, escaped as JSON.stringify may write it) is fine.
    pair = open_answer(catalogue, "emoji-0001", "an emoji \U0001f600")
    answer = api.simulate_post("/events", body=json.dumps({"events": [pair]}),
                               headers={**JSON, **kim})
    assert answer.status_code == 200 and answer.json["stored"] == ["emoji-0001"]


def answers(catalogue, prefix: str, count: int, text: str = "b") -> list[dict]:
    if text == "b":
        item = catalogue.exercises[EXERCISE].items["cells-migrate"]
        return [{"id": f"{prefix}-{n:04d}", "type": "answer", "exercise": EXERCISE, "at": 1,
                 "items": {"cells-migrate": {"v": item.version, "r": "b"}}} for n in range(count)]
    return [open_answer(catalogue, f"{prefix}-{n:04d}", text) for n in range(count)]


def test_joins_from_one_device_are_limited_and_the_refusal_says_when_to_try_again(api):
    for number in range(DEVICE_JOINS_PER_MINUTE):
        join(api, f"Flood {number}", device="10.0.0.66")
    refused = api.simulate_post("/join", json={"name": "One more"}, remote_addr="10.0.0.66")
    assert refused.status_code == 429 and refused.json["code"] == "joins_too_fast"
    assert "Wait" in refused.json["error"] and 0 < int(refused.headers["Retry-After"]) <= 60
    join(api, "Sam K", device="10.0.0.7")  # the rest of the class joins as before


def test_one_students_events_a_minute_are_limited_not_the_classs(api, catalogue):
    kim, ann = join(api, "Kim"), join(api, "Ann", device="10.0.0.2")
    sent = 0
    while sent < STUDENT_EVENTS_PER_MINUTE:
        batch = min(50, STUDENT_EVENTS_PER_MINUTE - sent)
        answer = api.simulate_post("/events", headers=kim, json={
            "events": answers(catalogue, f"kim-{sent:03d}", batch)})
        assert answer.status_code == 200
        sent += batch
    refused = api.simulate_post("/events", json={"events": answers(catalogue, "late", 50)},
                                headers=kim)
    assert refused.status_code == 429 and refused.json["code"] == "too_fast"
    assert int(refused.headers["Retry-After"]) >= 1 and "kept" in refused.json["error"]
    assert api.simulate_get("/me", headers=kim).json["events"] == sent  # nothing of it stored
    # A flood is refused before its body is even read.
    assert api.simulate_post("/events", body="{not json", headers={**JSON, **kim}).status_code == 429
    answer = api.simulate_post("/events", json={"events": answers(catalogue, "ann", 5)},
                               headers=ann)
    assert answer.status_code == 200


def test_one_students_bytes_in_a_lesson_are_limited_until_the_next_lesson(api, teacher, catalogue):
    kim = join(api, "Kim")
    long = "ა" * 20000  # 60,000 bytes in UTF-8
    per_batch = (512 * 1024 - 1000) // 60100  # as many such answers as a batch holds
    stored = 0
    for batch in range(STUDENT_BYTES_PER_LESSON // (per_batch * 60000) + 1):
        answer = api.simulate_post("/events", headers=kim, json={
            "events": answers(catalogue, f"long{batch}", per_batch, long)})
        if answer.status_code != 200:
            break
        stored += per_batch
    assert answer.status_code == 429 and answer.json["code"] == "lesson_full"
    assert "next lesson" in answer.json["error"] and answer.headers["Retry-After"]
    assert stored * 60000 <= STUDENT_BYTES_PER_LESSON
    assert api.simulate_get("/me", headers=kim).json["events"] == stored
    assert api.simulate_post("/teacher/lessons", json={}, headers=teacher).status_code == 201
    answer = api.simulate_post("/events", headers=kim, json={
        "events": answers(catalogue, "next-lesson", 1, long)})
    assert answer.status_code == 200


def test_a_bucket_refills_at_its_rate_and_says_how_long_to_wait():
    now = [0.0]
    quotas = Quotas(clock=lambda: now[0])
    assert quotas.events("kim", STUDENT_EVENTS_PER_MINUTE) == 0
    assert quotas.events("kim", 1) == math.ceil(60 / STUDENT_EVENTS_PER_MINUTE)
    assert quotas.events("ann", 1) == 0
    now[0] += 30.0
    assert quotas.events("kim", STUDENT_EVENTS_PER_MINUTE // 2) == 0
    assert quotas.events("kim", 1) > 0
    assert all(quotas.join("10.0.0.9") == 0 for _ in range(DEVICE_JOINS_PER_MINUTE))
    assert 0 < quotas.join("10.0.0.9") <= 60
    assert quotas.events("ann", STUDENT_EVENTS_PER_MINUTE - 1) == 0
    assert quotas.events_wait("ann") == 0 and quotas.events_wait("ann") == 0  # counts nothing
    assert quotas.events("ann", 1) == 0 and quotas.events_wait("ann") > 0
