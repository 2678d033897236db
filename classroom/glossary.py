"""The glossary: one Markdown file of abbreviation lines, '*[term]: definition'.

pymdownx.snippets appends the file to every page, so each term gets a tooltip wherever it
appears; the glossary page lists the same entries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import AuthoringError

_ENTRY = re.compile(r"\*\[(?P<term>[^\]]+)\]:\s*(?P<definition>.*)")


@dataclass(frozen=True)
class Term:
    term: str
    definition: str


def load_glossary(path: Path, root: Path) -> list[Term]:
    """Every entry of the glossary file, sorted as a reader looks terms up."""
    shown = path.relative_to(root).as_posix()
    terms: dict[str, Term] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("<!--"):
            continue
        match = _ENTRY.fullmatch(line.strip())
        if not match or not match.group("definition").strip():
            raise AuthoringError(f"{shown}:{number}", f"the line '{line}' is not a glossary entry",
                                 "write each entry as '*[term]: a one-sentence definition'")
        term = match.group("term")
        if term in terms:
            raise AuthoringError(f"{shown}:{number}", f"the term '{term}' is defined twice",
                                 "keep one definition")
        terms[term] = Term(term, match.group("definition").strip())
    return sorted(terms.values(), key=lambda entry: entry.term.casefold())
