"""The class-mode API over HTTP, in-process: who may read and change what, the refusals a page
script or a stranger gets (each with a status and words saying what to do), and the shapes of
the JSON the class page and a student's page read."""

from __future__ import annotations

import json

import pytest

from classroom.classmode.api import ROUTES
from classroom.classmode.teacher import FREE_TRIES
from support import TEACHER_PIN
from support import join_in_process as join

EXERCISE = "lesson-1-practice"
CHECKUP = "checkup-questions"


def event(catalogue, event_id, exercise, answers, kind="check"):
    items = catalogue.exercises[exercise].items
    return {"id": event_id, "type": kind, "exercise": exercise, "at": 1,
            "items": {item: {"v": items[item].version, "r": r} for item, r in answers.items()}}


def test_a_student_reads_only_their_own_records(api, catalogue):
    _, ann = join(api, "Ann")
    _, bob = join(api, "Bob")
    sent = event(catalogue, "ann-event-1", EXERCISE, {"cells-migrate": "a"})
    assert api.simulate_post("/events", json={"events": [sent]}, headers=ann).status_code == 200
    mine = api.simulate_get("/me", headers=bob)
    assert mine.status_code == 200 and mine.json["name"] == "Bob" and mine.json["answers"] == {}
    assert api.simulate_get("/me", headers=ann).json["answers"][EXERCISE]["cells-migrate"]["r"] == "a"
    assert api.simulate_get("/me").json["code"] == "not_joined"


@pytest.mark.parametrize("path", [path for path, resource in ROUTES.items()
                                  if getattr(resource, "teacher", False)
                                  or getattr(getattr(resource, "func", None), "teacher", False)])
def test_every_teacher_route_needs_the_pin_not_a_students_token(api, path):
    _, bob = join(api, "Bob")
    path = path.replace("{student_id}", "abc")
    for method in ("GET", "POST"):
        answer = api.simulate_request(method, path, headers=bob, json={"confirm": True})
        assert answer.status_code in (401, 405), (method, path)
        if answer.status_code == 401:
            assert answer.json["code"] == "pin_needed"


def test_a_wrong_pin_is_refused_then_slowed(api):
    statuses = [api.simulate_post("/teacher/login", json={"pin": "000000"}).status_code
                for _ in range(FREE_TRIES + 2)]
    assert statuses[:FREE_TRIES] == [403] * FREE_TRIES and 429 in statuses[FREE_TRIES:]
    answer = api.simulate_post("/teacher/login", json={"pin": TEACHER_PIN})
    assert answer.status_code == 429 and int(answer.headers["Retry-After"]) >= 1
    assert "Wait" in answer.json["error"] and answer.json["wait"] >= 1


def test_the_pin_signs_in_and_out(api, teacher):
    assert api.simulate_get("/teacher/session", headers=teacher).json["teacher"] is True
    answer = api.simulate_post("/teacher/logout", json={}, headers=teacher)
    assert answer.json == {"teacher": False}
    assert api.simulate_get("/teacher/session", headers=teacher).json["teacher"] is False
    assert api.simulate_get("/teacher/report", headers=teacher).status_code == 401


def test_cross_site_and_malformed_posts_are_refused(api, teacher):
    evil = {"Origin": "http://evil.example", **teacher}
    refused = api.simulate_post("/teacher/delete-everything", json={"confirm": True}, headers=evil)
    assert refused.status_code == 403 and "other sites" in refused.json["error"]
    cross = {"Sec-Fetch-Site": "cross-site", **teacher}
    assert api.simulate_post("/teacher/lessons", json={}, headers=cross).status_code == 403
    form = {"Content-Type": "application/x-www-form-urlencoded", **teacher}
    assert api.simulate_post("/teacher/lessons", body="title=x", headers=form).status_code == 415
    no_length = api.simulate_post("/join", headers={"Content-Type": "application/json"})
    assert no_length.status_code == 411 and "Content-Length" in no_length.json["error"]
    json_type = {"Content-Type": "application/json"}
    assert api.simulate_post("/join", body="{not json", headers=json_type).status_code == 400
    assert api.simulate_post("/join", body="[]", headers=json_type).status_code == 400
    assert api.simulate_post("/join", json={"name": "x" * (1024 * 1024)}).status_code == 413
    assert api.simulate_post("/join", json={"name": "Ann\x00B"}).status_code == 400


def test_events_naming_unknown_things_are_refused_one_by_one(api, catalogue):
    _, kim = join(api, "Kim")
    good = event(catalogue, "good-event-1", EXERCISE, {"cells-migrate": "b"})
    answer = api.simulate_post("/events", headers=kim, json={"events": [
        {"id": "unknown-ex-1", "type": "check", "exercise": "no-such-exercise", "at": 1,
         "items": {}},
        {"id": "unknown-it-1", "type": "check", "exercise": EXERCISE, "at": 1,
         "items": {"no-such-item": {"v": "x", "r": "a"}}},
        {"id": "big-answer-1", "type": "answer", "exercise": "iskitim-questions", "at": 1,
         "items": {"three-questions": {"v": "x", "r": "y" * 30000}}},
        good]})
    assert answer.status_code == 422 and answer.json["stored"] == ["good-event-1"]
    assert [r["id"] for r in answer.json["refused"]] == ["unknown-ex-1", "unknown-it-1",
                                                         "big-answer-1"]
    assert "no-such-exercise" in answer.json["refused"][0]["error"]
    assert answer.headers["Cache-Control"] == "no-store"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert api.simulate_post("/events", headers=kim, json={"events": []}).status_code == 400


def test_the_class_page_reads_the_lesson_and_its_figures(api, teacher, catalogue):
    ann, as_ann = join(api, "Ann")
    api.simulate_post("/events", headers=as_ann, json={"events": [
        event(catalogue, "ann-check-1", EXERCISE, {"cells-migrate": "a"}),
        event(catalogue, "ann-check-2", EXERCISE, {"cells-migrate": "b"})]})
    answer = api.simulate_get("/teacher/report", headers=teacher)
    assert answer.headers["Content-Type"].startswith("application/json")
    report = answer.json
    assert list(report) == ["lesson", "lessons", "checkup", "saving", "sameName", "waiting",
                            "figures", "handedIn", "now"]
    assert report["saving"] == {"ok": True}
    assert report["checkup"] == {"open": False, "feedback": "release", "released": False}
    assert list(report["figures"]) == ["students", "help", "exercises"]
    assert [s["name"] for s in report["figures"]["students"]] == ["Ann"]
    entry = next(e for e in report["figures"]["exercises"] if e["id"] == EXERCISE)
    item = next(i for i in entry["items"] if i["id"] == "cells-migrate")
    assert (item["firstRight"], item["lastRight"], item["commonWrong"]["count"]) == (0, 100, 1)
    assert api.simulate_get("/teacher/report", params={"lesson": 9},
                            headers=teacher).status_code == 404
    spread = api.simulate_get("/teacher/spread", headers=teacher,
                              params={"exercise": EXERCISE, "item": "cells-migrate"}).json
    assert spread["scored"] and [a["count"] for a in spread["answers"]] == [1]
    assert "Ann" not in json.dumps(spread)
    assert api.simulate_get("/teacher/spread", headers=teacher, params={
        "exercise": EXERCISE, "item": "nope"}).status_code == 404
    csv = api.simulate_get("/teacher/results.csv", headers=teacher)
    assert csv.text.startswith("\ufeffstudent id,") and ann["id"] in csv.text
    assert "class-results-lesson-1.csv" in csv.headers["Content-Disposition"]
    xapi = api.simulate_get("/teacher/results.jsonl", headers=teacher)
    statement = json.loads(xapi.text.splitlines()[0])
    assert statement["actor"]["account"]["name"] == ann["id"] and "Ann" not in xapi.text
    assert statement["object"]["definition"]["interactionType"] == "choice"


def test_a_lesson_and_a_deletion_need_what_they_say(api, teacher, catalogue):
    ann, _ = join(api, "Ann")
    created = api.simulate_post("/teacher/lessons", json={"title": "Tuesday, 3B"}, headers=teacher)
    assert created.status_code == 201 and created.json["lessons"][-1]["title"] == "Tuesday, 3B"
    assert api.simulate_post("/teacher/lessons", json={"title": "a\nb"},
                             headers=teacher).status_code == 400
    path = f"/teacher/students/{ann['id']}/delete"
    unconfirmed = api.simulate_post(path, json={}, headers=teacher)
    assert unconfirmed.status_code == 400 and "Nothing was deleted" in unconfirmed.json["error"]
    assert api.simulate_post(path, json={"confirm": True}, headers=teacher).json == {
        "deleted": ann["id"]}
    assert api.simulate_post(path, json={"confirm": True}, headers=teacher).status_code == 404


def test_another_students_results_and_the_key_are_out_of_reach(api, teacher, catalogue):
    questions = catalogue.exercises[CHECKUP]
    first, second = list(questions.items)[:2]
    ann, as_ann = join(api, "Ann")  # before the check-up opens: a later join waits (people.py)
    _, as_bob = join(api, "Bob")
    settings = api.simulate_post("/teacher/checkup", json={"open": True, "feedback": "release"},
                                 headers=teacher)
    assert settings.json["checkup"]["open"] is True
    handin = event(catalogue, "ann-handin-1", CHECKUP,
                   {first: list(questions.key["items"][first]["answer"])}, "handin")
    assert api.simulate_post("/events", json={"events": [handin]}, headers=as_ann).status_code == 200
    api.simulate_post("/teacher/checkup", json={"released": True}, headers=teacher)
    # Bob sees only himself: nothing handed in, no key, whatever he asks for.
    mine = api.simulate_get("/checkup", params={"exercise": CHECKUP, "student": ann["id"]},
                            headers=as_bob)
    assert mine.status_code == 200 and mine.json["handedIn"] is False and mine.json["key"] is None
    assert api.simulate_get("/checkup", params={"exercise": CHECKUP}).status_code == 401
    assert api.simulate_get("/checkup", params={"exercise": EXERCISE},
                            headers=as_bob).status_code == 404
    assert api.simulate_post("/teacher/checkup", json={"released": True},
                             headers=as_bob).status_code == 401
    # Ann gets the key entries of her own item only.
    hers = api.simulate_get("/checkup", params={"exercise": CHECKUP}, headers=as_ann).json
    assert list(hers["key"]["items"]) == [first] and hers["score"][0] == 1
    assert questions.key["items"][second]["feedback"] not in json.dumps(hers)
    # A practice Check or Show solution on a check-up is refused: it is handed in.
    sneaky = dict(handin, id="ann-solution-1", type="solution")
    assert api.simulate_post("/events", json={"events": [sneaky]}, headers=as_ann).status_code == 422


def test_a_closed_check_up_refuses_a_hand_in_with_words_for_the_student(api, catalogue):
    questions = catalogue.exercises[CHECKUP]
    first = next(iter(questions.items))
    _, as_ann = join(api, "Ann")
    handin = event(catalogue, "ann-handin-1", CHECKUP, {first: ["a"]}, "handin")
    answer = api.simulate_post("/events", json={"events": [handin]}, headers=as_ann)
    assert answer.status_code == 422 and "The check-up is closed" in answer.json["error"]


def test_unknown_routes_and_methods_answer_in_the_same_shape(api):
    assert api.simulate_get("/nope").json == {"error": "404 Not Found"}
    assert api.simulate_delete("/join").status_code == 405
    assert "error" in api.simulate_delete("/join").json
