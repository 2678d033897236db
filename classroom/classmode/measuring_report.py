"""The class report of the before-and-after test: per concept and overall, the share right at
each occasion ("pre", "post", "later"), the pass and mastery rates at the IHC trials' thresholds,
the class's paired gain with a 95% interval (paired.py), the item statistics (itemstats.py) of
every form and check-up item, and the CSV (one row per student, occasion and concept).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from .catalogue import Catalogue, ExerciseInfo
from .exports import neutral
from .handins import marked_sitting
from .itemstats import MIN_FOR_CORRELATION, MIN_SITTINGS, item_figures, reliability
from .measuring import LABELS, Occasion, forms, handins_by_student, occasions, sitting_of
from .paired import paired_gain
from .paper_entry import is_paper
from .store import ClassStore

# The trial's thresholds, for 18 items: pass 9 or more, mastery 14 or more (scaled for others).
PASS, MASTERY, OF = 9, 14, 18

# The IHC secondary-school trials (Chesire et al., J Evid Based Med 2023; Trials 2024).
TRIAL = {"passTaught": 58, "passUntaught": 25, "difference": 33, "oddsRatio": 5.5,
         "differenceAfterAYear": 25.6}


@dataclass(frozen=True)
class Sitting:
    student: str
    name: str
    occasion: Occasion
    form: str
    scores: list          # per item of the form, in its order: 1 right, 0 not
    paper: bool

    @property
    def right(self) -> int:
        return sum(self.scores)


def item_scores(exercise: ExerciseInfo, scorer, answers: dict) -> list:
    """Each item's share of its marks (0 when unanswered); None for an item not scored here
    (an open answer the teacher marks, or an answer to an older version)."""
    scores = []
    for item in exercise.items:
        answer = answers.get(item)
        verdict = scorer(exercise, item, None if answer is None else
                         (answer["v"], answer["r"], json.dumps(answer["r"], sort_keys=True)))
        scores.append(verdict["score"] / verdict["max"] if verdict and verdict.get("max")
                      else None)
    return scores


def sittings(store: ClassStore, catalogue: Catalogue, scorer) -> list[Sitting]:
    """Every marked hand-in at every occasion, in the order the occasions were given."""
    given, students = forms(catalogue), store.students()
    events = handins_by_student(store, given)
    found = []
    for each in occasions(store):
        exercise = given.get(each.exercise)
        if exercise is None:
            continue
        for sid, student in students.items():
            handin = sitting_of(events.get(sid, []), each)
            if handin is not None:
                scores = [1 if score == 1 else 0
                          for score in item_scores(exercise, scorer, handin.items)]
                found.append(Sitting(sid, student.name, each, exercise.form, scores,
                                     is_paper(handin)))
    return found


def first_by_label(found: list[Sitting]) -> dict[str, dict[str, Sitting]]:
    """{label: {student: their first sitting with that label}}."""
    by_label: dict = {label: {} for label in LABELS}
    for each in found:
        by_label[each.occasion.label].setdefault(each.student, each)
    return by_label


def share(right: int, of: int) -> float | None:
    return round(100 * right / of, 1) if of else None


def class_report(store: ClassStore, catalogue: Catalogue, scorer) -> dict:
    """Everything the class page's measuring section shows."""
    given = forms(catalogue)
    concept_of = {(ex.id, item): concept for ex in given.values()
                  for item, concept, _ in ex.concepts}
    titles = {concept: title for ex in given.values() for _, concept, title in ex.concepts}
    concepts = list(titles)
    found = sittings(store, catalogue, scorer)
    by_label = first_by_label(found)
    rows = []
    for label in LABELS:
        sat = list(by_label[label].values())
        if not sat:
            continue
        per_concept = {concept: [0, 0] for concept in concepts}
        for each in sat:
            items = list(given[each.occasion.exercise].items)
            for item, score in zip(items, each.scores):
                tally = per_concept[concept_of[(each.occasion.exercise, item)]]
                tally[0], tally[1] = tally[0] + score, tally[1] + 1
        right, of = sum(s.right for s in sat), sum(len(s.scores) for s in sat)
        rows.append({
            "label": label, "students": len(sat), "paper": sum(s.paper for s in sat),
            "overall": share(right, of),
            "pass": share(sum(s.right * OF >= PASS * len(s.scores) for s in sat), len(sat)),
            "mastery": share(sum(s.right * OF >= MASTERY * len(s.scores) for s in sat), len(sat)),
            "concepts": {concept: share(*tally) for concept, tally in per_concept.items()}})
    gains = {}
    for label in ("post", "later"):
        pairs = [(100 * before.right / len(before.scores), 100 * after.right / len(after.scores))
                 for sid, before in by_label["pre"].items()
                 if (after := by_label[label].get(sid)) is not None]
        gain = paired_gain(pairs)
        if gain is not None:
            gains[label] = gain.as_dict()
    counts: dict = {}
    for each in found:
        counts[each.occasion.id] = counts.get(each.occasion.id, 0) + 1
    return {"concepts": [{"id": concept, "title": titles[concept]} for concept in concepts],
            "occasions": rows, "sittings": counts, "gains": gains, "trial": TRIAL,
            "items": item_statistics(store, catalogue, scorer, found)}


def item_statistics(store: ClassStore, catalogue: Catalogue, scorer, found) -> list[dict]:
    """Per form (every sitting at every occasion) and per check-up part (each student's marked
    hand-in), each item's figures and flags, and the form's KR-20 and mean facility."""
    tables = []
    for exercise in forms(catalogue).values():
        rows = [each.scores for each in found if each.occasion.exercise == exercise.id]
        tables.append(_table(exercise, rows, "form"))
    parts = [ex for ex in catalogue.exercises.values() if ex.assessment and not ex.form]
    events = handins_by_student(store, [exercise.id for exercise in parts])
    for exercise in parts:
        rows = []
        for sid in store.students():
            mine = marked_sitting([e for e in events.get(sid, []) if e.exercise == exercise.id])
            if mine:
                rows.append(item_scores(exercise, scorer, mine[0].items))
        scored = [index for index, _ in enumerate(exercise.items)
                  if rows and all(row[index] is not None for row in rows)]
        tables.append(_table(exercise, [[row[i] for i in scored] for row in rows], "checkup",
                             [list(exercise.items)[i] for i in scored]))
    return tables


def _table(exercise: ExerciseInfo, rows: list, kind: str, items: list | None = None) -> dict:
    items = list(exercise.items) if items is None else items
    figures = item_figures(items, rows)
    facilities = [f.facility for f in figures if f.facility is not None]
    kr20 = reliability(rows)
    return {"exercise": exercise.id, "title": exercise.title, "kind": kind, "form": exercise.form,
            "sittings": len(rows), "reliability": None if kr20 is None else round(kr20, 3),
            # Below this many sittings the page says the correlations are not worth reading.
            "correlationsFrom": MIN_FOR_CORRELATION, "flagsFrom": MIN_SITTINGS,
            "facility": round(sum(facilities) / len(facilities), 3) if facilities else None,
            "items": [{**f.as_dict(), "label": exercise.items[f.item].label,
                       "number": list(exercise.items).index(f.item) + 1} for f in figures]}


CSV_COLUMNS = ["student", "occasion", "lesson", "form", "paper", "concept", "right", "of"]


def to_csv(store: ClassStore, catalogue: Catalogue, scorer) -> str:
    """One row per student, occasion and concept."""
    given = forms(catalogue)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for each in sittings(store, catalogue, scorer):
        exercise = given[each.occasion.exercise]
        tally: dict = {}
        for (_, concept, _), score in zip(exercise.concepts, each.scores):
            right, of = tally.get(concept, (0, 0))
            tally[concept] = (right + score, of + 1)
        for concept, (right, of) in tally.items():
            writer.writerow([neutral(each.name), each.occasion.label, each.occasion.lesson,
                             each.form, "yes" if each.paper else "no", concept, right, of])
    return out.getvalue()
