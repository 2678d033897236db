"""Exercises: loaded from exercises/<id>/exercise.yml (what learners see) and key.yml (answers).

Every check an author could trip over is made here, and each failure is one AuthoringError that
names the file, the item and the field, and says what to do.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from .cases import Case
from .errors import AuthoringError
from .sentences import split_sentences
from .vocabulary import ID_PATTERN, ID_RULE, Concept, Index
from .yamlfile import Fields, read_yaml

KINDS = ["mark-claims", "evidence-level", "missing-info", "choice", "open"]
KINDS_ON_A_CASE = {"mark-claims", "evidence-level", "missing-info"}
EXERCISE_FIELDS = ["title", "kind", "case", "intro", "items", "from_paragraph", "to_paragraph"]


@dataclass(frozen=True)
class Sentence:
    id: str  # "s1", "s2", ... in reading order
    paragraph: int
    text: str


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True)
class Item:
    """One question of an exercise, with its key."""
    id: str
    prompt: str  # the quote, question, prompt or checklist entry the learner answers
    answer: str | tuple[str, ...]
    feedback: str
    concept: Concept
    quote: str = ""
    options: tuple[Option, ...] = ()
    reasons: dict[str, str] = field(default_factory=dict)  # why per option / per wrong level
    rubric: tuple[str, ...] = ()
    sentence: str = ""  # mark-claims: the id of the sentence that holds the claim
    definition: str = ""  # missing-info: the checklist entry's plain question

    @property
    def multiple(self) -> bool:
        return isinstance(self.answer, tuple)

    @property
    def version(self) -> str:
        """Changes whenever the item changes, so old saved answers are not applied to a new item."""
        return fingerprint([self.id, self.prompt, self.quote, self.answer,
                            [(o.id, o.text) for o in self.options], self.sentence])


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    kind: str
    intro: str
    items: tuple[Item, ...]
    folder: str
    case: Case | None = None
    paragraphs: tuple[tuple[int, tuple[Sentence, ...]], ...] = ()  # mark-claims only
    not_claims: dict[str, str] = field(default_factory=dict)  # sentence id -> reason

    @property
    def sentences(self) -> list[Sentence]:
        return [sentence for _, group in self.paragraphs for sentence in group]

    @property
    def text_version(self) -> str:
        """mark-claims: the version of the sentences shown, which saved marks depend on."""
        return fingerprint([[s.text for s in sentences] for _, sentences in self.paragraphs])


def fingerprint(data: object) -> str:
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()[:12]


def load_exercises(folder: Path, root: Path, index: Index, cases: dict[str, Case]) -> list[Exercise]:
    """Every exercise, in the order index.yml gives; any folder it does not list is an error."""
    present = sorted(path.parent.name for path in folder.glob("*/exercise.yml"))
    for name in present:
        if name not in index.exercise_ids:
            raise AuthoringError(f"exercises/{name}", "this exercise is not listed in the index",
                                 f"add '{name}' to the 'exercises:' list in {index.path}, "
                                 "where it should come in order", field="exercises")
    return [_load_one(folder / exercise_id, root, index, cases) for exercise_id in index.exercise_ids]


def _load_one(folder: Path, root: Path, index: Index, cases: dict[str, Case]) -> Exercise:
    shown = folder.relative_to(root).as_posix()
    if not (folder / "exercise.yml").exists():
        raise AuthoringError(index.path, f"the exercise '{folder.name}' is listed, but "
                                         f"{shown}/exercise.yml does not exist",
                             "create the folder with exercise.yml and key.yml, or remove the "
                             "entry from the list", field="exercises")
    learner = Fields(read_yaml(folder / "exercise.yml", f"{shown}/exercise.yml"),
                     f"{shown}/exercise.yml", what="the exercise file")
    key = Fields(read_yaml(folder / "key.yml", f"{shown}/key.yml"), f"{shown}/key.yml",
                 what="the key file")
    learner.only(EXERCISE_FIELDS)
    kind = learner.choice("kind", KINDS)
    case_id = learner.choice("case", sorted(cases), required=kind in KINDS_ON_A_CASE)
    case = cases.get(case_id) if case_id else None
    key.only(["items", "not_claims"] if kind == "mark-claims" else ["items"])
    loader = _ExerciseLoader(folder.name, learner, key, index, case)
    common = dict(id=folder.name, title=learner.text("title"), kind=kind,
                  intro=learner.text("intro", required=False), folder=shown, case=case)
    if kind == "mark-claims":
        return loader.mark_claims(common)
    return Exercise(items=loader.items(kind), **common)


class _ExerciseLoader:
    def __init__(self, exercise_id: str, learner: Fields, key: Fields, index: Index,
                 case: Case | None):
        self.exercise_id, self.learner, self.key, self.index, self.case = (
            exercise_id, learner, key, index, case)

    # Items that the learner file lists and the key file answers, matched by id.
    def items(self, kind: str) -> tuple[Item, ...]:
        for unused in ("from_paragraph", "to_paragraph"):
            if unused in self.learner.data:
                raise self.learner.error(unused, "this field is only for mark-claims exercises",
                                         "remove it")
        entries = self.learner.items("items")
        keys = self.key.mapping("items")
        seen: list[str] = []
        items = []
        for position, entry in enumerate(entries, start=1):
            item_id = entry.get("id") if isinstance(entry, dict) else None
            fields = Fields(entry, self.learner.path, item=str(item_id or f"number {position}"),
                            what=f"item {position}")
            item_id = self._identifier(fields)
            if item_id in seen:
                raise fields.error("id", f"two items have the id '{item_id}'",
                                   "give every item in the exercise its own id")
            seen.append(item_id)
            if item_id not in keys:
                raise AuthoringError(self.key.path, "this item has no answer in the key file",
                                     f"add '{item_id}:' with its answer, feedback and concept "
                                     "under 'items:'", item=item_id)
            answer = Fields(keys[item_id], self.key.path, item=item_id, what="the item's key")
            items.append(getattr(self, "_" + kind.replace("-", "_"))(item_id, fields, answer))
        for item_id in keys:
            if item_id not in seen:
                raise AuthoringError(self.key.path, "the key answers an item that the exercise "
                                                    "file does not have", "remove it from the "
                                     f"key, or add an item with id '{item_id}' to "
                                     f"{self.learner.path}", item=str(item_id))
        return tuple(items)

    def _identifier(self, fields: Fields) -> str:
        value = fields.text("id")
        if not ID_PATTERN.fullmatch(value):
            raise fields.error("id", f"'{value}' is not a usable id", ID_RULE)
        return value

    def _concept(self, answer: Fields) -> Concept:
        return self.index.concepts[answer.choice("concept", list(self.index.concepts))]

    def _quote(self, fields: Fields, required: bool) -> str:
        quote = fields.text("quote", required=required)
        if quote and self.case is None:
            raise fields.error("quote", "a quote needs the exercise to name its case",
                               "add 'case: ...' to the exercise, or put the words in the question")
        if quote and self.case.paragraph_with(quote) is None:
            raise fields.error("quote", f"these words are not in the case text "
                                        f"({self.case.text_path}) exactly as written: '{quote}'",
                               f"copy them from the text; the closest sentence there is: "
                               f"'{self.case.closest_text(quote)}'")
        return quote

    def _evidence_level(self, item_id: str, fields: Fields, answer: Fields) -> Item:
        fields.only(["id", "quote"])
        answer.only(["answer", "feedback", "concept", "why_not"])
        levels = list(self.index.evidence_levels)
        correct = answer.choice("answer", levels)
        reasons = {}
        for level, reason in answer.mapping("why_not", required=False).items():
            if level not in levels or level == correct:
                raise answer.error("why_not", f"'{level}' is not a wrong level to explain",
                                   f"use levels other than the answer, from: {', '.join(levels)}")
            reasons[level] = Fields({"reason": reason}, answer.path, answer.item).text("reason")
        quote = self._quote(fields, required=True)
        return Item(item_id, quote, correct, answer.text("feedback"), self._concept(answer),
                    quote=quote, reasons=reasons)

    def _missing_info(self, item_id: str, fields: Fields, answer: Fields) -> Item:
        fields.only(["id"])
        answer.only(["answer", "quote", "feedback", "concept"])
        if item_id not in self.index.missing_info:
            raise fields.error("id", f"'{item_id}' is not an entry of the checklist",
                               f"use one of: {', '.join(self.index.missing_info)}")
        correct = answer.choice("answer", list(self.index.missing_info_answers))
        quote = self._quote(answer, required=correct != "no")
        entry = self.index.missing_info[item_id]
        return Item(item_id, entry.label, correct, answer.text("feedback"), self._concept(answer),
                    quote=quote, definition=entry.definition)

    def _choice(self, item_id: str, fields: Fields, answer: Fields) -> Item:
        fields.only(["id", "question", "quote", "options"])
        answer.only(["answer", "feedback", "concept", "options"])
        options = []
        for position, entry in enumerate(fields.items("options"), start=1):
            option = Fields(entry, fields.path, item=item_id, what=f"option {position}")
            option.only(["id", "text"])
            option_id = self._identifier(option)
            if option_id in [o.id for o in options]:
                raise option.error("options", f"two options have the id '{option_id}'",
                                   "give each option its own id, such as a, b, c")
            options.append(Option(option_id, option.text("text")))
        if len(options) < 2:
            raise fields.error("options", "a question needs at least two options",
                               "add the options learners choose from")
        ids = [o.id for o in options]
        raw = answer.data.get("answer")
        if isinstance(raw, list):
            if not raw:
                raise answer.error("answer", "the list of right options is empty",
                                   "list at least one option id")
            correct = tuple(Fields({"answer": a}, answer.path, item_id).choice("answer", ids)
                            for a in raw)
            if len(set(correct)) != len(correct):
                raise answer.error("answer", "an option is listed twice", "list each once")
        else:
            correct = answer.choice("answer", ids)
        reasons = answer.mapping("options")
        for option_id in ids:
            if option_id not in reasons:
                raise answer.error("options", f"option '{option_id}' has no reason",
                                   "give every option a reason, shown after checking")
        for option_id, reason in reasons.items():
            if option_id not in ids:
                raise answer.error("options", f"'{option_id}' is not one of the options",
                                   f"use the option ids: {', '.join(ids)}")
        reasons = {o: Fields({"reason": r}, answer.path, item_id).text("reason")
                   for o, r in reasons.items()}
        return Item(item_id, fields.text("question"), correct, answer.text("feedback"),
                    self._concept(answer), quote=self._quote(fields, required=False),
                    options=tuple(options), reasons=reasons)

    def _open(self, item_id: str, fields: Fields, answer: Fields) -> Item:
        fields.only(["id", "prompt", "quote"])
        answer.only(["answer", "rubric", "feedback", "concept"])
        rubric = tuple(Fields({"criterion": c}, answer.path, item_id).text("criterion")
                       for c in answer.items("rubric"))
        return Item(item_id, fields.text("prompt"), answer.text("answer"),
                    answer.text("feedback"), self._concept(answer),
                    quote=self._quote(fields, required=False), rubric=rubric)

    # mark-claims: the key lists the claims; the learner file only says which text to show.
    def mark_claims(self, common: dict) -> Exercise:
        if "items" in self.learner.data:
            raise self.learner.error("items", "a mark-claims exercise lists its claims in the key "
                                              "file, not here", "move them to key.yml")
        paragraphs = self._shown_paragraphs()
        sentences = [s for _, group in paragraphs for s in group]
        claimed: dict[str, str] = {}
        items = []
        for item_id, entry in self.key.mapping("items").items():
            answer = Fields(entry, self.key.path, item=str(item_id), what="the claim")
            answer.only(["quote", "answer", "feedback", "concept"])
            if not ID_PATTERN.fullmatch(str(item_id)):
                raise answer.error(None, f"'{item_id}' is not a usable id", ID_RULE)
            sentence = self._sentence_of(answer, sentences)
            if sentence.id in claimed:
                raise answer.error("quote", f"this quote is in the same sentence as the claim "
                                            f"'{claimed[sentence.id]}'",
                                   "keep one claim per sentence: merge the two items")
            claimed[sentence.id] = str(item_id)
            items.append(Item(str(item_id), sentence.text.strip(),
                              answer.choice("answer", list(self.index.claim_kinds)),
                              answer.text("feedback"), self._concept(answer),
                              quote=answer.text("quote"), sentence=sentence.id))
        if not items:
            raise self.key.error("items", "the key lists no claims",
                                 "add the claims learners should find under 'items:'")
        not_claims = {}
        for position, entry in enumerate(self.key.items("not_claims", required=False), start=1):
            reason = Fields(entry, self.key.path, item=f"not_claims {position}", what="the entry")
            reason.only(["quote", "feedback"])
            sentence = self._sentence_of(reason, sentences)
            if sentence.id in claimed:
                raise reason.error("quote", f"this sentence is also the claim "
                                            f"'{claimed[sentence.id]}'", "remove one of the two")
            not_claims[sentence.id] = reason.text("feedback")
        return Exercise(items=tuple(items), paragraphs=paragraphs, not_claims=not_claims, **common)

    def _shown_paragraphs(self) -> tuple[tuple[int, tuple[Sentence, ...]], ...]:
        last = len(self.case.paragraphs)
        bounds = []
        for name, default in (("from_paragraph", 1), ("to_paragraph", last)):
            value = self.learner.data.get(name, default)
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= last:
                raise self.learner.error(name, f"this should be a paragraph number from 1 to "
                                               f"{last}, but it is {value!r}",
                                         "give the number shown beside the paragraph on the "
                                         "case page")
            bounds.append(value)
        if bounds[0] > bounds[1]:
            raise self.learner.error("to_paragraph", "the last paragraph comes before the first",
                                     "make to_paragraph at least as large as from_paragraph")
        shown = []
        count = 0
        for block in self.case.paragraphs[bounds[0] - 1:bounds[1]]:
            group = []
            for text in split_sentences(block.text):
                count += 1
                group.append(Sentence(f"s{count}", block.number, text))
            shown.append((block.number, tuple(group)))
        return tuple(shown)

    def _sentence_of(self, fields: Fields, sentences: list[Sentence]) -> Sentence:
        quote = self._quote(fields, required=True)
        found = [s for s in sentences if quote.strip() in s.text]
        if not found:
            raise fields.error("quote", "these words are in the case text, but not inside one "
                                        "sentence of the part this exercise shows",
                               "quote a part of a single sentence, or widen from_paragraph / "
                               "to_paragraph")
        return found[0]
