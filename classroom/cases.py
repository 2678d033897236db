"""Case studies: a clinic's text, kept verbatim in a .txt file, with its context in a .yml file.

The .txt format: one paragraph per line, exactly as captured. Two markers are not part of the
clinic's text: a line starting with '## ' is one of the page's headings, and a line
'[[omitted: what]]' stands where something was left out. A line that looks like either marker
but is not exactly one ('##Heading', '[[omited: ...]]') stops the build, so that it never
becomes numbered clinic text by mistake.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .errors import AuthoringError, Collector
from .sentences import split_sentences
from .textfile import read_author_text
from .vocabulary import ID_PATTERN, ID_RULE
from .yamlfile import Fields, read_yaml

_HEADING = "## "
_OMISSION = re.compile(r"\[\[omitted: (?P<what>.+)\]\]")
_LIKE_A_HEADING = re.compile(r"\s*#+(?!\d)")  # '#1 in Europe' is clinic text, '##Title' is not
_LIKE_AN_OMISSION = re.compile(r".*(\[\[|\]\]).*")
CASE_FIELDS = ["title", "text", "publisher", "country", "offered", "date_shown", "language",
               "omissions", "real"]


@dataclass(frozen=True)
class Block:
    """One line of a case text: a heading, a numbered paragraph, or a marked omission."""
    type: str  # "heading", "paragraph" or "omission"
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
    real: bool = True  # False: a made-up case written for practice or an exam

    @property
    def paragraphs(self) -> list[Block]:
        return [block for block in self.blocks if block.type == "paragraph"]

    def paragraph_with(self, quote: str) -> Block | None:
        """The first paragraph holding `quote` exactly, or None."""
        return next((block for block in self.paragraphs if quote in block.text), None)

    def closest_text(self, quote: str) -> str:
        """The sentence of this case most like `quote`, to help an author mend a near miss,
        followed by where the two first differ (callers put the result in single quotes)."""
        candidates = [sentence.strip() for block in self.paragraphs
                      for sentence in split_sentences(block.text)]
        best = max(candidates, key=lambda sentence: difflib.SequenceMatcher(
            None, quote, sentence).ratio(), default="")
        difference = first_difference(quote.strip(), best)
        return f"{best}'. {difference}" if difference else best


def first_difference(quote: str, text: str) -> str:
    """Where `quote` first stops matching `text`, naming both characters, so that look-alikes
    such as ’ and ' can be told apart; '' when no start of the quote is in the text at all.
    The result ends inside an opened single quote, which the caller closes."""
    matched = 0  # the longest start of the quote found in the text (binary search: monotone)
    low, high = 1, len(quote)
    while low <= high:
        middle = (low + high) // 2
        if quote[:middle] in text:
            matched, low = middle, middle + 1
        else:
            high = middle - 1
    if matched == 0 or matched == len(quote):
        return ""
    start = text.find(quote[:matched])
    before = _last_words(quote[:matched])
    if start + matched >= len(text):
        return (f"The text ends where your quote goes on with {_character(quote[matched])}, "
                f"after '{before}")
    return (f"The first difference: the text has {_character(text[start + matched])} where your "
            f"quote has {_character(quote[matched])}, just after '{before}")


def _last_words(text: str, about: int = 30) -> str:
    """The end of `text`, about `about` characters long, starting at a word."""
    if len(text) <= about:
        return text
    tail = text[-about:]
    return tail[tail.find(" ") + 1:] if " " in tail[:-1] else tail


def _character(char: str) -> str:
    """A character with its Unicode name: ’ (RIGHT SINGLE QUOTATION MARK)."""
    name = unicodedata.name(char, f"U+{ord(char):04X}")
    return f"{char} ({name})" if char.isprintable() and not char.isspace() else f"a {name}"


def parse_case_text(text: str, shown_as: str = "the case text") -> tuple[Block, ...]:
    """Turn the .txt format into blocks, numbering the paragraphs from 1; every line that looks
    like a marker but is not one is reported (all of them at once)."""
    blocks: list[Block] = []
    problems = Collector()
    number = 0
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        omission = _OMISSION.fullmatch(line.strip())
        if line.startswith(_HEADING) and line[len(_HEADING):].strip():
            blocks.append(Block("heading", line[len(_HEADING):]))
        elif omission:
            blocks.append(Block("omission", omission.group("what")))
        elif _LIKE_A_HEADING.match(line):
            problems.add(AuthoringError(
                shown_as, f"this line looks like a heading but is not one: '{line.strip()}'",
                "write a heading as '## ' (two #, then a space) followed by its text",
                line=line_number))
        elif _LIKE_AN_OMISSION.fullmatch(line):
            problems.add(AuthoringError(
                shown_as, f"this line looks like a left-out marker but is not one: "
                          f"'{line.strip()}'",
                "write it exactly as '[[omitted: what was left out]]', alone on its line",
                line=line_number))
        else:
            number += 1
            blocks.append(Block("paragraph", line, number))
    problems.raise_if_any()
    return tuple(blocks)


def load_case(path: Path, root: Path) -> Case:
    """Load one case from its .yml file; the case id is the file name without .yml."""
    shown = path.relative_to(root).as_posix()
    if not ID_PATTERN.fullmatch(path.stem):
        raise AuthoringError(shown, f"'{path.stem}' cannot be a case name",
                             f"rename the file: {ID_RULE}")
    fields = Fields(read_yaml(path, shown), shown, what="the case file")
    fields.only(CASE_FIELDS)
    text_name = fields.text("text")
    text_path = path.parent / text_name
    shown_text = text_path.relative_to(root).as_posix()
    try:
        text = read_author_text(text_path, shown_text)
    except FileNotFoundError:
        raise fields.error("text", f"the text file '{shown_text}' does not exist",
                           "put the clinic's text in that file, one paragraph per line, "
                           "or correct the file name") from None
    blocks = parse_case_text(text, shown_text)
    if not any(block.type == "paragraph" for block in blocks):
        raise AuthoringError(shown_text, "the text file has no paragraphs",
                             "paste the clinic's text into it, one paragraph per line")
    return Case(id=path.stem, title=fields.text("title"), publisher=fields.text("publisher"),
                country=fields.text("country"), offered=fields.text("offered"),
                date_shown=fields.text("date_shown"), language=fields.text("language"),
                omissions=fields.text("omissions"), blocks=blocks, text_path=shown_text,
                real=fields.boolean("real", default=True))


def load_cases(folder: Path, root: Path) -> dict[str, Case]:
    """Every case in `folder` (one .yml and one .txt each), by id, in file-name order.
    The problems of all cases are reported together."""
    cases: dict[str, Case] = {}
    problems = Collector()
    for path in sorted(folder.glob("*.yml")):
        with problems.attempt():
            case = load_case(path, root)
            cases[case.id] = case
    problems.raise_if_any()
    return cases
