"""A data folder that stops taking writes mid-lesson (F7): answers are not acknowledged (503,
so they stay in the students' outboxes), the class page is told why, and the terminal gets at
most one line a minute."""

from __future__ import annotations

import io
import sqlite3

from classroom.classmode.live import LiveClass


def read_only(store):
    """The store's writer swapped for one that can only read, as a full or read-only disk acts."""
    store._db = sqlite3.connect(f"file:{store.path}?mode=ro", uri=True, check_same_thread=False,
                                isolation_level=None)


def event(catalogue, number: int) -> dict:
    item = catalogue.exercises["lesson-1-practice"].items["cells-migrate"]
    return {"id": f"event-{number:04d}", "type": "check", "exercise": "lesson-1-practice", "at": 1,
            "items": {"cells-migrate": {"v": item.version, "r": "a"}}}


def test_answers_are_refused_with_503_and_the_class_page_says_why(api, store, teacher,
                                                                  catalogue):
    joined = api.simulate_post("/join", json={"name": "Ada L."}).json
    student = {"Authorization": f"Bearer {joined['token']}"}
    read_only(store)
    answer = api.simulate_post("/events", json={"events": [event(catalogue, 1)]}, headers=student)
    assert answer.status_code == 503
    assert "cannot save answers" in answer.json["error"] and "Traceback" not in answer.text
    assert api.simulate_post("/join", json={"name": "Bo"}).status_code == 503
    saving = api.simulate_get("/teacher/report", headers=teacher).json["saving"]
    assert saving["ok"] is False and saving["why"] == "the data folder cannot be written to"


def test_the_terminal_gets_at_most_one_line_a_minute(store):
    out, now = io.StringIO(), [1000.0]
    live = LiveClass(store, None, None)
    live.saving.out, live.saving.clock = out, lambda: now[0]
    error = sqlite3.OperationalError("database or disk is full")
    for _ in range(50):
        live.saving.failed(error)
        now[0] += 1
    assert len(out.getvalue().splitlines()) == 1
    assert "the disk is full" in out.getvalue() and str(store.path.parent) in out.getvalue()
    now[0] += 60
    live.saving.failed(error)
    assert len(out.getvalue().splitlines()) == 2
    live.saving.worked()
    assert live.saving.status() == {"ok": True}


def test_a_data_folder_removed_mid_lesson_acknowledges_nothing(api, store, teacher, catalogue):
    joined = api.simulate_post("/join", json={"name": "Ada L."}).json
    student = {"Authorization": f"Bearer {joined['token']}"}
    for path in store.path.parent.iterdir():  # the drive pulled out: the files are gone
        path.unlink()
    answer = api.simulate_post("/events", json={"events": [event(catalogue, 2)]}, headers=student)
    assert answer.status_code == 503 and answer.json["code"] == "not_saved"
    saving = api.simulate_get("/teacher/report", headers=teacher).json["saving"]
    assert saving["ok"] is False and "cannot be reached" in saving["why"]
