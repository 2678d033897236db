"""The class's data on the teacher's laptop: one SQLite file in the data folder.

Events are append-only. Each carries an id the student's browser made, unique per student, so a
batch sent again after a lost acknowledgement is stored once (INSERT OR IGNORE). A batch is
committed before the server acknowledges it. No IP address or browser detail is ever stored:
a student is a random id, the name they typed, and a hash of the token their browser holds.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import threading
import time
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from .. import contract
from .migrations import MIGRATIONS
from .schema import upgrade

FILE_NAME = "class.sqlite3"

# When a student sees the check-up's feedback: at each hand-in (and they may hand in again),
# once they have handed in (their first hand-in counts), or when the teacher releases results.
FEEDBACK_MODES = contract.FEEDBACK_MODES


@dataclass(frozen=True)
class Student:
    id: str
    name: str
    joined: float


@dataclass(frozen=True)
class Event:
    seq: int
    student: str
    event_id: str
    lesson: int
    type: str       # "answer", "check", "solution" or "handin" (a check-up's)
    exercise: str
    items: dict     # {item id: {"v": version, "r": response}}
    at: float       # when the student's browser recorded it (ms since 1970, the browser's clock)
    received: float  # when the laptop stored it, or a file's answer was given (seconds since 1970)


@dataclass(frozen=True)
class Checkup:
    """The teacher's settings for the check-up in one lesson: closed and released at first."""
    open: bool = False
    feedback: str = "release"
    released: bool = False

    def shows_feedback(self, handed_in: bool) -> bool:
        return handed_in and (self.feedback != "release" or self.released)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class ClassStore:
    """Lessons, students and events in `folder`/class.sqlite3 (WAL mode). Safe across threads:
    one connection writes, under a lock (SQLite writes one at a time anyway); each thread reads
    through a connection of its own, which in WAL mode sees every committed write and never
    waits for a write (and its flush to disk) to finish."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / FILE_NAME
        self.generation = 0  # goes up when data is deleted, so remembered reports are dropped
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()
        self._readers = threading.local()
        self._reader_connections: list = []
        self._closed = False
        with self._lock:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")  # acknowledged means on disk
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA secure_delete=ON")  # deleted answers are overwritten
            self.kept_copy = upgrade(self._db, self.path, MIGRATIONS)
        if self.current_lesson() is None:
            self.new_lesson()

    def close(self) -> None:
        """Close the connections, the class checkpointed into the one file (no -wal left, F15)."""
        with self._lock:
            self._closed = True
            for thread, connection in self._reader_connections:  # not one in use elsewhere
                if thread is threading.current_thread() or not thread.is_alive():
                    connection.close()
            with suppress(sqlite3.Error):  # a failing disk: the -wal still holds every answer
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.close()

    def _write(self, statements):
        """Run `statements(db)` in one transaction, committed before returning its result."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                result = statements(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
            return result

    def _read(self, sql: str, parameters=()) -> list[tuple]:
        reader = getattr(self._readers, "connection", None)
        if reader is None:
            with self._lock:
                if self._closed:
                    raise sqlite3.ProgrammingError("The class data is closed.")
                reader = sqlite3.connect(self.path, check_same_thread=False,
                                         isolation_level=None)
                self._reader_connections.append((threading.current_thread(), reader))
            self._readers.connection = reader
        return reader.execute(sql, parameters).fetchall()

    # Lessons
    def new_lesson(self, title: str = "") -> int:
        now = time.time()
        title = title or time.strftime("Lesson of %Y-%m-%d %H:%M", time.localtime(now))
        return self._write(lambda db: db.execute(
            "INSERT INTO lessons (title, started) VALUES (?, ?)", (title, now)).lastrowid)

    def current_lesson(self) -> int | None:
        rows = self._read("SELECT MAX(id) FROM lessons")
        return rows[0][0]

    def lessons(self) -> list[dict]:
        return [{"id": id_, "title": title, "started": started}
                for id_, title, started in self._read(
                    "SELECT id, title, started FROM lessons ORDER BY id")]

    # Students
    def join(self, name: str) -> tuple[Student, str]:
        """A new student; returns them and the token their browser keeps (stored only hashed)."""
        token = secrets.token_urlsafe(24)
        student = Student(secrets.token_hex(6), name, time.time())
        self._write(lambda db: db.execute(
            "INSERT INTO students (id, token_hash, name, joined) VALUES (?, ?, ?, ?)",
            (student.id, _hash(token), student.name, student.joined)))
        return student, token

    def student_named(self, name: str) -> Student:
        """The student of that name (letter case aside), made if there is none: answers loaded
        from a file join those the same student sent live. No browser gets a token for them."""
        for student in self.students().values():
            if student.name.casefold() == name.casefold():
                return student
        return self.join(name)[0]

    def student_for(self, token: str) -> Student | None:
        rows = self._read("SELECT id, name, joined FROM students WHERE token_hash = ?",
                          (_hash(token),))
        return Student(*rows[0]) if rows else None

    def rename(self, student_id: str, name: str) -> None:
        self._write(lambda db: db.execute("UPDATE students SET name = ? WHERE id = ?",
                                          (name, student_id)))

    def students(self) -> dict[str, Student]:
        return {row[0]: Student(*row) for row in self._read(
            "SELECT id, name, joined FROM students ORDER BY joined")}

    # Events
    def add_events(self, student_id: str, events: list[dict],
                   from_file: bool = False) -> list[str]:
        """Store a student's events (already checked) in the current lesson, committed before
        returning; a event id already stored is a retry and changes nothing. Returns the ids
        now safely stored (new ones and retries alike). `from_file`: a My answers file loaded
        later than it was answered; each event counts as received when its answers were given
        (its `at`), never later than now, so the student's last activity is true (D18)."""
        now = time.time()

        def received(event):
            return min(event["at"] / 1000, now) if from_file and event["at"] > 0 else now

        def insert(db):
            lesson = db.execute("SELECT MAX(id) FROM lessons").fetchone()[0]
            db.executemany(
                "INSERT OR IGNORE INTO events (student, event_id, lesson, type, exercise, items,"
                " at, received) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(student_id, event["id"], lesson, event["type"], event["exercise"],
                  json.dumps(event["items"], ensure_ascii=False, separators=(",", ":")),
                  event["at"], received(event)) for event in events])
            return [event["id"] for event in events]
        return self._write(insert)

    def events(self, lesson: int | None = None, student: str | None = None,
               after: int = 0) -> list[Event]:
        """Events in the order they arrived, of one lesson and/or one student, after a seq."""
        where, parameters = ["seq > ?"], [after]
        if lesson is not None:
            where.append("lesson = ?")
            parameters.append(lesson)
        if student is not None:
            where.append("student = ?")
            parameters.append(student)
        sql = ("SELECT seq, student, event_id, lesson, type, exercise, items, at, received "
               "FROM events" + (" WHERE " + " AND ".join(where) if where else "") +
               " ORDER BY seq")
        return [Event(*row[:6], json.loads(row[6]), *row[7:])
                for row in self._read(sql, parameters)]

    def last_seq(self, lesson: int) -> int:
        return self._read("SELECT COALESCE(MAX(seq), 0) FROM events WHERE lesson = ?",
                          (lesson,))[0][0]

    def bytes_stored(self, student_id: str, lesson: int) -> int:
        """The UTF-8 bytes of one student's answers stored in a lesson (their quota)."""
        return self._read("SELECT COALESCE(SUM(LENGTH(CAST(items AS BLOB))), 0) FROM events"
                          " WHERE student = ? AND lesson = ?", (student_id, lesson))[0][0]

    def count_events(self) -> int:
        return self._read("SELECT COUNT(*) FROM events")[0][0]

    # The check-up
    def checkup(self, lesson: int) -> Checkup:
        rows = self._read("SELECT open, feedback, released FROM checkups WHERE lesson = ?",
                          (lesson,))
        return Checkup(bool(rows[0][0]), rows[0][1], bool(rows[0][2])) if rows else Checkup()

    def set_checkup(self, lesson: int, **changes) -> Checkup:
        """Open or close the check-up, choose when feedback shows, release results."""
        if changes.get("feedback", FEEDBACK_MODES[0]) not in FEEDBACK_MODES:
            raise ValueError(f"feedback must be one of: {', '.join(FEEDBACK_MODES)}")
        settings = Checkup(**{**self.checkup(lesson).__dict__, **changes})
        self._write(lambda db: db.execute(
            "INSERT OR REPLACE INTO checkups (lesson, open, feedback, released) VALUES (?, ?, ?, ?)",
            (lesson, int(settings.open), settings.feedback, int(settings.released))))
        return settings

    # Deleting
    def delete_student(self, student_id: str) -> bool:
        """Remove one student and everything they sent. True if there was such a student."""
        def delete(db):
            db.execute("DELETE FROM events WHERE student = ?", (student_id,))
            return db.execute("DELETE FROM students WHERE id = ?", (student_id,)).rowcount > 0
        found = self._write(delete)
        self.generation += 1
        self._scrub()
        return found

    def delete_everything(self) -> None:
        """Every lesson, student and answer gone; a new empty lesson begins."""
        def delete(db):
            for table in ("events", "students", "checkups", "lessons"):
                db.execute(f"DELETE FROM {table}")
        self._write(delete)
        self.generation += 1
        self._scrub()
        self.new_lesson()

    def _scrub(self) -> None:
        """Deleted rows out of the file too, not only out of sight."""
        with self._lock:
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self._db.execute("VACUUM")

    def integrity(self) -> str:
        return self._read("PRAGMA integrity_check")[0][0]
