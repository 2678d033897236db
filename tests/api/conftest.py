"""The class-mode API in-process (falcon.testing): no server, no browser, one data folder each."""

from __future__ import annotations

import pytest
from falcon.testing import TestClient

from classroom.classmode.api import create_app
from classroom.classmode.teacher import Teacher
from support import ROOT, TEACHER_PIN


@pytest.fixture
def api(store):
    return TestClient(create_app(store, Teacher(TEACHER_PIN), ROOT))


@pytest.fixture
def teacher(api):
    """The headers of a browser signed in with the teacher PIN."""
    answer = api.simulate_post("/teacher/login", json={"pin": TEACHER_PIN})
    assert answer.status_code == 200
    return {"Cookie": f"whc-teacher={answer.cookies['whc-teacher'].value}"}
