"""The before-and-after test's occasions through the API: a form is handed in like the
check-up, once per occasion, only while its occasion is open, and no key reaches a student
before the teacher releases that occasion's results; paper rows are checked and replace."""

from __future__ import annotations

import pytest
from falcon.testing import TestClient

from classroom.classmode.api import create_app
from classroom.classmode.catalogue import Catalogue
from classroom.classmode.teacher import Teacher
from fixture_project import ROOT, make_project
from support import TEACHER_PIN, join_in_process as join

FORMS = ROOT / "tests" / "fixtures" / "forms"


@pytest.fixture(scope="module")
def forms_project(tmp_path_factory):
    """A module whose only exercises are two fixture forms, A and B (18 items each)."""
    return make_project(tmp_path_factory.mktemp("forms"), {
        "test-form-a": FORMS / "form-a", "test-form-b": FORMS / "form-b"})


@pytest.fixture
def forms_api(store, forms_project):
    return TestClient(create_app(store, Teacher(TEACHER_PIN), forms_project))


@pytest.fixture
def as_teacher(forms_api):
    answer = forms_api.simulate_post("/teacher/login", json={"pin": TEACHER_PIN})
    return {"Cookie": f"whc-teacher={answer.cookies['whc-teacher'].value}"}


def handin(catalogue, exercise, event_id, letter="a"):
    items = catalogue.exercises[exercise].items
    return {"id": event_id, "type": "handin", "exercise": exercise, "at": 1,
            "items": {item: {"v": info.version, "r": letter} for item, info in items.items()}}


def send(api, who, event):
    return api.simulate_post("/events", json={"events": [event]}, headers=who)


def test_a_form_is_handed_in_once_per_occasion_and_shows_its_key_only_when_released(
        forms_api, as_teacher, forms_project):
    catalogue = Catalogue.load(forms_project)
    _, ann = join(forms_api, "Ann")
    # Not given yet: refused, and the check-up being open does not open a form.
    forms_api.simulate_post("/teacher/checkup", json={"open": True}, headers=as_teacher)
    refused = send(forms_api, ann, handin(catalogue, "test-form-a", "ann-early-1"))
    assert refused.status_code == 422 and "test is not open now" in refused.json["error"]
    given = forms_api.simulate_post("/teacher/occasions", json={
        "label": "pre", "exercise": "test-form-a"}, headers=as_teacher)
    assert given.status_code == 201 and given.json["open"] is True
    own = forms_api.simulate_get("/checkup", params={"exercise": "test-form-a"}, headers=ann)
    assert own.json["open"] is True and own.json["key"] is None
    assert send(forms_api, ann, handin(catalogue, "test-form-a", "ann-pre-1")).status_code == 200
    again = send(forms_api, ann, handin(catalogue, "test-form-a", "ann-pre-2"))
    assert again.status_code == 422 and "already handed in this test" in again.json["error"]
    # Form B was not given: closed for it.
    assert send(forms_api, ann, handin(catalogue, "test-form-b", "ann-b-1")).status_code == 422
    own = forms_api.simulate_get("/checkup", params={"exercise": "test-form-a"}, headers=ann)
    assert own.json["handedIn"] is True and own.json["key"] is None and own.json["score"] is None
    assert own.json["mayHandIn"] is False  # her page switches Hand in off, as the laptop refuses
    # Releasing the check-up, or its feedback "at once", shows nothing of a form.
    forms_api.simulate_post("/teacher/checkup", json={"released": True}, headers=as_teacher)
    own = forms_api.simulate_get("/checkup", params={"exercise": "test-form-a"}, headers=ann)
    assert own.json["key"] is None
    forms_api.simulate_post("/teacher/checkup", json={"feedback": "at-once"}, headers=as_teacher)
    own = forms_api.simulate_get("/checkup", params={"exercise": "test-form-a"}, headers=ann)
    assert own.json["key"] is None
    occasion = given.json["id"]
    closed = forms_api.simulate_post(f"/teacher/occasions/{occasion}",
                                     json={"open": False, "released": True}, headers=as_teacher)
    assert closed.json["released"] is True
    own = forms_api.simulate_get("/checkup", params={"exercise": "test-form-a"}, headers=ann)
    assert own.json["open"] is False and own.json["score"] == [6, 18]  # every 'a' right 6 times
    assert set(own.json["key"]["items"]) == set(catalogue.exercises["test-form-a"].items)
    # Weeks later, the same form again: a new occasion in a new lesson takes a new hand-in.
    forms_api.simulate_post("/teacher/lessons", json={}, headers=as_teacher)
    forms_api.simulate_post("/teacher/occasions", json={"label": "later",
                                                        "exercise": "test-form-a"},
                            headers=as_teacher)
    own = forms_api.simulate_get("/checkup", params={"exercise": "test-form-a"}, headers=ann)
    assert own.json["mayHandIn"] is True
    reopened = forms_api.simulate_post(f"/teacher/occasions/{occasion}", json={"open": True},
                                       headers=as_teacher)
    assert reopened.status_code == 409 and "earlier lesson" in reopened.json["error"]
    assert send(forms_api, ann, handin(catalogue, "test-form-a", "ann-later-1")).status_code == 200
    own = forms_api.simulate_get("/checkup", params={"exercise": "test-form-a"}, headers=ann)
    assert own.json["open"] is True and own.json["key"] is None  # the later one not released


def test_giving_a_form_is_checked(forms_api, as_teacher):
    def give(**data):
        return forms_api.simulate_post("/teacher/occasions", json=data, headers=as_teacher)
    assert give(label="before", exercise="test-form-a").status_code == 409
    assert give(label="pre", exercise="no-such-form").status_code == 409
    assert give(label="pre", exercise="test-form-a").status_code == 201
    twice = give(label="post", exercise="test-form-a")
    assert twice.status_code == 409 and "already given in this lesson" in twice.json["error"]
    assert forms_api.simulate_post("/teacher/occasions", json={
        "label": "pre", "exercise": "test-form-b"}).status_code in (401, 403)


def test_paper_letters_are_checked_and_a_row_typed_again_replaces_it(forms_api, as_teacher):
    occasion = forms_api.simulate_post("/teacher/occasions", json={
        "label": "pre", "exercise": "test-form-a"}, headers=as_teacher).json["id"]

    def paper(name, letters, to=occasion):
        return forms_api.simulate_post("/teacher/paper", json={
            "occasion": to, "name": name, "letters": letters}, headers=as_teacher)
    short = paper("Dan", "abc")
    assert short.status_code == 422 and "18 questions" in short.json["error"]
    wrong = paper("Dan", "abcab-abcabcabcabd")
    assert wrong.status_code == 422 and "Question 18: 'd'" in wrong.json["error"]
    assert paper("", "a" * 18).json["error"] == "Type the student's name first."
    assert paper("Dan", "a" * 18, to=99).status_code == 404
    assert paper("Dan", "a" * 18, to=True).status_code == 404

    def measured():  # as the class page asks every few seconds: each row typed shows at once
        return forms_api.simulate_get("/teacher/measuring", headers=as_teacher).json["report"]
    assert measured()["occasions"] == []
    first = paper("Dan", "bca bca bca bca bca bca")  # the key's letters: all right
    assert first.status_code == 200 and first.json["replaced"] is False
    assert measured()["occasions"][0]["overall"] == 100.0
    second = paper("dan", "BCA BCA BCA BCA BCA BC-")  # typed again, one left blank
    assert second.json == {**second.json, "name": "Dan", "replaced": True, "answered": 17}
    report = measured()
    assert report["occasions"][0]["overall"] == round(100 * 17 / 18, 1)
    assert report["occasions"][0]["paper"] == 1


def test_check_up_items_get_their_figures_too(api, teacher, catalogue):
    """Two students hand in one check-up part: Ann right on one item, Ben wrong on it, neither
    answering the rest. That item's facility is 1/2; every other scored item's is 0."""
    exercise = catalogue.exercises["checkup-questions"]
    item = next(iter(exercise.items))
    right = exercise.key["items"][item]["answer"]
    wrong = [o for o in exercise.items[item].options if o not in right][:1]
    _, ann = join(api, "Ann")
    _, ben = join(api, "Ben")
    api.simulate_post("/teacher/checkup", json={"open": True}, headers=teacher)
    for who, answer, event_id in ((ann, list(right), "ann-checkup-1"),
                                  (ben, wrong, "ben-checkup-1")):
        event = {"id": event_id, "type": "handin", "exercise": exercise.id, "at": 1,
                 "items": {item: {"v": exercise.items[item].version, "r": answer}}}
        assert send(api, who, event).status_code == 200
    tables = {table["exercise"]: table
              for table in api.simulate_get("/teacher/measuring", headers=teacher).json[
                  "report"]["items"]}
    table = tables["checkup-questions"]
    assert table["kind"] == "checkup" and table["sittings"] == 2
    facilities = {row["item"]: row["facility"] for row in table["items"]}
    assert facilities[item] == 0.5
    assert set(facilities.values()) - {0.5} <= {0.0}


def test_two_halves_sit_the_forms_the_other_way_round(forms_api, as_teacher, forms_project):
    """Both forms given at once before and after: Ann sits A then B, Ben B then A. Ann all 'a'
    (6 of 18 right) then all 'b' (6); Ben all 'b' (6) then all 'c' (6): each pair pairs a
    student's own before and after, whatever the form, so both gains are 0 points."""
    catalogue = Catalogue.load(forms_project)
    _, ann = join(forms_api, "Ann")
    _, ben = join(forms_api, "Ben")
    for number, label in enumerate(("pre", "post")):
        if number:
            forms_api.simulate_post("/teacher/lessons", json={}, headers=as_teacher)
        for exercise in ("test-form-a", "test-form-b"):
            forms_api.simulate_post("/teacher/occasions", json={"label": label,
                                                                "exercise": exercise},
                                    headers=as_teacher)
        first, second = ("test-form-a", "test-form-b")[::1 if label == "pre" else -1]
        assert send(forms_api, ann, handin(catalogue, first, f"ann-{label}-hand", "ab"[number])) \
            .status_code == 200
        assert send(forms_api, ben, handin(catalogue, second, f"ben-{label}-hand", "bc"[number])) \
            .status_code == 200
    data = forms_api.simulate_get("/teacher/measuring", headers=as_teacher).json
    assert [o["sittings"] for o in data["occasions"]] == [1, 1, 1, 1]
    rows = {row["label"]: row for row in data["report"]["occasions"]}
    assert rows["pre"]["students"] == rows["post"]["students"] == 2
    assert rows["pre"]["overall"] == rows["post"]["overall"] == round(100 * 12 / 36, 1)
    assert data["report"]["gains"]["post"] == {"n": 2, "mean": 0.0, "low": 0.0, "high": 0.0}


def test_an_occasion_that_is_not_there_is_not_found(forms_api, as_teacher):
    for path in ("/teacher/occasions/99", "/teacher/occasions/abc"):
        answer = forms_api.simulate_post(path, json={"open": False}, headers=as_teacher)
        assert answer.status_code == 404, path
