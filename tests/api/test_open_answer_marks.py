"""The teacher marks open answers against the rubric's levels, with a comment: the mark shows
with the answer on the class page and in the CSV, and the comment reaches that student only."""

from __future__ import annotations

import csv
import io

from support import join_in_process

EXERCISE = "iskitim-questions"
ITEM = "three-questions"


def test_a_mark_and_comment_reach_the_class_page_the_csv_and_the_student(api, teacher,
                                                                         catalogue):
    ann, as_ann = join_in_process(api, "Ann")
    _, as_bob = join_in_process(api, "Bob")
    version = catalogue.exercises[EXERCISE].items[ITEM].version
    for who, text in ((as_ann, "Where are the results?"), (as_bob, "Does it work?")):
        event = {"id": f"open-{text[:4]}-0001", "type": "check", "exercise": EXERCISE, "at": 1,
                 "items": {ITEM: {"v": version, "r": text}}}
        assert api.simulate_post("/events", json={"events": [event]}, headers=who).status_code == 200
    mark = {"student": ann["id"], "levels": {"evidence": 3, "missing": 2, "text": 1, "fair": 3},
            "comment": "Ask for the number of children <b>treated</b>."}
    params = {"exercise": EXERCISE, "item": ITEM}
    assert api.simulate_post("/teacher/marks", params=params, json=mark,
                             headers=as_ann).status_code == 401  # a student cannot mark
    assert api.simulate_post("/teacher/marks", params=params, json={**mark, "levels": {"evidence": 4}},
                             headers=teacher).status_code == 400
    saved = api.simulate_post("/teacher/marks", params=params, json=mark, headers=teacher)
    assert saved.status_code == 200
    answers = api.simulate_get("/teacher/open", params=params, headers=teacher).json
    marked = next(r for r in answers["responses"] if r["student"] == ann["id"])
    assert marked["mark"]["levels"]["text"] == 1 and marked["name"] is None
    assert answers["criteria"] == ["evidence", "missing", "text", "fair"]
    rows = list(csv.DictReader(io.StringIO(api.simulate_get(
        "/teacher/results.csv", headers=teacher).text.lstrip("\ufeff"))))
    row = next(r for r in rows if r["name"] == "Ann" and r["item"] == ITEM)
    assert row["rubric levels"] == "evidence 3; missing 2; text 1; fair 3 (9 of 12)"
    assert row["teacher's comment"] == mark["comment"]
    assert api.simulate_get("/comments", headers=as_ann).json["comments"] == {
        EXERCISE: {ITEM: mark["comment"]}}
    assert api.simulate_get("/comments", headers=as_bob).json["comments"] == {}
    # One student's work in one click: their answer, its mark and the comment.
    work = api.simulate_get("/teacher/student", params={"student": ann["id"]}, headers=teacher).json
    item = next(ex for ex in work["exercises"] if ex["id"] == EXERCISE)["items"][0]
    assert item["answer"] == "Where are the results?" and item["comment"] == mark["comment"]
    assert item["mark"].endswith("(9 of 12)")
    # Deleting the student deletes their marks.
    api.simulate_post(f"/teacher/students/{ann['id']}/delete", json={"confirm": True},
                      headers=teacher)
    rows = api.simulate_get("/teacher/results.csv", headers=teacher).text
    assert "Ask for the number" not in rows
