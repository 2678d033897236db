"""The teacher's marks on open answers, against the levels of the rubric for the open tasks
(docs/teachers/rubric.md): each criterion at level 1, 2 or 3, and a comment that reaches the
student's page ("Your teacher's comment"). Kept per student, lesson, exercise and item, in the
table of marks_table.py (a step of store.MIGRATIONS); deleted with the student.
"""

from __future__ import annotations

import json
import time

from .guards import CONTROL, ApiError
from .marks_table import CRITERIA


LEVELS = (1, 2, 3)
MAX_COMMENT = 2000


def checked_mark(data: dict) -> tuple[dict, str]:
    """(levels, comment) from what the class page sent, or ApiError saying what is wrong."""
    levels = data.get("levels")
    if not isinstance(levels, dict) or set(levels) - set(CRITERIA):
        raise ApiError(400, f"'levels' must give some of: {', '.join(CRITERIA)}.")
    if any(isinstance(v, bool) or v not in LEVELS for v in levels.values()):
        raise ApiError(400, "Each level is 1, 2 or 3.")
    comment = data.get("comment", "")
    if not isinstance(comment, str) or len(comment) > MAX_COMMENT or \
            CONTROL.search(comment.replace("\n", "").replace("\r", "")):
        raise ApiError(400, f"A comment is text of at most {MAX_COMMENT} letters.")
    return {c: levels[c] for c in CRITERIA if c in levels}, comment.strip()


def set_mark(store, student: str, lesson: int, exercise: str, item: str, levels: dict,
             comment: str) -> None:
    store._write(lambda db: db.execute(
        "INSERT OR REPLACE INTO marks VALUES (?, ?, ?, ?, ?, ?, ?)",
        (student, lesson, exercise, item, json.dumps(levels), comment, time.time())))


def marks_in(store, lesson: int) -> dict:
    """(student, exercise, item) -> {"levels", "comment"} for one lesson."""
    return {(s, e, i): {"levels": json.loads(levels), "comment": comment}
            for s, e, i, levels, comment in store._read(
                "SELECT student, exercise, item, levels, comment FROM marks WHERE lesson = ?",
                (lesson,))}


def comments_for(store, student: str) -> dict:
    """exercise -> item -> the latest comment the teacher wrote this student, for their page."""
    found: dict = {}
    for exercise, item, comment in store._read(
            "SELECT exercise, item, comment FROM marks WHERE student = ? AND comment != '' "
            "ORDER BY at", (student,)):
        found.setdefault(exercise, {})[item] = comment
    return found


def mark_text(mark: dict | None) -> str:
    """A mark in words for a spreadsheet cell: "evidence 2; missing 3; ... (8 of 12)"."""
    if not mark or not mark["levels"]:
        return ""
    levels = mark["levels"]
    return "; ".join(f"{c} {levels[c]}" for c in CRITERIA if c in levels) + \
        f" ({sum(levels.values())} of {3 * len(levels)})"
