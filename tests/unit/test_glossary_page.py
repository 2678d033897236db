"""The Glossary page lists each term once, although the tooltips need some terms in two
spellings (at the start of a sentence and inside one)."""

from __future__ import annotations

from collections import Counter

from classroom.glossary import Term, listed_once
from classroom.project import Module
from support import ROOT


def test_a_term_spelt_twice_for_the_tooltips_is_listed_once_in_lower_case():
    terms = [Term("Autologous", "Taken from the patient's own body."),
             Term("autologous", "Taken from the patient's own body."),
             Term("CP", "Cerebral palsy.")]
    assert [t.term for t in listed_once(terms)] == ["autologous", "CP"]


def test_the_real_glossary_page_repeats_no_term():
    page = Module.load(ROOT).glossary
    listed = Counter(entry.term.casefold() for entry in listed_once(page))
    assert [term for term, count in listed.items() if count > 1] == []
    assert len(listed_once(page)) < len(page)  # the real file does spell some terms twice
