"""The check-up on the laptop: when a hand-in is refused, and what a student may see of their own
hand-in. The check-up's key never reaches a page; a student gets the key's entries for the items
they answered, and only once the teacher's setting allows (classroom.classmode.store.Checkup).
"""

from __future__ import annotations

import json

from .catalogue import ExerciseInfo
from .store import Checkup

CLOSED = ("The check-up is closed: your teacher has not opened it yet, or has closed it. Your "
          "answers are kept in this browser; hand in again when your teacher says so.")
ALREADY = ("You have already handed in this part of the check-up; the first hand-in is the one "
           "your teacher marks. Your teacher can tell you when the results are ready.")


def refusal(settings: Checkup, earlier: list[str], event_id: str) -> str:
    """Why a hand-in is refused, or "" if it is taken. `earlier`: the ids of this student's
    hand-ins of this exercise in this lesson (the same id again is a retry, always taken)."""
    if event_id in earlier:
        return ""
    if not settings.open:
        return CLOSED
    if earlier and settings.feedback != "at-once":
        return ALREADY
    return ""


def own_results(exercise: ExerciseInfo, scorer, settings: Checkup, handins: list) -> dict:
    """What one student sees of one check-up exercise: whether it is open, whether they handed
    it in, and, when the teacher's setting allows, their handed-in answers with the key's entries
    for the items they answered (a text to mark is one item: its whole key) and their score."""
    view = {"exercise": exercise.id, "open": settings.open, "feedback": settings.feedback,
            "released": settings.released, "handedIn": bool(handins), "answers": None,
            "key": None, "score": None}
    if not view["handedIn"] or not settings.shows_feedback(True):
        return view
    # The hand-in the teacher marks: the last one where a student may hand in again, else the first.
    handin = handins[-1] if settings.feedback == "at-once" else handins[0]
    answers = {item: answer for item, answer in handin.items.items()
               if answer is not None and answer["v"] == exercise.items[item].version}
    key = exercise.key
    if not exercise.handler.whole_text:  # a text to mark is one item: its whole key
        key = {**{name: value for name, value in key.items() if name != "items"},
               "items": {item: key["items"][item] for item in answers if item in key["items"]}}
    else:
        key = marked_only(key, answers)
    score = out_of = 0
    for item in exercise.items:
        answer = answers.get(item)
        verdict = scorer(exercise, item, None if answer is None else
                         (answer["v"], answer["r"], json.dumps(answer["r"], sort_keys=True)))
        if verdict:
            score, out_of = score + verdict["score"], out_of + verdict["max"]
    view.update(answers={item: answer["r"] for item, answer in answers.items()}, key=key,
                score=[score, out_of] if out_of else None)
    return view



def marked_only(key: dict, answers: dict) -> dict:
    """A text's key cut to the sentences the student marked (F2): the claims they did not mark
    are only counted, so a throw-away hand-in does not give the rest of the text's key away."""
    marked = {sentence for answer in answers.values() if isinstance(answer["r"], dict)
              for sentence in answer["r"]}
    claims = {name: claim for name, claim in key["items"].items() if claim["sentence"] in marked}
    return {**key, "items": claims,
            "notClaims": {s: why for s, why in key.get("notClaims", {}).items() if s in marked},
            "unmarked": len(key["items"]) - len(claims)}
