"""Paper worksheets: `make worksheets` (python -m classroom.worksheets) writes PDFs for a lesson
without devices into dist/worksheets/.

- one worksheet per exercise set (the exercises one page of the site shows: a lesson's practice,
  a practice page, the comparison): a name and class line, the items numbered as in the answer
  key, boxes to write in, no screen instructions and never any feedback;
- one answer grid per set, on one page, for marking (item, answer, paragraph): filled-in keys,
  so they go in a folder of their own, for-teachers/, apart from the students' sheets;
- a form of the measuring test (`form: A`) is a set of its own, and has a one-page answer
  sheet for each student (a name, a row of letter boxes per question) that the teacher collects;
- one sheet per case text, its paragraphs numbered, with a margin to code the claims in.

The HTML comes from Jinja templates in classroom/templates/worksheets/; headless Chromium prints
it (the same browser and Playwright the tests use). Only stable parts of the module's data are
read: exercises, placements, the case texts' paragraphs and the vocabularies' labels.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import unicodedata
from functools import cache
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from .errors import AuthoringError
from .project import Module
from .render import render

ROOT = Path(__file__).resolve().parent.parent
STYLE = Path(__file__).parent / "templates" / "worksheets" / "worksheet.css"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
MOST_PAGES = 4  # a worksheet a teacher will photocopy for 30 students
KEYS_FOLDER = "for-teachers"  # the filled-in answer grids, never to be copied for students
ANSWER_LINES = 12  # ruled lines for an open answer


@dataclass(frozen=True)
class ExerciseSet:
    """The exercises one page of the site shows, in the order it shows them."""
    name: str  # the PDF's file name without .pdf, e.g. "practice-iskitim"
    title: str
    page: str  # its page inside docs/
    exercises: tuple


@dataclass(frozen=True)
class Document:
    name: str  # file name without .pdf
    title: str
    html: str
    most_pages: int


def exercise_sets(module: Module) -> list[ExerciseSet]:
    """One set per page that shows exercises, in teaching order (the order of the index)."""
    pages: dict[tuple[str, str], list] = {}
    for exercise in module.exercises.values():
        # A form of the test is handed out alone: a class takes form A or form B, not both.
        alone = exercise.id if exercise.form else ""
        pages.setdefault((module.placements[exercise.id], alone), []).append(exercise)
    sets = []
    for (page, alone), exercises in pages.items():
        folder, stem = page[:-3].split("/")[-2:] if "/" in page else ("", page[:-3])
        name = alone or f"{'lesson' if folder == 'lessons' else folder or 'page'}-{stem}"
        title = exercises[0].title if len(exercises) == 1 else _page_title(module.root, page)
        sets.append(ExerciseSet(name=name, title=title, page=page, exercises=tuple(exercises)))
    return sets


def _page_title(root: Path, page: str) -> str:
    """The page's own heading (its first '# ' line), which teachers know it by."""
    for line in (root / "docs" / page).read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page


def cases_in(module: Module) -> list:
    """The case texts the exercises use, each once, in the order they are first used."""
    found: dict[str, object] = {}
    for exercise in module.exercises.values():
        if exercise.case is not None:
            found.setdefault(exercise.case.id, exercise.case)
    return list(found.values())


def claim_codes(index) -> dict[str, str]:
    """A letter per kind of claim for the margin: the label's first letter, or, when another
    kind has it already, the first letter of its last word (Better than others: O)."""
    codes: dict[str, str] = {}
    for kind_id, term in index.claim_kinds.items():
        words = term.label.split()
        for letter in (words[0][0].upper(), words[-1][0].upper(), *term.label.upper()):
            if letter.isalpha() and letter not in codes.values():
                codes[kind_id] = letter
                break
    return codes


def paragraph_of(case, quote: str) -> int | None:
    """The number of the case paragraph that holds `quote` (None: no quote, or not in the text)."""
    if case is None or not quote.strip():
        return None
    return next((block.number for block in case.paragraphs if quote.strip() in block.text), None)


def _options_answered(item) -> str:
    """The letters of the right options, as the worksheet shows them (a, b, ...)."""
    answers = item.answer if isinstance(item.answer, (tuple, list)) else (item.answer,)
    return ", ".join(_letter(position) for position, option in enumerate(item.options)
                     if option.id in answers)


@cache
def emoji_font() -> bool:
    """Has this computer a font with emoji (fontconfig knows one)? No web font is ever fetched."""
    try:
        return bool(subprocess.run(["fc-list", ":charset=1f517"], capture_output=True, text=True,
                                   timeout=30).stdout.strip())
    except (OSError, subprocess.SubprocessError):
        return False


def printable(text: str) -> str:
    """The text as paper shows it: an emoji this computer has no font for is named in words
    (a 🔗 prints as "[link symbol]"), never as an empty box."""
    if emoji_font():
        return text
    return "".join(f"[{unicodedata.name(c, 'symbol').lower()}]"
                   if unicodedata.category(c) == "So" and ord(c) >= 0x1F000 else c for c in text)


def _letter(position: int) -> str:
    return "abcdefghijklmnopqrstuvwxyz"[position]


def _context(module: Module) -> dict:
    index = module.index
    return {"style": Markup(STYLE.read_text(encoding="utf-8")),  # our own file, not escaped
            "codes": claim_codes(index),
            "claim_kinds": index.claim_kinds, "ladder": list(index.evidence_levels.values()),
            "step": {level: number for number, level in enumerate(index.evidence_levels, 1)},
            "missing_answers": list(index.missing_info_answers.values()),
            "paragraph_of": paragraph_of, "letter": _letter, "answer_lines": ANSWER_LINES,
            "options_answered": _options_answered, "printable": printable}


def documents(module: Module) -> list[Document]:
    """Every worksheet, answer grid and case sheet, as finished HTML."""
    context = _context(module)
    result = []
    for exercise_set in exercise_sets(module):
        result.append(Document(exercise_set.name, exercise_set.title, render(
            "worksheets/set.html", set=exercise_set, **context), MOST_PAGES))
        result.append(Document(f"{KEYS_FOLDER}/{exercise_set.name}-key", f"Answer grid: {exercise_set.title}",
                               render("worksheets/answers.html", set=exercise_set, **context), 1))
        for form in (exercise for exercise in exercise_set.exercises if exercise.form):
            result.append(Document(f"{form.id}-sheet", f"Answer sheet: {form.title}", render(
                "worksheets/answer-sheet.html", ex=form, **context), 1))
    for case in cases_in(module):
        result.append(Document(f"case-{case.id}", case.title,
                               render("worksheets/case.html", case=case, **context), MOST_PAGES))
    return result


FOOTER = ('<div style="font: 8pt sans-serif; width: 100%; margin: 0 14mm; display: flex; '
          'justify-content: space-between"><span class="title"></span>'
          '<span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>'
          '</div>')


def print_pdfs(docs: list[Document], out: Path, chromium: str = CHROMIUM) -> list[Path]:
    """Print each document to out/<name>.pdf, A4, with headless Chromium."""
    from playwright.sync_api import sync_playwright  # installed with the test requirements

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        # Nothing outside the document may load: the worksheets are made offline too.
        page.route("**/*", lambda route: route.abort())
        for doc in docs:
            page.set_content(doc.html, wait_until="load")
            path = out / f"{doc.name}.pdf"
            path.parent.mkdir(parents=True, exist_ok=True)
            page.pdf(path=str(path), format="A4", print_background=True,
                     display_header_footer=True, header_template="<span></span>",
                     footer_template=FOOTER, prefer_css_page_size=True)
            written.append(path)
        browser.close()
    return written


def page_count(path: Path) -> int:
    from pypdf import PdfReader  # installed with the test requirements

    return len(PdfReader(path).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m classroom.worksheets",
                                     description="Print the paper worksheets as PDFs.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "worksheets",
                        help="folder for the PDFs (default: dist/worksheets)")
    parser.add_argument("--chromium", default=CHROMIUM, help="the Chromium to print with")
    args = parser.parse_args(argv)
    for old_key in args.out.glob("*-answers.pdf"):  # keys an older version wrote beside the sheets
        old_key.unlink()
    if not Path(args.chromium).exists():
        print(f"Chromium was not found at {args.chromium}. Install it with `make chromium` "
              "(Debian: apt-get install chromium), then run `make worksheets` again.",
              file=sys.stderr)
        return 1
    try:
        docs = documents(Module.load(ROOT))
    except AuthoringError as error:
        print(error, file=sys.stderr)
        return 1
    too_long = []
    for doc, path in zip(docs, print_pdfs(docs, args.out, args.chromium)):
        pages = page_count(path)
        print(f"{path}  {pages} page{'s' if pages > 1 else ''}  {doc.title}")
        if pages > doc.most_pages:
            too_long.append(f"{path.name} has {pages} pages; it should fit on {doc.most_pages}")
    for problem in too_long:
        print(f"Too long: {problem}. Shorten or split the exercises it holds.", file=sys.stderr)
    return 1 if too_long else 0


if __name__ == "__main__":
    sys.exit(main())
