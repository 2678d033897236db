"""The loader accepts the starter exercises and stops on each authoring mistake with one message
that names the file, the item and the field, and says what to do."""

from __future__ import annotations

from pathlib import Path

import pytest

from classroom.errors import AuthoringError, AuthoringErrors, Collector
from classroom.project import Module
from fixture_project import STARTER, make_project, starter_project

BROKEN = Path(__file__).resolve().parent.parent / "fixtures" / "broken"

# fixture folder -> pieces the message must contain: file:line, item, field, problem, advice
EXPECTED = {
    "yaml-syntax": ["broken/exercise.yml", "broken/exercise.yml:5: the YAML cannot be read", "indentation"],
    "unknown-key": ["broken/exercise.yml:7:", "item 'fifteen-years'", "field 'qoute_note'",
                    "not part of the format", "allowed fields here are: id, quote"],
    "missing-field": ["broken/exercise.yml:5:", "item 'fifteen-years'", "field 'quote'",
                      "required field is missing", "add a line 'quote: ...'"],
    "wrong-type": ["broken/exercise.yml:7:", "item 'q1'", "field 'options'", "should be a list",
                   "starting with '- '"],
    "outside-vocabulary": ["broken/key.yml:2:", "item 'fifteen-years'", "field 'answer'",
                           "'experiance' is not one of the allowed values",
                           "did you mean 'experience'?"],
    "answer-not-an-option": ["broken/key.yml:2:", "item 'q1'", "field 'answer'",
                             "'c' is not one of the allowed values", "use one of: a, b"],
    "duplicate-ids": ["broken/exercise.yml:7:", "item 'q1'", "field 'id'", "two items have the id",
                      "its own id"],
    "empty-options": ["broken/exercise.yml:6:", "item 'q1'", "field 'options'", "list is empty",
                      "add at least one entry"],
    "near-miss-quote": ["broken/exercise.yml:6:", "item 'fifteen-years'", "field 'quote'",
                        "not in the case text", "closest sentence there is: 'We use this "
                        "therapy for 15 years and got some not bad results.'"],
    "key-missing-item": ["broken/key.yml", "item 'q2'", "has no answer in the key file",
                         "add 'q2:'"],
    "unknown-kind": ["broken/exercise.yml:2:", "field 'kind'", "'drag-and-drop' is not one of",
                     "mark-claims, evidence-level, missing-info, choice, open"],
}


def load_error(project: Path) -> str:
    with pytest.raises(AuthoringError) as caught:
        Module.load(project)
    return str(caught.value)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_fixture_stops_with_a_message_an_author_can_act_on(tmp_path, name):
    message = load_error(make_project(tmp_path, {"broken": BROKEN / name}))
    for piece in EXPECTED[name]:
        assert piece in message, f"{piece!r} not in {message!r}"
    assert "What to do:" in message


def test_every_broken_fixture_is_tested():
    assert sorted(p.name for p in BROKEN.iterdir()) == sorted(EXPECTED)


def test_the_starter_exercises_load(tmp_path):
    module = Module.load(starter_project(tmp_path))
    kinds = {exercise.kind for exercise in module.exercises.values()}
    assert kinds == {"mark-claims", "evidence-level", "missing-info", "choice", "open"}
    claims = module.exercises["starter-claims"]
    assert [item.sentence.id for item in claims.items] == ["s4", "s2"]
    assert claims.not_claims == {"s8": "This describes the procedure; it promises no effect."}


def test_a_key_written_twice_in_one_mapping_is_named_as_a_duplicate_at_its_line(tmp_path):
    project = starter_project(tmp_path)
    key = project / "exercises" / "starter-open" / "key.yml"
    lines = key.read_text().count("\n")
    key.write_text(key.read_text() + "  three-questions:\n    answer: again\n")
    message = load_error(project)
    assert message.startswith(f"exercises/starter-open/key.yml:{lines + 1}: the key "
                              "'three-questions' is written twice in the same block (first on "
                              "line 2)")
    assert "What to do: keep one of the two: rename one" in message
    assert "cannot be read" not in message and "indentation and quoting" not in message


def test_an_exercise_folder_missing_from_the_index_is_refused(tmp_path):
    project = make_project(tmp_path, {"starter-open": STARTER / "open"})
    (project / "exercises" / "stray").mkdir()
    (project / "exercises" / "stray" / "exercise.yml").write_text("title: Stray\n")
    message = load_error(project)
    assert "exercises/stray" in message and "not listed in the index" in message


def test_an_exercise_shown_on_two_pages_is_refused(tmp_path):
    project = make_project(tmp_path, {"starter-open": STARTER / "open"})
    (project / "docs" / "index.md").write_text("# Home\n\n<!-- whc:exercise starter-open -->\n")
    message = load_error(project)
    assert "already shown on docs/" in message


def test_an_exercise_no_page_shows_is_refused(tmp_path):
    project = make_project(tmp_path, {"starter-open": STARTER / "open"})
    (project / "docs" / "practice.md").write_text("# Practice\n")
    assert "no page shows it" in load_error(project)


def test_two_claims_in_one_sentence_are_refused(tmp_path):
    project = starter_project(tmp_path)
    key = project / "exercises" / "starter-claims" / "key.yml"
    key.write_text(key.read_text().replace(
        '"They have neuroprotective effect and stimulate axonal growth and myelination."',
        '"Use of M2 macrophages is safe"'))
    assert "same sentence as the claim 'safe-and-effective'" in load_error(project)


def test_missing_info_needs_a_quote_unless_the_answer_is_no(tmp_path):
    project = starter_project(tmp_path)
    key = project / "exercises" / "starter-missing" / "key.yml"
    key.write_text(key.read_text().replace(
        '    quote: "All listed symptoms possible in 50% of cases."\n', ""))
    message = load_error(project)
    assert "item 'risks', field 'quote'" in message


def test_a_marker_inside_a_code_example_is_left_as_text(tmp_path):
    project = starter_project(tmp_path)
    module = Module.load(project)
    page = "```\n<!-- whc:case nowhere -->\n```\nSee `<!-- whc:glossary -->`.\n"
    assert module.expand(page, "example.md") == page


def test_a_quote_differing_only_by_an_apostrophe_names_both_characters(tmp_path):
    project = make_project(tmp_path, {"starter-evidence": STARTER / "evidence"})
    exercise = project / "exercises" / "starter-evidence" / "exercise.yml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("case: iskitim", "case: mardaleishvili").split("items:")[0]
                        + "items:\n  - id: own-cells\n    quote: \"administration of the "
                        "patient's own stem cells\"\n", encoding="utf-8")
    key = project / "exercises" / "starter-evidence" / "key.yml"
    key.write_text("items:\n  own-cells:\n    answer: mechanism\n    feedback: Why.\n"
                   "    concept: long-use-not-evidence\n", encoding="utf-8")
    message = load_error(project)
    assert ("the text has \u2019 (RIGHT SINGLE QUOTATION MARK) where your quote has ' "
            "(APOSTROPHE), just after 'administration of the patient'") in message
    assert "exercises/starter-evidence/exercise.yml:6:" in message


def test_a_collector_keeps_going_and_reports_one_error_as_itself():
    collector = Collector()
    for number in (1, 2):
        with collector.attempt():
            raise AuthoringError("a.yml", f"problem {number}", "fix it", line=number)
    with pytest.raises(AuthoringErrors) as caught:
        collector.raise_if_any()
    assert [str(error) for error in caught.value.errors] == [
        "a.yml:1: problem 1. What to do: fix it", "a.yml:2: problem 2. What to do: fix it"]
    single = Collector()
    with single.attempt():
        raise AuthoringError("b.yml", "only problem", "fix it", item="x", field="y", line=4)
    with pytest.raises(AuthoringError, match=r"^b\.yml:4: item 'x', field 'y': only problem"):
        single.raise_if_any()
    Collector().raise_if_any()  # nothing found, nothing raised
