"""The check-up on the laptop: when a hand-in is refused, and what a student may see of their own
hand-in. The check-up's key never reaches a page; a student gets the key's entries for the items
they answered, and only once the teacher's setting allows (classroom.classmode.store.Checkup).
"""

from __future__ import annotations

import json

from .catalogue import ExerciseInfo
from .handins import history, retake_waiting, sitting
from .store import Checkup, ClassStore
from .work import marked

CLOSED = ("The check-up is closed: your teacher has not opened it yet, or has closed it. Your "
          "answers are kept in this browser; hand in again when your teacher says so.")
ALREADY = ("You have already handed in this part of the check-up; the first hand-in is the one "
           "your teacher marks. Your teacher can tell you when the results are ready.")


def refusal(settings: Checkup, history: list, event_id: str, lesson: int) -> str:
    """Why a hand-in is refused, or "" if it is taken. `history`: (event id, lesson, type) of
    this student's hand-ins and retakes of this exercise, in any lesson, in the order stored
    (handins.add_events); the same id again is a retry, always taken. One hand-in per part: a
    second only in the same lesson with feedback "at once", or after the teacher allows a retake."""
    if any(earlier == event_id for earlier, _, kind in history if kind == "handin"):
        return ""
    if not settings.open:
        return CLOSED
    sitting = []
    for _, handed_in, kind in history:
        sitting = [] if kind == "retake" else sitting + [handed_in]
    if sitting and (settings.feedback != "at-once" or set(sitting) != {lesson}):
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
    handin = marked(handins, settings.feedback == "at-once")
    # An item a rebuild removed since is left out: the rest of the hand-in still reads.
    answers = {item: answer for item, answer in handin.items.items()
               if answer is not None and item in exercise.items
               and answer["v"] == exercise.items[item].version}
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



def own_checkup(store: ClassStore, exercise: ExerciseInfo, scorer, student_id: str,
                waiting: bool = False) -> dict:
    """own_results for the hand-ins a student made since any retake, in whichever lesson they
    were made: that lesson's settings say whether feedback shows (Release reaches it there), and
    the current lesson's whether the check-up is open now, whether the laptop would take another
    hand-in, and whether the teacher has just allowed a retake. A student still waiting to be let
    in sees no feedback."""
    events = [event for event in store.events(student=student_id) if event.exercise == exercise.id]
    mine = sitting(events)
    now = store.current_lesson()
    settings = store.checkup(mine[0].lesson if mine else now)
    if waiting:  # a student the teacher has not let in yet sees no feedback (people.py)
        settings = Checkup(open=settings.open)
    view = own_results(exercise, scorer, settings, mine)
    # The page switches Hand in off by the same rule the laptop refuses a hand-in by.
    past = history(events)
    today = store.checkup(now)
    view.update(open=today.open, mayHandIn=not refusal(today, past, "", now),
                retake=retake_waiting(past))
    return view


def marked_only(key: dict, answers: dict) -> dict:
    """A text's key cut to the sentences the student marked (F2): the claims they did not mark
    are only counted, so a throw-away hand-in does not give the rest of the text's key away."""
    marked = {sentence for answer in answers.values() if isinstance(answer["r"], dict)
              for sentence in answer["r"]}
    claims = {name: claim for name, claim in key["items"].items() if claim["sentence"] in marked}
    return {**key, "items": claims,
            "notClaims": {s: why for s, why in key.get("notClaims", {}).items() if s in marked},
            "either": {s: fair for s, fair in key.get("either", {}).items() if s in marked},
            "unmarked": len(key["items"]) - len(claims)}
