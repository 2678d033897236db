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


def test_a_key_entry_for_a_missing_item_is_named_with_its_line(tmp_path):
    folder = tmp_path / "source"
    folder.mkdir()
    (folder / "exercise.yml").write_text(
        "title: One item\nkind: choice\nitems:\n  - id: q1\n    question: Why?\n"
        "    options: [{id: a, text: A}, {id: b, text: B}]\n", encoding="utf-8")
    (folder / "key.yml").write_text(
        "items:\n  q1: {answer: a, feedback: F., concept: trust-in-source, options: {a: x, b: y}}\n"
        "  q2: {answer: a, feedback: F., concept: trust-in-source, options: {a: x, b: y}}\n",
        encoding="utf-8")
    project = make_project(tmp_path / "project", {"one": folder})
    with pytest.raises(Exception) as raised:
        Module.load(project)
    assert str(raised.value).startswith("exercises/one/key.yml:3: item 'q2': the key answers an "
                                        "item that the exercise file does not have")


def test_an_exercise_file_with_a_look_alike_name_is_named_when_the_module_loads(tmp_path):
    project = make_project(tmp_path, {"renamed": BROKEN / "missing-field"})
    (project / "exercises" / "renamed" / "exercise.yml").rename(
        project / "exercises" / "renamed" / "exercise.yaml")
    with pytest.raises(Exception) as raised:
        Module.load(project)
    assert "rename exercise.yaml to 'exercise.yml'" in str(raised.value)
