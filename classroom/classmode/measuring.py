"""Occasions of the before-and-after test: the teacher gives a form (an exercise with `form: A`
or `form: B`) in the current lesson as the test before the lessons ("pre"), after them
("post") or weeks later ("later"); two forms may be given at once, to two halves of the class.

A form is handed in and marked like the check-up (handins.py, checkup.refusal): its page holds
no key, a student hands in once per occasion, and sees their marks only when the teacher
releases that occasion's results. An occasion belongs to the lesson it was given in: the
hand-ins of its form made in that lesson are its sittings. Paper answers the teacher types in
(paper_entry.py) are stored as the same hand-ins, in the occasion's lesson.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass

from . import checkup, handins
from .catalogue import Catalogue, ExerciseInfo
from .store import Checkup, ClassStore, Event
from .work import marked

LABELS = ("pre", "post", "later")  # the occasions' tables: measuring_tables.py

class OccasionError(ValueError):
    """A request about occasions the laptop refuses; the message says why in plain words."""


class NoSuchOccasion(OccasionError):
    """An occasion that is not (or no longer) there."""


@dataclass(frozen=True)
class Occasion:
    id: int
    lesson: int
    label: str          # "pre", "post" or "later"
    exercise: str       # the form's exercise id
    open: bool
    released: bool

    @property
    def settings(self) -> Checkup:
        """As the check-up's machinery reads it: marks shown only once released."""
        return Checkup(open=self.open, feedback="release", released=self.released)


def forms(catalogue: Catalogue) -> dict[str, ExerciseInfo]:
    """The exercises marked as a form of the test, by id, read by their `form` field."""
    return {exercise.id: exercise for exercise in catalogue.exercises.values() if exercise.form}


_COLUMNS = "SELECT id, lesson, label, exercise, open, released FROM occasions"


def occasions(store: ClassStore) -> list[Occasion]:
    return [_occasion(row) for row in store._read(_COLUMNS + " ORDER BY id")]


def occasion(store: ClassStore, occasion_id: int) -> Occasion | None:
    rows = store._read(_COLUMNS + " WHERE id = ?", (occasion_id,))
    return _occasion(rows[0]) if rows else None


def _occasion(row) -> Occasion:
    return Occasion(row[0], row[1], row[2], row[3], bool(row[4]), bool(row[5]))


def give(store: ClassStore, catalogue: Catalogue, label: str, exercise_id: str) -> Occasion:
    """Give a form in the current lesson, open at once."""
    if label not in LABELS:
        raise OccasionError(f"An occasion is one of: {', '.join(LABELS)}.")
    if exercise_id not in forms(catalogue):
        raise OccasionError("There is no such form of the test in this module.")
    lesson = store.current_lesson()
    try:
        occasion_id = store._write(lambda db: db.execute(
            "INSERT INTO occasions (lesson, label, exercise, open, released)"
            " VALUES (?, ?, ?, 1, 0)", (lesson, label, exercise_id)).lastrowid)
    except sqlite3.IntegrityError:
        raise OccasionError("This form was already given in this lesson: start a new lesson to "
                            "give it again.") from None
    return occasion(store, occasion_id)


def change(store: ClassStore, occasion_id: int, **changes) -> Occasion:
    """Open or close an occasion, or release its results (open, released: True or False)."""
    found = occasion(store, occasion_id)
    if found is None:
        raise NoSuchOccasion("There is no such occasion (deleted with its lesson?).")
    updated = Occasion(**{**asdict(found), **changes})
    if updated.open and not found.open and found.lesson != store.current_lesson():
        raise OccasionError("This occasion belongs to an earlier lesson: give the form again "
                            "to open it in this one.")
    store._write(lambda db: db.execute(
        "UPDATE occasions SET open = ?, released = ? WHERE id = ?",
        (int(updated.open), int(updated.released), occasion_id)))
    return updated


def _current(store: ClassStore, exercise_id: str, lesson: int) -> Occasion | None:
    rows = store._read(_COLUMNS + " WHERE exercise = ? AND lesson = ?", (exercise_id, lesson))
    return _occasion(rows[0]) if rows else None


# The check-up's refusals, told of a test form.
FORM_REFUSALS = {
    checkup.CLOSED: "This test is not open now: your teacher has not given it yet, or has "
                    "closed it. Your answers are kept in this browser.",
    checkup.ALREADY: "You have already handed in this test; the first hand-in is the one that "
                     "counts. Your teacher will tell you when the results are ready.",
}


def form_refusal(store: ClassStore, exercise_id: str):
    """checkup.refusal with this form's occasion in the hand-in's lesson for settings, and only
    that lesson's hand-ins counted: a form sat before is sat again at a later occasion."""
    def refusal(_checkup_settings, history, event_id, lesson):
        given = _current(store, exercise_id, lesson)
        settings = given.settings if given else Checkup(open=False)
        this_lesson = [entry for entry in history if entry[1] == lesson]
        why = checkup.refusal(settings, this_lesson, event_id, lesson)
        return FORM_REFUSALS.get(why, why)
    return refusal


def add_events(store: ClassStore, catalogue: Catalogue, student_id: str, events: list[dict]):
    """handins.add_events for a batch that may hold forms' events: a form's hand-in is judged
    against its occasion, anything else against the check-up. Returns (stored, refused)."""
    given = forms(catalogue)
    stored, refused = handins.add_events(
        store, student_id, [e for e in events if e["exercise"] not in given], checkup.refusal) \
        if any(e["exercise"] not in given for e in events) else ([], [])
    for exercise_id in dict.fromkeys(e["exercise"] for e in events if e["exercise"] in given):
        more, late = handins.add_events(store, student_id,
                                         [e for e in events if e["exercise"] == exercise_id],
                                         form_refusal(store, exercise_id))
        stored, refused = stored + more, refused + late
    return stored, refused


def handins_by_student(store: ClassStore, exercise_ids) -> dict[str, list[Event]]:
    """The hand-ins and retakes of these exercises, per student, in the order they arrived: only
    what the report reads, not every answer typed."""
    ids = list(exercise_ids)
    if not ids:
        return {}
    rows = store._read("SELECT seq, student, event_id, lesson, type, exercise, items, at, received"
                       " FROM events WHERE type IN ('handin', 'retake') AND exercise IN"
                       f" ({', '.join('?' * len(ids))}) ORDER BY seq", ids)
    found: dict[str, list[Event]] = {}
    for row in rows:
        found.setdefault(row[1], []).append(Event(*row[:6], json.loads(row[6]), *row[7:]))
    return found


def handins_version(store: ClassStore) -> tuple[int, int]:
    """(how many, the newest) of the hand-ins and retakes stored: while it stays the same, so
    does everything read from them (read through the index of migration 7)."""
    return tuple(store._read("SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM events"
                             " WHERE type IN ('handin', 'retake')")[0])


def sitting_of(events: list[Event], given: Occasion) -> Event | None:
    """A student's marked hand-in at an occasion: the first of its marked sitting, in its lesson."""
    mine = handins.marked_sitting([event for event in events if event.exercise == given.exercise
                                   and event.lesson == given.lesson])
    return marked(mine, False)


def own_form(store: ClassStore, exercise: ExerciseInfo, scorer, student_id: str,
             waiting: bool = False) -> dict:
    """What a student sees of a form (checkup.own_results): their latest occasion's hand-in and,
    once the teacher released that occasion, its marks; open while its occasion in the current
    lesson is open."""
    events = store.events(student=student_id)
    sat = [given for given in occasions(store) if given.exercise == exercise.id
           and sitting_of(events, given)]
    settings = sat[-1].settings if sat and not waiting else Checkup()
    mine = handins.sitting([event for event in events if event.exercise == exercise.id
                            and sat and event.lesson == sat[-1].lesson])
    view = checkup.own_results(exercise, scorer, settings, mine)
    lesson = store.current_lesson()
    now = _current(store, exercise.id, lesson)
    past = handins.history([event for event in events if event.exercise == exercise.id])
    view.update(open=bool(now and now.open),
                mayHandIn=not form_refusal(store, exercise.id)(None, past, "", lesson),
                retake=handins.retake_waiting(past))
    return view
