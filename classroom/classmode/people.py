"""Who is who in the class. A My answers file the teacher loads goes to a record of its own,
never to a student who joined live under that name (anyone can type any name, F3): a same-name
match is listed on the class page and merged only when the teacher says so. A device that joins
with a name already in use, or while the check-up is open, waits for the teacher to admit it
(or merge it): until then it sees no check-up feedback, so a throw-away account learns no key."""

from __future__ import annotations

import os

from ..contract import MAX_NAME
from .names import look, without_bidi
from .store import ClassStore, Student


def from_files(store: ClassStore) -> set[str]:
    """The ids of the students made from loaded files."""
    return {row[0] for row in store._read("SELECT student FROM file_students")}


def file_student(store: ClassStore, name: str) -> Student:
    """The record that files of this name (letter case aside) go to, made if there is none."""
    made = from_files(store)
    for student in store.students().values():
        if student.id in made and student.name.casefold() == name.casefold():
            return student
    student = store.join(name)[0]
    store._write(lambda db: db.execute("INSERT INTO file_students (student) VALUES (?)",
                                       (student.id,)))
    return student


def same_names(store: ClassStore) -> list[dict]:
    """Each record made from files whose name a joined student also has: the teacher's call."""
    students, made = store.students(), from_files(store)
    matches = []
    for file_id in made & set(students):
        name = students[file_id].name.casefold()
        joined = [{"id": sid, "at": s.joined} for sid, s in students.items()
                  if sid not in made and s.name.casefold() == name]
        if joined:
            matches.append({"file": file_id, "name": students[file_id].name, "joined": joined})
    return sorted(matches, key=lambda match: match["name"].casefold())


def merge(store: ClassStore, from_id: str, into_id: str) -> None:
    """The teacher's decision: `from_id`'s answers become `into_id`'s, and `from_id` is gone.
    An event both hold (the same file loaded into both) is kept once."""
    def move(db):
        db.execute("UPDATE OR IGNORE events SET student = ? WHERE student = ?", (into_id, from_id))
        db.execute("DELETE FROM events WHERE student = ?", (from_id,))
        db.execute("DELETE FROM students WHERE id = ?", (from_id,))
    store._write(move)
    store.generation += 1  # the figures are folded again, with the answers under their student


def rename(store: ClassStore, student_id: str, name: str) -> None:
    """A new name, and the former one gone from every file of the data folder (F15): the old
    row is overwritten in place (secure_delete) and the write-ahead log emptied into the file."""
    store.rename(student_id, name)
    with store._lock:
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def join(store: ClassStore, name: str) -> tuple[Student, str, str]:
    """A new student, their token, and why they wait for the teacher ("" if they need not)."""
    made, listed = from_files(store), {look(listed) for listed in class_list(store)}
    taken = any(look(s.name) == look(name) for sid, s in store.students().items()
                if sid not in made)
    # On the teacher's class list: in at once, check-up or not; off it: the teacher decides.
    why = ("name" if taken else ("list" if look(name) not in listed else "") if listed
           else "checkup" if store.checkup(store.current_lesson()).open else "")
    student, token = store.join(name)
    if why:
        store._write(lambda db: db.execute(
            "INSERT INTO waiting_students (student, why) VALUES (?, ?)", (student.id, why)))
    return student, token, why


def is_waiting(store: ClassStore, student_id: str) -> bool:
    return bool(store._read("SELECT 1 FROM waiting_students WHERE student = ?", (student_id,)))


def admit(store: ClassStore, student_id: str) -> None:
    store._write(lambda db: db.execute("DELETE FROM waiting_students WHERE student = ?",
                                       (student_id,)))


def waiting_list(store: ClassStore) -> list[dict]:
    """Who waits, why, and (for a name in use) the admitted students who look the same."""
    students, made = store.students(), from_files(store)
    waits = dict(store._read("SELECT student, why FROM waiting_students"))
    admitted_by_look: dict[str, list] = {}  # grouped once: 300 waiting must not compare 300 each
    for other, s in students.items():
        if other not in made and other not in waits:
            admitted_by_look.setdefault(look(s.name), []).append({"id": other, "at": s.joined})
    return [{"id": sid, "name": student.name, "at": student.joined, "why": waits[sid],
             "sameAs": admitted_by_look.get(look(student.name), [])}
            for sid, student in students.items() if sid in waits]


# The class list the teacher pastes once: a text file in the data folder, one name a line, kept
# for later lessons (and removed by Delete everything).
LIST_FILE = "class-list.txt"
MAX_LISTED = 300


def listed_names(text: str) -> list[str]:
    """The names of a pasted list: one a line, spacing tidied, each look-alike once."""
    names, seen = [], set()
    for line in text.splitlines():
        name = " ".join(without_bidi(line).split())
        if name and len(name) <= MAX_NAME and name.isprintable() and look(name) not in seen:
            seen.add(look(name))
            names.append(name)
    return names[:MAX_LISTED]


def class_list(store: ClassStore) -> list[str]:
    try:
        return listed_names((store.path.parent / LIST_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []


def set_class_list(store: ClassStore, text: str) -> list[str]:
    """Keep the teacher's list (an empty one removes the file); returns the names kept."""
    names, path = listed_names(text), store.path.parent / LIST_FILE
    if not names:
        path.unlink(missing_ok=True)
        return names
    part = path.with_suffix(".part")
    part.write_text("".join(name + "\n" for name in names), encoding="utf-8")
    os.replace(part, path)  # whole or not at all
    return names
