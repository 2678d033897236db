"""One student's work, as the class page opens it from their name: every exercise they touched
in a lesson, each item with the current answer (a check-up's: as handed in), the first and the
last Check, and the score; and their score per exercise in the other lessons.

Everything returned is data (plain strings); the class page shows it with textContent.
"""

from __future__ import annotations

from .marks import mark_text
from .views import NOT_HANDED_IN, handin_label
from .work import Report


def _verdict(report: Report, exercise, item_id: str, answer):
    verdict = report.scorer(exercise, item_id, answer) if answer is not None else None
    return verdict["verdict"] if verdict and exercise.handler.scored else ""


def student_work(report: Report, sid: str, marks: dict | None = None) -> dict:
    """{"name", "exercises": [{id, title, score, handin, items: [...]}]} in the module's order;
    an open answer with the teacher's mark (marks.py) and comment."""
    exercises = []
    work_of = report.work.get(sid, {})
    for exercise in report.catalogue.exercises.values():
        work = work_of.get(exercise.id)
        if work is None:
            continue
        attempts = report.attempts(exercise, work)
        items = []
        for number, item_id in enumerate(exercise.items, 1):
            answer = report.shown_answer(exercise, work, item_id)
            tries = [check[item_id] for check in attempts if check.get(item_id) is not None]
            items.append({
                "number": number, "label": exercise.items[item_id].label or exercise.title,
                "answer": exercise.answer_text(item_id, answer[1]) if answer else "",
                "verdict": _verdict(report, exercise, item_id, answer),
                "first": _verdict(report, exercise, item_id, tries[0]) if tries else "",
                "last": _verdict(report, exercise, item_id, tries[-1]) if tries else "",
                "shown": item_id in work.shown,  # the student was shown this item's solution
                "mark": mark_text((marks or {}).get((sid, exercise.id, item_id))),
                "comment": ((marks or {}).get((sid, exercise.id, item_id)) or {}).get("comment", "")})
        handin = ""
        if exercise.assessment:
            handin = handin_label(work) if report.marked(work) else NOT_HANDED_IN
        score = report.score(exercise, work)
        exercises.append({"id": exercise.id, "title": exercise.title, "handin": handin,
                          "score": list(score) if score else None, "items": items,
                          # its right and wrong follow the class page's key toggle
                          "checkup": bool(exercise.assessment and not exercise.form)})
    return {"id": sid, "name": report.names.get(sid, ""), "exercises": exercises}


def scores_only(report: Report, sid: str) -> list[dict]:
    """A student's score per exercise in one lesson, for the list of earlier lessons."""
    return [{"title": ex["title"], "score": ex["score"]}
            for ex in student_work(report, sid)["exercises"]]
