"""The contract between the Python build and the page scripts, written down once.

Every name both sides use is declared here as data: the data-* attributes the templates write
and the scripts read (ATTRIBUTES; tests/unit/test_contract.py fails on any other), the class
cookie, the API prefix, the storage keys, the check-up feedback modes and the verdicts. They
reach the scripts as `const CONTRACT = …` (limits(), at the top of each script, written by
script_preamble()) and the templates as the Jinja globals `limits` and `contract`.

- `<script type="application/json" data-key>`: the exercise's key, built by exercise_key().
- `<script type="application/json" data-registry>` on My answers: registry(), no answers.

Saved answers (localStorage "whc:v1:<exercise id>", and the file My answers downloads) are
`{items: {<item id>: {v: <version>, r: <response>}}, score: [got, out of]}`; a response is a
string (one choice, or an open answer), a list of option ids, or {"s<n>": <claim kind>}.
All JSON keys are camelCase.
"""

from __future__ import annotations

import json
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
MAX_REASON = 600               # characters of an appeal's reason, or the teacher's reply to it
MAX_BATCH_BYTES = 512 * 1024   # bytes (UTF-8) of one request to the class-mode API: a batch
# So that one student or one device cannot hurt the class (classmode/quotas.py): over a limit,
# a 429 with a reason and Retry-After, and the page keeps the answers and tries again then.
STUDENT_EVENTS_PER_MINUTE = 120          # answers, Checks and renames; as many at once
STUDENT_BYTES_PER_LESSON = 2 * 1024 * 1024  # bytes (UTF-8) of one student's answers in a lesson
DEVICE_JOINS_PER_MINUTE = 10             # joins from one device (address); as many at once

CLASS_COOKIE = "whc-class"     # set by the classroom server in class mode; its value is the port
API_PREFIX = "/api/"           # the class-mode API, on the classroom server only
# What the browser keeps (localStorage): saved answers under STORAGE_PREFIX + exercise id, and
# class mode's own records.
STORAGE_KEYS = {"answers": STORAGE_PREFIX, "classMe": "whc:class:me",
                "classOutbox": "whc:class:outbox", "classSkip": "whc:class:skip",
                "classAside": "whc:class:aside",  # answers the laptop refused, kept, not sent
                "classLeft": "whc:class:left",  # the laptop forgot this browser (deleted)
                "textPart": STORAGE_PREFIX + "~part:"}  # + exercise id: Find the claims' paragraphs shown
# When learners see feedback in a check-up: at once, after they hand in, when the teacher says.
FEEDBACK_MODES = ("at-once", "after-handin", "release")
# A scorer's verdict on one item; an open answer is only ever "answered" (no score).
VERDICTS = ("right", "partly", "wrong", "unanswered", "answered")

# Every data-* attribute the templates write or the scripts read (as "data-x" or dataset.x),
# and what it says. Material's own data-md-* attributes are the theme's, not ours.
ATTRIBUTES = {
    # An exercise and its parts (templates/exercise.html, items.html, the kinds' widgets).
    "data-exercise": "an exercise's <section>, with its id",
    "data-kind": "the exercise's kind, on its <section>",
    "data-exercise-case": "the case text an exercise is about, on its <section> (to link its paragraphs)",
    "data-assessment": "the exercise is a check-up (its key stays on the laptop)",
    "data-key": "<script type=application/json> holding the exercise's key",
    "data-item": "one item, with its id (TEXT_ITEM for a mark-claims text)",
    "data-version": "an item's fingerprint; an answer saved for another version is set aside",
    "data-option": "one option of a choice item, with its id",
    "data-feedback": "where an item's feedback is written after Check",
    "data-solution": "a part the script shows as the solution (set by the script)",
    "data-notice": "where a notice is shown (an answer not saved, a file loaded)",
    "data-unsaved": "on a notice: the words key of the answers it warns are not saved",
    "data-score": "where the exercise's score is written",
    "data-summary": "where a mark-claims exercise's summary is written",
    "data-action": "a button and what it does (check, retry, solution, download…)",
    # Find the claims (kinds/mark_claims).
    "data-sentence": "one sentence of a case text, s<n>",
    "data-mark": "the claim kind a learner gave a sentence",
    "data-tag": "the visible label of a sentence's mark",
    "data-paragraph": "one paragraph of a mark-claims text, with its number",
    "data-part": "the chooser of which paragraphs of a long text to show",
    "data-part-from": "the first paragraph shown",
    "data-part-to": "the last paragraph shown",
    "data-part-all": "the button that shows the whole text",
    "data-legend": "the list of claim kinds and their keys",
    # A case page (templates/case.md) and the projector.
    "data-case": "a case text, with the case's id",
    "data-para": "a numbered paragraph of a case text",
    "data-omission": "a marker for what the capture left out",
    "data-whc-projector": "on <html>: the page is shown on a projector",
    "data-projector-bar": "a case page's bar naming the clinic in the projector view",
    "data-projector-back": "the projector bar's Back, which leaves the view",
    # My answers (templates/my-answers.html).
    "data-my-answers": "the My answers page's root",
    "data-registry": "<script type=application/json> listing every exercise (registry())",
    "data-learner-name": "the learner's name field",
    "data-name-ask": "My answers: the name asked for beside Download when none is given",
    "data-name-again": "My answers: the name field beside Download",
    "data-status": "where My answers says what it did (saved, loaded)",
    "data-answered": "a summary cell: how much of an exercise is answered",
    "data-last-score": "a summary cell: the exercise's last score",
    "data-summary-of": "the summary row of one exercise, with its id",
    "data-printout": "the printable copy of every answer",
    "data-saving": "a notice: this browser cannot save answers",
    "data-load-preview": "the preview of an answers file before it is loaded",
    "data-take": "a checkbox: take this exercise's answers from the file",
    # The class page (templates/class-page.html, classmode/class-page.js).
    "data-class-page": "the class page's root",
    "data-class-login": "the PIN form",
    "data-class-lesson": "the lesson chooser",
    "data-class-now": "controls that act on the current lesson only",
    "data-class-earlier": "a note shown for an earlier lesson",
    "data-class-download": "a results download link, with its format (csv, jsonl)",
    "data-class-board": "everything shown once the teacher is signed in",
    "data-class-checkup-state": "the check-up's state, in words",
    "data-class-feedback": "the check-up's feedback mode chooser (FEEDBACK_MODES)",
    "data-class-retake": "the student chooser of a check-up retake",
    "data-class-checkup-message": "what a check-up action did (a retake allowed, or why not)",
    "data-class-action": "a teacher's button and what it does",
    "data-class-message": "where the page answers the teacher",
    "data-class-files": "the answer files to import",
    "data-class-import-summary": "what an import did",
    "data-class-import-list": "the files an import read",
    "data-class-students": "the students table",
    "data-class-same-names": "records loaded from files that share a joined student's name",
    "data-class-waiting": "students who wait to be let in (a name in use, or a late join)",
    "data-class-list": "the class list the teacher pastes (one name a line)",
    "data-class-list-saved": "what saving the class list did",
    "data-class-names": "show or hide the students' names",
    "data-class-help": "who asked for help",
    "data-class-exercises": "the figures per exercise",
    "data-class-item": "one item's row, with its id",
    "data-class-spread": "the spread of scores",
    "data-class-open": "open answers to discuss",
    "data-class-updated": "when the figures were last updated",
    "data-class-saving": "the warning that answers are not being saved, and why",
    "data-class-unreachable": "the warning that the laptop's server did not answer",
    "data-class-pin": "the PIN for other devices (on the laptop's own class page only)",
    "data-class-pin-shown": "the PIN, or why it cannot be shown",
    "data-class-offline": "the notice that the laptop does not answer",
    "data-class-lead": "the link to the projector's view (leading from the front)",
    # Leading from the front (templates/lead.html, classmode/lead.js, scripts/class-follow.js).
    "data-lead": "the projector view's root",
    "data-lead-choose": "the form that chooses what to lead",
    "data-lead-source": "the chooser of an exercise, a case or the pasted text",
    "data-lead-action": "a step button (previous, next, reveal, skip)",
    "data-lead-where": "what is shown: the exercise and question, or the paragraph",
    "data-lead-quote": "the quoted words or paragraph shown",
    "data-lead-label": "the question shown",
    "data-lead-answered": "how many have answered",
    "data-lead-bars": "the spread of answers, in words and bars",
    "data-lead-key": "the key's answer and reasons, after Reveal",
    "data-lead-key-body": "where the key's answer and reasons are written",
    "data-lead-hands": "the show of hands",
    "data-lead-hands-form": "the form of a show of hands",
    "data-lead-hands-fields": "the numbers typed per answer",
    "data-lead-text": "the pasted text with the class's marks per sentence",
    "data-lead-files": "the form that saves the pasted text as an author's files",
    "data-lead-paste": "the form where the teacher pastes a new text",
    "data-lead-message": "what the projector view says went wrong",
    "data-follow": "on a student's page: what the teacher is showing from the front",
    "data-follow-text": "on a student's page: the pasted text to mark",
    # Argue with the key (scripts/class-appeal.js, classmode/class-appeals.js).
    "data-appeal": "a student's appeal box under an item's feedback, with the item's id",
    "data-appeal-kept": "on a page opened again: what became of an appeal, before any Check",
    "data-class-appeals": "the class page's list of appeals, per item",
    "data-class-also": "the answer key's list of answers accepted for this class",
    # The class page's test before and after (templates/class-measuring.html, class-measuring.js).
    "data-measure": "the before-and-after test's section",
    "data-measure-give": "the form that gives a form of the test as an occasion",
    "data-measure-forms": "the chooser of the form to give",
    "data-measure-message": "what giving, opening or releasing did",
    "data-measure-occasions": "the table of occasions given",
    "data-measure-paper": "the paper entry grid: a name, then one letter per question",
    "data-measure-occasion": "the occasion paper answers are typed for",
    "data-measure-entered": "what the last paper row did, or why it was refused",
    "data-measure-typed": "the paper rows typed on this page",
    "data-measure-report": "the class report by concept and occasion",
    "data-measure-items": "the item statistics of the forms and the check-up",
    "data-class-toc": "the class page's table of contents, built from its sections' headings",
    "data-class-summary": "the short summary announced when it changes",
    "data-class-printed-lesson": "the lesson's title and date on a printed class report",
    "data-class-checkup-glance": "the check-up's state on the first screen",
    "data-class-students-head": "the students table's header (one column per exercise)",
    "data-class-key-shown": "show the key's answers and reasons on the class page",
    "data-class-missed": "the items the class is missing most",
    "data-class-detail": "an item's answers, drawn under its row",
    "data-class-student": "one student's work",
    "data-class-title": "the title of the lesson shown",
    "data-class-title-saved": "what renaming the lesson did",
    "data-class-reports": "each student's work from a page of its own, for printing",
}


def limits() -> dict:
    """The CONTRACT object of the scripts: the limits saved and loaded answers are checked
    against, and every other name both sides share."""
    return {"idPattern": f"^{ID_PATTERN.pattern}$", "sentencePattern": f"^{SENTENCE_ID.pattern}$",
            "textItem": TEXT_ITEM, "storagePrefix": STORAGE_PREFIX, "fileFormat": FILE_FORMAT,
            "maxText": MAX_TEXT, "maxChosen": MAX_CHOSEN, "maxMarks": MAX_MARKS,
            "maxName": MAX_NAME, "maxBatchBytes": MAX_BATCH_BYTES, "maxReason": MAX_REASON,
            "classCookie": CLASS_COOKIE, "apiPrefix": API_PREFIX,
            "storageKeys": STORAGE_KEYS, "feedbackModes": list(FEEDBACK_MODES),
            "verdicts": list(VERDICTS)}


def script_preamble(words: dict) -> str:
    """The opening of every page script: a strict function scope holding CONTRACT and WORDS.
    The script ends with "})();"."""
    return ("(() => {\n\"use strict\";\n"
            f"const CONTRACT = {json.dumps(limits(), ensure_ascii=False)};\n"
            f"const WORDS = {json.dumps(words, ensure_ascii=False)};\n")


def exercise_key(exercise, index) -> dict:
    """An exercise's key as the browser gets it, in <script data-key> (search skips it, and a
    printed worksheet shows none of it): {"items": {<id>: {answer, also?, reasons?, feedback,
    concept, …}}, "vocabulary": {<id>: {label, definition}}}, plus, for mark-claims,
    "notClaims" {"s<n>": reason}, "either" {"s<n>": {kinds, feedback}} (sentences fair to mark
    or to leave) and "notAClaim" (the default reason). The same payload is
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
