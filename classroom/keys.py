"""The answer key of an exercise as the browser receives it: a JSON object per exercise.

The key travels inside <script type="application/json">, which search does not index, and
nothing of it is in the page's visible HTML until the learner checks: a printed worksheet shows
no answers.
"""

from __future__ import annotations

from .exercises import Exercise
from .vocabulary import Index

DEFAULT_NOT_A_CLAIM = ("This sentence describes or informs; it does not promise a benefit, "
                       "claim safety, explain how the treatment works, ask for trust or "
                       "compare treatments.")


def vocabulary_for(exercise: Exercise, index: Index) -> dict:
    """The labels and definitions the exercise's feedback refers to."""
    terms = {"mark-claims": index.claim_kinds, "evidence-level": index.evidence_levels,
             "missing-info": index.missing_info_answers}.get(exercise.kind, {})
    return {term.id: {"label": term.label, "definition": term.definition}
            for term in terms.values()}


def exercise_key(exercise: Exercise, index: Index) -> dict:
    items = {}
    for item in exercise.items:
        entry = {"answer": list(item.answer) if item.multiple else item.answer,
                 "feedback": item.feedback, "concept": item.concept.citation}
        if item.reasons:
            entry["reasons"] = item.reasons
        if item.quote and exercise.kind in ("missing-info", "mark-claims"):
            entry["quote"] = item.quote
        if exercise.kind == "open":
            entry["rubric"] = list(item.rubric)
        if exercise.kind == "mark-claims":
            entry["sentence"] = item.sentence
        items[item.id] = entry
    key = {"items": items, "vocabulary": vocabulary_for(exercise, index)}
    if exercise.kind == "mark-claims":
        key["notClaims"] = exercise.not_claims
        key["notAClaim"] = DEFAULT_NOT_A_CLAIM
    return key
