"""Appeals through the API: a student disagrees, the teacher replies or accepts, the class is
re-scored; a student cannot accept; reasons are kept as the text typed."""

from __future__ import annotations

import csv
import io
import json

from classroom.classmode.catalogue import Catalogue
from support import ROOT, join_in_process

EXERCISE, ITEM = "lesson-1-practice", "cells-migrate"   # key: b
CATALOGUE = Catalogue.load(ROOT)
VERSION = CATALOGUE.exercises[EXERCISE].items[ITEM].version
REASON = '<img src=x onerror="alert(1)"> The sentence ends with a promise of recovery.'


def checked(api, who, response, event_id):
    event = {"id": event_id, "type": "check", "exercise": EXERCISE, "at": 1,
             "items": {ITEM: {"v": VERSION, "r": response}}}
    assert api.simulate_post("/events", json={"events": [event]}, headers=who).status_code == 200


def appeal(api, who, answer="c", reason=REASON, **changes):
    return api.simulate_post("/appeals", headers=who, json={
        "exercise": EXERCISE, "item": ITEM, "version": VERSION, "answer": answer,
        "reason": reason, **changes})


def item_row(api, teacher):
    report = api.simulate_get("/teacher/report", headers=teacher).json
    entry = next(ex for ex in report["figures"]["exercises"] if ex["id"] == EXERCISE)
    return next(row for row in entry["items"] if row["id"] == ITEM)


def test_a_student_appeals_the_teacher_accepts_and_the_class_is_rescored(api, teacher):
    _, ann = join_in_process(api, "Ann")
    _, bob = join_in_process(api, "Bob")
    checked(api, ann, "c", "event-ann-0001")
    checked(api, bob, "b", "event-bob-0001")
    assert item_row(api, teacher)["lastRight"] == 50

    sent = appeal(api, ann)
    assert sent.status_code == 201, sent.json
    assert sent.json["appeal"]["state"] == "sent"
    listed = api.simulate_get("/teacher/appeals", headers=teacher).json["appeals"]
    assert [(a["name"], a["reason"], a["state"]) for a in listed] == [("Ann", REASON, "sent")]
    assert listed[0]["answerText"] == CATALOGUE.exercises[EXERCISE].items[ITEM].options["c"]

    # A student cannot answer or accept an appeal, their own neither.
    for who in (ann, {}):
        refused = api.simulate_post(f"/teacher/appeals/{listed[0]['id']}", headers=who,
                                    json={"action": "accept", "text": "Mine counts."})
        assert refused.status_code == 401
    assert item_row(api, teacher)["lastRight"] == 50

    replied = api.simulate_post(f"/teacher/appeals/{listed[0]['id']}", headers=teacher,
                                json={"action": "reply", "text": "Read its first half again."})
    assert replied.status_code == 200
    assert api.simulate_get("/appeals", headers=ann).json["appeals"][0]["state"] == "answered"
    assert item_row(api, teacher)["lastRight"] == 50

    accepted = api.simulate_post(f"/teacher/appeals/{listed[0]['id']}", headers=teacher,
                                 json={"action": "accept", "text": "Fair: it hints at benefit."})
    assert accepted.status_code == 200, accepted.json
    assert item_row(api, teacher)["lastRight"] == 100
    mine = api.simulate_get("/appeals", headers=ann).json["appeals"]
    assert [(a["state"], a["reply"], a["reason"]) for a in mine] == [
        ("accepted", "Fair: it hints at benefit.", REASON)]
    also = api.simulate_get("/teacher/appeals", headers=teacher).json["accepted"]
    assert [(a["answer"], a["note"], a["reason"]) for a in also] == [
        ("c", "Fair: it hints at benefit.", REASON)]
    # Now right for the class: c cannot be appealed again.
    _, cy = join_in_process(api, "Cy")
    assert appeal(api, cy).status_code == 422

    # The downloads carry the appeal, as text.
    rows = list(csv.DictReader(io.StringIO(api.simulate_get(
        "/teacher/results.csv", headers=teacher).text.lstrip("\ufeff"))))
    ann_row = next(r for r in rows if r["name"] == "Ann" and r["item"] == ITEM)
    assert (ann_row["verdict"], ann_row["appeal"], ann_row["appeal state"],
            ann_row["teacher's reply"]) == ("right", REASON, "accepted",
                                            "Fair: it hints at benefit.")
    statements = [json.loads(line) for line in api.simulate_get(
        "/teacher/results.jsonl", headers=teacher).text.splitlines()]
    commented = [s for s in statements if s["verb"]["display"]["en-US"] == "commented"]
    assert [s["result"]["response"] for s in commented] == [REASON]


def test_the_teacher_undoes_an_acceptance_and_the_class_is_rescored_again(api, teacher):
    _, ann = join_in_process(api, "Ann")
    _, bob = join_in_process(api, "Bob")
    checked(api, ann, "c", "event-ann-0001")
    checked(api, bob, "b", "event-bob-0001")
    appeal_id = appeal(api, ann).json["appeal"]["id"]
    note = "Fair: it hints at benefit."
    api.simulate_post(f"/teacher/appeals/{appeal_id}", headers=teacher,
                      json={"action": "accept", "text": note})
    assert item_row(api, teacher)["lastRight"] == 100

    undone = api.simulate_post(f"/teacher/appeals/{appeal_id}", headers=teacher,
                               json={"action": "undo"})
    assert undone.status_code == 200, undone.json
    assert item_row(api, teacher)["lastRight"] == 50   # c is wrong again for Ann
    mine = api.simulate_get("/appeals", headers=ann).json["appeals"]
    assert [(a["state"], a["reply"]) for a in mine] == [("answered", note)]
    assert api.simulate_get("/teacher/appeals", headers=teacher).json["accepted"] == []
    rows = list(csv.DictReader(io.StringIO(api.simulate_get(
        "/teacher/results.csv", headers=teacher).text.lstrip("\ufeff"))))
    ann_row = next(r for r in rows if r["name"] == "Ann" and r["item"] == ITEM)
    assert (ann_row["verdict"], ann_row["appeal state"]) == ("not right", "answered")

    # Nothing left to undo; and a student cannot undo.
    again = api.simulate_post(f"/teacher/appeals/{appeal_id}", headers=teacher,
                              json={"action": "undo"})
    assert again.status_code == 422 and "nothing to undo" in again.json["error"]
    assert api.simulate_post(f"/teacher/appeals/{appeal_id}", headers=ann,
                             json={"action": "undo"}).status_code == 401
    # c can be argued again, by Ann with a new reason and by a classmate.
    _, cy = join_in_process(api, "Cy")
    assert appeal(api, cy).status_code == 201
    renewed = appeal(api, ann, reason="It promises that people get better.")
    assert renewed.status_code == 201, renewed.json
    assert (renewed.json["appeal"]["state"], renewed.json["appeal"]["reason"]) == (
        "sent", "It promises that people get better.")


def test_a_new_appeal_on_an_item_waits_for_the_teachers_reply(api, teacher, monkeypatch):
    _, ann = join_in_process(api, "Ann")
    first = appeal(api, ann, answer="c").json["appeal"]
    waiting = appeal(api, ann, answer="d", reason="Or d: it names a mechanism.")
    assert waiting.status_code == 422 and "not replied" in waiting.json["error"]
    assert "not replied" in appeal(api, ann, answer="c", reason="Once more.").json["error"]

    api.simulate_post(f"/teacher/appeals/{first['id']}", headers=teacher,
                      json={"action": "reply", "text": "Read its first half again."})
    second = appeal(api, ann, answer="d", reason="Or d: it names a mechanism.")
    assert second.status_code == 201, second.json
    mine = api.simulate_get("/appeals", headers=ann).json["appeals"]
    assert [(a["answer"], a["state"], a["reply"]) for a in mine] == [
        ("c", "answered", "Read its first half again."), ("d", "sent", "")]
    listed = api.simulate_get("/teacher/appeals", headers=teacher).json["appeals"]
    assert [(a["answer"], a["state"]) for a in listed] == [("c", "answered"), ("d", "sent")]

    # Still within the per-student limit.
    api.simulate_post(f"/teacher/appeals/{second.json['appeal']['id']}", headers=teacher,
                      json={"action": "reply", "text": "No: it names none."})
    monkeypatch.setattr("classroom.classmode.appeals.MAX_APPEALS", 2)
    over = appeal(api, ann, answer="a", reason="Then a.")
    assert over.status_code == 422 and "You have sent 2 disagreements" in over.json["error"]


def test_appeals_that_do_not_make_sense_are_refused_in_words(api, teacher):
    _, ann = join_in_process(api, "Ann")
    assert "already counts as right" in appeal(api, ann, answer="b").json["error"]
    assert "not one of the item's answers" in appeal(api, ann, answer="z").json["error"]
    assert "has changed" in appeal(api, ann, version="old").json["error"]
    assert "few words" in appeal(api, ann, reason="   ").json["error"]
    assert "at most 600" in appeal(api, ann, reason="x" * 601).json["error"]
    assert appeal(api, ann, exercise="nope").status_code == 404
    written = api.simulate_post("/appeals", headers=ann, json={
        "exercise": "iskitim-questions", "item": "three-questions", "version": "x",
        "answer": "text", "reason": "Mine was good."})
    assert "no right or wrong" in written.json["error"]
    assert appeal(api, {}).status_code == 401
    assert api.simulate_get("/teacher/appeals").status_code == 401
    assert api.simulate_post("/teacher/appeals/999", headers=teacher,
                             json={"action": "accept", "text": "Yes."}).status_code == 404


def test_the_check_up_cannot_be_appealed_before_its_results_are_released(api, teacher):
    checkup = next(ex for ex in CATALOGUE.exercises.values()
                   if ex.assessment and not ex.handler.whole_text and ex.handler.scored)
    item_id, info = next(iter(checkup.items.items()))
    key_item = checkup.key["items"][item_id]
    wrong = next(o for o in sorted(info.options or checkup.labels)
                 if o != key_item["answer"] and o not in key_item.get("also", {}))
    _, ann = join_in_process(api, "Ann")
    assert api.simulate_post("/teacher/checkup", headers=teacher,
                             json={"open": True}).status_code == 200
    handin = {"id": "handin-ann-0001", "type": "handin", "exercise": checkup.id, "at": 1,
              "items": {item_id: {"v": info.version, "r": wrong}}}
    assert api.simulate_post("/events", json={"events": [handin]}, headers=ann).status_code == 200
    ask = {"exercise": checkup.id, "item": item_id, "version": info.version, "answer": wrong,
           "reason": "I read the question differently."}
    assert api.simulate_post("/appeals", headers=ann, json=ask).status_code == 403
    api.simulate_post("/teacher/checkup", headers=teacher, json={"released": True})
    assert api.simulate_post("/appeals", headers=ann, json=ask).status_code == 201


def test_an_appeal_is_not_acknowledged_when_the_data_folder_is_gone(api, store):
    _, ann = join_in_process(api, "Ann")
    for path in store.path.parent.iterdir():  # the drive pulled out: the files are gone
        path.unlink()
    answer = appeal(api, ann)
    assert answer.status_code == 503 and answer.json["code"] == "not_saved"
