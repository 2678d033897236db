"""The teaching content as data: full sets on both texts, a comparison, all nine priority
concepts, and fair wording."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from classroom.words import say
from support import ROOT

ALLEGATIONS = re.compile(r"\b(scam\w*|fraud\w*|liars?|greed\w*|exploit\w*|con artists?|"
                         r"charlatan\w*|swindl\w*|cheat\w*|quack(?!ery)\w*)\b", re.IGNORECASE)


@pytest.mark.parametrize("case_id", ["iskitim", "mardaleishvili"])
def test_each_clinic_text_has_a_full_set_of_all_five_kinds(module, case_id):
    on_case = [e for e in module.exercises.values() if e.case and e.case.id == case_id
               and not e.id.startswith("lesson-")]
    by_kind = defaultdict(list)
    for exercise in on_case:
        by_kind[exercise.kind].append(exercise)
    assert set(by_kind) == {"mark-claims", "evidence-level", "missing-info", "choice", "open"}
    assert sum(len(e.items) for e in by_kind["evidence-level"]) >= 15
    checklist = {item.id for e in by_kind["missing-info"] for item in e.items}
    assert checklist == set(module.index.missing_info)
    # the whole text, but for a website's menu before the real content (shown folded away)
    whole_text = [e for e in by_kind["mark-claims"]
                  if e.paragraphs[-1][0] == len(module.cases[case_id].paragraphs)
                  and e.paragraphs[0][0] <= 13]
    assert whole_text, "a mark-claims exercise covers the whole text"


def test_one_exercise_compares_the_two_texts(module):
    comparing = [e for e in module.exercises.values()
                 if module.placements[e.id] == "practice/compare.md"]
    assert comparing and all(e.case is None for e in comparing)
    text = " ".join(i.prompt + " ".join(o.text for o in i.options)
                    for e in comparing for i in e.items)
    assert "Iskitim" in text and "Mardaleishvili" in text


def test_items_cover_all_nine_priority_concepts(module):
    priority = {c.id for c in module.index.concepts.values() if c.priority}
    used = {item.concept.id for e in module.exercises.values() for item in e.items}
    assert len(priority) == 9
    assert priority <= used


def test_no_wording_alleges_bad_motives(module):
    texts = [path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md")]
    texts += [path.read_text(encoding="utf-8") for path in (ROOT / "exercises").rglob("*.yml")]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text)]
    # A sentence that says what the module does *not* claim ("not ... greedy") is fine.
    found = sorted(s for s in sentences if ALLEGATIONS.search(s)
                   and not re.search(r"\b(not|never|no one|nobody)\b", s, re.IGNORECASE))
    assert found == []


def test_no_also_reason_repeats_the_words_the_page_puts_before_it(module):
    # The page writes "Also fair:" before an `also` reason; a reason that starts with it reads twice.
    lead = say("also_fair", reason="").strip().lower()
    doubled = sorted(f"{e.id}/{item.id}: {value}" for e in module.exercises.values()
                     for item in e.items for value, reason in (getattr(item, "also", None) or {}).items()
                     if reason.strip().lower().startswith(lead))
    assert doubled == []


# Words that name or define each evidence step; a wrong choice's hint must not use the right one's.
GIVES_AWAY = {
    "none": r"\b(nothing (is |else )?(offered|given)|to back|backs? (it|this)|just (calls|states)|for itself)\b",
    "experience": r"\b(experience|observ\w+|(has|have|been) seen)\b",
    "mechanism": r"\b(explanation|explains?|reasons?)\b",
    "uncontrolled": r"\b(figures? from treated|counted in treated|case series)\b",
}


def test_a_wrong_evidence_step_is_not_answered_by_its_hint(module):
    quoted = re.compile(r"'[^']*'|\"[^\"]*\"|\u201c[^\u201d]*\u201d")  # the clinic's words point, they do not name
    giving_away = sorted(
        f"{e.id}/{item.id} ({chosen}): {reason}"
        for e in module.exercises.values() if e.kind == "evidence-level"
        for item in e.items for chosen, reason in item.why_not.items()
        if item.answer in GIVES_AWAY
        and re.search(GIVES_AWAY[item.answer], quoted.sub("", reason), re.IGNORECASE))
    assert giving_away == []
