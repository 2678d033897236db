"""The glossary: one Markdown file of abbreviation lines, '*[term]: definition'.

pymdownx.snippets appends the file to every page, so each term gets a tooltip wherever it
appears; the glossary page lists the same entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import AuthoringError, Collector
from .textfile import read_author_text

_ENTRY = re.compile(r"\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.*)")


@dataclass(frozen=True)
class Term:
    term: str
    definition: str


def load_glossary(path: Path, root: Path) -> list[Term]:
    """Every entry of the glossary file, sorted as a reader looks terms up; the problems of
    all lines are reported together."""
    shown = path.relative_to(root).as_posix()
    terms: dict[str, tuple[Term, int]] = {}
    problems = Collector()
    for number, line in enumerate(read_author_text(path, shown).splitlines(), start=1):
        if not line.strip() or line.startswith("<!--"):
            continue
        match = _ENTRY.fullmatch(line.strip())
        if not match or not match.group("definition").strip():
            problems.add(AuthoringError(
                shown, f"the line '{line}' is not a glossary entry",
                "write each entry as '*[term]: a one-sentence definition'", line=number))
            continue
        term = match.group("term")
        if term in terms:
            problems.add(AuthoringError(
                shown, f"the term '{term}' is defined twice (first on line {terms[term][1]})",
                "keep one definition", line=number))
            continue
        terms[term] = (Term(term, match.group("definition").strip()), number)
    problems.raise_if_any()
    return sorted((term for term, _ in terms.values()), key=lambda entry: entry.term.casefold())


def listed_once(terms: list[Term]) -> list[Term]:
    """The entries the Glossary page lists: a term spelt twice only for the tooltips (at the
    start of a sentence and inside one, 'Autologous' and 'autologous') appears once, in the
    spelling used inside a sentence, when both say the same."""
    kept: dict[tuple[str, str], Term] = {}
    for entry in terms:
        same = (entry.term.casefold(), entry.definition.casefold())
        if same not in kept or entry.term > kept[same].term:  # lower case sorts after upper
            kept[same] = entry
    return [entry for entry in terms if entry in kept.values()]
