"""What is missing? keys: every real checklist entry has a reason for a wrong answer and a place
to look, and a wrong pointer or reason stops the build with a message naming file, item and
field."""

from __future__ import annotations

import shutil

import pytest

from classroom.errors import AuthoringError
from classroom.project import Module
from fixture_project import STARTER, make_project

CASES = ["iskitim", "mardaleishvili"]


def test_every_real_checklist_entry_has_a_reason_and_a_place_to_look(module):
    for case in CASES:  # the practice pages' checklists
        exercise = module.exercises[f"{case}-missing"]
        for item in exercise.items:
            assert item.why_not, f"{exercise.id}/{item.id}: no reason for a wrong answer"
            if item.paragraph is None:  # "nowhere": only where the text gives nothing to quote
                assert item.answer == "no" and not item.quote, f"{exercise.id}/{item.id}"
            elif item.quote:
                assert item.quote in exercise.case.paragraphs[item.paragraph - 1].text


@pytest.mark.parametrize("line, pieces", [
    ("    paragraph: 999", ["missing/key.yml:", "item 'risks'", "field 'paragraph'",
                          "from 1 to 98, but it is 999", "remove the line"]),
    ("    paragraph: twelve", ["item 'risks'", "field 'paragraph'", "but it is 'twelve'"]),
    ('    why_not: {"no": "It is right."}', ["item 'cost'", "field 'why_not'",
                                             "'no' is not a wrong answer to explain",
                                             "use values other than the answer"]),
])
def test_a_wrong_pointer_or_reason_in_a_checklist_key_stops_the_build(tmp_path, line, pieces):
    folder = tmp_path / "missing"
    shutil.copytree(STARTER / "missing", folder)
    key = folder / "key.yml"
    concept = "weigh-pros-and-cons" if "why_not" in line else "treatments-can-harm"
    key.write_text(key.read_text().replace(f"    concept: {concept}",
                                           f"{line}\n    concept: {concept}"))
    with pytest.raises(AuthoringError) as caught:
        Module.load(make_project(tmp_path / "project", {"missing": folder}))
    message = str(caught.value)
    for piece in pieces:
        assert piece in message, f"{piece!r} not in {message!r}"

