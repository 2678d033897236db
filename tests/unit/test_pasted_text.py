"""A pasted text is numbered as a case is for its mark-claims exercise, and its class key is the
majority's: plain Python, no server."""

from __future__ import annotations

import pytest

from classroom.classmode.pasted import PastedError, class_key, numbered, score
from support import ROOT


@pytest.mark.parametrize("case_id", ["iskitim", "mardaleishvili"])
def test_a_case_pasted_is_numbered_as_its_exercise_numbers_it(module, case_id):
    """The same text, pasted, splits every paragraph into the sentences the case's claims
    exercise shows, so a key made in class can become that exercise's key (a key quotes its
    sentences; the exercise numbers from the first paragraph it shows)."""
    exercise = module.exercises[f"{case_id}-claims"]
    text = (ROOT / module.cases[case_id].text_path).read_text(encoding="utf-8")
    shown = {number for number, _ in exercise.paragraphs}
    pasted = [s["text"] for block in numbered(text) if block.get("number") in shown
              for s in block.get("sentences", [])]
    assert [s.text.strip() for s in exercise.sentences] == pasted
    paragraphs = [block["number"] for block in numbered(text) if "number" in block]
    assert paragraphs == [block.number for block in module.cases[case_id].paragraphs]


def test_a_line_like_a_heading_is_refused_with_its_line():
    with pytest.raises(PastedError, match="Line 2: this line looks like a heading"):
        numbered("A first paragraph.\n#Not quite a heading\n")


def test_the_class_key_is_more_than_half_and_the_commonest_kind():
    marks = {"a": {"s1": "benefit", "s2": "safety"}, "b": {"s1": "benefit", "s2": "benefit"},
             "c": {"s1": "safety"}, "d": {"s3": "credibility"}}
    # s1: 3 of 4 marked it, benefit twice; s2: 2 of 4 is not more than half; s3: 1 of 4.
    assert class_key({}, marks) == {"s1": "benefit"}
    assert score({"s1": "benefit"}, marks["c"]) == {"got": 0, "outOf": 1, "notClaims": 0}
    assert score({"s1": "benefit"}, marks["a"]) == {"got": 1, "outOf": 1, "notClaims": 1}
