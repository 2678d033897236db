"""The table of the before-and-after test's occasions (measuring.py), a step of the class
file's schema (migrations.MIGRATIONS): each occasion is a form given in a lesson, as "pre", "post" or
"later", open or closed, its results released or not; it goes with its lesson.
"""

OCCASIONS_SCHEMA = """
CREATE TABLE IF NOT EXISTS occasions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lesson INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    label TEXT NOT NULL,
    exercise TEXT NOT NULL,
    open INTEGER NOT NULL,
    released INTEGER NOT NULL,
    UNIQUE (lesson, exercise)
);
"""
