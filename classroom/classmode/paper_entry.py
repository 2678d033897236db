"""Answers from paper: the teacher types one student's letters for a form (the first item's
letter first, as the printed worksheet labels its options a, b, c...; "-" for an item left
blank; spaces ignored), and they are stored as that student's hand-in at the occasion, in its
lesson, marked like any other. Typing a student's row again replaces it (a retake before the
new hand-in, handins.py). A paper student is a record of its own (people.file_student): joined
to a device's record only when the teacher merges them.
"""

from __future__ import annotations

import secrets
import time

from . import people
from .catalogue import Catalogue
from .handins import _row
from .measuring import Occasion, OccasionError, forms, sitting_of
from .store import ClassStore

BLANK = "-"


class PaperError(ValueError):
    """Letters the laptop cannot read; the message says which and what to do."""


def letters_to_items(exercise, letters: str) -> dict:
    """{item id: {"v": version, "r": option id}} from one letter per item (by position)."""
    typed = "".join(letters.split()).lower()
    items = list(exercise.items.values())
    if len(typed) != len(items):
        raise PaperError(f"Type one letter for each of the {len(items)} questions (or '-' for a "
                         f"blank one); these are {len(typed)}.")
    answers = {}
    for number, (letter, item) in enumerate(zip(typed, items), start=1):
        if letter == BLANK:
            continue
        options = list(item.options)
        position = ord(letter) - ord("a")
        if not letter.isascii() or not 0 <= position < len(options):
            last = chr(ord("a") + len(options) - 1)
            raise PaperError(f"Question {number}: '{letter}' is not one of its options (a to "
                             f"{last}, or '-' for a blank one).")
        answers[item.id] = {"v": item.version, "r": options[position]}
    return answers


def enter(store: ClassStore, catalogue: Catalogue, given: Occasion, name: str,
          letters: str) -> dict:
    """Store one paper student's letters as their hand-in at `given`; returns their record's
    name and whether an earlier row of theirs was replaced."""
    exercise = forms(catalogue).get(given.exercise)
    if exercise is None:
        raise OccasionError("This occasion's form is no longer in the module.")
    items = letters_to_items(exercise, letters)
    student = people.file_student(store, name)
    replaced = sitting_of(store.events(student=student.id), given) is not None
    if replaced:  # the row typed again replaces the earlier one (handins.sitting)
        _store(store, student.id, given.lesson, "retake", exercise.id, {})
    _store(store, student.id, given.lesson, "handin", exercise.id, items, prefix="paper-")
    return {"id": student.id, "name": student.name, "replaced": replaced,
            "answered": len(items), "of": len(exercise.items)}


def _store(store: ClassStore, student_id: str, lesson: int, kind: str, exercise_id: str,
           items: dict, prefix: str = "retake-") -> None:
    """One event in the occasion's lesson, which need not be the current one."""
    now = time.time()
    event = {"id": prefix + secrets.token_hex(12), "type": kind, "exercise": exercise_id,
             "items": items, "at": now * 1000}
    store._write(lambda db: db.execute(
        "INSERT INTO events (student, event_id, lesson, type, exercise, items, at, received)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _row(student_id, event, lesson, now)))


def is_paper(event) -> bool:
    return event.event_id.startswith("paper-")
