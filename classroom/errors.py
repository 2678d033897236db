"""The one error type an author sees: it names the file, the item, the field and what to do."""

from __future__ import annotations

from pathlib import Path


class AuthoringError(Exception):
    """A problem in an author's data or page, told in words an author can act on."""

    def __init__(self, path: Path | str, problem: str, fix: str, item: str | None = None,
                 field: str | None = None):
        self.path = str(path)
        self.item = item
        self.field = field
        self.problem = problem
        self.fix = fix
        super().__init__(str(self))

    def __str__(self) -> str:
        place = self.path
        if self.item is not None:
            place += f", item '{self.item}'"
        if self.field is not None:
            place += f", field '{self.field}'"
        return f"{place}: {self.problem}. What to do: {self.fix}"
