"""The parallel forms of the measuring test: `form: A` and `form: B` in an exercise file.

A form is given before the first lesson and again, as the other form, after the last one, so
the two must measure the same things in the same way. Like the Critical Thinking about Health
test of the IHC trials, a form has exactly two single-answer questions on each of the nine
priority concepts (18 in all), and its key stays on the teacher's laptop. Every rule here stops
the build with a message that names the file, the item and the field, and says what to do.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .errors import AuthoringError, Collector
from .vocabulary import Index
from .yamlfile import Fields

if TYPE_CHECKING:
    from .exercises import Exercise

FORMS = ["A", "B"]  # the letters a form may carry; add one here to add a form
ITEMS_PER_CONCEPT = 2  # as in the IHC trials' test: two items for each priority concept
FORM_KIND = "choice"


def read_form(learner: Fields) -> str:
    """The exercise's form letter, or "" for an exercise that is not a form."""
    return learner.choice("form", FORMS, required=False) or ""


def check_form(exercise: "Exercise", learner: Fields, key: Fields, index: Index) -> None:
    """Refuse a form that breaks any rule; every mistake in it is reported at once."""
    if not exercise.form:
        return
    problems = Collector()
    if exercise.kind != FORM_KIND:
        problems.add(learner.error("kind", f"a form must be of the kind '{FORM_KIND}', "
                                           f"not '{exercise.kind}'",
                                   "write 'kind: choice': each item of a form is one question "
                                   "with one right option"))
    if not exercise.assessment:
        problems.add(learner.error("form", "a form must keep its key on the teacher's laptop",
                                   "add the line 'assessment: true' to the exercise file"))
    priority = [c for c in index.concepts.values() if c.priority]
    items_on: dict[str, list[str]] = {concept.id: [] for concept in priority}
    for item in exercise.items:
        answer = _key_entry(key, item.id)
        if item.multiple:
            problems.add(answer.error("answer", "a form's item must have exactly one right "
                                                "option, but the key lists several",
                                      "give one option id, such as 'answer: b', and rewrite "
                                      "the question so that only that option is right"))
        if item.concept.id not in items_on:
            problems.add(answer.error("concept", f"'{item.concept.id}' is not one of the nine "
                                                 "priority concepts a form tests",
                                      f"use one of: {', '.join(items_on)}"))
            continue
        items_on[item.concept.id].append(item.id)
    for concept in priority:
        found = items_on[concept.id]
        if len(found) != ITEMS_PER_CONCEPT:
            listed = f" ({', '.join(found)})" if found else ""
            problems.add(learner.error(
                "items", f"the form has {len(found)} item(s) on the priority concept "
                         f"'{concept.id}'{listed}; it needs exactly {ITEMS_PER_CONCEPT}",
                f"{'add' if len(found) < ITEMS_PER_CONCEPT else 'move or remove'} items so that "
                f"exactly {ITEMS_PER_CONCEPT} have 'concept: {concept.id}' in {key.path}"))
    problems.raise_if_any()


def forms_problems(exercises: list["Exercise"], index_path: str) -> list[AuthoringError]:
    """One form per letter: the class page finds a form by its letter."""
    letters = Counter(exercise.form for exercise in exercises if exercise.form)
    return [AuthoringError(index_path, f"{count} exercises are marked 'form: {letter}' "
                                       f"({', '.join(e.id for e in exercises if e.form == letter)})",
                           f"mark only one exercise as form {letter}; use another of "
                           f"{', '.join(FORMS)} for the other", field="exercises")
            for letter, count in sorted(letters.items()) if count > 1]


def _key_entry(key: Fields, item_id: str) -> Fields:
    """The item's entry in the key file, so that a message points to its line."""
    entry = key.data.get("items", {}).get(item_id, {})
    return Fields(entry, key.path, item=item_id, what="this item's key")
