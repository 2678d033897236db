"""The class file's schema, step by step: a folder's version is the number of steps it has had.

To change the schema, append a step (SQL) to MIGRATIONS; never edit a released one (schema.py
applies the missing steps in order, after keeping a copy of the file).
"""

from .appeals import APPEALS_SCHEMA
from .lead import LEAD_SCHEMA
from .marks_table import MARKS_SCHEMA
from .measuring_tables import OCCASIONS_SCHEMA
from .people_tables import PEOPLE_SCHEMA

# 1: lessons, students, their events, the check-up.
SCHEMA = """
CREATE TABLE IF NOT EXISTS lessons (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    started REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS students (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    joined REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    student TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    event_id TEXT NOT NULL,
    lesson INTEGER NOT NULL REFERENCES lessons(id),
    type TEXT NOT NULL,
    exercise TEXT NOT NULL,
    items TEXT NOT NULL,
    at REAL NOT NULL,
    received REAL NOT NULL,
    UNIQUE (student, event_id)
);
CREATE INDEX IF NOT EXISTS events_by_lesson ON events (lesson, seq);
CREATE TABLE IF NOT EXISTS checkups (
    lesson INTEGER PRIMARY KEY REFERENCES lessons(id) ON DELETE CASCADE,
    open INTEGER NOT NULL,
    feedback TEXT NOT NULL,
    released INTEGER NOT NULL
);
"""

# 7: the class page asks every few seconds whether anyone handed in (measuring.handins_version).
HANDINS_INDEX = """
CREATE INDEX IF NOT EXISTS events_handed_in ON events (seq) WHERE type IN ('handin', 'retake');
"""

# The schema's steps (schema.py): to change it, append one (SQL); never edit a released one.
MIGRATIONS = [SCHEMA, PEOPLE_SCHEMA,  # 2: who is who (people_tables.py)
              LEAD_SCHEMA,  # 3: leading from the front, a pasted text (lead.py)
              APPEALS_SCHEMA,  # 4: appeals, and answers accepted for the class (appeals.py)
              OCCASIONS_SCHEMA,  # 5: the before-and-after test's occasions (measuring.py)
              MARKS_SCHEMA,  # 6: the teacher's rubric marks on open answers (marks_table.py)
              HANDINS_INDEX]  # 7: the hand-ins found without reading every answer
