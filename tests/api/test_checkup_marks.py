"""The check-up's mark is the mark of what was handed in: the CSV, the
xAPI statements and the item figures come from the hand-in, whatever the student changes later;
one hand-in per part, also when many arrive at once; a hand-in belongs to its lesson."""

from __future__ import annotations

import csv
import io
import json
import threading

from support import join_in_process as join

CHECKUP = "checkup-questions"
ITEM = "low-certainty"


def event(catalogue, event_id, answers, kind="handin", exercise=CHECKUP):
    items = catalogue.exercises[exercise].items
    return {"id": event_id, "type": kind, "exercise": exercise, "at": 1,
            "items": {item: {"v": items[item].version, "r": r} for item, r in answers.items()}}


def send(api, who, *events):
    return api.simulate_post("/events", json={"events": list(events)}, headers=who)


def right_and_wrong(catalogue):
    right = list(catalogue.exercises[CHECKUP].key["items"][ITEM]["answer"])
    options = sorted(catalogue.exercises[CHECKUP].items[ITEM].options)
    return right, [next(o for o in options if o not in right)]


def csv_rows(api, teacher, **params):
    text = api.simulate_get("/teacher/results.csv", headers=teacher, params=params).text
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    return [row for row in rows if row["exercise"] == CHECKUP]


def test_answers_changed_after_the_hand_in_do_not_change_the_mark(api, teacher, catalogue):
    """F1, D1: a 0/7 hand-in stayed 0 however the answers changed after it."""
    right, wrong = right_and_wrong(catalogue)
    ann, as_ann = join(api, "Ann")  # before the check-up opens: a later join waits to be let in
    _, as_chidi = join(api, "Chidi")
    api.simulate_post("/teacher/checkup", json={"open": True, "feedback": "release"}, headers=teacher)
    assert send(api, as_ann, event(catalogue, "ann-handin-1", {ITEM: wrong})).status_code == 200
    # After the hand-in, and after the check-up closes, Ann's page sends the key's answer.
    send(api, as_ann, event(catalogue, "ann-answer-1", {ITEM: right}, "answer"))
    api.simulate_post("/teacher/checkup", json={"open": False}, headers=teacher)
    send(api, as_ann, event(catalogue, "ann-answer-2", {ITEM: right}, "answer"))
    # Chidi answered but never handed in.
    send(api, as_chidi, event(catalogue, "chidi-answer-1", {ITEM: right}, "answer"))
    rows = csv_rows(api, teacher)
    ann_row = next(r for r in rows if r["name"] == "Ann" and r["item"] == ITEM)
    assert (ann_row["verdict"], ann_row["score"], ann_row["hand-in"]) == ("not right", "0", "handed in")
    assert {r["verdict"] for r in rows if r["name"] == "Chidi"} == {"not handed in"}
    assert {r["score"] for r in rows if r["name"] == "Chidi"} == {""}
    xapi = [json.loads(line) for line in api.simulate_get(
        "/teacher/results.jsonl", headers=teacher).text.splitlines()]
    mine = [s for s in xapi if s["object"]["id"].endswith(f"{CHECKUP}/{ITEM}")]
    assert [(s["actor"]["account"]["name"], s["result"]["success"]) for s in mine] == [
        (ann["id"], False)]
    spread = api.simulate_get("/teacher/spread", headers=teacher,
                              params={"exercise": CHECKUP, "item": ITEM}).json
    assert [(a["count"], a["right"]) for a in spread["answers"]] == [(1, False)]
    report = api.simulate_get("/teacher/report", headers=teacher).json
    entry = next(e for e in report["figures"]["exercises"] if e["id"] == CHECKUP)
    row = next(i for i in entry["items"] if i["id"] == ITEM)
    assert (row["answered"], row["checked"], row["firstRight"], row["lastRight"]) == (1, 1, 0, 0)


def test_sixteen_hand_ins_at_once_store_one(api, teacher, catalogue, store):
    """F9: 16 hand-ins sent at once by one student stored 13."""
    _, wrong = right_and_wrong(catalogue)
    _, as_ann = join(api, "Ann")  # before the check-up opens: a later join waits to be let in
    api.simulate_post("/teacher/checkup", json={"open": True, "feedback": "release"}, headers=teacher)
    start = threading.Barrier(16)
    statuses = []

    def hand_in(n):
        start.wait()
        statuses.append(send(api, as_ann, event(catalogue, f"ann-handin-{n:02}", {ITEM: wrong}))
                        .status_code)
    threads = [threading.Thread(target=hand_in, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [200] + [422] * 15
    assert len([e for e in store.events() if e.type == "handin"]) == 1


def test_a_hand_in_belongs_to_its_lesson_and_a_second_sitting_is_a_retake(api, teacher, catalogue):
    """D2: after Start a new lesson, hand-ins vanished from students' pages, Release did nothing
    for them, and a student who had seen the key sat the check-up again (5/7 became 7/7)."""
    right, wrong = right_and_wrong(catalogue)
    ann, as_ann = join(api, "Ann")  # before the check-up opens: a later join waits to be let in
    api.simulate_post("/teacher/checkup", json={"open": True, "feedback": "release"}, headers=teacher)
    assert send(api, as_ann, event(catalogue, "ann-handin-1", {ITEM: wrong})).status_code == 200
    api.simulate_post("/teacher/checkup", json={"open": False}, headers=teacher)
    first = api.simulate_get("/teacher/report", headers=teacher).json["lesson"]
    api.simulate_post("/teacher/lessons", json={"title": "The next day"}, headers=teacher)
    mine = api.simulate_get("/checkup", params={"exercise": CHECKUP}, headers=as_ann).json
    assert mine["handedIn"] is True and mine["key"] is None
    # Release, chosen for the first lesson, reaches her hand-in.
    released = api.simulate_post("/teacher/checkup", json={"released": True, "lesson": first},
                                 headers=teacher)
    assert released.status_code == 200 and released.json["lesson"] == first
    mine = api.simulate_get("/checkup", params={"exercise": CHECKUP}, headers=as_ann).json
    assert mine["score"][0] == 0 and mine["key"] is not None
    # Reopened for absentees, even "at once": Ann may not sit it again...
    api.simulate_post("/teacher/checkup", json={"open": True, "feedback": "at-once"}, headers=teacher)
    again = send(api, as_ann, event(catalogue, "ann-handin-2", {ITEM: right}))
    assert again.status_code == 422 and "already handed in" in again.json["error"]
    mine = api.simulate_get("/checkup", params={"exercise": CHECKUP}, headers=as_ann).json
    assert (mine["mayHandIn"], mine["retake"]) == (False, False)  # her page switches Hand in off
    # ...until the teacher allows a retake, which the downloads record as one.
    handed_in = api.simulate_get("/teacher/report", headers=teacher).json["handedIn"]
    assert handed_in == [{"id": ann["id"], "name": "Ann"}]
    allowed = api.simulate_post(f"/teacher/students/{ann['id']}/retake", json={}, headers=teacher)
    assert allowed.status_code == 200 and allowed.json["exercises"] == [CHECKUP]
    mine = api.simulate_get("/checkup", params={"exercise": CHECKUP}, headers=as_ann).json
    assert (mine["handedIn"], mine["mayHandIn"], mine["retake"]) == (False, True, True)
    assert send(api, as_ann, event(catalogue, "ann-handin-3", {ITEM: right})).status_code == 200
    mine = api.simulate_get("/checkup", params={"exercise": CHECKUP}, headers=as_ann).json
    assert (mine["handedIn"], mine["mayHandIn"], mine["retake"]) == (True, True, False)
    retaken = next(r for r in csv_rows(api, teacher) if r["item"] == ITEM)
    assert (retaken["verdict"], retaken["hand-in"]) == ("right", "handed in (retake)")
    earlier = next(r for r in csv_rows(api, teacher, lesson=first) if r["item"] == ITEM)
    assert (earlier["verdict"], earlier["hand-in"]) == ("not right", "handed in")
    nothing = api.simulate_post("/teacher/students/" + join(api, "Cy")[0]["id"] + "/retake",
                                json={}, headers=teacher)
    assert nothing.status_code == 409 and "has not handed in" in nothing.json["error"]


def test_a_student_who_joined_and_handed_nothing_in_has_every_row_and_the_same_maximum(
        api, teacher, catalogue):
    """D17 through the download: Dee joined this lesson and did nothing; her rows say "not
    handed in", and her total is 0 out of the maximum Ann's is out of."""
    right, _ = right_and_wrong(catalogue)
    _, as_ann = join(api, "Ann")
    join(api, "Dee")
    api.simulate_post("/teacher/checkup", json={"open": True}, headers=teacher)
    assert send(api, as_ann, event(catalogue, "ann-handin-1", {ITEM: right})).status_code == 200
    rows = csv_rows(api, teacher)
    dee = [row for row in rows if row["name"] == "Dee"]
    assert [row["item"] for row in dee] == list(catalogue.exercises[CHECKUP].items)
    assert {row["hand-in"] for row in dee} == {"not handed in"}
    maxima = {(row["name"], row["student out of"]) for row in rows}
    assert len({out_of for _, out_of in maxima}) == 1 and {name for name, _ in maxima} == {
        "Ann", "Dee"}
    assert {row["student total"] for row in dee} == {"0"}


def test_a_retake_keeps_the_first_mark_until_the_student_hands_in_again(api, teacher, catalogue):
    """A retake allowed in the lesson of the hand-in wiped the mark at once: the row said "none
    of 6 parts handed in" and the CSV "not handed in" until (or unless) the student sat it again."""
    right, wrong = right_and_wrong(catalogue)
    ann, as_ann = join(api, "Ann")  # before the check-up opens: a later join waits to be let in
    api.simulate_post("/teacher/checkup", json={"open": True, "feedback": "release"}, headers=teacher)
    assert send(api, as_ann, event(catalogue, "ann-handin-1", {ITEM: wrong})).status_code == 200
    allowed = api.simulate_post(f"/teacher/students/{ann['id']}/retake", json={}, headers=teacher)
    assert allowed.status_code == 200
    waiting = next(r for r in csv_rows(api, teacher) if r["item"] == ITEM)
    assert (waiting["verdict"], waiting["hand-in"]) == (
        "not right", "handed in; retake allowed, not handed in again yet")
    work = api.simulate_get("/teacher/student", params={"student": ann["id"]}, headers=teacher).json
    part = next(e for e in work["exercises"] if e["id"] == CHECKUP)
    assert part["handin"] == "handed in; retake allowed, not handed in again yet"
    assert part["score"] is not None and part["score"][0] == 0
    twice = api.simulate_post(f"/teacher/students/{ann['id']}/retake", json={}, headers=teacher)
    assert twice.status_code == 409 and "still waiting for their hand-in" in twice.json["error"]
    assert send(api, as_ann, event(catalogue, "ann-handin-2", {ITEM: right})).status_code == 200
    retaken = next(r for r in csv_rows(api, teacher) if r["item"] == ITEM)
    assert (retaken["verdict"], retaken["hand-in"]) == ("right", "handed in (retake)")
