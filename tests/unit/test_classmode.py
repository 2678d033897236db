"""Class mode's plain Python, with no server: the store, the checks on events, the reports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from classroom.classmode.catalogue import Catalogue, EventError
from classroom.classmode.exports import neutral, to_csv, to_xapi
from classroom.classmode.figures import LiveFigures
from classroom.classmode.teacher import FREE_TRIES, Teacher
from classroom.classmode.views import spread
from classroom.classmode.work import Report, Scorer
from classmode_oracle import ReportFromScratch
from support import ROOT, TEACHER_PIN

EXERCISE = "lesson-1-practice"


def check(catalogue, event_id, answers, kind="check", exercise=EXERCISE):
    ex = catalogue.exercises[exercise]
    return {"id": event_id, "type": kind, "exercise": exercise, "at": 1,
            "items": {item: {"v": ex.items[item].version, "r": r} for item, r in answers.items()}}


def test_a_retried_event_is_stored_once(store, catalogue):
    student, token = store.join("Ann")
    event = check(catalogue, "event-0001", {"cells-migrate": "b"})
    assert store.add_events(student.id, [event]) == ["event-0001"]
    assert store.add_events(student.id, [event]) == ["event-0001"]
    assert len(store.events()) == 1
    assert store.student_for(token) == student
    assert store.student_for("not a token") is None
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert token not in json.dumps(db.execute("SELECT * FROM students").fetchall())


def test_events_naming_unknown_things_are_refused(catalogue):
    with pytest.raises(EventError, match="no exercise 'nope'"):
        catalogue.check_event({"id": "event-0001", "type": "check", "exercise": "nope",
                               "items": {}, "at": 1})
    with pytest.raises(EventError, match="no item 'nope'"):
        catalogue.check_event({"id": "event-0001", "type": "check", "exercise": EXERCISE,
                               "items": {"nope": None}, "at": 1})
    with pytest.raises(EventError, match="'z' is not one of its answers"):
        catalogue.check_event(check(catalogue, "event-0001", {"cells-migrate": "z"}))
    with pytest.raises(EventError, match="too long"):
        catalogue.check_event(check(catalogue, "event-0001", {"three-questions": "x" * 20001},
                                    exercise="iskitim-questions"))
    with pytest.raises(EventError, match="event id"):
        catalogue.check_event({**check(catalogue, "x", {}), "id": "<b>"})


def test_item_figures_first_and_last_check_and_commonest_wrong(store, catalogue):
    for name, tries in (("Ann", ["b"]), ("Bob", ["a", "b"]), ("Cy", ["a", "a", "a"])):
        student, _ = store.join(name)
        store.add_events(student.id, [check(catalogue, f"{name}-check-{n}", {"cells-migrate": r})
                                      for n, r in enumerate(tries)])
    report = ReportFromScratch(catalogue, store.students(), store.events(store.current_lesson()))
    item = next(i for i in report.items()[0]["items"] if i["id"] == "cells-migrate")
    assert (item["answered"], item["firstRight"], item["lastRight"]) == (3, 33, 67)
    wrong = item["commonWrong"]
    assert wrong["count"] == 2
    assert wrong["reason"] == catalogue.exercises[EXERCISE].key["items"]["cells-migrate"]["reasons"]["a"]
    help_ = report.help()
    assert [(h["name"], h["why"], h["count"]) for h in help_] == [("Cy", "checks", 3)]
    counted = spread(report, EXERCISE, "cells-migrate")
    assert sorted((a["count"], a["right"]) for a in counted["answers"]) == [(1, False), (2, True)]
    assert "Ann" not in json.dumps(counted)


def test_a_corrected_key_rescores_stored_answers(store, catalogue):
    student, _ = store.join("Ann")
    store.add_events(student.id, [check(catalogue, "event-0001", {"cells-migrate": "a"})])
    ex = catalogue.exercises[EXERCISE]
    fixed_key = json.loads(json.dumps(ex.key))
    fixed_key["items"]["cells-migrate"]["answer"] = "a"
    fixed = Catalogue({**catalogue.exercises, EXERCISE: type(ex)(
        ex.id, ex.title, ex.kind, ex.items, fixed_key, ex.labels)})
    events = store.events()
    before = ReportFromScratch(catalogue, store.students(), events).items()[0]["items"][0]
    after = ReportFromScratch(fixed, store.students(), events).items()[0]["items"][0]
    assert (before["lastRight"], after["lastRight"]) == (0, 100)


def test_solution_before_any_check_asks_for_help(store, catalogue):
    student, _ = store.join("Dee")
    store.add_events(student.id, [check(catalogue, "event-0001", {}, kind="solution")])
    report = ReportFromScratch(catalogue, store.students(), store.events())
    assert [h["why"] for h in report.help()] == ["solution"]


def test_an_item_whose_solution_was_shown_is_never_counted_as_right(store, catalogue):
    student, _ = store.join("Eve")
    store.add_events(student.id, [
        check(catalogue, "event-0001", {"cells-migrate": "a"}),
        check(catalogue, "event-0002", {"cells-migrate": "a"}, kind="solution"),
        check(catalogue, "event-0003", {"cells-migrate": "b", "more-stable": "c"})])
    report = ReportFromScratch(catalogue, store.students(), store.events())
    items = {i["id"]: i for i in report.items()[0]["items"]}
    assert items["cells-migrate"]["lastRight"] == 0  # the right answer came from the solution
    assert items["more-stable"]["lastRight"] == 100


def test_csv_neutralises_formulas_and_keeps_numbers(store, catalogue):
    student, _ = store.join("=1+1")
    store.add_events(student.id, [check(catalogue, "event-0001", {"cells-migrate": "b"})])
    rows = list(csv.reader(io.StringIO(to_csv(Report(catalogue, store.students(), store.events())))))
    assert rows[1][1] == "'=1+1"
    assert rows[1][7:10] == ["right", "1", "1"]
    assert "'=1+1" not in to_xapi(Report(catalogue, store.students(), store.events()), "http://x/")
    assert [neutral(v) for v in ("+a", "-a", "@a", "a", 3)] == ["'+a", "'-a", "'@a", "a", 3]


def test_deleting_a_student_or_everything(store, catalogue):
    ann, _ = store.join("Ann")
    bob, _ = store.join("Bob")
    for who in (ann, bob):
        store.add_events(who.id, [check(catalogue, f"{who.name}-event-1", {"cells-migrate": "b"})])
    assert store.delete_student(ann.id)
    assert [e.student for e in store.events()] == [bob.id]
    assert b"Ann" not in store.path.read_bytes()
    first = store.current_lesson()
    store.delete_everything()
    assert store.events() == [] and store.students() == {}
    assert store.current_lesson() != first and store.integrity() == "ok"


def test_new_lesson_keeps_the_old_one(store, catalogue):
    ann, _ = store.join("Ann")
    store.add_events(ann.id, [check(catalogue, "event-0001", {"cells-migrate": "b"})])
    first = store.current_lesson()
    second = store.new_lesson("Second")
    store.add_events(ann.id, [check(catalogue, "event-0002", {"cells-migrate": "a"})])
    assert [e.event_id for e in store.events(first)] == ["event-0001"]
    assert [e.event_id for e in store.events(second)] == ["event-0002"]
    assert [lesson["title"] for lesson in store.lessons()][-1] == "Second"


def test_wrong_pins_make_a_device_wait_longer_and_longer():
    teacher = Teacher(TEACHER_PIN)
    for _ in range(FREE_TRIES):
        assert teacher.wait_before_trying("a", now=0) == 0
        assert teacher.log_in("a", "000000", now=0) is None
    first_wait = teacher.wait_before_trying("a", now=0)
    teacher.log_in("a", "000000", now=0)
    assert 0 < first_wait < teacher.wait_before_trying("a", now=0)
    assert teacher.wait_before_trying("b", now=0) == 0  # another device is not locked out
    token = teacher.log_in("b", TEACHER_PIN, now=0)
    assert teacher.is_session(token, now=1) and not teacher.is_session("forged", now=1)


def test_the_kept_figures_equal_figures_built_afresh(store, catalogue):
    """LiveFigures recomputes only what new events touch; after each batch it must say exactly
    what a report built from every event says."""
    import random

    rng = random.Random(3)
    live = LiveFigures(catalogue, Scorer(catalogue))
    students = [store.join(f"S{n}")[0] for n in range(6)]
    practice = [ex for ex in catalogue.exercises.values()
                if not ex.assessment and ex.kind in ("choice", "evidence-level")]
    for batch in range(8):
        for n in range(5):
            ex = rng.choice(practice)
            item = rng.choice(list(ex.items))
            choice = rng.choice(sorted(ex.items[item].options) or sorted(ex.labels))
            answer = [choice] if isinstance(ex.key["items"][item]["answer"], list) else choice
            store.add_events(rng.choice(students).id, [check(
                catalogue, f"ev-{batch}-{n}-x", {item: answer}, rng.choice(["check", "answer"]),
                ex.id)])
        if batch == 5:
            store.rename(students[0].id, "Renamed")
        live.add(store.events(after=live.last_seq))
        fresh = ReportFromScratch(catalogue, store.students(), store.events())
        assert json.loads(live.as_json(store.students())) == {
            "students": fresh.students(), "help": fresh.help(), "exercises": fresh.items()}


def test_a_check_up_hand_in_is_refused_when_closed_or_handed_in_already(store, catalogue):
    from classroom.classmode.checkup import ALREADY, CLOSED, own_results, refusal
    lesson = store.current_lesson()
    assert refusal(store.checkup(lesson), [], "h-1", lesson) == CLOSED
    opened = store.set_checkup(lesson, open=True)
    assert opened.feedback == "release" and refusal(opened, [], "h-1", lesson) == ""
    handed_in = [("h-1", lesson, "handin")]
    assert refusal(opened, handed_in, "h-1", lesson) == ""     # a retry of the same hand-in
    assert refusal(opened, handed_in, "h-2", lesson) == ALREADY
    at_once = store.set_checkup(lesson, feedback="at-once")
    assert refusal(at_once, handed_in, "h-2", lesson) == ""
    # Handed in in an earlier lesson: again only after a retake.
    assert refusal(at_once, handed_in, "h-2", lesson + 1) == ALREADY
    assert refusal(at_once, handed_in + [("r-1", lesson + 1, "retake")], "h-2", lesson + 1) == ""
    with pytest.raises(ValueError):
        store.set_checkup(lesson, feedback="never")
    exercise = catalogue.exercises["checkup-questions"]
    first, second = list(exercise.items)[:2]
    student, _ = store.join("Ann")
    store.add_events(student.id, [check(catalogue, "h-1", {first: list(exercise.key["items"][first]["answer"])},
                                        "handin", exercise.id)])
    handins = store.events(lesson, student=student.id)
    waiting = own_results(exercise, Scorer(catalogue), store.set_checkup(lesson, feedback="release"), handins)
    assert waiting["handedIn"] and waiting["key"] is None and waiting["answers"] is None
    shown = own_results(exercise, Scorer(catalogue), store.set_checkup(lesson, released=True), handins)
    assert list(shown["key"]["items"]) == [first] and shown["score"][0] == 1
    assert exercise.key["items"][second]["feedback"] not in json.dumps(shown)


def test_a_retake_starts_the_students_sitting_but_the_mark_waits_for_its_hand_in():
    from classroom.classmode.handins import marked_sitting, sitting
    from classroom.classmode.store import Event

    def happened(event_id, kind):
        return Event(0, "ann", event_id, 1, kind, "checkup-questions", {}, 0.0, 0.0)
    first, retake, second = happened("h-1", "handin"), happened("r-1", "retake"), happened("h-2", "handin")
    assert sitting([first, retake]) == [] and marked_sitting([first, retake]) == [first]
    assert sitting([first, retake, second]) == marked_sitting([first, retake, second]) == [second]
    assert marked_sitting([retake]) == sitting([]) == []


def test_a_my_answers_file_becomes_the_events_of_the_student_it_names(catalogue):
    from classroom.classmode.imports import FileRefused, events_from_file
    from classroom.contract import FILE_FORMAT
    version = catalogue.exercises[EXERCISE].items["cells-migrate"].version
    good = {"format": FILE_FORMAT, "version": 1, "name": "  Sam   K ", "exercises": {
        EXERCISE: {"items": {"cells-migrate": {"v": version, "r": "b", "t": 5}}, "score": [9, 9]},
        "checkup-open": {"items": {"fair-test": {"v": catalogue.exercises["checkup-open"]
                                                .items["fair-test"].version, "r": "Two groups."}}}}}
    name, events = events_from_file(catalogue, json.dumps(good))
    assert name == "Sam K" and [e["type"] for e in events] == ["check", "handin"]
    assert events == events_from_file(catalogue, json.dumps(good))[1]  # same file, same ids
    # an answer whose solution the file says was shown is told first, so it is never right
    good["exercises"][EXERCISE]["shown"] = ["cells-migrate"]
    told = events_from_file(catalogue, json.dumps(good))[1]
    assert [e["type"] for e in told] == ["solution", "check", "handin"]
    assert list(told[0]["items"]) == ["cells-migrate"] and told[0]["id"] != told[1]["id"]
    del good["exercises"][EXERCISE]["shown"]
    for broken, reason in [("[]", "not a My answers file"), ("{", "cannot be read"),
                           (json.dumps({**good, "name": None}), "no name"),
                           (json.dumps({**good, "exercises": {"nope": {"items": {}}}}), "not an exercise"),
                           (json.dumps({**good, "exercises": {EXERCISE: {"items": {
                               "cells-migrate": {"v": version, "r": "<b>"}}}}}), "not one of its answers")]:
        with pytest.raises(FileRefused, match=reason):
            events_from_file(catalogue, broken)


def test_answers_are_folded_before_the_class_page_asks_yet_a_refresh_misses_none(store, catalogue):
    """While the class page is open, a thread folds answers as they arrive (so a refresh finds
    the work done); a refresh straight after an answer still counts it."""
    import time

    from classroom.classmode.live import LiveClass
    api = LiveClass(store, Teacher(TEACHER_PIN), ROOT)
    api.keep_figures_ready()
    lesson = store.current_lesson()
    api.figures_json(lesson)  # the teacher opens the class page
    ann, _ = store.join("Ann")
    store.add_events(ann.id, [check(catalogue, "first", {"cells-migrate": "a"})])
    api.events_arrived()
    newest = store.events(lesson)[-1].seq
    deadline = time.monotonic() + 5
    while api._folded[lesson][1].last_seq != newest and time.monotonic() < deadline:
        time.sleep(0.01)
    assert api._folded[lesson][1].last_seq == newest, "the answer was not folded in the background"
    store.add_events(ann.id, [check(catalogue, "second", {"cells-migrate": "b"})])
    api.events_arrived()
    figures = json.loads(api.figures_json(lesson))
    item = next(i for i in figures["exercises"][0]["items"] if i["id"] == "cells-migrate")
    assert (item["firstRight"], item["lastRight"]) == (0, 100)
