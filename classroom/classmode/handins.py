"""A check-up's hand-ins in the class's store. Each hand-in is judged and stored in one write
transaction, so "one hand-in per part" holds however many arrive at once; a hand-in belongs to
the lesson it was made in; and a student who handed in sits the part again only after the
teacher allows a retake, which is kept as an event of its own ("retake") in the current lesson.
"""

from __future__ import annotations

import json
import secrets
import time

from .store import Checkup, ClassStore, Event

# A student's hand-ins and retakes of one check-up part, in the order they arrived.
_HISTORY = ("SELECT event_id, lesson, type FROM events WHERE student = ? AND exercise = ?"
            " AND type IN ('handin', 'retake') ORDER BY seq")
# The same row as ClassStore.add_events stores.
_INSERT = ("INSERT OR IGNORE INTO events (student, event_id, lesson, type, exercise, items, at,"
           " received) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")


def add_events(store: ClassStore, student_id: str, events: list[dict], refusal):
    """Store a student's events (already checked) in the current lesson, a hand-in only if
    `refusal(settings, history, event id, lesson)` (checkup.refusal) finds no reason against it,
    judged under the store's write lock. Returns (the ids now stored, [(event, why refused)])."""
    now = time.time()

    def insert(db):
        lesson = db.execute("SELECT MAX(id) FROM lessons").fetchone()[0]
        row = db.execute("SELECT open, feedback, released FROM checkups WHERE lesson = ?",
                         (lesson,)).fetchone()
        settings = Checkup(bool(row[0]), row[1], bool(row[2])) if row else Checkup()
        stored, refused = [], []
        for event in events:
            if event["type"] == "handin":
                history = db.execute(_HISTORY, (student_id, event["exercise"])).fetchall()
                why = refusal(settings, history, event["id"], lesson)
                if why:
                    refused.append((event, why))
                    continue
            db.execute(_INSERT, _row(student_id, event, lesson, now))
            stored.append(event["id"])
        return stored, refused
    return store._write(insert)


def allow_retake(store: ClassStore, student_id: str, exercises: list[str]) -> None:
    """Let a student hand in these check-up parts again; the next hand-in is the one marked."""
    now = time.time()

    def insert(db):
        lesson = db.execute("SELECT MAX(id) FROM lessons").fetchone()[0]
        for exercise in exercises:
            retake = {"id": "retake-" + secrets.token_hex(12), "type": "retake",
                      "exercise": exercise, "items": {}, "at": now * 1000}
            db.execute(_INSERT, _row(student_id, retake, lesson, now))
    store._write(insert)


def sitting(events: list[Event]) -> list[Event]:
    """A student's hand-ins of one check-up part since the teacher last allowed a retake, in any
    lesson, first first."""
    handins: list[Event] = []
    for event in events:
        if event.type == "retake":
            handins = []
        elif event.type == "handin":
            handins.append(event)
    return handins


def history(events: list[Event]) -> list[tuple]:
    """(event id, lesson, type) of the hand-ins and retakes among one part's events, in order:
    what checkup.refusal reads, as _HISTORY selects it from the store."""
    return [(event.event_id, event.lesson, event.type) for event in events
            if event.type in ("handin", "retake")]


def retake_waiting(past: list[tuple]) -> bool:
    """Whether the teacher allowed a retake that has not been handed in yet."""
    return bool(past) and past[-1][2] == "retake"


def marked_sitting(events: list[Event]) -> list[Event]:
    """The hand-ins the teacher marks: the current sitting, or, while a retake waits for its
    first hand-in, the sitting before it (a retake never wipes a mark until a new one
    replaces it)."""
    sittings: list[list[Event]] = [[]]
    for event in events:
        if event.type == "retake":
            sittings.append([])
        elif event.type == "handin":
            sittings[-1].append(event)
    return next((handins for handins in reversed(sittings) if handins), [])


def _row(student_id: str, event: dict, lesson: int, now: float) -> tuple:
    return (student_id, event["id"], lesson, event["type"], event["exercise"],
            json.dumps(event["items"], ensure_ascii=False, separators=(",", ":")),
            event["at"], now)


def students_who_handed_in(store: ClassStore) -> list[dict]:
    """Who has handed in a part of the check-up, in any lesson (whom a retake can be given)."""
    students = store.students()
    ids = {row[0] for row in store._read("SELECT DISTINCT student FROM events WHERE type = 'handin'")}
    return sorted(({"id": sid, "name": students[sid].name} for sid in ids if sid in students),
                  key=lambda student: student["name"].casefold())
