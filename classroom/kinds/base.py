"""What every exercise kind shares: its loading context, its item shape and its verdicts.

A kind lives in one folder, classroom/kinds/<name>/: `__init__.py` (fields, loading, the key
the browser gets, the scorer), `widget.html` (one item as learners see it), `key.html` (one item
in the teachers' answer key) and `kind.js` (the same kind in the browser: read, write, judge,
show). classroom/kinds/__init__.py lists the kinds; nothing else names them.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..cases import Case
from ..contract import ID_PATTERN, ID_RULE, VERDICTS
from ..errors import AuthoringError, Collector
from ..vocabulary import Concept, Index, Term
from ..yamlfile import Fields

FOLDER = Path(__file__).resolve().parent

# The verdicts a scorer gives, in Python and in the browser alike.
RIGHT, PARTLY, WRONG, UNANSWERED, ANSWERED = VERDICTS


def fingerprint(data: object) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:12]


def verdict(result: str, score: int, out_of: int, reasons: list[str] | None = None,
            **detail: object) -> dict:
    """A scorer's answer: the result, points of the total, and the key's reasons to show."""
    return {"verdict": result, "score": score, "max": out_of, "reasons": reasons or [],
            **detail}


@dataclass(frozen=True)
class Item:
    """One question of an exercise with its key; each kind adds the fields it needs."""
    id: str
    answer: object
    feedback: str
    concept: Concept
    quote: str = ""
    also: dict[str, str] = field(default_factory=dict)  # another fair answer -> why it is fair

    @property
    def prompt(self) -> str:
        """What the learner answers, as My answers and worksheets list it."""
        return self.quote

    @property
    def options(self) -> tuple:
        return ()

    @property
    def multiple(self) -> bool:
        return isinstance(self.answer, tuple)

    def version_parts(self) -> list:
        """What saved answers depend on; kept as it was so that saved answers keep working."""
        return [self.id, self.prompt, self.quote, self.answer,
                [(o.id, o.text) for o in self.options], ""]

    @property
    def version(self) -> str:
        """Changes whenever the item changes, so old saved answers are not applied to a new one."""
        return fingerprint(self.version_parts())


@dataclass
class Context:
    """What a kind's loader may use: the author's two files, the vocabularies and the case."""
    exercise_id: str
    learner: Fields
    key: Fields
    index: Index
    case: Case | None

    def identifier(self, fields: Fields, name: str = "id") -> str:
        value = fields.text(name)
        if not ID_PATTERN.fullmatch(value):
            raise fields.error(name, f"'{value}' is not a usable id", ID_RULE)
        return value

    def concept(self, answer: Fields) -> Concept:
        return self.index.concepts[answer.choice("concept", list(self.index.concepts))]

    def quote(self, fields: Fields, required: bool, name: str = "quote") -> str:
        quote = fields.text(name, required=required)
        if quote and self.case is None:
            raise fields.error(name, "a quote needs the exercise to name its case",
                               "add 'case: ...' to the exercise, or put the words in the question")
        if quote and self.case.paragraph_with(quote) is None:
            raise fields.error(name, f"these words are not in the case text "
                                     f"({self.case.text_path}) exactly as written: '{quote}'",
                               f"copy them from the text; the closest sentence there is: "
                               f"'{self.case.closest_text(quote)}'")
        return quote

    def reasons(self, answer: Fields, name: str, allowed: list[str], correct: str,
                what: str) -> dict[str, str]:
        """A mapping answer id -> reason, each id one of `allowed` other than `correct`."""
        reasons = {}
        for value, reason in answer.mapping(name, required=False).items():
            if value not in allowed or value == correct:
                raise answer.error(name, f"'{value}' is not {what}",
                                   f"use values other than the answer, from: {', '.join(allowed)}")
            reasons[str(value)] = Fields({"reason": reason}, answer.path, answer.item).text("reason")
        return reasons

    def also(self, answer: Fields, allowed: list[str], correct: str) -> dict[str, str]:
        """Other answers that are also fair, each with the reason shown to the learner."""
        return self.reasons(answer, "also", allowed, correct, "another fair answer")


class Kind:
    """One kind of exercise. Subclasses set the names and fill in the hooks below."""
    name = ""              # the `kind:` value authors write
    on_a_case = False      # must the exercise name a case?
    key_fields = ["items"]
    quote_from_learner = True  # is an item's quote what learners read (not the key's)?

    def vocabulary(self, index: Index) -> dict[str, Term]:
        """The labels the kind's answers are drawn from (shown in feedback and My answers)."""
        return {}

    def load(self, ctx: Context) -> dict:
        """The exercise's items (and any extra fields of the Exercise) from the author's files."""
        return {"items": self.load_items(ctx)}

    def load_items(self, ctx: Context) -> tuple[Item, ...]:
        """Items that the learner file lists and the key file answers, matched by id."""
        for unused in ("from_paragraph", "to_paragraph"):
            if unused in ctx.learner.data:
                raise ctx.learner.error(unused, "this field is only for mark-claims exercises",
                                        "remove it")
        keys = ctx.key.mapping("items")
        problems = Collector()  # every item is checked; all mistakes are reported together
        seen: list[str] = []
        items = []
        for position, entry in enumerate(ctx.learner.items("items"), start=1):
            with problems.attempt():
                item_id = entry.get("id") if isinstance(entry, dict) else None
                fields = Fields(entry, ctx.learner.path, item=str(item_id or f"number {position}"),
                                what=f"item {position}")
                item_id = ctx.identifier(fields)
                if item_id in seen:
                    raise fields.error("id", f"two items have the id '{item_id}'",
                                       "give every item in the exercise its own id")
                seen.append(item_id)
                if item_id not in keys:
                    raise AuthoringError(ctx.key.path, "this item has no answer in the key file",
                                         f"add '{item_id}:' with its answer, feedback and "
                                         "concept under 'items:'", item=item_id,
                                         line=ctx.key.line_of("items"))
                answer = Fields(keys[item_id], ctx.key.path, item=item_id, what="the item's key")
                items.append(self.load_item(ctx, item_id, fields, answer))
        for item_id in keys:
            if item_id not in seen:
                problems.add(AuthoringError(
                    ctx.key.path, "the key answers an item that the exercise file does not have",
                    f"remove it from the key, or add an item with id '{item_id}' to "
                    f"{ctx.learner.path}", item=str(item_id), line=getattr(keys, "lines", {}).get(item_id)))
        problems.raise_if_any()
        return tuple(items)

    def load_item(self, ctx: Context, item_id: str, fields: Fields, answer: Fields) -> Item:
        raise NotImplementedError

    def item_key(self, item: Item) -> dict:
        """What the browser needs to judge one item and explain the verdict."""
        entry = {"answer": list(item.answer) if item.multiple else item.answer,
                 "feedback": item.feedback, "concept": item.concept.definition}  # the plain words learners read
        if item.also:
            entry["also"] = item.also
        return entry

    def exercise_key(self, exercise, index: Index) -> dict:
        return {"items": {item.id: self.item_key(item) for item in exercise.items},
                "vocabulary": {term.id: {"label": term.label, "definition": term.definition}
                               for term in self.vocabulary(index).values()}}

    def key_texts(self, item: Item) -> list[str]:
        """Every text of the item's key that learners must not see before Check."""
        return [item.feedback, *item.also.values()]

    def saved_items(self, exercise) -> list[dict]:
        """The items My answers lists: id, version, label and option texts; never answers."""
        return [{"id": item.id, "version": item.version, "label": item.prompt,
                 "quote": item.quote if self.quote_from_learner else "",
                 "options": {o.id: o.text for o in item.options}} for item in exercise.items]

    def score(self, key: dict, item_id: str, response) -> dict:
        """The verdict on one response, from the exercise's key as the browser gets it."""
        raise NotImplementedError

    def valid_response(self, response) -> bool:
        """Is this a response of the right shape for this kind (before it is scored)?"""
        raise NotImplementedError

    # What class mode asks (classroom/classmode/): the laptop scores and shows stored responses.
    scored = True                # is an answer right or wrong (a written answer is not)?
    whole_text = False           # is the answer one set of marks on the whole text?
    xapi_interaction = "choice"  # the xAPI cmi.interaction type of its responses

    def describe(self, response, options: dict, labels: dict) -> str:
        """A response in words, as the teacher reads it: option texts and labels, not ids."""
        if response is None:
            return ""
        # In the item's own order, so one set of ticks reads the same whichever was ticked first.
        order = {one: place for place, one in enumerate([*options, *labels])}
        chosen = [response] if isinstance(response, str) else \
            sorted(response, key=lambda one: (order.get(one, len(order)), str(one)))
        return "; ".join(options.get(one) or labels.get(one) or one for one in chosen)

    def unknown_choices(self, response, options: dict, labels: dict) -> str:
        """The first option or label id in `response` that the item does not have, or ""."""
        chosen = [response] if isinstance(response, str) else response
        return next((one for one in chosen if one not in options and one not in labels), "")

    def example_response(self, exercise, item_id: str, rng):
        """A response a learner could give, for the benchmark and tests; `exercise` is the
        laptop's catalogue entry (its items, labels and key)."""
        return rng.choice(sorted(exercise.items[item_id].options) or sorted(exercise.labels))

    # Files of the kind's folder.
    @property
    def folder(self) -> Path:
        return FOLDER / self.name.replace("-", "_")

    def template(self, part: str, suffix: str = "html") -> str:
        """The path of one of the kind's templates (widget.html, key.html, …), for the loader."""
        return f"{self.name.replace('-', '_')}/{part}.{suffix}"

    def script(self) -> str:
        return (self.folder / "kind.js").read_text(encoding="utf-8")


@dataclass(frozen=True)
class OneAnswerItem(Item):
    """An item with one right answer from a vocabulary, other fair ones (`also`) and a reason
    for wrong ones (`why_not`)."""
    why_not: dict[str, str] = None  # a wrong answer -> why it does not fit


class OneAnswerKind(Kind):
    """Kinds whose learner picks one answer from the kind's vocabulary."""

    def item_key(self, item: OneAnswerItem) -> dict:
        entry = super().item_key(item)
        if item.why_not:
            entry["reasons"] = item.why_not
        return entry

    def key_texts(self, item: OneAnswerItem) -> list[str]:
        return [*super().key_texts(item), *(item.why_not or {}).values()]

    def valid_response(self, response) -> bool:
        return isinstance(response, str)

    def score(self, key: dict, item_id: str, response) -> dict:
        return one_answer_score(key["items"][item_id], response)


def one_answer_score(key_item: dict, response) -> dict:
    """Scoring shared by kinds with one right answer and maybe other fair ones."""
    if response is None:
        return verdict(UNANSWERED, 0, 1)
    if response == key_item["answer"]:
        return verdict(RIGHT, 1, 1)
    if response in key_item.get("also", {}):
        return verdict(RIGHT, 1, 1, [key_item["also"][response]], also=True)
    reason = key_item.get("reasons", {}).get(response)
    return verdict(WRONG, 0, 1, [reason] if reason else [])
