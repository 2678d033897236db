"""Questions: one or several right options, and a reason for every option."""

from __future__ import annotations

from dataclasses import dataclass

from ...yamlfile import Fields
from ..base import RIGHT, UNANSWERED, WRONG, Context, Item, Kind, verdict


@dataclass(frozen=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True)
class ChoiceItem(Item):
    question: str = ""
    choices: tuple[Option, ...] = ()
    reasons: dict[str, str] = None  # option id -> why it is right or wrong

    @property
    def prompt(self) -> str:
        return self.question

    @property
    def options(self) -> tuple[Option, ...]:
        return self.choices


class Choice(Kind):
    name = "choice"

    def load_item(self, ctx: Context, item_id: str, fields: Fields, answer: Fields) -> ChoiceItem:
        fields.only(["id", "question", "quote", "options"])
        answer.only(["answer", "feedback", "concept", "options"])
        options: list[Option] = []
        for position, entry in enumerate(fields.items("options"), start=1):
            option = Fields(entry, fields.path, item=item_id, what=f"option {position}")
            option.only(["id", "text"])
            option_id = ctx.identifier(option)
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
        for option_id in reasons:
            if option_id not in ids:
                raise answer.error("options", f"'{option_id}' is not one of the options",
                                   f"use the option ids: {', '.join(ids)}")
        reasons = {o: Fields({"reason": r}, answer.path, item_id).text("reason")
                   for o, r in reasons.items()}
        return ChoiceItem(item_id, correct, answer.text("feedback"), ctx.concept(answer),
                          quote=ctx.quote(fields, required=False),
                          question=fields.text("question"), choices=tuple(options),
                          reasons=reasons)

    def item_key(self, item: ChoiceItem) -> dict:
        return {**super().item_key(item), "reasons": item.reasons}

    def example_response(self, exercise, item_id: str, rng):
        if not isinstance(exercise.key["items"][item_id]["answer"], list):
            return super().example_response(exercise, item_id, rng)
        options = sorted(exercise.items[item_id].options)
        return rng.sample(options, k=rng.randint(1, len(options)))

    def key_texts(self, item: ChoiceItem) -> list[str]:
        return [*super().key_texts(item), *item.reasons.values()]

    def valid_response(self, response) -> bool:
        return isinstance(response, str) or (isinstance(response, list) and all(
            isinstance(option, str) for option in response))

    def score(self, key: dict, item_id: str, response) -> dict:
        item = key["items"][item_id]
        chosen = [response] if isinstance(response, str) else list(response or [])
        if not chosen:
            return verdict(UNANSWERED, 0, 1)
        right = item["answer"] if isinstance(item["answer"], list) else [item["answer"]]
        reasons = [item["reasons"].get(option, "") for option in chosen]
        same = sorted(set(chosen)) == sorted(right) and len(set(chosen)) == len(chosen)
        also = item.get("also", {}).get(",".join(sorted(set(chosen))))  # fair for this class
        if also is not None and not same:
            return verdict(RIGHT, 1, 1, [*reasons, also], also=True)
        return verdict(RIGHT if same else WRONG, 1 if same else 0, 1, reasons)


KIND = Choice()
