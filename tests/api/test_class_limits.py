"""One student cannot hurt the class: malformed bodies are refused with a reason (never a 500),
and each student's events, bytes and each device's joins are limited, with a 429 that says why
and when to try again."""

from __future__ import annotations

import json

import pytest

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
