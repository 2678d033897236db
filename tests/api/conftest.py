"""The class-mode API in-process (falcon.testing): no server, no browser, one data folder each."""

from __future__ import annotations

import pytest
from falcon.testing import TestClient

from classroom.classmode.api import create_app
from classroom.classmode.catalogue import Catalogue
from classroom.classmode.store import ClassStore
from classroom.classmode.teacher import Teacher
from support import ROOT, TEACHER_PIN


@pytest.fixture(scope="session")
def catalogue():
    return Catalogue.load(ROOT)


@pytest.fixture
def store(tmp_path):
    store = ClassStore(tmp_path / "class-data")
    yield store
    store.close()


@pytest.fixture
def api(store):
    return TestClient(create_app(store, Teacher(TEACHER_PIN), ROOT))


@pytest.fixture
def teacher(api):
    """The headers of a browser signed in with the teacher PIN."""
    answer = api.simulate_post("/teacher/login", json={"pin": TEACHER_PIN})
    assert answer.status_code == 200
    return {"Cookie": f"whc-teacher={answer.cookies['whc-teacher'].value}"}
