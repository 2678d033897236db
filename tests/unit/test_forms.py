"""The two parallel forms of the measuring test: the shipped forms keep every rule, and each
broken rule stops the build with a message naming the file, the item, the field and what to do."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from classroom.errors import AuthoringError
from classroom.forms import FORMS, ITEMS_PER_CONCEPT
from classroom.project import Module
from fixture_project import ROOT, make_project

FORM_A = ROOT / "exercises" / "test-form-a"
FORM_B = ROOT / "exercises" / "test-form-b"


@pytest.fixture(scope="module")
def module() -> Module:
    return Module.load(ROOT)


def forms_of(module: Module) -> dict[str, object]:
    return {exercise.form: exercise for exercise in module.exercises.values() if exercise.form}


def load_error(project: Path) -> str:
    with pytest.raises(AuthoringError) as caught:
        Module.load(project)
    return str(caught.value)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# The shipped forms

def test_the_module_ships_form_a_and_form_b_as_check_ups(module):
    forms = forms_of(module)
    assert sorted(forms) == FORMS == ["A", "B"]
    assert forms["A"].id == "test-form-a" and forms["B"].id == "test-form-b"
    for exercise in forms.values():
        assert exercise.assessment and exercise.kind == "choice"


def test_each_form_has_two_single_answer_items_on_each_priority_concept(module):
    priority = sorted(c.id for c in module.index.concepts.values() if c.priority)
    assert len(priority) == 9
    for exercise in forms_of(module).values():
        assert len(exercise.items) == 18
        counts = Counter(item.concept.id for item in exercise.items)
        assert counts == {concept: ITEMS_PER_CONCEPT for concept in priority}
        for item in exercise.items:
            assert isinstance(item.answer, str), item.id
            assert 3 <= len(item.options) <= 4, item.id
            assert set(item.reasons) == {option.id for option in item.options}, item.id


def test_each_item_of_form_a_has_a_twin_in_form_b_matched_by_design(module):
    forms = forms_of(module)
    for first, second in zip(forms["A"].items, forms["B"].items, strict=True):
        assert first.concept == second.concept, (first.id, second.id)
        assert len(first.options) == len(second.options), (first.id, second.id)
        # Neighbours sitting different forms must not be able to copy a letter.
        assert first.answer != second.answer, (first.id, second.id)
        assert first.question != second.question


def test_the_forms_use_new_scenarios_not_the_clinic_texts(module):
    clinics = [case.title for case in module.cases.values()] + ["Iskitim", "Mardaleishvili"]
    for exercise in forms_of(module).values():
        assert exercise.case is None
        for item in exercise.items:
            words = " ".join([item.question, *(o.text for o in item.options)])
            assert not [name for name in clinics if name.lower() in words.lower()], item.id


def test_each_key_file_has_a_line_for_the_second_marker():
    for folder in (FORM_A, FORM_B):
        assert (folder / "key.yml").read_text(encoding="utf-8").startswith("# Second marker:")


# Each rule, broken

@pytest.fixture
def project(tmp_path) -> Path:
    return make_project(tmp_path, {"test-form-a": FORM_A})


def test_a_copy_of_form_a_alone_loads(project):
    assert Module.load(project).exercises["test-form-a"].form == "A"


def test_a_form_letter_outside_the_set_is_refused(project):
    edit(project / "exercises/test-form-a/exercise.yml", "form: A", "form: C")
    message = load_error(project)
    assert "exercises/test-form-a/exercise.yml:4: field 'form'" in message
    assert "'C' is not one of the allowed values" in message and "use one of: A, B" in message


def test_a_form_must_keep_its_key_on_the_laptop(project):
    edit(project / "exercises/test-form-a/exercise.yml", "assessment: true\n", "")
    message = load_error(project)
    assert "exercises/test-form-a/exercise.yml" in message and "field 'form'" in message
    assert "keep its key on the teacher's laptop" in message
    assert "add the line 'assessment: true'" in message


def test_a_form_must_be_a_choice_exercise(tmp_path):
    project = make_project(tmp_path, {"open-form": ROOT / "tests/fixtures/starter/open"})
    edit(project / "exercises/open-form/exercise.yml", "kind: open", "kind: open\nform: A\n"
         "assessment: true")
    message = load_error(project)
    assert "exercises/open-form/exercise.yml" in message and "field 'kind'" in message
    assert "a form must be of the kind 'choice', not 'open'" in message


def test_an_item_with_several_right_options_is_refused(project):
    edit(project / "exercises/test-form-a/key.yml", "    answer: b\n", "    answer: [b, c]\n")
    message = load_error(project)
    assert "exercises/test-form-a/key.yml:" in message
    assert "item 'headache-pill-news', field 'answer'" in message
    assert "exactly one right option" in message and "such as 'answer: b'" in message


def test_an_item_on_a_concept_a_form_does_not_test_is_refused(project):
    edit(project / "exercises/test-form-a/key.yml", "concept: treatments-can-harm",
         "concept: certainty-is-rare")
    message = load_error(project)
    assert "item 'natural-sleep-tea', field 'concept'" in message
    assert "'certainty-is-rare' is not one of the nine priority concepts" in message
    # ...and the concept it left is now one item short
    assert ("the form has 1 item(s) on the priority concept 'treatments-can-harm' "
            "(headache-pill-news); it needs exactly 2") in message


def test_a_concept_with_three_items_and_one_with_one_are_both_named(project):
    edit(project / "exercises/test-form-a/key.yml", "concept: dramatic-effects-rare",
         "concept: treatments-can-harm")
    message = load_error(project)
    assert "2 problems stop the build" in message
    assert "exercises/test-form-a/exercise.yml" in message and "field 'items'" in message
    assert ("3 item(s) on the priority concept 'treatments-can-harm' (natural-sleep-tea, "
            "headache-pill-news, weight-loss-week)") in message
    assert "move or remove items so that exactly 2 have 'concept: treatments-can-harm'" in message
    assert "1 item(s) on the priority concept 'dramatic-effects-rare'" in message
    assert "add items so that exactly 2" in message


def test_two_exercises_marked_as_the_same_form_are_refused(tmp_path):
    project = make_project(tmp_path, {"test-form-a": FORM_A, "test-form-b": FORM_B})
    edit(project / "exercises/test-form-b/exercise.yml", "form: B", "form: A")
    message = load_error(project)
    assert "exercises/index.yml: field 'exercises'" in message
    assert "2 exercises are marked 'form: A' (test-form-a, test-form-b)" in message
    assert "mark only one exercise as form A" in message
