"""Golden tests: the HTML rendered for each starter exercise, the answer key and a case text,
compared with files reviewed by a person. Regenerate after an intended change with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py` and review the diff."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from classroom.project import Module
from fixture_project import starter_project

GOLDEN = Path(__file__).resolve().parent.parent / "golden"
MARKERS = {f"exercise-{kind}": f"<!-- whc:exercise starter-{kind} -->"
           for kind in ["claims", "evidence", "missing", "choice", "open"]}
MARKERS["answer-key"] = "<!-- whc:answer-key -->"
MARKERS["my-answers"] = "<!-- whc:my-answers -->"


@pytest.fixture(scope="module")
def starter_module(tmp_path_factory):
    return Module.load(starter_project(tmp_path_factory.mktemp("golden")))


@pytest.mark.parametrize("name", sorted(MARKERS))
def test_rendered_html_matches_the_reviewed_file(starter_module, name):
    rendered = starter_module.insert_html(starter_module.expand(MARKERS[name], "practice.md"))
    expected = GOLDEN / f"{name}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(rendered, encoding="utf-8")
    reviewed = expected.read_text(encoding="utf-8")
    difference = "".join(difflib.unified_diff(
        reviewed.splitlines(keepends=True), rendered.splitlines(keepends=True),
        f"tests/golden/{name}.html (reviewed)", f"{name} (rendered now)"))
    assert not difference, ("the HTML differs from the reviewed file; if the change is "
                            "intended, regenerate with UPDATE_GOLDEN=1:\n" + difference)
