"""Find the claims: a sentence the key lists under `either:` is fair to mark or to leave, and a
malformed entry stops the build with a message naming file, entry, field and what to do."""

from __future__ import annotations

import shutil

import pytest

from classroom.contract import TEXT_ITEM, full_key
from classroom.errors import AuthoringError
from classroom.project import Module
from fixture_project import STARTER, make_project

EITHER = '''either:
  - quote: "Duration of staying in hospital - 10 days."
    kinds: [credibility]
    feedback: Fair either way, for a reason.
'''


def _claims_with(tmp_path, entry: str, drop_not_claims: bool = True):
    folder = tmp_path / "claims"
    shutil.copytree(STARTER / "claims", folder)
    key = folder / "key.yml"
    text = key.read_text(encoding="utf-8")
    if drop_not_claims:
        text = text[:text.index("not_claims:")]
    key.write_text(text + entry, encoding="utf-8")
    return Module.load(make_project(tmp_path / "project", {"claims": folder}))


def test_an_either_way_sentence_is_neither_found_nor_wrong_nor_missed(tmp_path):
    module = _claims_with(tmp_path, EITHER)
    exercise = module.exercises["claims"]
    key = full_key(exercise, module.index)
    sentence = next(iter(exercise.either))
    marks = {item.sentence.id: item.answer for item in exercise.items}
    marked = exercise.handler.score(key, TEXT_ITEM, {**marks, sentence: "credibility"})
    assert (marked["verdict"], marked["either"], marked["notClaims"]) == ("right", [sentence], [])
    assert "Fair either way, for a reason." in marked["reasons"]
    other_kind = exercise.handler.score(key, TEXT_ITEM, {**marks, sentence: "safety"})
    assert (other_kind["verdict"], other_kind["notClaims"]) == ("partly", [sentence])


@pytest.mark.parametrize("entry, pieces", [
    (EITHER.replace("[credibility]", "[praise]"),
     ["claims/key.yml", "either 1", "field 'kinds'", "'praise' is not a claim kind",
      "use kinds from: benefit"]),
    (EITHER.replace("    kinds: [credibility]\n", ""),
     ["either 1", "field 'kinds'", "this required field is missing"]),
    (EITHER.replace("Duration of staying in hospital - 10 days.",
                    "Use of M2 macrophages is safe and effective method"),
     ["either 1", "field 'quote'", "also the claim 'safe-and-effective'",
      "list it once"]),
    (EITHER.replace("feedback:", "reason:"),
     ["either 1", "field 'reason'", "allowed fields here are: quote, kinds, feedback"]),
])
def test_a_wrong_either_way_entry_stops_the_build(tmp_path, entry, pieces):
    with pytest.raises(AuthoringError) as caught:
        _claims_with(tmp_path, entry)
    message = str(caught.value)
    for piece in pieces:
        assert piece in message, f"{piece!r} not in {message!r}"


def test_a_sentence_both_either_way_and_not_a_claim_stops_the_build(tmp_path):
    with pytest.raises(AuthoringError) as caught:
        _claims_with(tmp_path, "\n" + EITHER, drop_not_claims=False)
    assert "also listed under either:" in str(caught.value)
