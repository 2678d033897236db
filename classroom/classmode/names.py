"""Names as the teacher reads them (F12): anyone types any name, so two students may look the
same. Bidirectional control characters are removed (a right-to-left override shows a name
reversed); names that look alike are numbered in the order their students joined; a name that
mixes alphabets (a Cyrillic "а" in "Sam") says so."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ..words import say
from .store import Student

# Embeddings, overrides, isolates and the invisible direction marks.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# Cyrillic and Greek letters drawn like Latin ones (lower case; names are compared casefolded).
LOOK_ALIKES = str.maketrans("асеіјорхуѕԁһӏԛԝνοαρτικχ", "aceijopxysdhlqwvoaptikx")
ALPHABETS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "GEORGIAN", "HEBREW", "ARABIC")


def without_bidi(text: str) -> str:
    return BIDI_CONTROLS.sub("", text)


def look(name: str) -> str:
    """What a name looks like: letter case, width, spacing and look-alike letters aside."""
    folded = unicodedata.normalize("NFKC", without_bidi(name)).casefold()
    return " ".join(folded.translate(LOOK_ALIKES).split())


def alphabets(name: str) -> set[str]:
    found = set()
    for letter in name:
        if letter.isalpha():
            first = unicodedata.name(letter, "").split(" ")[0]
            found.add(first if first in ALPHABETS else "OTHER")
    return found


def shown_apart(students: dict[str, Student]) -> dict[str, Student]:
    """The students with the names the class page and the downloads show."""
    seen: dict[str, int] = {}
    shown = {}
    for sid, student in students.items():
        name = " ".join(without_bidi(student.name).split()) or "?"
        key = look(name)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            name = say("name_numbered", name=name, number=seen[key])
        if len(alphabets(name) & set(ALPHABETS)) > 1:
            name = say("name_mixed_alphabets", name=name)
        shown[sid] = replace(student, name=name) if name != student.name else student
    return shown
