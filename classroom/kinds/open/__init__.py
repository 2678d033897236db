"""Your own answer: a written response, compared with a model answer and a checklist; not scored."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...yamlfile import Fields
from ..base import ANSWERED, UNANSWERED, Context, Item, Kind, verdict


@dataclass(frozen=True)
class OpenItem(Item):
    task: str = ""
    rubric: tuple[str, ...] = ()

    @property
    def prompt(self) -> str:
        return self.task

    @property
    def model_answer(self) -> str:
        """The model answer with the author's line breaks (a numbered point starts a line), and
        the lines that only continue a point (indented in the YAML) joined to it."""
        return model_lines(self.answer)


def model_lines(text: str) -> str:
    return re.sub(r"[ \t]*\n[ \t]+", " ", text.strip())


class Open(Kind):
    name = "open"
    scored = False
    xapi_interaction = "long-fill-in"

    def load_item(self, ctx: Context, item_id: str, fields: Fields, answer: Fields) -> OpenItem:
        fields.only(["id", "prompt", "quote"])
        answer.only(["answer", "rubric", "feedback", "concept"])
        rubric = tuple(Fields({"criterion": c}, answer.path, item_id).text("criterion")
                       for c in answer.items("rubric"))
        return OpenItem(item_id, answer.text("answer"), answer.text("feedback"),
                        ctx.concept(answer), quote=ctx.quote(fields, required=False),
                        task=fields.text("prompt"), rubric=rubric)

    def item_key(self, item: OpenItem) -> dict:
        return {**super().item_key(item), "answer": item.model_answer, "rubric": list(item.rubric)}

    def key_texts(self, item: OpenItem) -> list[str]:
        return [*super().key_texts(item), item.answer, *item.rubric]

    def valid_response(self, response) -> bool:
        return isinstance(response, str)

    def score(self, key: dict, item_id: str, response) -> dict:
        # An open answer is compared with the model answer by the learner or teacher: no points.
        written = isinstance(response, str) and response.strip() != ""
        return verdict(ANSWERED if written else UNANSWERED, 0, 0)

    def describe(self, response, options: dict, labels: dict) -> str:
        return "" if response is None else response

    def unknown_choices(self, response, options: dict, labels: dict) -> str:
        return ""  # written, not chosen

    def example_response(self, exercise, item_id: str, rng):
        return "I would ask how many children were followed, and for how long. " * rng.randint(1, 4)


KIND = Open()
