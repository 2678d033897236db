"""One person, one record: a My answers file never reaches a live account
its owner did not make (F3), no account sees key entries it has not handed in (F2), and names
the teacher cannot tell apart are shown apart (F12)."""

from __future__ import annotations

import json

from classroom.contract import FILE_FORMAT
from support import join_in_process as join, load_answers_file

EXERCISE = "lesson-1-practice"


def my_answers_file(catalogue, name: str, response: str = "b") -> str:
    version = catalogue.exercises[EXERCISE].items["cells-migrate"].version
    return json.dumps({"format": FILE_FORMAT, "version": 1, "name": name, "exercises": {
        EXERCISE: {"items": {"cells-migrate": {"v": version, "r": response}}}}})


def test_a_loaded_file_never_reaches_a_live_account_of_the_same_name(api, teacher, catalogue):
    """F3: Mallory joins as "Vera V"; the teacher loads Vera's file. Mallory reads nothing of
    it; the class page shows the file's record apart, with the same-name match to decide on."""
    mallory, as_mallory = join(api, "Vera V")
    version = catalogue.exercises[EXERCISE].items["cells-migrate"].version
    api.simulate_post("/events", headers=as_mallory, json={"events": [
        {"id": "mallory-1", "type": "check", "exercise": EXERCISE, "at": 1,
         "items": {"cells-migrate": {"v": version, "r": "a"}}}]})
    load_answers_file(api, teacher, my_answers_file(catalogue, "vera v"))
    assert api.simulate_get("/me", headers=as_mallory).json["events"] == 1
    report = api.simulate_get("/teacher/report", headers=teacher).json
    rows = [s for s in report["figures"]["students"] if s["name"].casefold().startswith("vera v")]
    assert len(rows) == 2
    (match,) = report["sameName"]
    assert [j["id"] for j in match["joined"]] == [mallory["id"]] and match["file"] != mallory["id"]
    # A second file of the same name joins the first file's record, not the live account.
    load_answers_file(api, teacher, my_answers_file(catalogue, "Vera V", "a"))
    assert api.simulate_get("/me", headers=as_mallory).json["events"] == 1
    assert len(api.simulate_get("/teacher/report", headers=teacher).json["sameName"]) == 1
    # The teacher decides: merged, the file's answers are that student's, and the match is gone.
    merged = api.simulate_post(f"/teacher/students/{match['file']}/merge",
                               json={"into": mallory["id"]}, headers=teacher)
    assert merged.status_code == 200, merged.json
    assert api.simulate_get("/me", headers=as_mallory).json["events"] == 3
    report = api.simulate_get("/teacher/report", headers=teacher).json
    assert report["sameName"] == [] and len(report["figures"]["students"]) == 1


def test_merging_needs_the_teacher_and_two_real_students(api, teacher, catalogue):
    ann, as_ann = join(api, "Ann")
    bob, _ = join(api, "Bob")
    path = f"/teacher/students/{ann['id']}/merge"
    assert api.simulate_post(path, json={"into": bob["id"]}, headers=as_ann).status_code == 401
    assert api.simulate_post(path, json={"into": "nobody"}, headers=teacher).status_code == 404
    assert api.simulate_post(path, json={"into": ann["id"]}, headers=teacher).status_code == 400


def test_no_key_entry_for_a_claim_not_handed_in(api, teacher, catalogue):
    """F2: with feedback after hand-in, an account that hands in one marked sentence of the
    claims check-up learns the key of that sentence only, not the other claims'."""
    from classroom.contract import TEXT_ITEM
    claims = catalogue.exercises["checkup-claims"]
    _, as_alt = join(api, "zz alt")  # before the check-up opens, or it would wait for the teacher
    api.simulate_post("/teacher/checkup", json={"open": True, "feedback": "after-handin"},
                      headers=teacher)
    marked = next(iter(claims.key["items"].values()))["sentence"]
    handin = {"id": "alt-handin-1", "type": "handin", "exercise": claims.id, "at": 1,
              "items": {TEXT_ITEM: {"v": claims.items[TEXT_ITEM].version,
                                    "r": {marked: "benefit"}}}}
    stored = api.simulate_post("/events", headers=as_alt, json={"events": [handin]})
    assert stored.status_code == 200, stored.json
    view = api.simulate_get("/checkup", params={"exercise": claims.id}, headers=as_alt).json
    assert [claim["sentence"] for claim in view["key"]["items"].values()] == [marked]
    assert set(view["key"]["notClaims"]) <= {marked}
    text = json.dumps(view)
    for claim in claims.key["items"].values():
        if claim["sentence"] != marked:
            assert claim["feedback"] not in text
    assert view["key"]["unmarked"] == len(claims.key["items"]) - 1
    assert view["score"][1] == len(claims.key["items"])  # the mark is still out of every claim


def test_a_rename_leaves_no_trace_of_the_former_name(api, store):
    """F15: after a rename, no file of the data folder (the class file, its -wal and -shm)
    holds the former name."""
    _, as_student = join(api, "Formername Qx")
    renamed = api.simulate_post("/me", json={"name": "Newname Qx"}, headers=as_student)
    assert renamed.status_code == 200
    files = sorted(store.path.parent.iterdir())
    assert files and all(b"Formername" not in path.read_bytes() for path in files), files
    assert api.simulate_get("/me", headers=as_student).json["name"] == "Newname Qx"


BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


def test_names_the_teacher_cannot_tell_apart_are_shown_apart(api, store, teacher, catalogue):
    """F12: three "Sam K." (one with a no-break space), a Cyrillic "Sаm K." and a name with a
    right-to-left override: on the class page and in the CSV each is told apart, and no
    bidirectional control character is left."""
    version = catalogue.exercises[EXERCISE].items["cells-migrate"].version
    names = ["Sam K.", "Sam\u00a0K.", "sam k.", "S\u0430m K.", "\u202eexe.live Sam"]
    for number, name in enumerate(names):
        if number < 4:
            _, auth = join(api, name)
        else:  # joined before names were cleaned: the store holds it as typed
            student, token = store.join(name)
            auth = {"Authorization": f"Bearer {token}"}
        answer = api.simulate_post("/events", headers=auth, json={"events": [
            {"id": f"sam-event-{number}", "type": "check", "exercise": EXERCISE, "at": 1,
             "items": {"cells-migrate": {"v": version, "r": "a"}}}]})
        assert answer.status_code == 200, answer.json
    shown = [s["name"] for s in api.simulate_get("/teacher/report", headers=teacher)
             .json["figures"]["students"]]
    assert len(shown) == 5 and len(set(shown)) == 5, shown
    assert {"Sam K.", "Sam K. (2)", "sam k. (3)"} <= set(shown), shown
    assert any("S\u0430m K." in name and "alphabet" in name for name in shown), shown
    csv = api.simulate_get("/teacher/results.csv", headers=teacher).text
    for text in ["\n".join(shown), csv]:
        assert not any(mark in text for mark in BIDI)
    assert "exe.live Sam" in csv and "sam k. (3)" in csv
    assert api.simulate_post("/join", json={"name": "\u202eAnn"}).json["name"] == "Ann"


def test_a_name_in_use_or_a_late_join_waits_for_the_teacher(api, teacher, catalogue):
    """Item 7: a second device taking a name in use is told and waits; so does an account
    made after the check-up opened, which sees no feedback until the teacher admits it."""
    rita, as_rita = join(api, "Rita R")
    assert rita["waiting"] is False
    second = api.simulate_post("/join", json={"name": "rita r"})
    assert second.status_code == 201 and second.json["waiting"] is True
    assert "already" in second.json["message"]
    api.simulate_post("/teacher/checkup", json={"open": True, "feedback": "after-handin"},
                      headers=teacher)
    alt, as_alt = join(api, "Zz Alt")
    assert alt["waiting"] is True
    questions = catalogue.exercises["checkup-questions"]
    item = next(iter(questions.items))
    handin = {"id": "alt-handin-1", "type": "handin", "exercise": questions.id, "at": 1,
              "items": {item: {"v": questions.items[item].version, "r": "a"}}}
    assert api.simulate_post("/events", headers=as_alt, json={"events": [handin]}).status_code == 200
    view = api.simulate_get("/checkup", params={"exercise": questions.id}, headers=as_alt).json
    assert view["handedIn"] and view["key"] is None and view["waiting"] is True
    assert api.simulate_get("/me", headers=as_alt).json["waiting"] is True
    waiting = api.simulate_get("/teacher/report", headers=teacher).json["waiting"]
    assert {w["id"]: w["why"] for w in waiting} == {second.json["id"]: "name", alt["id"]: "checkup"}
    assert [[s["id"] for s in w["sameAs"]] for w in waiting if w["why"] == "name"] == [[rita["id"]]]
    admitted = api.simulate_post(f"/teacher/students/{alt['id']}/admit", json={},
                                 headers=teacher)
    assert admitted.status_code == 200
    view = api.simulate_get("/checkup", params={"exercise": questions.id}, headers=as_alt).json
    assert view["key"] is not None and view["waiting"] is False
    assert len(api.simulate_get("/teacher/report", headers=teacher).json["waiting"]) == 1
    assert api.simulate_post(f"/teacher/students/{alt['id']}/admit", json={},
                             headers=as_rita).status_code == 401


def test_the_class_list_lets_its_names_in_and_keeps_for_later_lessons(api, store, teacher):
    """Item 7: the teacher pastes the class list once (kept in the data folder): its names join
    without waiting, even during the check-up; any other name, or a listed name taken twice,
    waits for the teacher. Delete everything deletes the list too."""
    saved = api.simulate_post("/teacher/class-list", headers=teacher,
                              json={"names": "Rita R\n  Sam   K. \n\nrita r\n"})
    assert saved.status_code == 200 and saved.json["names"] == ["Rita R", "Sam K."]
    assert api.simulate_get("/teacher/class-list", headers=teacher).json["names"] == [
        "Rita R", "Sam K."]
    assert (store.path.parent / "class-list.txt").read_text(encoding="utf-8") == "Rita R\nSam K.\n"
    api.simulate_post("/teacher/checkup", json={"open": True}, headers=teacher)
    assert join(api, "rita r")[0]["waiting"] is False
    again = join(api, "Rita R")[0]
    stranger = join(api, "Mallory")[0]
    assert again["waiting"] and stranger["waiting"] and "class list" in stranger["message"]
    waiting = api.simulate_get("/teacher/report", headers=teacher).json["waiting"]
    assert {w["id"]: w["why"] for w in waiting} == {again["id"]: "name", stranger["id"]: "list"}
    assert api.simulate_post("/teacher/class-list", json={"names": "x"}).status_code == 401
    api.simulate_post("/teacher/delete-everything", json={"confirm": True}, headers=teacher)
    assert not (store.path.parent / "class-list.txt").exists()
