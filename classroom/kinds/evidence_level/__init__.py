"""Name the evidence: for a quoted claim, the step of the evidence ladder the text gives."""

from __future__ import annotations

from dataclasses import dataclass

from ...vocabulary import Index, Term
from ...yamlfile import Fields
from ..base import Context, Item, Kind, one_answer_score


@dataclass(frozen=True)
class EvidenceItem(Item):
    why_not: dict[str, str] = None  # a wrong level -> why the text does not give it


class EvidenceLevel(Kind):
    name = "evidence-level"
    on_a_case = True

    def vocabulary(self, index: Index) -> dict[str, Term]:
        return index.evidence_levels

    def load_item(self, ctx: Context, item_id: str, fields: Fields, answer: Fields) -> EvidenceItem:
        fields.only(["id", "quote"])
        answer.only(["answer", "also", "feedback", "concept", "why_not"])
        levels = list(ctx.index.evidence_levels)
        correct = answer.choice("answer", levels)
        also = ctx.also(answer, levels, correct)
        why_not = ctx.reasons(answer, "why_not", levels, correct, "a wrong level to explain")
        return EvidenceItem(item_id, correct, answer.text("feedback"), ctx.concept(answer),
                            quote=ctx.quote(fields, required=True), also=also, why_not=why_not)

    def item_key(self, item: EvidenceItem) -> dict:
        entry = super().item_key(item)
        if item.why_not:
            entry["reasons"] = item.why_not
        return entry

    def key_texts(self, item: EvidenceItem) -> list[str]:
        return [*super().key_texts(item), *item.why_not.values()]

    def valid_response(self, response) -> bool:
        return isinstance(response, str)

    def score(self, key: dict, item_id: str, response) -> dict:
        return one_answer_score(key["items"][item_id], response)


KIND = EvidenceLevel()
