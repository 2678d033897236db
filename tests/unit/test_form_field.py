"""An exercise marked as a form of the before-and-after test: its letter is A or B, and it must
be a check-up (marked on the laptop), or the build stops naming the file and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from classroom.errors import AuthoringError
from classroom.project import Module
from fixture_project import make_project

FORM_A = Path(__file__).resolve().parent.parent / "fixtures" / "forms" / "form-a"


def project_with(tmp_path, change) -> Path:
    folder = tmp_path / "form"
    shutil.copytree(FORM_A, folder)
    path = folder / "exercise.yml"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return make_project(tmp_path / "project", {"test-form-a": folder})


def test_a_form_is_read_with_its_letter(tmp_path):
    module = Module.load(project_with(tmp_path, lambda text: text))
    assert module.exercises["test-form-a"].form == "A"


def test_a_form_that_is_not_a_check_up_stops_the_build(tmp_path):
    project = project_with(tmp_path, lambda text: text.replace("assessment: true\n", ""))
    with pytest.raises(AuthoringError) as raised:
        Module.load(project)
    assert "exercises/test-form-a/exercise.yml:5: field 'form'" in str(raised.value)
    assert "add 'assessment: true'" in str(raised.value)


def test_a_form_letter_other_than_a_or_b_stops_the_build(tmp_path):
    project = project_with(tmp_path, lambda text: text.replace("form: A", "form: C"))
    with pytest.raises(AuthoringError) as raised:
        Module.load(project)
    assert "'C' is not one of the allowed values" in str(raised.value)
