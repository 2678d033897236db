"""Stub text an author has not yet replaced. The stubs `make new-case` and `make new-exercise`
write start every text an author must write with PLACEHOLDER, and the build refuses any such
text with its file:line, so a stub never reaches students.

The check reads lines, not parsed data, so that it finds every placeholder of every file in one
pass (a YAML value, a list entry, a line of a case text or a page); comments and fenced code are
left alone, so a note or an example may still mention the marker.
"""

from __future__ import annotations

import re
from pathlib import Path

from .errors import AuthoringError
from .textfile import read_author_text

PLACEHOLDER = "TODO:"
# A line whose text (after a list dash, a heading's #, a quote's >, a 'key: ' and an opening
# quote) starts with the placeholder.
_PLACEHOLDER_LINE = re.compile(r"^[\s#>*-]*(?:[\w-]+:\s+)?[\"']?" + re.escape(PLACEHOLDER))
_YAML_COMMENT = re.compile(r"^\s*#")
_FENCE = re.compile(r"^\s*(```|~~~)")


def placeholder_lines(text: str, yaml: bool = False):
    """(line number, text) of each line of `text` that holds a placeholder."""
    fenced = False
    for number, line in enumerate(text.split("\n"), start=1):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and not (yaml and _YAML_COMMENT.match(line)) and \
                _PLACEHOLDER_LINE.match(line):
            yield number, line.strip()


def placeholder_error(shown_as: str, line: int, text: str) -> AuthoringError:
    return AuthoringError(shown_as, f"a stub's placeholder is still here: '{text}'",
                          f"replace this placeholder (the text starting with '{PLACEHOLDER}') "
                          "with your own words; students must never see it", line=line)


def placeholders_in_exercises(root: Path) -> list[AuthoringError]:
    """Every placeholder left in exercises/: the exercises' and cases' YAML and the case texts."""
    errors = []
    folder = root / "exercises"
    for path in sorted([*folder.rglob("*.yml"), *(folder / "cases").glob("*.txt")]):
        shown = path.relative_to(root).as_posix()
        try:
            text = read_author_text(path, shown)
        except AuthoringError:
            continue  # the loader reports a file it cannot read
        errors += [placeholder_error(shown, line, found)
                   for line, found in placeholder_lines(text, yaml=path.suffix == ".yml")]
    return errors
