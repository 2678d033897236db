"""Leading from the front, through the API: the teacher's steps, the class's spread without the
key until Reveal, a show of hands, check-ups never led, and a pasted text keyed by the class."""

from __future__ import annotations

import io
import zipfile

import pytest

from support import join_in_process, key_texts

LESSON = "lesson-1-practice"


def events(catalogue, exercise_id, answers):
    exercise = catalogue.exercises[exercise_id]
    return {"events": [{"id": f"ev-{item}-{response}"[:60].ljust(8, "x"), "type": "answer",
                        "exercise": exercise_id, "at": 1,
                        "items": {item: {"v": exercise.items[item].version, "r": response}}}
                       for item, response in answers.items()]}


def key_words(catalogue, exercise_id, item_id):
    """The key's reasons for one item: never in anything sent before Reveal."""
    entry = catalogue.exercises[exercise_id].key["items"][item_id]
    return [entry["feedback"], *(entry.get("options") or {}).values()]


def lead(api, teacher, **data):
    answer = api.simulate_post("/teacher/lead", json=data, headers=teacher)
    assert answer.status_code == 200, answer.json
    return answer.json


def test_only_the_teacher_leads_and_sees_the_projector(api):
    assert api.simulate_get("/teacher/lead").status_code == 401
    assert api.simulate_post("/teacher/lead", json={"action": "next"}).status_code == 401
    page = api.simulate_get("/teacher/lead/page")
    assert page.status_code == 401 and "class page" in page.text
    assert "data-lead-source" not in page.text
    assert api.simulate_get("/teacher/lead/script").status_code == 401


def test_a_check_up_is_never_offered_nor_led(api, teacher, catalogue):
    view = api.simulate_get("/teacher/lead", headers=teacher).json
    offered = {source["id"] for source in view["sources"]}
    checkups = {e.id for e in catalogue.exercises.values() if e.assessment}
    assert checkups and not offered & checkups
    assert LESSON in offered and "case:iskitim" in offered
    answer = api.simulate_post("/teacher/lead", json={"action": "show", "source": sorted(checkups)[0]},
                               headers=teacher)
    assert answer.status_code == 400 and "check-up" in answer.json["error"]


def test_the_spread_comes_live_and_the_key_only_after_reveal(api, teacher, catalogue):
    first = list(catalogue.exercises[LESSON].items)[0]
    secret = key_words(catalogue, LESSON, first)
    shown = lead(api, teacher, action="show", source=LESSON)["shown"]
    assert shown["answered"] == 0 and "key" not in shown
    page = api.simulate_get("/teacher/lead/page", headers=teacher).text
    for student, choice in (("Ann", "a"), ("Ben", "b"), ("Cy", "b")):
        _, headers = join_in_process(api, student)
        assert api.simulate_post("/events", json=events(catalogue, LESSON, {first: choice}),
                                 headers=headers).status_code == 200
        follow = api.simulate_get("/lead", headers=headers)
        assert follow.json["shown"]["item"] == first
        assert follow.json["shown"]["url"].endswith(f"#{LESSON}-{first}")
        assert not any(text in follow.text for text in secret)
    before = api.simulate_get("/teacher/lead", headers=teacher)
    shown = before.json["shown"]
    assert shown["answered"] == 3
    bars = {bar["option"]: bar["count"] for bar in shown["spread"]["bars"]}
    assert bars["a"] == 1 and bars["b"] == 2 and shown["spread"]["from"] == "devices"
    assert not any(text in before.text + page for text in secret)
    assert "key" not in shown and "right" not in before.text
    revealed = lead(api, teacher, action="reveal")["shown"]
    assert revealed["key"]["reasons"] == secret[0]
    assert revealed["key"]["answers"] == [catalogue.exercises[LESSON].items[first].options["b"]]
    nxt = lead(api, teacher, action="next")["shown"]
    assert nxt["step"] == 1 and not nxt["revealed"] and "key" not in nxt


def test_a_show_of_hands_stands_for_the_devices(api, teacher):
    lead(api, teacher, action="show", source=LESSON)
    shown = lead(api, teacher, action="hands", hands={"a": 4, "b": 11})["shown"]
    assert shown["spread"]["from"] == "hands"
    assert [bar["count"] for bar in shown["spread"]["bars"]][:2] == [4, 11]
    assert lead(api, teacher, action="skip")["shown"].get("spread") is None
    bad = api.simulate_post("/teacher/lead", json={"action": "hands", "hands": {"a": -1}},
                            headers=teacher)
    assert bad.status_code == 400


HOSTILE = ("## A clinic's advert\n"
           "Our cream cures eczema in three days. It is 100% safe <script>alert(1)</script>.\n"
           "Doctors trust us <img src=x onerror=alert(2)>. Read [our results](javascript:alert(3)).\n")


def test_a_pasted_text_is_numbered_marked_and_keyed_by_the_class(api, teacher):
    answer = api.simulate_post("/teacher/lead/text", json={"title": "An advert", "text": HOSTILE},
                               headers=teacher)
    assert answer.status_code == 201, answer.json
    blocks = answer.json["blocks"]
    assert blocks[0] == {"heading": "A clinic's advert"}
    assert [p["number"] for p in blocks[1:]] == [1, 2]
    sentences = {s["id"]: s["text"] for p in blocks[1:] for s in p["sentences"]}
    assert sentences["s1"] == "Our cream cures eczema in three days."
    assert sentences["s2"] == "It is 100% safe <script>alert(1)</script>."  # kept as text
    assert sentences["s4"] == "Read [our results](javascript:alert(3))."
    marks = {"Ann": {"s1": "benefit", "s2": "safety"}, "Ben": {"s1": "benefit"},
             "Cy": {"s1": "safety", "s3": "credibility"}}
    students = {}
    for name, given in marks.items():
        _, headers = join_in_process(api, name)
        students[name] = headers
        text = api.simulate_get("/lead", headers=headers).json["shown"]
        assert text["type"] == "pasted" and "score" not in text
        sent = api.simulate_post("/lead/marks", json={"text": text["id"], "marks": given},
                                 headers=headers)
        assert sent.status_code == 200, sent.json
    bad = api.simulate_post("/lead/marks", json={"text": text["id"], "marks": {"s99": "benefit"}},
                            headers=students["Ann"])
    assert bad.status_code == 400
    shown = api.simulate_get("/teacher/lead", headers=teacher).json["shown"]
    assert shown["marked"] == 3 and shown["counts"]["s1"] == {"benefit": 2, "safety": 1}
    key = api.simulate_post("/teacher/lead/key", json={"from": "class"}, headers=teacher).json["key"]
    assert key == {"s1": "benefit"}
    score = api.simulate_get("/lead", headers=students["Cy"]).json["shown"]["score"]
    assert score == {"got": 0, "outOf": 1, "notClaims": 1}
    own = api.simulate_post("/teacher/lead/key", json={"key": {"s1": "benefit", "s2": "safety"}},
                            headers=teacher)
    assert own.status_code == 200
    assert api.simulate_get("/lead", headers=students["Ann"]).json["shown"]["score"]["got"] == 2


def test_a_keyed_text_saves_as_an_authors_files(api, teacher):
    api.simulate_post("/teacher/lead/text", json={"title": "An advert", "text": HOSTILE},
                      headers=teacher)
    api.simulate_post("/teacher/lead/key", json={"key": {"s1": "benefit"}}, headers=teacher)
    answer = api.simulate_get("/teacher/lead/files", params={"name": "cream-advert"},
                              headers=teacher)
    assert answer.status_code == 200
    files = zipfile.ZipFile(io.BytesIO(answer.content))
    names = set(files.namelist())
    assert {"exercises/cases/cream-advert.txt", "exercises/cases/cream-advert.yml",
            "exercises/cream-advert-claims/exercise.yml",
            "exercises/cream-advert-claims/key.yml", "HOW-TO-ADD.txt"} <= names
    assert files.read("exercises/cases/cream-advert.txt").decode().startswith("## A clinic's advert\n")
    assert "Our cream cures eczema in three days." in files.read(
        "exercises/cream-advert-claims/key.yml").decode()
    assert "make new-case NAME=cream-advert" in files.read("HOW-TO-ADD.txt").decode()
    refused = api.simulate_get("/teacher/lead/files", params={"name": "../x"}, headers=teacher)
    assert refused.status_code == 400


@pytest.mark.parametrize("text", ["", " \n ", "x" * 20001])
def test_an_empty_or_huge_text_is_refused_in_words(api, teacher, text):
    answer = api.simulate_post("/teacher/lead/text", json={"text": text}, headers=teacher)
    assert answer.status_code == 400 and answer.json["error"]


def test_a_deleted_students_marks_go_with_them(api, teacher):
    api.simulate_post("/teacher/lead/text", json={"text": HOSTILE}, headers=teacher)
    student, headers = join_in_process(api, "Dee")
    text = api.simulate_get("/lead", headers=headers).json["shown"]
    api.simulate_post("/lead/marks", json={"text": text["id"], "marks": {"s1": "benefit"}},
                      headers=headers)
    assert api.simulate_get("/teacher/lead", headers=teacher).json["shown"]["marked"] == 1
    deleted = api.simulate_post(f"/teacher/students/{student['id']}/delete",
                                json={"confirm": True}, headers=teacher)
    assert deleted.status_code == 200
    shown = api.simulate_get("/teacher/lead", headers=teacher).json["shown"]
    assert shown["marked"] == 0 and shown["counts"] == {}


def test_a_case_is_led_paragraph_by_paragraph(api, teacher, module):
    case = module.cases["iskitim"]
    shown = lead(api, teacher, action="show", source="case:iskitim")["shown"]
    assert shown["type"] == "paragraph" and shown["steps"] == len(case.paragraphs)
    assert shown["text"] == case.paragraphs[0].text and "answered" not in shown
    shown = lead(api, teacher, action="next")["shown"]
    assert shown["number"] == 2
    _, headers = join_in_process(api, "Eve")
    follow = api.simulate_get("/lead", headers=headers).json["shown"]
    assert follow == {"type": "paragraph", "title": case.title, "number": 2}
    assert lead(api, teacher, action="stop")["shown"] is None
    assert api.simulate_get("/lead", headers=headers).json["shown"] is None


def test_no_step_of_any_exercise_shows_its_key_before_reveal(api, teacher, module):
    """Every item of every exercise that can be led, stepped through: none of its key's reasons,
    model answers or rubric lines is in what the projector is sent until Reveal."""
    led = [e for e in module.exercises.values() if not e.assessment]
    secrets = key_texts(led)
    assert secrets
    for exercise in led:
        lead(api, teacher, action="show", source=exercise.id)
        for _ in exercise.handler.saved_items(exercise):
            sent = api.simulate_get("/teacher/lead", headers=teacher).text
            leaked = [text for text in secrets if text in sent]
            assert not leaked, f"{exercise.id}: {leaked[0][:60]}"
            lead(api, teacher, action="next")
