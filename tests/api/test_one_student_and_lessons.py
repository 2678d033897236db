"""Each student in one click: every item of the lesson shown with the current answer and the
first and last Check, and their scores in other lessons; a lesson named and renamed (D21)."""

from __future__ import annotations

from support import join_in_process

EXERCISE = "lesson-1-practice"


def check(catalogue, event_id, answers):
    ex = catalogue.exercises[EXERCISE]
    return {"id": event_id, "type": "check", "exercise": EXERCISE, "at": 1,
            "items": {item: {"v": ex.items[item].version, "r": r} for item, r in answers.items()}}


def test_one_students_work_in_this_lesson_and_earlier_ones(api, teacher, catalogue):
    ann, as_ann = join_in_process(api, "Ann")
    api.simulate_post("/events", headers=as_ann, json={"events": [
        check(catalogue, "ann-check-1", {"cells-migrate": "a"}),
        check(catalogue, "ann-check-2", {"cells-migrate": "b"})]})
    api.simulate_post("/teacher/lessons", json={"title": "Wednesday"}, headers=teacher)
    api.simulate_post("/events", headers=as_ann, json={"events": [
        check(catalogue, "ann-check-3", {"more-stable": "c"})]})
    work = api.simulate_get("/teacher/student", params={"student": ann["id"], "lesson": 1},
                            headers=teacher).json
    assert work["name"] == "Ann"
    items = work["exercises"][0]["items"]
    first = items[0]
    assert (first["number"], first["answer"], first["first"], first["last"], first["verdict"]) \
        == (1, "How it works", "wrong", "right", "right")
    assert items[1]["answer"] == "" and items[1]["first"] == ""
    assert work["exercises"][0]["score"] == [1, len(items)]
    assert [(lesson["title"], lesson["exercises"][0]["score"]) for lesson in work["earlier"]] == [
        ("Wednesday", [1, len(items)])]
    assert api.simulate_get("/teacher/student", params={"student": "nobody"},
                            headers=teacher).status_code == 404
    assert api.simulate_get("/teacher/student", params={"student": ann["id"]},
                            headers=as_ann).status_code == 401


def test_a_lesson_is_renamed_and_keeps_its_answers(api, teacher):
    """D21: the teacher names the lesson; a title on two lines or of nothing is refused."""
    renamed = api.simulate_post("/teacher/lessons/1", json={"title": "Tuesday, 3B"},
                                headers=teacher)
    assert renamed.status_code == 200
    report = api.simulate_get("/teacher/report", headers=teacher).json
    assert report["lessons"][0]["title"] == "Tuesday, 3B"
    for title in ("", "a\nb", "x" * 121):
        assert api.simulate_post("/teacher/lessons/1", json={"title": title},
                                 headers=teacher).status_code == 400
    assert api.simulate_post("/teacher/lessons/9", json={"title": "x"},
                             headers=teacher).status_code == 404
