"""Split a paragraph of clinic text into sentences, keeping every character of it."""

from __future__ import annotations

import re

# A sentence ends at . ! or ? (maybe after a closing bracket or quote) followed by space and a
# capital, digit or opening bracket. "technologies.Succession" has no space, so it stays whole.
_BOUNDARY = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][)\"”’]))[ \u00a0]+(?=[A-Z0-9(\"“‘])")

_LIST_NUMBER = re.compile(r"\s*\d{1,2}[.)]")


def split_sentences(paragraph: str) -> list[str]:
    """Return the sentences of `paragraph`; joined with single spaces they give it back."""
    parts: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        parts.append(paragraph[start:match.start()])
        start = match.start()
    parts.append(paragraph[start:])
    # A list number such as "1." is not a sentence of its own: keep it with what follows.
    merged: list[str] = []
    for part in parts:
        if merged and _LIST_NUMBER.fullmatch(merged[-1]):
            merged[-1] += part
        else:
            merged.append(part)
    parts = merged
    # Each part after the first keeps its leading space(s), so nothing is lost; trim for display.
    return [part for part in parts if part.strip()]
