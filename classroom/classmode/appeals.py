"""Appeals: a student argues with the key, the teacher replies or accepts.

A student who disagrees with the verdict on an item sends the answer they gave and a reason in
words. The teacher answers with a note; accepting makes that answer right for this class only:
an `also` entry kept in the data folder (class_also), never in the module's files. The class's
key is the exercise's key with those entries merged (class_catalogue), so every figure, check-up
mark and download re-scores from it. Reasons and notes are plain text, shown with textContent.

An appeal names its item as the student's page knows it: an item id, or for a text to mark the
claim's id in the key, with the claim kind the student gave its sentence as the answer.
"""

from __future__ import annotations

import copy
import dataclasses
import time

from ..contract import MAX_REASON, TEXT_ITEM
from .catalogue import Catalogue, ExerciseInfo, valid_response

# The migration step (migrations.MIGRATIONS): appeals, and the answers accepted for this class. A
# deleted student's appeals go with them; an accepted answer stays, without their reason.
APPEALS_SCHEMA = """
CREATE TABLE IF NOT EXISTS appeals (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    student TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    exercise TEXT NOT NULL,
    item TEXT NOT NULL,
    version TEXT NOT NULL,
    answer TEXT NOT NULL,
    reason TEXT NOT NULL,
    made REAL NOT NULL,
    state TEXT NOT NULL,
    reply TEXT NOT NULL DEFAULT '',
    replied REAL,
    UNIQUE (student, exercise, item, answer)
);
CREATE TABLE IF NOT EXISTS class_also (
    exercise TEXT NOT NULL,
    item TEXT NOT NULL,
    version TEXT NOT NULL,
    answer TEXT NOT NULL,
    note TEXT NOT NULL,
    appeal INTEGER REFERENCES appeals(id) ON DELETE SET NULL,
    lesson INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    accepted REAL NOT NULL,
    PRIMARY KEY (exercise, item, answer)
);
"""

SENT, ANSWERED, ACCEPTED = "sent", "answered", "accepted"
MAX_APPEALS = 60           # per student: enough for every item, not a flood


class AppealRefused(ValueError):
    """An appeal or a reply the laptop will not take; the message says why in plain words."""


def answer_id(response) -> str:
    """The answer an appeal is about, as one id: an option or label id, or several option ids
    sorted and joined by commas (ids never hold a comma)."""
    if isinstance(response, list):
        return ",".join(sorted(set(response)))
    return response


def clean_text(text, what: str) -> str:
    """A reason or note as stored: text only, trimmed, of a sensible length."""
    if not isinstance(text, str) or not text.strip():
        raise AppealRefused(f"Write {what} in a few words.")
    text = "".join(c for c in text.strip() if c in "\n\t" or c >= " ").replace("\x7f", "")
    if len(text) > MAX_REASON:
        raise AppealRefused(f"{what[0].upper()}{what[1:]} is at most {MAX_REASON} characters.")
    return text


def item_of(exercise: ExerciseInfo, item_id: str) -> tuple[str, dict]:
    """(the version an appeal's answer must be for, the item's key) of an item or a claim."""
    if exercise.handler.whole_text:
        return exercise.items[TEXT_ITEM].version, exercise.key["items"][item_id]
    return exercise.items[item_id].version, exercise.key["items"][item_id]


def check_appeal(exercise: ExerciseInfo, item_id: str, version, response) -> str:
    """The answer id of a fair appeal on this item, or AppealRefused saying why not."""
    if not exercise.handler.scored:
        raise AppealRefused("A written answer has no right or wrong to disagree with.")
    if item_id not in exercise.item_ids(claims_too=True) or (
            exercise.handler.whole_text and item_id not in exercise.key["items"]):
        raise AppealRefused("This exercise has no such item.")
    current, key_item = item_of(exercise, item_id)
    if version != current:
        raise AppealRefused("This item has changed since you answered it: check it again first.")
    if exercise.handler.whole_text:
        if not isinstance(response, str) or response not in exercise.labels:
            raise AppealRefused("Say which kind of claim you marked this sentence as.")
        right = response == key_item["answer"] or response in key_item.get("also", {})
    elif response is None or not valid_response(exercise.handler, response) \
            or exercise.unknown_choices(item_id, response):
        raise AppealRefused("This is not one of the item's answers.")
    else:
        right = exercise.handler.score(exercise.key, item_id, response)["verdict"] == "right"
    if right:
        raise AppealRefused("This answer already counts as right.")
    return answer_id(response)


def make(store, exercise: ExerciseInfo, student_id: str, item_id: str, version, response,
         reason) -> dict:
    """Store a student's appeal (the class's key judges it first), unless one on the same item
    is still waiting for the teacher; the same answer appealed again after the teacher's reply
    replaces the reason and is sent again."""
    answer = check_appeal(exercise, item_id, version, response)
    reason = clean_text(reason, "your reason")

    def insert(db):
        # One at a time per item: a new one once the teacher has replied to the last.
        if db.execute("SELECT 1 FROM appeals WHERE student = ? AND exercise = ? AND item = ?"
                      " AND state = ?", (student_id, exercise.id, item_id, SENT)).fetchone():
            raise AppealRefused("Your teacher has not replied to your last disagreement on this "
                                "item yet: wait for their reply, then send another.")
        count = db.execute("SELECT COUNT(*) FROM appeals WHERE student = ?",
                           (student_id,)).fetchone()[0]
        if count >= MAX_APPEALS:
            raise AppealRefused(f"You have sent {MAX_APPEALS} disagreements already: talk to "
                                "your teacher about the rest.")
        db.execute("INSERT INTO appeals (student, exercise, item, version, answer, reason, made,"
                   " state) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (student, exercise, item,"
                   " answer) DO UPDATE SET reason = excluded.reason, made = excluded.made,"
                   " version = excluded.version, state = excluded.state, reply = '',"
                   " replied = NULL WHERE state != 'accepted'",
                   (student_id, exercise.id, item_id, version, answer, reason, time.time(), SENT))
    store._write(insert)
    return next(a for a in own(store, student_id)
                if (a["exercise"], a["item"], a["answer"]) == (exercise.id, item_id, answer))


_COLUMNS = "id, student, exercise, item, version, answer, reason, made, state, reply, replied"


def _rows(store, where: str = "", parameters=()) -> list[dict]:
    names = [name.strip() for name in _COLUMNS.split(",")]
    return [dict(zip(names, row)) for row in store._read(
        f"SELECT {_COLUMNS} FROM appeals {where} ORDER BY made, id", parameters)]


def own(store, student_id: str) -> list[dict]:
    """A student's own appeals, with their state and the teacher's reply."""
    return [{name: row[name] for name in ("id", "exercise", "item", "answer", "reason", "state",
                                          "reply")}
            for row in _rows(store, "WHERE student = ?", (student_id,))]


def every(store) -> list[dict]:
    """Every appeal of the class, oldest first (each with the student's id)."""
    return _rows(store)


def for_teacher(store, catalogue: Catalogue, names: dict) -> list[dict]:
    """The class page's list: each appeal with the student's name, the exercise and item in
    words and the answer in words, oldest first. Appeals on exercises no longer in the module
    are left out."""
    shown = []
    for row in every(store):
        exercise = catalogue.exercises.get(row["exercise"])
        if exercise is None or row["student"] not in names:
            continue
        shown.append({**row, "name": names[row["student"]], "title": exercise.title,
                      "label": item_label(exercise, row["item"]),
                      "answerText": answer_text(exercise, row["item"], row["answer"])})
    return shown


def item_label(exercise: ExerciseInfo, item_id: str) -> str:
    if exercise.handler.whole_text:
        sentence = exercise.key["items"].get(item_id, {}).get("sentence", "")
        return exercise.items[TEXT_ITEM].options.get(sentence, item_id)
    info = exercise.items.get(item_id)
    return (info.label if info else "") or item_id


def answer_text(exercise: ExerciseInfo, item_id: str, answer: str) -> str:
    """An appealed answer in words, as the teacher reads it."""
    if exercise.handler.whole_text:
        return exercise.labels.get(answer, answer)
    if item_id not in exercise.items:
        return answer
    return exercise.answer_text(item_id, answer.split(",") if "," in answer else answer)


def _appeal(db, appeal_id) -> tuple:
    row = db.execute("SELECT exercise, item, version, answer, state FROM appeals WHERE id = ?",
                     (appeal_id,)).fetchone()
    if row is None:
        raise LookupError("There is no such appeal (the student's data deleted?).")
    return row


def reply(store, appeal_id: int, text) -> None:
    """The teacher's answer to an appeal, without accepting it."""
    text = clean_text(text, "a reply")

    def answer(db):
        _appeal(db, appeal_id)
        db.execute("UPDATE appeals SET state = ?, reply = ?, replied = ? WHERE id = ?",
                   (ANSWERED, text, time.time(), appeal_id))
    store._write(answer)


def accept(store, appeal_id: int, note) -> dict:
    """The appealed answer becomes right for this class, with the teacher's note as its reason;
    every appeal of the same answer to the same item is accepted with it."""
    note = clean_text(note, "a note for the class")

    def make_right(db):
        exercise, item, version, answer, _ = _appeal(db, appeal_id)
        now = time.time()
        lesson = db.execute("SELECT MAX(id) FROM lessons").fetchone()[0]
        db.execute("INSERT OR REPLACE INTO class_also (exercise, item, version, answer, note,"
                   " appeal, lesson, accepted) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   (exercise, item, version, answer, note, appeal_id, lesson, now))
        db.execute("UPDATE appeals SET state = ?, reply = ?, replied = ? WHERE exercise = ? AND"
                   " item = ? AND answer = ?", (ACCEPTED, note, now, exercise, item, answer))
        return {"exercise": exercise, "item": item, "answer": answer, "note": note}
    return store._write(make_right)


def undo(store, appeal_id: int) -> dict:
    """The teacher takes back an acceptance: the answer stops counting as right for this class,
    and every appeal it settled goes back to answered, the teacher's note kept as the reply."""
    def take_back(db):
        exercise, item, _, answer, state = _appeal(db, appeal_id)
        if state != ACCEPTED:
            raise AppealRefused("This answer was not accepted for the class: there is nothing "
                                "to undo.")
        db.execute("DELETE FROM class_also WHERE exercise = ? AND item = ? AND answer = ?",
                   (exercise, item, answer))
        db.execute("UPDATE appeals SET state = ? WHERE exercise = ? AND item = ? AND answer = ?"
                   " AND state = ?", (ANSWERED, exercise, item, answer, ACCEPTED))
        return {"exercise": exercise, "item": item, "answer": answer}
    return store._write(take_back)


def accepted(store) -> list[dict]:
    """The answers accepted for this class, with the teacher's note and the reason of the
    appeal that won it (gone with its student, if the teacher deleted them)."""
    rows = store._read(
        "SELECT also.exercise, also.item, also.version, also.answer, also.note, also.accepted,"
        " COALESCE(appeals.reason, '') FROM class_also AS also LEFT JOIN appeals"
        " ON appeals.id = also.appeal ORDER BY also.accepted")
    names = ("exercise", "item", "version", "answer", "note", "accepted", "reason")
    return [dict(zip(names, row)) for row in rows]


def class_catalogue(catalogue: Catalogue, accepted_answers: list[dict]) -> Catalogue:
    """The class's key: each exercise's key with the answers accepted for this class merged into
    its items' `also` (the note as the reason shown), where the item is still the version the
    appeal was about. Exercises without one keep their own key object."""
    changed: dict[str, ExerciseInfo] = {}
    for also in accepted_answers:
        exercise = changed.get(also["exercise"]) or catalogue.exercises.get(also["exercise"])
        if exercise is None or also["item"] not in exercise.key["items"]:
            continue
        if also["version"] != item_of(exercise, also["item"])[0]:
            continue  # the item was rewritten since: the author's key stands
        if exercise.id not in changed:
            exercise = changed[exercise.id] = dataclasses.replace(
                exercise, key=copy.deepcopy(exercise.key))
        entry = exercise.key["items"][also["item"]]
        entry.setdefault("also", {})[also["answer"]] = also["note"]
    if not changed:
        return catalogue
    return Catalogue({ex_id: changed.get(ex_id, exercise)
                      for ex_id, exercise in catalogue.exercises.items()})
