"""Appeals in plain Python: an accepted answer joins the class's key (appeals.class_catalogue),
and everything scored from that key follows, worked out by hand on lesson 1's first item."""

from __future__ import annotations

import pytest

from classroom.classmode import appeals
from classroom.classmode.figures import LiveFigures
from classroom.classmode.work import Scorer

EXERCISE, ITEM = "lesson-1-practice", "cells-migrate"   # key: b; a, c and d are wrong


def check(catalogue, event_id, response):
    item = catalogue.exercises[EXERCISE].items[ITEM]
    return {"id": event_id, "type": "check", "exercise": EXERCISE, "at": 1,
            "items": {ITEM: {"v": item.version, "r": response}}}


def accepted_c(catalogue, note="Fair for this class: the sentence also hints at a benefit."):
    version = catalogue.exercises[EXERCISE].items[ITEM].version
    return [{"exercise": EXERCISE, "item": ITEM, "version": version, "answer": "c",
             "note": note}]


def test_the_class_key_is_the_module_key_and_the_accepted_answers(catalogue):
    mine = appeals.class_catalogue(catalogue, accepted_c(catalogue))
    exercise, module_exercise = mine.exercises[EXERCISE], catalogue.exercises[EXERCISE]
    verdict = Scorer(mine)(exercise, ITEM, (exercise.items[ITEM].version, "c", '"c"'))
    assert verdict["verdict"] == "right" and verdict["score"] == 1
    assert verdict["reasons"][-1] == "Fair for this class: the sentence also hints at a benefit."
    # The module's own key is untouched; a still-wrong answer stays wrong; others keep their key.
    assert "also" not in module_exercise.key["items"][ITEM]
    assert Scorer(catalogue)(module_exercise, ITEM, (exercise.items[ITEM].version, "c", '"c"'))[
        "verdict"] == "wrong"
    assert Scorer(mine)(exercise, ITEM, (exercise.items[ITEM].version, "a", '"a"'))[
        "verdict"] == "wrong"
    other = next(ex_id for ex_id in catalogue.exercises if ex_id != EXERCISE)
    assert mine.exercises[other] is catalogue.exercises[other]


def test_an_answer_accepted_for_an_older_version_of_the_item_is_not_applied(catalogue):
    stale = [{**accepted_c(catalogue)[0], "version": "0ld-version"}]
    assert appeals.class_catalogue(catalogue, stale) is catalogue


def test_figures_change_when_an_answer_is_accepted(store, catalogue):
    """Ann checks b (right), Bob a (wrong), Cy c (wrong): a third right at the last Check.
    Accepting c for the class makes it two thirds, and a is the only wrong answer left."""
    for name, response in (("Ann", "b"), ("Bob", "a"), ("Cy", "c")):
        student, _ = store.join(name)
        store.add_events(student.id, [check(catalogue, f"event-{name}-01", response)])

    def item_row(cat):
        figures = LiveFigures(cat, Scorer(cat))
        figures.add(store.events())
        _, _, exercises = figures.update(store.students())
        entry = next(ex for ex in exercises if ex["id"] == EXERCISE)
        return next(row for row in entry["items"] if row["id"] == ITEM)

    before = item_row(catalogue)
    assert (before["lastRight"], before["checked"]) == (33, 3)
    after = item_row(appeals.class_catalogue(catalogue, accepted_c(catalogue)))
    assert (after["lastRight"], after["checked"]) == (67, 3)
    assert after["commonWrong"]["count"] == 1
    assert after["commonWrong"]["answer"].startswith(
        catalogue.exercises[EXERCISE].items[ITEM].options["a"][:20])


def test_an_appeal_is_stored_answered_and_accepted_as_text(store, catalogue):
    exercise = catalogue.exercises[EXERCISE]
    version = exercise.items[ITEM].version
    student, _ = store.join("Ann")
    reason = "<script>alert(1)</script> It also promises\u0000 recovery."
    made = appeals.make(store, exercise, student.id, ITEM, version, "c", reason)
    assert made["state"] == appeals.SENT
    assert made["reason"] == "<script>alert(1)</script> It also promises recovery."
    with pytest.raises(appeals.AppealRefused, match="already counts as right"):
        appeals.make(store, exercise, student.id, ITEM, version, "b", "I was right.")
    with pytest.raises(appeals.AppealRefused, match="has changed"):
        appeals.make(store, exercise, student.id, ITEM, "0ld", "c", "Because.")
    with pytest.raises(appeals.AppealRefused, match="at most"):
        appeals.make(store, exercise, student.id, ITEM, version, "c", "x" * 601)
    appeals.reply(store, made["id"], "Read the last clause again.")
    assert appeals.own(store, student.id)[0]["state"] == appeals.ANSWERED
    appeals.accept(store, made["id"], "Fair: it hints at benefit.")
    mine = appeals.own(store, student.id)[0]
    assert (mine["state"], mine["reply"]) == (appeals.ACCEPTED, "Fair: it hints at benefit.")
    assert appeals.accepted(store) == [{
        "exercise": EXERCISE, "item": ITEM, "version": version, "answer": "c",
        "note": "Fair: it hints at benefit.", "accepted": appeals.accepted(store)[0]["accepted"],
        "reason": made["reason"]}]
    # The student deleted: their reason goes with them; the class keeps the answer and note.
    store.delete_student(student.id)
    assert appeals.every(store) == []
    assert [(a["answer"], a["note"], a["reason"]) for a in appeals.accepted(store)] == [
        ("c", "Fair: it hints at benefit.", "")]
    store.delete_everything()
    assert appeals.accepted(store) == []


def test_several_options_are_one_answer_in_any_order():
    assert appeals.answer_id(["c", "a", "c"]) == "a,c"
    assert appeals.answer_id("b") == "b"
