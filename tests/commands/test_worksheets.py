"""`make worksheets` prints paper worksheets, answer grids and case sheets as PDFs.

The PDFs are made once, by the same command `make worksheets` runs, and read back with pypdf:
what is tested is the text a teacher would photocopy and the number of pages it takes."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

from classroom.kinds import KINDS
from classroom.render import render
from classroom.worksheets import STYLE, claim_codes, documents, exercise_sets, printable

ROOT = Path(__file__).resolve().parents[2]
# Words that only make sense on a screen, or that would give feedback away.
SCREEN_WORDS = re.compile(r"\bCheck\b(?!-up)|(?i:\b(try again|show solution|click|tap|press|browser|"
                          r"saved|screen)\b|\b(right|wrong):)")


def plain(text: str) -> str:
    """PDF text as words: ligatures undone, spacing evened out, and symbols left out (a link
    emoji has no glyph in the print fonts and comes back from the PDF as a control character)."""
    return " ".join("".join(c for c in unicodedata.normalize("NFKC", text)
                            if unicodedata.category(c) not in ("Cc", "So")).split())


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("worksheets")
    result = subprocess.run([sys.executable, "-m", "classroom.worksheets", "--out", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


def read(path: Path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), plain(" ".join(page.extract_text() for page in reader.pages))


def test_one_worksheet_and_answer_grid_per_set_and_a_sheet_per_case(printed, module):
    sets = exercise_sets(module)
    names = {path.relative_to(printed).as_posix() for path in printed.rglob("*.pdf")}
    cases = {exercise.case.id for exercise in module.exercises.values() if exercise.case}
    forms = {exercise.id for exercise in module.exercises.values() if exercise.form}
    expected = ({f"{s.name}.pdf" for s in sets} | {f"for-teachers/{s.name}-key.pdf" for s in sets}
                | {f"case-{case}.pdf" for case in cases} | {f"{form}-sheet.pdf" for form in forms})
    assert names == expected
    # The sets follow the site: the six lesson practices, the two texts and the comparison.
    assert {s.name for s in sets} >= {"practice-iskitim", "practice-mardaleishvili",
                                      "practice-iskitim-evidence", "practice-iskitim-missing",
                                      "practice-compare", "lesson-01-what-is-a-health-claim"}


def test_page_counts(printed, module):
    counts = {path.name: read(path)[0] for path in printed.rglob("*.pdf")}
    for name, pages in counts.items():
        if name.endswith("-key.pdf"):
            assert pages == 1, f"the answer grid {name} should fit on one page, not {pages}"
        else:
            assert 1 <= pages <= 4, f"{name} has {pages} pages; a worksheet has 1 to 4"
    assert counts["practice-iskitim-missing.pdf"] >= 2 and counts["case-iskitim.pdf"] >= 2


def test_worksheets_have_a_name_line_numbered_items_and_no_feedback(printed, module):
    for exercise_set in exercise_sets(module):
        pages, text = read(printed / f"{exercise_set.name}.pdf")
        first_page = plain(PdfReader(printed / f"{exercise_set.name}.pdf").pages[0].extract_text())
        assert "Name Class" in first_page, f"{exercise_set.name}: no name and class line"
        assert not SCREEN_WORDS.search(text), \
            f"{exercise_set.name}: screen words on paper: {SCREEN_WORDS.search(text).group(0)}"
        position = 0
        for exercise in exercise_set.exercises:
            # PDF text loses the space where a line wraps, so a title's words may touch.
            words = r"\s?".join(re.escape(word) for word in plain(exercise.title).split())
            position = re.compile(words).search(text, position).start()
            for number, item in enumerate(exercise.items, start=1):
                for secret in exercise.handler.key_texts(item):
                    assert plain(secret)[:60] not in text, f"key text printed: {item.id}"
                if exercise.kind == "mark-claims":
                    continue  # claims are marked on the case sheet; the key lists them
                # Item n is numbered n and comes after item n-1, as in the answer key.
                shown = plain(item.quote if exercise.kind == "evidence-level" else item.prompt)
                start = " ".join(shown.split()[:5])
                found = text.find(f"{number}. {start}", position)
                if found < 0:  # a quote starts with an opening quotation mark
                    found = text.find(f"{number}. “{start}", position)
                assert found >= 0, f"{exercise.id}: item {number} '{start}' not in order"
                position = found
            if exercise.kind == "mark-claims":
                codes = claim_codes(module.index)
                assert all(f"{codes[k]} {t.label}" in text
                           for k, t in module.index.claim_kinds.items())


def test_missing_info_entries_have_room_for_a_paragraph_number(printed, module):
    _, text = read(printed / "practice-iskitim-missing.pdf")
    missing = module.exercises["iskitim-missing"]
    section = text[text.index(plain(missing.title)):]
    assert section.count("Paragraph") >= len(missing.items)
    assert section.count("Yes Partly No") >= len(missing.items)


def test_answer_grid_gives_answer_and_paragraph_per_item(printed, module):
    pages, text = read(printed / "for-teachers" / "practice-iskitim-evidence-key.pdf")
    assert pages == 1 and "for the teacher" in text.lower()
    assert not SCREEN_WORDS.search(text)
    evidence = module.exercises["iskitim-evidence"]
    labels = {term_id: term.label for term_id, term in module.index.evidence_levels.items()}
    steps = {term_id: number for number, term_id in enumerate(module.index.evidence_levels, 1)}
    # Table cells come back from the PDF with or without spaces between them: compare without.
    squashed = re.sub(r"\s", "", text)
    position = squashed.index(re.sub(r"\s", "", evidence.title))
    for number, item in enumerate(evidence.items, start=1):
        where = next(b.number for b in evidence.case.paragraphs if item.quote in b.text)
        row = re.sub(r"\s", "", f"{number} {steps[item.answer]} {labels[item.answer]} {where}")
        position = squashed.index(row, position)  # in order: item, step, label, paragraph
    for item in evidence.items + module.exercises["iskitim-tricky"].items:
        assert plain(item.feedback)[:60] not in text


def test_case_sheet_numbers_every_paragraph_and_keeps_headings_and_omissions(printed, module):
    case = module.exercises["iskitim-claims"].case
    pages, text = read(printed / f"case-{case.id}.pdf")
    assert "Name Class" in text
    position = 0
    types = set()
    for block in case.blocks:  # in the text's order: paragraphs numbered, the rest as on screen
        start = " ".join(plain(printable(block.text)).split()[:4])  # an emoji maybe in words
        found = {"paragraph": f"{block.number} {start}", "heading": start,
                 "omission": f"[Left out here: {start}"}[block.type]
        position = text.index(found, position)
        types.add(block.type)
    assert types == {"paragraph", "heading", "omission"}, "the Iskitim text should show all three"


def test_text_from_data_files_is_printed_as_text_not_markup():
    item = SimpleNamespace(id="x", prompt="<b>Is this bold?</b> Choose one.", quote="<i>q</i>",
                           answer="a", options=[SimpleNamespace(id="a", text="<script>x</script>")])
    exercise = SimpleNamespace(id="x", title="T & <u>u</u>", kind="choice", items=[item], case=None,
                               handler=KINDS["choice"], form="")
    html = render("worksheets/set.html", set=SimpleNamespace(title="S", exercises=[exercise]),
                  style=STYLE.read_text(), codes={}, claim_kinds={}, ladder=[], step={},
                  missing_answers=[], paragraph_of=lambda case, quote: None,
                  letter=lambda n: "abc"[n], answer_lines=1, options_answered=None)
    assert "<script>x" not in html and "&lt;script&gt;x" in html
    assert "<b>Is" not in html and "T &amp; &lt;u&gt;" in html


@pytest.mark.parametrize("real, says, never", [
    (True, "A real clinic's web page, exactly as it was captured", "made-up"),
    (False, "A made-up clinic's web page, written for practice", "A real clinic")])
def test_a_case_sheet_says_whether_its_case_is_real_or_made_up(module, real, says, never):
    case = replace(module.exercises["iskitim-claims"].case, real=real)
    exercises = {exercise_id: replace(exercise, case=case) if exercise.case else exercise
                 for exercise_id, exercise in module.exercises.items()
                 if exercise.case is None or exercise.case.id == case.id}
    sheets = documents(replace(module, exercises=exercises))
    sheet = next(d for d in sheets if d.name == f"case-{case.id}")
    assert says in sheet.html and never not in sheet.html


# The forms of the measuring test on paper

def forms_in(module) -> list:
    return [exercise for exercise in module.exercises.values() if exercise.form]


def test_each_form_prints_alone_with_a_one_page_answer_sheet_to_collect(printed, module):
    forms = forms_in(module)
    assert sorted(form.form for form in forms) == ["A", "B"]
    for form in forms:
        other = next(exercise for exercise in forms if exercise is not form)
        _, worksheet = read(printed / f"{form.id}.pdf")
        assert " ".join(plain(form.items[0].question).split()[:8]) in worksheet
        assert " ".join(plain(other.items[0].question).split()[:8]) not in worksheet
        pages, sheet = read(printed / f"{form.id}-sheet.pdf")
        assert pages == 1, f"{form.id}'s answer sheet takes {pages} pages of A4"
        assert PdfReader(printed / f"{form.id}-sheet.pdf").pages[0].mediabox.height == \
            pytest.approx(842, abs=1)  # A4 in points
        assert "Name Class Date" in sheet and f"form {form.form}".lower() in sheet.lower()
        rows = re.findall(r"(\d{1,2}) a b c", sheet)  # PDF text may join a row to the next
        assert rows == [str(number) for number in range(1, len(form.items) + 1)] and len(rows) == 18
        assert not SCREEN_WORDS.search(sheet)


def test_a_students_answer_sheet_carries_no_key(printed, module):
    for form in forms_in(module):
        _, sheet = read(printed / f"{form.id}-sheet.pdf")
        assert not [text for text in key_texts(form) if plain(text)[:40] in sheet]
        # The same sheet whatever the key says: nothing on it depends on the answers.
        shifted = replace(form, items=tuple(replace(item, answer=item.options[-1].id,
                                                    feedback="") for item in form.items))
        sheets = {doc.name: doc.html for doc in documents(replace(
            module, exercises={**module.exercises, form.id: shifted}))}
        original = {doc.name: doc.html for doc in documents(module)}
        assert sheets[f"{form.id}-sheet"] == original[f"{form.id}-sheet"]
        assert sheets[f"for-teachers/{form.id}-key"] != original[f"for-teachers/{form.id}-key"]  # the key does


def key_texts(exercise) -> list[str]:
    return [text for item in exercise.items for text in exercise.handler.key_texts(item)]


def test_keys_are_apart_and_emoji_never_print_as_empty_boxes(printed):
    # The filled-in keys, the check-up's too, sit in their own folder, not beside the sheets.
    assert not list(printed.glob("*-key.pdf")) and not list(printed.glob("*-answers.pdf"))
    assert (printed / "for-teachers" / "practice-check-up-key.pdf").exists()
    from classroom.worksheets import emoji_font
    _, text = read(printed / "case-iskitim.pdf")
    if not emoji_font():  # no emoji font on this computer: the symbol is named in words
        assert "[link symbol]" in text
