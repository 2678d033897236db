"""My answers files on the class page: a class without a network hands in the files students saved
(classroom/scripts/my-answers.js downloadAnswers(); the format is in classroom/contract.py).

Each file becomes events of the student it names, as if they had answered live and pressed Check
(Hand in for a check-up) once per exercise; the laptop scores them, never the file's own score.
A file is taken whole or refused whole, with a reason in plain words. Its events get ids made
from its content, so loading the same file twice stores nothing new.
"""

from __future__ import annotations

import hashlib
import json

from ..contract import FILE_FORMAT, MAX_NAME
from .catalogue import Catalogue, EventError
from .names import without_bidi

MAX_FILE_CHARS = 400_000  # a class's My answers files are far smaller; the API takes 512 KiB


class FileRefused(ValueError):
    """A file the class page does not load; the message says why and what to do."""


def events_from_file(catalogue: Catalogue, text: str) -> tuple[str, list[dict]]:
    """(the student's name, their events) from the text of one My answers file."""
    if len(text) > MAX_FILE_CHARS:
        raise FileRefused("it is too large to be a My answers file")
    try:
        data = json.loads(text)
    except ValueError:
        raise FileRefused("it is not a My answers file (it cannot be read as one)") from None
    if not isinstance(data, dict) or data.get("format") != FILE_FORMAT or data.get("version") != 1:
        raise FileRefused("it is not a My answers file (made by Download on the My answers page)")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise FileRefused("it carries no name: ask the student to type their name on the My "
                          "answers page, then download the file again")
    name = " ".join(without_bidi(name).split())  # as a name typed to join (F12)
    if len(name) > MAX_NAME or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise FileRefused(f"its name is not a name (at most {MAX_NAME} letters, on one line)")
    exercises = data.get("exercises")
    if not isinstance(exercises, dict):
        raise FileRefused("it is damaged: it has no list of exercises")
    events = []
    for exercise_id, record in exercises.items():
        exercise = catalogue.exercises.get(exercise_id)
        if exercise is None:
            raise FileRefused(f"it has answers to '{str(exercise_id)[:80]}', which is not an "
                              "exercise of this module")
        items = record.get("items") if isinstance(record, dict) else None
        if not isinstance(items, dict):
            raise FileRefused(f"its answers to '{exercise.title}' are damaged")
        answers, times = {}, []
        for item_id, saved in items.items():
            if not isinstance(saved, dict) or not {"v", "r"} <= set(saved) \
                    or not set(saved) <= {"v", "r", "t"}:
                raise FileRefused(f"its answer to item '{str(item_id)[:80]}' of "
                                  f"'{exercise.title}' is damaged")
            answers[item_id] = {"v": saved["v"], "r": saved["r"]}
            if isinstance(saved.get("t"), int) and not isinstance(saved["t"], bool):
                times.append(saved["t"])
        if not answers:
            continue
        content = json.dumps([name.casefold(), exercise_id, answers], sort_keys=True)
        event = {"id": "file-" + hashlib.sha256(content.encode()).hexdigest()[:40],
                 "type": "handin" if exercise.assessment else "check",
                 "exercise": exercise_id, "items": answers,
                 "at": max([t for t in times if 0 <= t < 1e14], default=0)}
        # Items whose solution the student was shown: told first, so they never count as right.
        shown = record.get("shown")
        shown = [item for item in shown if item in answers] if isinstance(shown, list) else []
        told = [{**event, "id": event["id"][:-1] + "s", "type": "solution",
                 "items": {item: answers[item] for item in shown}}] if shown and not exercise.assessment else []
        try:
            for each in told + [event]:
                catalogue.check_event(each)
        except EventError as problem:
            raise FileRefused(f"in '{exercise.title}', {problem}") from None
        events.extend(told + [event])
    if not events:
        raise FileRefused("it holds no answers")
    return name, events
