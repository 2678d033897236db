"""The one error type an author sees: it names the file and line, the item, the field and what
to do. A build collects every such error and reports them all together."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path


class AuthoringError(Exception):
    """A problem in an author's data or page, told in words an author can act on."""

    def __init__(self, path: Path | str, problem: str, fix: str, item: str | None = None,
                 field: str | None = None, line: int | None = None):
        self.path = str(path)
        self.item = item
        self.field = field
        self.problem = problem
        self.fix = fix
        self.line = line
        super().__init__(str(self))

    @property
    def place(self) -> str:
        """'path:line' as editors and terminals understand it (the line when it is known)."""
        return self.path if self.line is None else f"{self.path}:{self.line}"

    def __str__(self) -> str:
        where = [f"item '{self.item}'"] if self.item is not None else []
        where += [f"field '{self.field}'"] if self.field is not None else []
        place = ": ".join([self.place, ", ".join(where)] if where else [self.place])
        return f"{place}: {self.problem}. What to do: {self.fix}"


class AuthoringErrors(AuthoringError):
    """Several authoring errors found in one pass, reported together (one per line)."""

    def __init__(self, errors: list[AuthoringError]):
        self.errors = _flatten(errors)
        first = self.errors[0]
        super().__init__(first.path, first.problem, first.fix, first.item, first.field,
                         first.line)

    def __str__(self) -> str:
        return f"{len(self.errors)} problems stop the build; fix each, then build again:\n" + (
            "\n".join(f"{number}. {error}" for number, error in enumerate(self.errors, start=1)))


def _flatten(errors: list[AuthoringError]) -> list[AuthoringError]:
    flat: list[AuthoringError] = []
    for error in errors:
        flat.extend(error.errors if isinstance(error, AuthoringErrors) else [error])
    return flat


class Collector:
    """Gathers the errors of many independent checks, so that an author sees them all at once.

        collector = Collector()
        for path in paths:
            with collector.attempt():
                check(path)
        collector.raise_if_any()
    """

    def __init__(self) -> None:
        self.errors: list[AuthoringError] = []

    @contextmanager
    def attempt(self):
        """Run one check; an AuthoringError it raises is kept, and the next check runs."""
        try:
            yield
        except AuthoringError as error:
            self.errors.extend(_flatten([error]))

    def add(self, error: AuthoringError) -> None:
        self.errors.extend(_flatten([error]))

    def raise_if_any(self) -> None:
        """Raise the one error found, or all of them together as AuthoringErrors."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise AuthoringErrors(self.errors)
