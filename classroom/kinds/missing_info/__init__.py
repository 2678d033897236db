"""What is missing? For each checklist entry: does the text say it, partly, or not at all.

Optional key fields: `why_not:` (a wrong answer -> why it is wrong) and `paragraph:` (where a
learner should look; by default the paragraph of the quote, or nowhere when there is no quote)."""

from __future__ import annotations

from dataclasses import dataclass

from ...vocabulary import Index, Term
from ...yamlfile import Fields
from ..base import Context, OneAnswerItem, OneAnswerKind


@dataclass(frozen=True)
class MissingInfoItem(OneAnswerItem):
    entry: Term = None  # the checklist entry: its label and plain question
    paragraph: int | None = None  # where to look; None: nowhere, the text never mentions it

    @property
    def prompt(self) -> str:
        return self.entry.label

    @property
    def definition(self) -> str:
        return self.entry.definition


class MissingInfo(OneAnswerKind):
    name = "missing-info"
    quote_from_learner = False  # its quote is the key's answer: never in My answers
    on_a_case = True

    def vocabulary(self, index: Index) -> dict[str, Term]:
        return index.missing_info_answers

    def load_item(self, ctx: Context, item_id: str, fields: Fields,
                  answer: Fields) -> MissingInfoItem:
        fields.only(["id"])
        answer.only(["answer", "also", "quote", "feedback", "concept", "why_not", "paragraph"])
        if item_id not in ctx.index.missing_info:
            raise fields.error("id", f"'{item_id}' is not an entry of the checklist",
                               f"use one of: {', '.join(ctx.index.missing_info)}")
        answers = list(ctx.index.missing_info_answers)
        correct = answer.choice("answer", answers)
        quote = ctx.quote(answer, required=correct != "no")
        return MissingInfoItem(item_id, correct, answer.text("feedback"), ctx.concept(answer),
                               quote=quote, also=ctx.also(answer, answers, correct),
                               entry=ctx.index.missing_info[item_id],
                               why_not=ctx.reasons(answer, "why_not", answers, correct,
                                                   "a wrong answer to explain"),
                               paragraph=self._paragraph(ctx, answer, quote))

    def _paragraph(self, ctx: Context, answer: Fields, quote: str) -> int | None:
        """Where to look: the author's `paragraph:`, else the quote's paragraph, else nowhere."""
        if answer.data.get("paragraph") is None:
            return ctx.case.paragraph_with(quote).number if quote else None
        value, last = answer.data["paragraph"], len(ctx.case.paragraphs)
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= last:
            raise answer.error("paragraph", f"this should be a paragraph number of the case text, "
                                            f"from 1 to {last}, but it is {value!r}",
                               "give the number shown beside the paragraph on the case page, or "
                               "remove the line (then the quote's paragraph is used)")
        return value

    def item_key(self, item: MissingInfoItem) -> dict:
        entry = super().item_key(item)
        if item.quote:
            entry["quote"] = item.quote
        if item.paragraph:
            entry["paragraph"] = item.paragraph
        return entry


KIND = MissingInfo()
