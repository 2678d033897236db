"""Case studies: a clinic's text, kept verbatim in a .txt file, with its context in a .yml file.

The .txt format: one paragraph per line, exactly as captured. Two markers are not part of the
clinic's text: a line starting with '## ' is one of the page's headings, and a line
'[[omitted: what]]' stands where something was left out.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import AuthoringError
from .sentences import split_sentences
from .yamlfile import Fields, read_yaml

_HEADING = "## "
_OMISSION = re.compile(r"\[\[omitted: (?P<what>.+)\]\]")
CASE_FIELDS = ["title", "text", "publisher", "country", "offered", "date_shown", "language",
               "omissions"]


@dataclass(frozen=True)
class Block:
    """One line of a case text: a heading, a numbered paragraph, or a marked omission."""
    kind: str  # "heading", "paragraph" or "omission"
    text: str
    number: int | None = None  # paragraphs only: the number a teacher can point to


@dataclass(frozen=True)
class Case:
    id: str
    title: str
    publisher: str
    country: str
    offered: str
    date_shown: str
    language: str
    omissions: str
    blocks: tuple[Block, ...]
    text_path: str

    @property
    def paragraphs(self) -> list[Block]:
        return [block for block in self.blocks if block.kind == "paragraph"]

    def paragraph_with(self, quote: str) -> Block | None:
        """The first paragraph holding `quote` exactly, or None."""
        return next((block for block in self.paragraphs if quote in block.text), None)

    def closest_text(self, quote: str) -> str:
        """The sentence of this case most like `quote`, to help an author mend a near miss."""
        candidates = [sentence.strip() for block in self.paragraphs
                      for sentence in split_sentences(block.text)]
        best = max(candidates, key=lambda sentence: difflib.SequenceMatcher(
            None, quote, sentence).ratio(), default="")
        return best


def parse_case_text(text: str) -> tuple[Block, ...]:
    """Turn the .txt format into blocks, numbering the paragraphs from 1."""
    blocks: list[Block] = []
    number = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        omission = _OMISSION.fullmatch(line.strip())
        if line.startswith(_HEADING):
            blocks.append(Block("heading", line[len(_HEADING):]))
        elif omission:
            blocks.append(Block("omission", omission.group("what")))
        else:
            number += 1
            blocks.append(Block("paragraph", line, number))
    return tuple(blocks)


def load_case(path: Path, root: Path) -> Case:
    """Load one case from its .yml file; the case id is the file name without .yml."""
    shown = path.relative_to(root).as_posix()
    fields = Fields(read_yaml(path, shown), shown, what="the case file")
    fields.only(CASE_FIELDS)
    text_name = fields.text("text")
    text_path = path.parent / text_name
    shown_text = text_path.relative_to(root).as_posix()
    try:
        text = text_path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise fields.error("text", f"the text file '{shown_text}' does not exist",
                           "put the clinic's text in that file, one paragraph per line, "
                           "or correct the file name") from None
    blocks = parse_case_text(text)
    if not any(block.kind == "paragraph" for block in blocks):
        raise AuthoringError(shown_text, "the text file has no paragraphs",
                             "paste the clinic's text into it, one paragraph per line")
    return Case(id=path.stem, title=fields.text("title"), publisher=fields.text("publisher"),
                country=fields.text("country"), offered=fields.text("offered"),
                date_shown=fields.text("date_shown"), language=fields.text("language"),
                omissions=fields.text("omissions"), blocks=blocks, text_path=shown_text)


def load_cases(folder: Path, root: Path) -> dict[str, Case]:
    """Every case in `folder` (one .yml and one .txt each), by id, in file-name order."""
    return {case.id: case for case in
            (load_case(path, root) for path in sorted(folder.glob("*.yml")))}
