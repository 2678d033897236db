"""A text the teacher pastes, keyed live by the class: its paragraphs numbered and its sentences
split as a case's are (cases.py, sentences.py), the students' marks, the count per sentence
and kind, the key the teacher makes of them, each student's score, and the files an author
adds to the module with `make new-case` and `make new-exercise`.

The text stays text: it is kept and sent as strings, and every page shows it with textContent.
It and its key are kept in the class file, in the data folder, never in the site.
"""

from __future__ import annotations

import io
import json
import secrets
import time
import zipfile
from collections import Counter

import yaml

from ..cases import parse_case_text
from ..contract import ID_PATTERN, SENTENCE_ID
from ..errors import AuthoringError
from ..placeholders import PLACEHOLDER
from ..sentences import split_sentences

MAX_PASTED = 20000     # characters of a pasted text
MAX_TITLE = 120


class PastedError(ValueError):
    """A text, marks or key refused; the message says what to do."""


def _dump(data) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def numbered(text: str) -> list[dict]:
    """The text's blocks: headings, and paragraphs numbered from 1 whose sentences are numbered
    s1, s2, ... through the whole text, as a case's text is for an exercise on it."""
    try:
        blocks = parse_case_text(text, "the pasted text")
    except AuthoringError as problem:
        where = f"Line {problem.line}: " if problem.line else ""
        raise PastedError(f"{where}{problem.problem}. What to do: {problem.fix}.") from None
    shown, count = [], 0
    for block in blocks:
        if block.type == "heading":
            shown.append({"heading": block.text})
        elif block.type == "paragraph":
            sentences = []
            for sentence in split_sentences(block.text):
                count += 1
                sentences.append({"id": f"s{count}", "text": sentence.strip()})
            shown.append({"number": block.number, "sentences": sentences})
    if not count:
        raise PastedError("The text has no sentences: paste at least one paragraph.")
    return shown


def sentence_ids(pasted: dict) -> list[str]:
    return [s["id"] for block in pasted["blocks"] for s in block.get("sentences", [])]


def new_text(title, text) -> dict:
    if not isinstance(text, str) or not text.strip():
        raise PastedError("Paste a text first (an advert, a message, a clinic's page).")
    if len(text) > MAX_PASTED:
        raise PastedError(f"The text is too long: paste at most {MAX_PASTED} characters.")
    title = " ".join(str(title or "").split())[:MAX_TITLE] or "A pasted text"
    return {"id": secrets.token_hex(4), "title": title, "text": text,
            "blocks": numbered(text.replace("\r\n", "\n")), "key": None, "keyFrom": None}


def load(store) -> dict | None:
    rows = store._read("SELECT value FROM lead WHERE name = 'pasted'")
    return json.loads(rows[0][0]) if rows else None


def save(store, pasted: dict) -> None:
    text = json.dumps(pasted, ensure_ascii=False)
    store._write(lambda db: db.execute(
        "INSERT OR REPLACE INTO lead (name, value) VALUES ('pasted', ?)", (text,)))


def checked_marks(pasted: dict, marks, kinds: dict) -> dict:
    """A student's marks {"s<n>": claim kind}, every sentence and kind known."""
    known = set(sentence_ids(pasted))
    if not isinstance(marks, dict) or len(marks) > len(known):
        raise PastedError("Send 'marks': each sentence you marked and its kind of claim.")
    for sentence, kind in marks.items():
        if not SENTENCE_ID.fullmatch(str(sentence)) or sentence not in known:
            raise PastedError(f"The text has no sentence '{str(sentence)[:20]}'.")
        if not isinstance(kind, str) or kind not in kinds:
            raise PastedError(f"'{str(kind)[:40]}' is not a kind of claim.")
    return marks


def save_marks(store, student: str, pasted: dict, marks: dict) -> None:
    text = json.dumps(marks)
    store._write(lambda db: db.execute(
        "INSERT OR REPLACE INTO pasted_marks (student, text_id, marks, at) VALUES (?, ?, ?, ?)",
        (student, pasted["id"], text, time.time())))


def all_marks(store, pasted: dict) -> dict:
    return {student: json.loads(marks) for student, marks in store._read(
        "SELECT student, marks FROM pasted_marks WHERE text_id = ?", (pasted["id"],))}


def counts(marks_by_student: dict) -> dict:
    """Per sentence, how many students marked it as each kind: {"s3": {"benefit": 2}}."""
    per: dict = {}
    for marks in marks_by_student.values():
        for sentence, kind in marks.items():
            per.setdefault(sentence, Counter())[kind] += 1
    return {sentence: dict(counter) for sentence, counter in per.items()}


def class_key(pasted: dict, marks_by_student: dict) -> dict:
    """The class's judgement: a sentence is a claim when more than half the students who sent
    marks marked it, of the kind most of them gave (ties: the first kind given most)."""
    voters = len(marks_by_student)
    key = {}
    for sentence, by_kind in counts(marks_by_student).items():
        if voters and sum(by_kind.values()) * 2 > voters:
            key[sentence] = max(by_kind.items(), key=lambda pair: pair[1])[0]
    return key


def checked_key(pasted: dict, key, kinds: dict) -> dict:
    """The teacher's own key, checked as a student's marks are."""
    return checked_marks(pasted, key, kinds)


def score(key: dict, marks: dict) -> dict:
    """Claims found with the key's kind out of the key's claims; sentences marked that the key
    does not hold are counted apart (they cost nothing, but the student sees them)."""
    return {"got": sum(1 for s, kind in marks.items() if key.get(s) == kind),
            "outOf": len(key), "notClaims": sum(1 for s in marks if s not in key)}


def scores_spread(key: dict, marks_by_student: dict) -> list[dict]:
    """How many students got each score: counts only, no names, for the projector."""
    spread = Counter(score(key, marks)["got"] for marks in marks_by_student.values())
    return [{"got": got, "count": spread[got]} for got in range(len(key), -1, -1) if spread[got]]


def author_files(pasted: dict, name: str, concept: str) -> dict[str, str]:
    """The text and its key as files an author adds to the module: the case's .txt and .yml
    and a mark-claims exercise on it, placeholders where only the author can say (the build
    refuses them until filled in), and a note of the two commands that make the rest."""
    if not ID_PATTERN.fullmatch(name):
        raise PastedError("Give the case a name of lower-case letters, digits and hyphens, "
                          "e.g. clinic-advert.")
    lines = []
    for block in pasted["blocks"]:
        lines.append("## " + block["heading"] if "heading" in block
                     else " ".join(s["text"] for s in block["sentences"]))
    sentences = {s["id"]: s["text"] for b in pasted["blocks"] for s in b.get("sentences", [])}
    case = {"title": f"{PLACEHOLDER} {pasted['title']}, Country", "text": f"{name}.txt",
            "publisher": f"{PLACEHOLDER} who publishes the text",
            "country": f"{PLACEHOLDER} country (city)",
            "offered": f"{PLACEHOLDER} what the text offers, in plain words",
            "date_shown": f"{PLACEHOLDER} the date the text shows, or: No date is shown.",
            "language": "As pasted in class.", "omissions": "Nothing is left out.", "real": True}
    exercise = {"title": f"Find the claims: {pasted['title']}", "kind": "mark-claims",
                "case": name, "intro": f"{PLACEHOLDER} what learners do with this text."}
    items = {f"claim-{sentence[1:]}": {"quote": sentences[sentence], "answer": kind,
                                       "feedback": f"{PLACEHOLDER} why this sentence makes a claim.",
                                       "concept": concept}
             for sentence, kind in sorted((pasted.get("key") or {}).items(),
                                          key=lambda pair: int(pair[0][1:]))}
    note = (f"A text keyed in class: {pasted['title']}\n\n"
            f"1. In the module's folder run: make new-case NAME={name}\n"
            f"2. Then: make new-exercise ID={name}-claims KIND=mark-claims CASE={name}\n"
            "3. Copy the files of this folder over the ones the two commands wrote, then fill\n"
            f"   in every text starting with {PLACEHOLDER} (the build refuses them until you do).\n"
            "The guide teachers/authoring.md explains every field.\n")
    return {f"exercises/cases/{name}.txt": "\n".join(lines) + "\n",
            f"exercises/cases/{name}.yml": "# A text pasted and keyed in class.\n" + _dump(case),
            f"exercises/{name}-claims/exercise.yml": _dump(exercise),
            f"exercises/{name}-claims/key.yml": "# The key the class made in the lesson.\n"
                                                + _dump({"items": items}),
            "HOW-TO-ADD.txt": note}


def as_zip(files: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, text in files.items():
            archive.writestr(path, text)
    return buffer.getvalue()
