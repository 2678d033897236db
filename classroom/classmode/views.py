"""What the teacher opens from the class page or downloads, read from one lesson's work
(work.py): one item's spread of answers, the written answers to one item, and one row per
student and item for the CSV and xAPI files (exports.py).

Everything returned is data (names, answers and reasons as plain strings); the class page shows
them with textContent.
"""

from __future__ import annotations

from collections import Counter

from ..contract import TEXT_ITEM
from .figures import NOT_MARKED
from .marks_table import CRITERIA
from .work import Report, Work

# The "hand-in" column of a check-up's rows (practice rows leave it empty).
HANDED_IN, RETAKE, NOT_HANDED_IN = "handed in", "handed in (retake)", "not handed in"
RETAKE_ALLOWED = "handed in; retake allowed, not handed in again yet"


def handin_label(work) -> str:
    """What became of a check-up part that was handed in, in the teacher's words."""
    return RETAKE_ALLOWED if work.retake_allowed else RETAKE if work.retake else HANDED_IN


def spread(report: Report, exercise_id: str, item_id: str) -> dict:
    """How a class answered one item, safe to project: counts only, no names."""
    exercise = report.catalogue.exercises[exercise_id]
    counts: Counter = Counter()
    right: dict = {}
    if exercise.handler.whole_text:
        claim = exercise.key["items"][item_id]
        fair = {claim["answer"], *claim.get("also", {})}
        for w in report.work.values():
            answer = w.get(exercise_id) and report.shown_answer(exercise, w[exercise_id], TEXT_ITEM)
            if answer and answer[0] == exercise.items[TEXT_ITEM].version:
                kind = answer[1].get(claim["sentence"])
                text = exercise.labels.get(kind, kind) if kind else NOT_MARKED
                counts[text] += 1
                right[text] = kind in fair
        label = exercise.items[TEXT_ITEM].options.get(claim["sentence"], item_id)
    else:
        for w in report.work.values():
            answer = w.get(exercise_id) and report.shown_answer(exercise, w[exercise_id], item_id)
            verdict = answer and report.scorer(exercise, item_id, answer)
            if verdict and verdict["verdict"] != "unanswered":
                text = exercise.answer_text(item_id, answer[1])
                counts[text] += 1
                right[text] = verdict["verdict"] == "right"
        label = exercise.items[item_id].label or item_id
    return {"exercise": exercise.title, "item": label, "scored": exercise.handler.scored,
            "answers": [{"answer": text, "count": count, "right": right[text]}
                        for text, count in counts.most_common()]}


def open_responses(report: Report, exercise_id: str, item_id: str, names: bool,
                   marks: dict | None = None) -> dict:
    """The written answers to one item, each with the teacher's mark (marks.py); the names
    only when the teacher asks for them."""
    exercise = report.catalogue.exercises[exercise_id]
    responses = []
    for sid, w in report.work.items():
        answer = w.get(exercise_id) and report.shown_answer(exercise, w[exercise_id], item_id)
        if answer and answer[0] == exercise.items[item_id].version and str(answer[1]).strip():
            responses.append({"name": report.names[sid] if names else None, "student": sid,
                              "text": exercise.answer_text(item_id, answer[1]),
                              "mark": (marks or {}).get((sid, exercise_id, item_id))})
    responses.sort(key=lambda r: (r["name"] or "").casefold())
    return {"exercise": exercise.title, "item": exercise.items[item_id].label or item_id,
            "responses": responses, "criteria": CRITERIA}


def lesson_exercises(report: Report) -> list:
    """The exercises anyone in the class worked on in this lesson, in the module's order: each
    joined student gets a row for each of their items, and totals are out of their items."""
    touched = {ex_id for exercises in report.work.values() for ex_id in exercises}
    return [ex for ex in report.catalogue.exercises.values() if ex.id in touched]


def rows(report: Report, joined: dict | None = None):
    """The downloads' rows: each student's current answer to each item of the lesson's
    exercises, with its verdict (None: not answered, counted as such, D17); for a check-up,
    the answers handed in (handin_rows). `joined`: id -> name of students who joined but have
    no work yet, who get a row per item too."""
    names = {**(joined or {}), **report.names}
    exercises = lesson_exercises(report)
    for sid in sorted(names, key=lambda sid: (names[sid].casefold(), sid)):
        for exercise in exercises:
            work = report.work.get(sid, {}).get(exercise.id) or Work()
            if exercise.assessment:
                yield from handin_rows(report, sid, exercise, work, names[sid])
                continue
            for item_id in exercise.items:
                answer = work.current.get(item_id)
                verdict = report.scorer(exercise, item_id, answer)
                if item_id in work.shown:  # the solution is not the student's: their last Check is
                    verdict = report.scorer(exercise, item_id, next(
                        (c[item_id] for c in reversed(work.checks) if item_id in c), None))
                tried = [report.scorer(exercise, item_id, c[item_id]) for c in work.checks
                         if c.get(item_id) is not None]
                tried = [v for v in tried if v]
                yield {"student": sid, "name": names[sid], "exercise": exercise,
                       "item": item_id, "version": answer and answer[0],
                       "response": answer and answer[1],
                       "verdict": verdict, "checks": len(tried),
                       "first": tried[0]["verdict"] if tried else "", "last": work.last or None,
                       "at": work.answered_at.get(item_id, work.last), "handin": "",
                       "shown": item_id in work.shown}


def handin_rows(report: Report, sid: str, exercise, work, name: str):
    """A check-up part's rows: each item as handed in (the marked hand-in, work.marked), or
    "not handed in" for every item when the student only typed answers."""
    handin = report.marked(work)
    for item_id in exercise.items:
        row = {"student": sid, "name": name, "exercise": exercise, "item": item_id,
               "version": None, "response": None, "verdict": None, "checks": 0, "first": "",
               "last": work.last or None, "at": work.last, "handin": NOT_HANDED_IN,
               "shown": False}
        if handin is not None:
            answer = handin[0].get(item_id)
            tried = [report.scorer(exercise, item_id, answers.get(item_id))
                     for answers, _ in work.handins]
            row.update(version=answer and answer[0], response=answer and answer[1],
                       verdict=report.scorer(exercise, item_id, answer), checks=len(tried),
                       first=tried[0]["verdict"] if tried[0] else "", last=handin[1], at=handin[1],
                       handin=handin_label(work))
        yield row
