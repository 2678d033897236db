"""The class page's figures as a teacher reads them in a lesson: who joined, each student's
score per exercise, help flags that clear, numbered items with their quote, and a reason that
fits the commonest wrong answer."""

from __future__ import annotations

import json

from classroom.classmode.figures import LiveFigures
from classroom.classmode.live import joined_in
from classroom.classmode.work import Scorer

EXERCISE = "lesson-1-practice"


def check(catalogue, event_id, answers, kind="check", exercise=EXERCISE):
    ex = catalogue.exercises[exercise]
    return {"id": event_id, "type": kind, "exercise": exercise, "at": 1,
            "items": {item: {"v": ex.items[item].version, "r": r} for item, r in answers.items()}}


def figures(store, catalogue, lesson=None):
    lesson = lesson or store.current_lesson()
    live = LiveFigures(catalogue, Scorer(catalogue))
    live.add(store.events(lesson))
    students = store.students()
    return json.loads(live.as_json(students, joined_in(store.lessons(), lesson, students)))


def test_students_who_joined_but_have_not_answered_are_listed(store, catalogue):
    """D5: six who joined are six rows, not "Nobody has joined"; a new lesson lists its own."""
    for name in ("Ann", "Ben", "Cy"):
        store.join(name)
    ann = next(s for s in store.students().values() if s.name == "Ann")
    store.add_events(ann.id, [check(catalogue, "ann-1", {"cells-migrate": "a"})])
    rows = figures(store, catalogue)["students"]
    assert sorted(row["name"] for row in rows) == ["Ann", "Ben", "Cy"]
    idle = next(row for row in rows if row["name"] == "Ben")
    assert idle["last"] is None and idle["joined"] > 0 and idle["started"] == 0
    first = store.current_lesson()
    second = store.new_lesson("Second")
    store.join("Dee")
    assert [row["name"] for row in figures(store, catalogue, second)["students"]] == ["Dee"]
    assert "Dee" not in [row["name"] for row in figures(store, catalogue, first)["students"]]


def test_each_student_has_a_score_per_exercise_not_only_done(store, catalogue):
    """D14: the last Check's score, so 1 of 5 is not shown as "done" like 5 of 5."""
    ann, _ = store.join("Ann")
    ex = catalogue.exercises[EXERCISE]
    key = ex.key["items"]
    all_right = {item: key[item]["answer"] for item in ex.items}
    store.add_events(ann.id, [check(catalogue, "ann-1", {item: "a" for item in ex.items}),
                              check(catalogue, "ann-2", all_right)])
    row = figures(store, catalogue)["students"][0]
    at = list(catalogue.exercises).index(EXERCISE)  # the scores are in the catalogue's order
    assert row["scores"][at] == [len(ex.items), len(ex.items)]
    assert [score for n, score in enumerate(row["scores"]) if n != at] == [None] * (len(row["scores"]) - 1)
    bob, _ = store.join("Bob")
    store.add_events(bob.id, [check(catalogue, "bob-1", {"cells-migrate": "b"})])
    bob_row = next(r for r in figures(store, catalogue)["students"] if r["name"] == "Bob")
    points, out_of = bob_row["scores"][at]
    assert out_of == len(ex.items) and points < out_of


def test_the_solution_flag_clears_once_the_student_gets_it_right(store, catalogue):
    """D15: shown the solution before trying, then all right: no longer "may need help"."""
    ben, _ = store.join("Ben")
    ex = catalogue.exercises[EXERCISE]
    store.add_events(ben.id, [check(catalogue, "ben-1", {}, kind="solution")])
    assert [h["why"] for h in figures(store, catalogue)["help"]] == ["solution"]
    store.add_events(ben.id, [check(catalogue, "ben-2", {"cells-migrate": "a"})])
    assert [h["why"] for h in figures(store, catalogue)["help"]] == ["solution"]
    right = {item: ex.key["items"][item]["answer"] for item in ex.items}
    store.add_events(ben.id, [check(catalogue, "ben-3", right)])
    shown = figures(store, catalogue)
    assert shown["help"] == []
    # Right after seeing the solution is not "right at the first Check".
    entry = next(e for e in shown["exercises"] if e["id"] == EXERCISE)
    assert {item["firstRight"] for item in entry["items"]} == {0}


def test_items_are_numbered_as_in_the_key_with_their_quote(store, catalogue):
    """D9: two items asking the same question are told apart by number and quote."""
    ann, _ = store.join("Ann")
    store.add_events(ann.id, [check(catalogue, "ann-1", {"cells-migrate": "a"})])
    entry = next(e for e in figures(store, catalogue)["exercises"] if e["id"] == EXERCISE)
    items = entry["items"]
    assert [item["number"] for item in items] == list(range(1, len(items) + 1))
    assert items[1]["label"] == items[2]["label"]  # the same question twice...
    assert items[1]["quote"] and items[1]["quote"] != items[2]["quote"]  # ...different quotes
    assert items[0]["quote"].startswith("These cells independently migrate")


def test_the_commonest_wrong_answer_of_a_several_answer_item_says_what_was_missed(store,
                                                                                catalogue):
    """D13: "a" chosen alone where "a" and "c" are right: the reason speaks of the missed "c",
    not of the rightly chosen "a"."""
    exercise = "compare-clinics"
    ex = catalogue.exercises[exercise]
    for name in ("Ann", "Bob"):
        student, _ = store.join(name)
        store.add_events(student.id, [check(catalogue, f"{name}-1", {"named-institute": ["a"]},
                                            exercise=exercise)])
    entry = next(e for e in figures(store, catalogue)["exercises"] if e["id"] == exercise)
    item = next(i for i in entry["items"] if i["id"] == "named-institute")
    reason = item["commonWrong"]["reason"]
    assert reason.startswith("Missed “" + ex.items["named-institute"].options["c"][:20])
    assert ex.key["items"]["named-institute"]["reasons"]["a"] not in reason


def test_one_set_of_ticks_is_one_answer_whichever_was_ticked_first(store, catalogue):
    """A tester's class sent "b" and "d" in either order: Show listed them as two answers."""
    from classroom.classmode.views import spread
    from classroom.classmode.work import Report
    exercise = "compare-clinics"
    for name, ticks in (("Ann", ["b", "d"]), ("Bob", ["d", "b"])):
        student, _ = store.join(name)
        store.add_events(student.id, [check(catalogue, f"{name}-1", {"named-institute": ticks},
                                            exercise=exercise)])
    report = Report(catalogue, store.students(), store.events(store.current_lesson()))
    answers = spread(report, exercise, "named-institute")["answers"]
    options = catalogue.exercises[exercise].items["named-institute"].options
    assert [(a["answer"], a["count"]) for a in answers] == [(options["b"] + "; " + options["d"], 2)]
    entry = next(e for e in figures(store, catalogue)["exercises"] if e["id"] == exercise)
    item = next(i for i in entry["items"] if i["id"] == "named-institute")
    assert item["commonWrong"]["count"] == 2


def test_show_solution_after_a_wrong_check_flags_the_student_and_after_a_right_one_does_not(
        store, catalogue):
    """Show solution comes only after a Check: a student who pressed it without getting the
    exercise right first may need help; one who got it all right and then looked does not."""
    ex = catalogue.exercises[EXERCISE]
    right = {item: ex.key["items"][item]["answer"] for item in ex.items}
    ben, _ = store.join("Ben T.")
    store.add_events(ben.id, [check(catalogue, "ben-1", {"cells-migrate": "a"}),
                              check(catalogue, "ben-2", {"cells-migrate": "b"}, kind="solution")])
    amy, _ = store.join("Amy K.")
    store.add_events(amy.id, [check(catalogue, "amy-1", right),
                              check(catalogue, "amy-2", {"cells-migrate": "b"}, kind="solution")])
    assert [(h["name"], h["why"]) for h in figures(store, catalogue)["help"]] == [
        ("Ben T.", "solution")]
    # Two more Checks after the solution: still one row, giving the solution as the reason
    # (its item never counts as right), not "3 Checks without getting it all right".
    store.add_events(ben.id, [check(catalogue, "ben-3", right), check(catalogue, "ben-4", right)])
    assert [(h["name"], h["why"]) for h in figures(store, catalogue)["help"]] == [
        ("Ben T.", "solution")]


def test_one_students_view_says_which_items_had_their_solution_shown(store, catalogue):
    """The teacher opening Ben sees "solution shown" on the item he was shown, not others."""
    from classroom.classmode.one_student import student_work
    from classroom.classmode.work import Report
    ben, _ = store.join("Ben")
    store.add_events(ben.id, [check(catalogue, "ben-1", {"cells-migrate": "a"}),
                              check(catalogue, "ben-2", {"cells-migrate": "b"}, kind="solution")])
    work = student_work(Report(catalogue, store.students(), store.events()), ben.id)
    items = {item["number"]: item["shown"] for item in work["exercises"][0]["items"]}
    assert items[1] is True and not any(items[n] for n in items if n != 1)


def test_a_missed_option_that_is_a_quoted_word_is_quoted_once(catalogue):
    """The reason column reads Missed “optimal”, not Missed “"optimal"”."""
    from classroom.classmode.work import wrong_reason
    ex = catalogue.exercises[EXERCISE]
    reason = wrong_reason(ex, "one-word-claims", ["a", "b"], {"reasons": []})
    assert "Missed “optimal”:" in reason and '"optimal"' not in reason.split(":")[0]


def test_a_wrong_answer_only_one_student_gave_is_not_called_the_commonest(store, catalogue):
    """D13: two students, two different wrong answers: neither is the commonest; the row says
    that each came from one student, and still names one with its count and its reason. A
    wrong answer two students gave is the commonest again."""
    ex = catalogue.exercises[EXERCISE]
    wrong = [option for option in ex.items["cells-migrate"].options
             if option != ex.key["items"]["cells-migrate"]["answer"]]
    for name, answer in (("Ann", wrong[0]), ("Bob", wrong[1])):
        student, _ = store.join(name)
        store.add_events(student.id, [check(catalogue, f"{name}-1", {"cells-migrate": answer})])

    def common_wrong():
        entry = next(e for e in figures(store, catalogue)["exercises"] if e["id"] == EXERCISE)
        return next(i for i in entry["items"] if i["id"] == "cells-migrate")["commonWrong"]

    alone = common_wrong()
    assert alone["onlyOnce"] is True and alone["answers"] == 2 and alone["count"] == 1
    assert alone["reason"]
    cy, _ = store.join("Cy")
    store.add_events(cy.id, [check(catalogue, "Cy-1", {"cells-migrate": wrong[1]})])
    shared = common_wrong()
    assert shared["onlyOnce"] is False and shared["count"] == 2
    assert shared["answer"] == ex.items["cells-migrate"].options[wrong[1]]


def test_a_wrong_answer_the_key_gives_no_reason_for_shows_the_items_feedback(store, catalogue):
    """Iskitim, "what the page is for": the key explains "yes" but not "no". Two students
    answering "no" get the key's feedback on the item, not "no reason"; once three answer
    "yes", the commonest wrong answer has its own reason, and no feedback beside it."""
    exercise = "iskitim-missing"
    key = catalogue.exercises[exercise].key["items"]["aims"]
    assert "no" not in key["reasons"] and key["answer"] == "partly"

    def common_wrong(answer, names):
        for name in names:
            student, _ = store.join(f"{name} {answer}")
            store.add_events(student.id, [check(catalogue, f"{name}-{answer}",
                                                {"aims": answer}, exercise=exercise)])
        entry = next(e for e in figures(store, catalogue)["exercises"] if e["id"] == exercise)
        return next(i for i in entry["items"] if i["id"] == "aims")["commonWrong"]

    unexplained = common_wrong("no", ("Ann", "Bob"))
    assert (unexplained["count"], unexplained["reason"]) == (2, "")
    assert unexplained["feedback"] == key["feedback"]
    explained = common_wrong("yes", ("Cy", "Dan", "Eve"))
    assert explained["count"] == 3 and explained["reason"] == key["reasons"]["yes"]
    assert explained["feedback"] == ""


def test_a_claim_the_class_left_unmarked_is_its_commonest_wrong_answer(store, catalogue):
    """Found by a teacher's walk: on a marked text, a claim nobody marked said 0% right and "–"
    for the commonest wrong answer; leaving it unmarked is the answer to discuss, with the
    claim's reason, and Show counts it the same way."""
    ex = catalogue.exercises["iskitim-claims"]
    claim_id, claim = next(iter(ex.key["items"].items()))
    other = next(c for c in ex.key["items"].values() if c["sentence"] != claim["sentence"])
    for name in ("Ann", "Bob"):
        student, _ = store.join(name)
        marks = {other["sentence"]: other["answer"]}  # a claim found, this one left unmarked
        store.add_events(student.id, [check(catalogue, f"{name}-marks", {"text": marks},
                                            exercise=ex.id)])
    entry = next(e for e in figures(store, catalogue)["exercises"] if e["id"] == ex.id)
    row = next(i for i in entry["items"] if i["id"] == claim_id)
    assert row["lastRight"] == 0
    assert row["commonWrong"]["answer"] == "(not marked)"
    assert row["commonWrong"]["count"] == 2 and row["commonWrong"]["onlyOnce"] is False
    assert row["commonWrong"]["reason"] == claim["feedback"]
