"""What the laptop knows of the exercises: items, versions, labels and keys, read from the
project's data files (never from a browser), and the check every event from a browser passes.

The key is the payload a practice page gets (classroom.contract.full_key: for a check-up also
the key its page never holds), so the laptop's scorers and the browser's judge from one source;
a corrected key re-scores everything on read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..contract import ID_PATTERN, MAX_CHOSEN, MAX_MARKS, MAX_TEXT, SENTENCE_ID, full_key
from ..kinds import kind_named
from ..kinds.base import Kind

EVENT_TYPES = ("answer", "check", "solution", "handin")
# A check-up has no key in its page: it is handed in (and marked here), never checked.
CHECKUP_TYPES = ("answer", "handin")
EVENT_ID = re.compile(r"[A-Za-z0-9_-]{8,64}")
MAX_VERSION = 80


@dataclass(frozen=True)
class ItemInfo:
    id: str
    version: str
    label: str              # the question, the quote, or "" for a mark-claims text
    options: dict           # option or sentence id -> its text
    quote: str = ""         # the sentence of the case the item asks about, if any


@dataclass(frozen=True)
class ExerciseInfo:
    """An exercise as the laptop knows it: rebuilt from what its page saves (saved_items), not
    from the build's Exercise, so the laptop checks exactly what a browser can send."""
    id: str
    title: str
    kind: str
    items: dict             # item id -> ItemInfo, in the page's order
    key: dict               # the whole key (a check-up's too): for the laptop's scorers only
    labels: dict            # answer id (claim kind, evidence level, ...) -> its label
    assessment: bool = False  # a check-up: handed in, marked here, feedback when the teacher says
    form: str = ""          # "A" or "B": a form of the before-and-after test (measuring.py)
    concepts: tuple = ()    # (item id, IHC concept id, its title) in the page's order

    @property
    def handler(self) -> Kind:
        """The kind from the registry: it scores, describes and checks this exercise's answers."""
        return kind_named(self.kind)

    def answer_text(self, item_id: str, response) -> str:
        """A response in words, as the teacher reads it: labels and option texts, not ids."""
        return self.handler.describe(response, self.items[item_id].options, self.labels)

    def unknown_choices(self, item_id: str, response) -> str:
        """The first option, label or sentence id in `response` this item does not have."""
        return self.handler.unknown_choices(response, self.items[item_id].options, self.labels)

    def item_ids(self, claims_too: bool = False) -> set:
        """The ids a teacher may ask figures of: the items, or for a text to mark (when
        `claims_too`) the claims of its key."""
        if claims_too and self.handler.whole_text:
            return set(self.key["items"])
        return set(self.items)


class EventError(ValueError):
    """An event the laptop refuses; the message says what is wrong in plain words."""


class Catalogue:
    """Every exercise of the module, by id."""

    def __init__(self, exercises: dict[str, ExerciseInfo]):
        self.exercises = exercises

    @classmethod
    def from_module(cls, module) -> "Catalogue":
        exercises = {}
        for exercise in module.exercises.values():
            kind = exercise.handler
            quotes = {item.id: getattr(item, "quote", "") or "" for item in exercise.items}
            items = {saved["id"]: ItemInfo(saved["id"], saved["version"], saved["label"],
                                           dict(saved["options"]), quotes.get(saved["id"], ""))
                     for saved in kind.saved_items(exercise)}
            exercises[exercise.id] = ExerciseInfo(
                exercise.id, exercise.title, exercise.kind, items,
                full_key(exercise, module.index),
                {term.id: term.label for term in kind.vocabulary(module.index).values()},
                bool(exercise.assessment), exercise.form,
                tuple((item.id, item.concept.id, item.concept.title)
                      for item in exercise.items))
        return cls(exercises)

    @classmethod
    def load(cls, project: Path) -> "Catalogue":
        from ..project import Module
        return cls.from_module(Module.load(project))

    def check_event(self, event) -> dict:
        """The event if it is well formed and names known things; else EventError."""
        if not isinstance(event, dict):
            raise EventError("an event must be a JSON object")
        unknown = set(event) - {"id", "type", "exercise", "items", "at"}
        if unknown:
            raise EventError(f"unknown fields: {', '.join(sorted(map(str, unknown)))[:200]}")
        event_id = event.get("id")
        if not isinstance(event_id, str) or not EVENT_ID.fullmatch(event_id):
            raise EventError("the event id must be 8 to 64 letters, digits, '-' or '_'")
        if event.get("type") not in EVENT_TYPES:
            raise EventError(f"the type must be one of: {', '.join(EVENT_TYPES)}")
        exercise = self.exercises.get(event.get("exercise")) \
            if isinstance(event.get("exercise"), str) else None
        if exercise is None:
            raise EventError(f"there is no exercise '{str(event.get('exercise'))[:80]}' "
                             "in this module")
        allowed = CHECKUP_TYPES if exercise.assessment else EVENT_TYPES[:3]
        if event["type"] not in allowed:
            raise EventError(f"'{exercise.id}' is {'part of the check-up' if exercise.assessment else 'practice'}"
                             f": its answers are sent as {' or '.join(allowed)}, not {event['type']}")
        at = event.get("at")
        if isinstance(at, bool) or not isinstance(at, (int, float)) or not 0 <= at < 1e14:
            raise EventError("'at' must be a time in milliseconds")
        items = event.get("items")
        if not isinstance(items, dict):
            raise EventError("'items' must be an object of item ids")
        for item_id, answer in items.items():
            if item_id not in exercise.items:
                raise EventError(f"the exercise '{exercise.id}' has no item "
                                 f"'{str(item_id)[:80]}'")
            if answer is None:
                continue  # the learner cleared this answer
            if not isinstance(answer, dict) or set(answer) != {"v", "r"}:
                raise EventError(f"item '{item_id}': an answer must be {{\"v\": version, "
                                 "\"r\": response}")
            if not isinstance(answer["v"], str) or not 0 < len(answer["v"]) <= MAX_VERSION:
                raise EventError(f"item '{item_id}': the version must be a short text")
            if not valid_response(exercise.handler, answer["r"]):
                raise EventError(f"item '{item_id}': this response is not of the kind "
                                 f"'{exercise.kind}' takes, or is too long")
            unknown = exercise.unknown_choices(item_id, answer["r"])
            if unknown:
                raise EventError(f"item '{item_id}': '{unknown[:80]}' is not one of its answers")
        return event


def valid_response(kind: Kind, response) -> bool:
    """The kind's own shape check, and the contract's limits on size."""
    if not kind.valid_response(response):
        return False
    if isinstance(response, str):
        return len(response) <= MAX_TEXT
    if isinstance(response, list):
        return len(response) <= MAX_CHOSEN and all(ID_PATTERN.fullmatch(x) for x in response)
    if isinstance(response, dict):
        return len(response) <= MAX_MARKS and all(
            SENTENCE_ID.fullmatch(k) and ID_PATTERN.fullmatch(v) for k, v in response.items())
    return False
