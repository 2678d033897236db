"""The table of the teacher's marks on open answers (marks.py), a step of migrations.MIGRATIONS."""

MARKS_SCHEMA = """
CREATE TABLE IF NOT EXISTS marks (
    student TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    lesson INTEGER NOT NULL REFERENCES lessons(id) ON DELETE CASCADE,
    exercise TEXT NOT NULL,
    item TEXT NOT NULL,
    levels TEXT NOT NULL,
    comment TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (student, lesson, exercise, item)
);
"""

# The rubric's four criteria (docs/teachers/rubric.md), in its order; each at level 1, 2 or 3.
CRITERIA = ["evidence", "missing", "text", "fair"]
