"""What is missing? For each checklist entry: does the text say it, partly, or not at all."""

from __future__ import annotations

from dataclasses import dataclass

from ...vocabulary import Index, Term
from ...yamlfile import Fields
from ..base import Context, Item, Kind, one_answer_score


@dataclass(frozen=True)
class MissingInfoItem(Item):
    entry: Term = None  # the checklist entry: its label and plain question

    @property
    def prompt(self) -> str:
        return self.entry.label

    @property
    def definition(self) -> str:
        return self.entry.definition


class MissingInfo(Kind):
    name = "missing-info"
    on_a_case = True

    def vocabulary(self, index: Index) -> dict[str, Term]:
        return index.missing_info_answers

    def load_item(self, ctx: Context, item_id: str, fields: Fields,
                  answer: Fields) -> MissingInfoItem:
        fields.only(["id"])
        answer.only(["answer", "also", "quote", "feedback", "concept"])
        if item_id not in ctx.index.missing_info:
            raise fields.error("id", f"'{item_id}' is not an entry of the checklist",
                               f"use one of: {', '.join(ctx.index.missing_info)}")
        answers = list(ctx.index.missing_info_answers)
        correct = answer.choice("answer", answers)
        return MissingInfoItem(item_id, correct, answer.text("feedback"), ctx.concept(answer),
                               quote=ctx.quote(answer, required=correct != "no"),
                               also=ctx.also(answer, answers, correct),
                               entry=ctx.index.missing_info[item_id])

    def item_key(self, item: MissingInfoItem) -> dict:
        entry = super().item_key(item)
        if item.quote:
            entry["quote"] = item.quote
        return entry

    def valid_response(self, response) -> bool:
        return isinstance(response, str)

    def score(self, key: dict, item_id: str, response) -> dict:
        return one_answer_score(key["items"][item_id], response)


KIND = MissingInfo()
