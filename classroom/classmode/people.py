"""Who is who in the class. A My answers file the teacher loads goes to a record of its own,
never to a student who joined live under that name (anyone can type any name, F3): a same-name
match is listed on the class page and merged only when the teacher says so."""

from __future__ import annotations

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
