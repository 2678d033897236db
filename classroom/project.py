"""The whole module's data, loaded once, and the page markers it expands.

An author places content with a marker in a page, invisible in a plain Markdown viewer:
`<!-- whc:case iskitim -->`, `<!-- whc:glossary -->`. An unknown marker stops the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .cases import Case, load_cases
from .errors import AuthoringError
from .glossary import Term, load_glossary
from .render import render

_MARKER = re.compile(r"<!--\s*whc:(?P<name>[\w-]+)(?:\s+(?P<argument>[\w-]+))?\s*-->")


@dataclass
class Module:
    root: Path
    cases: dict[str, Case]
    glossary: list[Term]

    @classmethod
    def load(cls, root: Path) -> "Module":
        root = root.resolve()
        return cls(root=root,
                   cases=load_cases(root / "exercises" / "cases", root),
                   glossary=load_glossary(root / "includes" / "glossary.md", root))

    def expand(self, markdown: str, page: str) -> str:
        """Replace every marker in one page's Markdown with what it stands for."""
        return _MARKER.sub(lambda match: self._expand_one(match, page), markdown)

    def _expand_one(self, match: re.Match, page: str) -> str:
        name, argument = match.group("name"), match.group("argument")
        if name == "case":
            case = self.cases.get(argument or "")
            if case is None:
                raise AuthoringError(page, f"the marker '{match.group(0)}' names no known case",
                                     f"use one of: {', '.join(self.cases)}")
            return render("case.md", case=case)
        if name == "glossary":
            return render("glossary.md", terms=self.glossary)
        raise AuthoringError(page, f"the marker '{match.group(0)}' is not known",
                             "use whc:case, whc:exercise, whc:glossary, whc:key-points, "
                             "whc:answer-key or whc:my-answers")
