"""A simulated class sits the before-and-after test: form A before, form B after, form A again
weeks later; three students on devices and three on paper. The report, the CSV and the item
statistics are checked against figures worked by hand.

Each student gets the first r items right and the rest wrong (the key cycles b, c, a; a wrong
answer is the next letter). Items 2k-1 and 2k are the k-th priority concept.

    r of 18     Ann Ben Cat | Dan Eve Fay (paper)
    pre  (A)      6   8   9 |   4  10   5
    post (B)     12  14  15 |  10  16   8
    later (A)    10  12  14 |   9  15   -  (Fay absent)
"""

from __future__ import annotations

import csv
import io

import pytest
from falcon.testing import TestClient

from classroom.classmode.api import create_app
from classroom.classmode.catalogue import Catalogue
from classroom.classmode.store import ClassStore
from classroom.classmode.teacher import Teacher
from fixture_project import ROOT, make_project
from support import TEACHER_PIN, join_in_process as join

FORMS = ROOT / "tests" / "fixtures" / "forms"
RIGHT = {"pre": [6, 8, 9, 4, 10, 5], "post": [12, 14, 15, 10, 16, 8],
         "later": [10, 12, 14, 9, 15, None]}
FORM = {"pre": "test-form-a", "post": "test-form-b", "later": "test-form-a"}
NAMES = ["Ann", "Ben", "Cat", "Dan", "Eve", "Fay"]


def letters(right: int) -> str:
    key = ["abc"[n % 3] for n in range(1, 19)]  # b, c, a, b, ...
    return "".join(k if n < right else "abc"[("abc".index(k) + 1) % 3]
                   for n, k in enumerate(key))


@pytest.fixture(scope="module")
def report_and_csv(tmp_path_factory):
    """The class's report and CSV, sat through the API as a class would."""
    project = make_project(tmp_path_factory.mktemp("forms"), {
        "test-form-a": FORMS / "form-a", "test-form-b": FORMS / "form-b"})
    catalogue = Catalogue.load(project)
    store = ClassStore(tmp_path_factory.mktemp("class-data"))
    api = TestClient(create_app(store, Teacher(TEACHER_PIN), project))
    cookie = api.simulate_post("/teacher/login", json={"pin": TEACHER_PIN}).cookies["whc-teacher"]
    teacher = {"Cookie": f"whc-teacher={cookie.value}"}
    devices = {name: join(api, name)[1] for name in NAMES[:3]}
    for number, occasion in enumerate(RIGHT):
        if number:
            api.simulate_post("/teacher/lessons", json={}, headers=teacher)
        given = api.simulate_post("/teacher/occasions", json={
            "label": occasion, "exercise": FORM[occasion]}, headers=teacher).json
        items = catalogue.exercises[FORM[occasion]].items
        for name, right in zip(NAMES, RIGHT[occasion]):
            if right is None:
                continue
            typed = letters(right)
            if name in devices:
                event = {"id": f"{name}-handin-{occasion}", "type": "handin", "at": 1,
                         "exercise": FORM[occasion],
                         "items": {item: {"v": info.version, "r": letter}
                                   for (item, info), letter in zip(items.items(), typed)}}
                sent = api.simulate_post("/events", json={"events": [event]},
                                         headers=devices[name])
            else:
                sent = api.simulate_post("/teacher/paper", json={
                    "occasion": given["id"], "name": name, "letters": typed}, headers=teacher)
            assert sent.status_code == 200, sent.json
        api.simulate_post(f"/teacher/occasions/{given['id']}", json={"open": False},
                          headers=teacher)
    report = api.simulate_get("/teacher/measuring", headers=teacher).json["report"]
    text = api.simulate_get("/teacher/measuring.csv", headers=teacher).text
    yield report, list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    store.close()


def by_label(report):
    return {row["label"]: row for row in report["occasions"]}


def test_shares_pass_and_mastery_as_worked_by_hand(report_and_csv):
    """Overall right: pre 42 of 108 = 38.9%, post 75/108 = 69.4%, later 60/90 = 66.7%.
    Pass (9 or more): pre Cat, Eve: 2/6 = 33.3%; post all but Fay: 5/6 = 83.3%; later 5/5.
    Mastery (14 or more): pre none; post Ben, Cat, Eve: 50%; later Cat, Eve: 2/5 = 40%.
    Concept 5 (items 9 and 10) before: Cat has item 9, Eve both: 3 of 12 = 25%; concept 1
    (items 1, 2): everybody both, 100%; concept 9 (items 17, 18) after: nobody, 0%."""
    report, _ = report_and_csv
    rows = by_label(report)
    assert [(rows[label]["students"], rows[label]["paper"]) for label in RIGHT] == [(6, 3), (6, 3), (5, 2)]
    assert [rows[label]["overall"] for label in RIGHT] == [38.9, 69.4, 66.7]
    assert [rows[label]["pass"] for label in RIGHT] == [33.3, 83.3, 100.0]
    assert [rows[label]["mastery"] for label in RIGHT] == [0.0, 50.0, 40.0]
    concepts = [concept["id"] for concept in report["concepts"]]
    assert len(concepts) == 9
    assert rows["pre"]["concepts"][concepts[4]] == 25.0
    assert rows["pre"]["concepts"][concepts[0]] == 100.0
    assert rows["post"]["concepts"][concepts[8]] == 0.0
    assert report["trial"]["passTaught"] == 58 and report["trial"]["oddsRatio"] == 5.5


def test_the_paired_gain_as_worked_by_hand(report_and_csv):
    """Post minus pre, in items: 6, 6, 6, 6, 6, 3; mean 5.5 items = 30.56 points. Deviations
    .5 (five times) and -2.5: sum of squares 7.5, variance 7.5/5 = 1.5, sd 1.2247 items =
    6.804 points; standard error 6.804/sqrt(6) = 2.778; t(5) = 2.571; half-width 7.142:
    23.4 to 37.7. Later minus pre (five pairs): 4, 4, 5, 5, 5 items, mean 4.6 = 25.56 points;
    sum of squares 4 x .36 ... = .36+.36+.16+.16+.16 = 1.2, variance .3, sd .5477 items =
    3.043 points; se 3.043/sqrt(5) = 1.361; t(4) = 2.776; half-width 3.778: 21.8 to 29.3."""
    report, _ = report_and_csv
    assert report["gains"]["post"] == {"n": 6, "mean": 30.6, "low": 23.4, "high": 37.7}
    assert report["gains"]["later"] == {"n": 5, "mean": 25.6, "low": 21.8, "high": 29.3}


def test_item_statistics_of_the_forms_as_worked_by_hand(report_and_csv):
    """Form B (six sittings, totals 12, 14, 15, 10, 16, 8; mean 12.5): items 1-8 everybody
    right (p = 1), items 9-10 p = 5/6, 11-12 4/6, 13-14 3/6, 15 2/6, 16 1/6, 17-18 nobody.
    Sum of p(1-p) = (5+5+8+8+9+9+8+5)/36 = 57/36 = 1.5833; variance of the totals
    (.25+2.25+6.25+6.25+12.25+20.25)/6 = 47.5/6 = 7.9167; KR-20 = 18/17 x (1 - 0.2) = 0.847.
    Mean facility 12.5/18 = 0.694. Flags: items 1-8 too easy, 17-18 too hard.
    Form A (eleven sittings, pre and later; totals 4 5 6 8 9 9 10 10 12 14 15, sum 102): mean
    facility 102/(11 x 18) = 0.515. p of items 1-4 is 1, then 10, 9, 8, 8, 7, 5, 3, 3, 2, 2, 1
    elevenths, then 0: 121 x sum of p(1-p) = 10+18+24+24+28+30+24+24+18+18+10 = 228; 121 x
    variance = 11 x 1068 - 102^2 = 1344; KR-20 = 18/17 x (1 - 228/1344) = 0.879."""
    report, _ = report_and_csv
    tables = {table["exercise"]: table for table in report["items"]}
    form_b = tables["test-form-b"]
    assert (form_b["sittings"], form_b["reliability"], form_b["facility"]) == (6, 0.847, 0.694)
    flags = [item["flags"] for item in form_b["items"]]
    assert flags == [["easy"]] * 8 + [[]] * 8 + [["hard"]] * 2
    assert (form_b["items"][8]["number"], form_b["items"][8]["facility"]) == (9, round(5 / 6, 3))
    assert all(item["discrimination"] >= 0 for item in form_b["items"][8:16])
    form_a = tables["test-form-a"]
    assert (form_a["sittings"], form_a["facility"]) == (11, 0.515)
    assert form_a["reliability"] == 0.879


def test_the_csv_has_a_row_per_student_occasion_and_concept(report_and_csv):
    """17 sittings x 9 concepts = 153 rows. Ann before: r = 6, so concepts 1-3 are 2 of 2 and
    the rest 0 of 2; Eve is on paper."""
    _, rows = report_and_csv
    assert len(rows) == 153
    ann = [row for row in rows if row["student"] == "Ann" and row["occasion"] == "pre"]
    assert [(row["form"], row["right"], row["of"]) for row in ann] == \
        [("A", "2", "2")] * 3 + [("A", "0", "2")] * 6
    assert {row["paper"] for row in rows if row["student"] == "Eve"} == {"yes"}
    assert {row["paper"] for row in rows if row["student"] == "Ann"} == {"no"}
