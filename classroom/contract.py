"""The contract between the Python build and the page script, written down once.

The build writes each exercise as HTML with data-* attributes, and hands the script JSON:

- `data-exercise="<id>"`, `data-kind="<kind>"` on an exercise's <section>; `data-item="<id>"`
  and `data-version="<fingerprint>"` on each item (the one item of a mark-claims exercise has
  the id TEXT_ITEM); `data-option="<id>"` on a choice; `data-sentence="s<n>"` on a sentence;
  `data-feedback`, `data-notice`, `data-score`, `data-summary`, `data-action="check|retry|
  solution"` for the parts the script fills in or listens to.
- `<script type="application/json" data-key>`: the exercise's key, built by exercise_key().
- `<script type="application/json" data-registry>` on My answers: registry(), no answers.
- The page script itself starts with `const CONTRACT = …` (limits() below) and
  `const WORDS = …` (the learner-facing words, classroom/words/<language>.yml).

Saved answers (localStorage "whc:v1:<exercise id>", and the file My answers downloads) are
`{items: {<item id>: {v: <version>, r: <response>}}, score: [got, out of]}`; a response is a
string (one choice, or an open answer), a list of option ids, or {"s<n>": <claim kind>}.
All JSON keys are camelCase.
"""

from __future__ import annotations

import re

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")
ID_RULE = "use lower-case letters, digits and hyphens only, starting with a letter or digit"
SENTENCE_ID = re.compile(r"s[0-9]{1,5}")
TEXT_ITEM = "text"             # the item id of a mark-claims exercise's whole text
STORAGE_PREFIX = "whc:v1:"
FILE_FORMAT = "weighing-health-claims-answers"
MAX_TEXT = 20000               # characters of one open answer
MAX_CHOSEN = 50                # options chosen in one item
MAX_MARKS = 2000               # sentences marked in one text
MAX_NAME = 120                 # characters of a learner's name


def limits() -> dict:
    """The limits the script checks saved and loaded answers against."""
    return {"idPattern": f"^{ID_PATTERN.pattern}$", "sentencePattern": f"^{SENTENCE_ID.pattern}$",
            "textItem": TEXT_ITEM, "storagePrefix": STORAGE_PREFIX, "fileFormat": FILE_FORMAT,
            "maxText": MAX_TEXT, "maxChosen": MAX_CHOSEN, "maxMarks": MAX_MARKS,
            "maxName": MAX_NAME}


def exercise_key(exercise, index) -> dict:
    """An exercise's key as the browser gets it, in <script data-key> (search skips it, and a
    printed worksheet shows none of it): {"items": {<id>: {answer, also?, reasons?, feedback,
    concept, …}}, "vocabulary": {<id>: {label, definition}}}, plus, for mark-claims,
    "notClaims" {"s<n>": reason} and "notAClaim" (the default reason). The same payload is
    what the Python scorers read, so the browser and the laptop judge from one source.
    A check-up (`assessment: true`) gets only the vocabulary: its key stays on the laptop."""
    key = exercise.handler.exercise_key(exercise, index)
    if exercise.assessment:
        return {"items": {}, "vocabulary": key["vocabulary"]}
    return key


def full_key(exercise, index) -> dict:
    """The whole key, check-ups included: for the laptop's scorers, never for a page."""
    return exercise.handler.exercise_key(exercise, index)


def registry(exercises, urls: dict[str, str], index) -> dict:
    """What My answers needs to list and print answers, with no answers and no feedback:
    {"exercises": [{id, title, kind, url, items: [{id, version, label, options}], labels}]}."""
    entries = []
    for exercise in exercises:
        kind = exercise.handler
        entries.append({
            "id": exercise.id, "title": exercise.title, "kind": exercise.kind,
            "url": urls[exercise.id], "items": kind.saved_items(exercise),
            "labels": {term.id: term.label for term in kind.vocabulary(index).values()}})
    return {"exercises": entries}
