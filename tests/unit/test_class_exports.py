"""The class's results as files to keep: a CSV a spreadsheet reads with dates, the lesson and a
total per student, items not answered counted; xAPI statements whose ids differ per lesson and
whose activities do not depend on the laptop's address."""

from __future__ import annotations

import csv
import io
import json
import re
import time

from types import SimpleNamespace

from classroom.classmode import store as store_module
from classroom.classmode.exports import to_csv, to_xapi
from classroom.classmode.work import Report

EXERCISE = "lesson-1-practice"


def check(catalogue, event_id, answers):
    ex = catalogue.exercises[EXERCISE]
    return {"id": event_id, "type": "check", "exercise": EXERCISE, "at": 1,
            "items": {item: {"v": ex.items[item].version, "r": r} for item, r in answers.items()}}


def test_the_csv_names_the_lesson_counts_unanswered_items_and_totals_each_student(store,
                                                                                 catalogue):
    """D17: lesson title and date columns, a date a spreadsheet reads, every item a row (one
    not answered too), and the student's total, summed from the rows' scores."""
    ann, _ = store.join("Ann")
    store.add_events(ann.id, [check(catalogue, "ann-1", {"cells-migrate": "b",
                                                         "more-stable": "a"})])
    lesson = store.lessons()[-1]
    lesson = {**lesson, "title": "Tuesday, 3B"}
    rows = list(csv.DictReader(io.StringIO(to_csv(
        Report(catalogue, store.students(), store.events()), lesson))))
    items = catalogue.exercises[EXERCISE].items
    assert [row["item"] for row in rows] == list(items)
    unanswered = [row for row in rows if row["verdict"] == "not answered"]
    assert len(unanswered) == len(items) - 2 and {row["out of"] for row in unanswered} == {"1"}
    assert {row["lesson"] for row in rows} == {"Tuesday, 3B"}
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", rows[0]["lesson date"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", rows[0]["last activity"])
    total = sum(int(row["score"]) for row in rows)
    out_of = sum(int(row["out of"]) for row in rows)
    assert {(row["student total"], row["student out of"]) for row in rows} == {
        (str(total), str(out_of))}
    assert (total, out_of) == (1, len(items))


def test_xapi_ids_differ_per_lesson_and_activities_ignore_the_address(store, catalogue,
                                                                     monkeypatch):
    """D16: the same answer in two lessons gives two statement ids; the activity IRIs and the
    account's home page are the module's, not the laptop's address or port; each statement
    has its own item's time."""
    ann, _ = store.join("Ann")
    first = store.current_lesson()
    store.add_events(ann.id, [check(catalogue, "ann-1", {"cells-migrate": "b"})])
    second = store.new_lesson("Second")
    store.add_events(ann.id, [check(catalogue, "ann-2", {"cells-migrate": "b"})])
    statements = {}
    for lesson in (first, second):
        text = to_xapi(Report(catalogue, store.students(), store.events(lesson)), lesson=lesson)
        statements[lesson] = [json.loads(line) for line in text.splitlines()]
    ids = [{s["id"] for s in found} for found in statements.values()]
    assert ids[0] and not ids[0] & ids[1]
    one = statements[first][0]
    assert one["object"]["id"] == statements[second][0]["object"]["id"]
    assert "127.0.0.1" not in json.dumps(statements) and "localhost" not in json.dumps(statements)
    assert one["object"]["id"].endswith(f"exercises/{EXERCISE}/cells-migrate")
    # Each statement's time is its item's, not the exercise's last activity repeated: an
    # answer to another item an hour later leaves this one's time alone.
    later = store.events(second)[-1].received + 3600
    monkeypatch.setattr(store_module, "time", SimpleNamespace(time=lambda: later))
    store.add_events(ann.id, [check(catalogue, "ann-3", {"more-stable": "c"})])
    events = store.events(second)
    assert events[-1].received == later
    times = {s["object"]["id"].rsplit("/", 1)[1]: s["timestamp"] for s in map(json.loads, to_xapi(
        Report(catalogue, store.students(), events), lesson=second).splitlines())}
    received = {e.event_id: e.received for e in events}
    assert times["cells-migrate"] == time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                   time.gmtime(received["ann-2"]))
    assert times["more-stable"] == time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(later))


def test_a_marked_texts_answer_in_the_csv_quotes_the_sentences_not_their_ids(store, catalogue):
    """D17: "s22: Benefit" told the teacher nothing; the sentence's own words do."""
    ex = catalogue.exercises["iskitim-claims"]
    text = ex.items["text"]
    ann, _ = store.join("Ann")
    store.add_events(ann.id, [{"id": "ann-marks-1", "type": "check", "exercise": ex.id, "at": 1,
                               "items": {"text": {"v": text.version, "r": {"s1": "benefit"}}}}])
    rows = list(csv.DictReader(io.StringIO(to_csv(Report(catalogue, store.students(),
                                                         store.events())))))
    answer = next(row["answer"] for row in rows if row["exercise"] == ex.id)
    assert answer == f"“{text.options['s1']}”: {ex.labels['benefit']}"
    # The same words in one student's work on the class page and on its printed page.
    from classroom.classmode.one_student import student_work
    work = student_work(Report(catalogue, store.students(), store.events()), ann.id)
    marked = next(e for e in work["exercises"] if e["id"] == ex.id)["items"][0]["answer"]
    assert marked == answer


def test_every_joined_student_has_a_row_per_item_and_the_same_maximum(store, catalogue):
    """D17: Cy joined and did nothing: a row per item, counted as not answered, with a total
    of 0 out of the same maximum as Ann's (every scored item of the exercises the class worked
    on); an item whose solution Ann was shown says so, and the solution earns no point."""
    ann, _ = store.join("Ann")
    cy, _ = store.join("Cy")
    store.add_events(ann.id, [check(catalogue, "ann-1", {"cells-migrate": "a"}),
                              dict(check(catalogue, "ann-2", {"cells-migrate": "b"}),
                                   type="solution")])
    report = Report(catalogue, store.students(), store.events())
    rows = list(csv.DictReader(io.StringIO(to_csv(report, joined={cy.id: "Cy"}))))
    items = catalogue.exercises[EXERCISE].items
    mine = [row for row in rows if row["name"] == "Cy"]
    assert [row["item"] for row in mine] == list(items)
    assert {row["verdict"] for row in mine} == {"not answered"}
    assert {row["last activity"] for row in mine} == {""}
    totals = {(row["name"], row["student total"], row["student out of"]) for row in rows}
    assert totals == {("Ann", "0", str(len(items))), ("Cy", "0", str(len(items)))}
    shown = {row["item"]: row["solution shown"] for row in rows if row["name"] == "Ann"}
    assert shown["cells-migrate"] == "yes" and shown["more-stable"] == ""
