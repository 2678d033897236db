"""A build with several mistakes names them all at once, each with its file and line, so an
author fixes everything in one pass (not one mistake per build)."""

from __future__ import annotations

from pathlib import Path

import pytest

from classroom.errors import AuthoringErrors
from classroom.project import Module
from fixture_project import make_project

BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"


def test_mistakes_in_two_exercises_are_reported_together(tmp_path):
    project = make_project(tmp_path, {"first": BROKEN / "missing-field",
                                      "second": BROKEN / "outside-vocabulary"})
    with pytest.raises(AuthoringErrors) as raised:
        Module.load(project)
    message = str(raised.value)
    assert message.startswith("2 problems stop the build")
    assert "exercises/first/exercise.yml:5: item 'fifteen-years', field 'quote'" in message
    assert "exercises/second/key.yml:2: item 'fifteen-years', field 'answer'" in message


def test_two_broken_items_of_one_exercise_are_both_reported(tmp_path):
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "exercise.yml").write_text(
        "title: Two broken items\nkind: evidence-level\ncase: iskitim\nitems:\n"
        "  - id: first\n    quote: words that are not in the text\n"
        "  - id: second\n    qoute: misspelt field\n", encoding="utf-8")
    (folder / "key.yml").write_text(
        "items:\n  first: {answer: none, feedback: F., concept: trust-in-source}\n"
        "  second: {answer: none, feedback: F., concept: trust-in-source}\n", encoding="utf-8")
    project = make_project(tmp_path / "project", {"two": folder})
    with pytest.raises(AuthoringErrors) as raised:
        Module.load(project)
    lines = str(raised.value).splitlines()
    assert lines[1].startswith("1. exercises/two/exercise.yml:6: item 'first', field 'quote'")
    assert lines[2].startswith("2. exercises/two/exercise.yml:8: item 'second', field 'qoute'")
