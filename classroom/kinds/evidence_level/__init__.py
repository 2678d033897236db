"""Name the evidence: for a quoted claim, the step of the evidence ladder the text gives."""

from __future__ import annotations

from dataclasses import dataclass

from ...vocabulary import Index, Term
from ...yamlfile import Fields
from ..base import Context, OneAnswerItem, OneAnswerKind


@dataclass(frozen=True)
class EvidenceItem(OneAnswerItem):
    """A quoted claim; its why_not says why the text does not give a wrong level."""


class EvidenceLevel(OneAnswerKind):
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


KIND = EvidenceLevel()
