"""The tables of who is who (people.py), created with the class file's own (store.py).

file_students: students made from My answers files the teacher loaded; no browser holds their
token, and a file is never merged into a student who joined live unless the teacher says so.
waiting_students: students who joined with a name already in use ("name") or while the
check-up was open ("checkup"); they see no check-up feedback until the teacher admits them.
"""

PEOPLE_SCHEMA = """
CREATE TABLE IF NOT EXISTS file_students (
    student TEXT PRIMARY KEY REFERENCES students(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS waiting_students (
    student TEXT PRIMARY KEY REFERENCES students(id) ON DELETE CASCADE,
    why TEXT NOT NULL
);
"""
