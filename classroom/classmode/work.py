"""Each student's work in a lesson, folded from their stored events and scored on read: the
laptop scores every response with the kinds' Python scorers, so a corrected key re-scores a
whole lesson. figures.py adds the students' parts up for the class page; views.py and
exports.py read single answers.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..contract import TEXT_ITEM
from .catalogue import Catalogue, ExerciseInfo

HELP_AFTER_WRONG_CHECKS = 3   # Checks on one exercise, none all right, before "may need help"
NOT_RIGHT = ("wrong", "partly", "unanswered")
QUOTES = "\"'“”‘’«» "


@dataclass
class Work:
    """One student's work on one exercise, folded from their events in arrival order."""
    current: dict = field(default_factory=dict)   # item id -> (version, response)
    checks: list = field(default_factory=list)    # each Check: {item id: (version, response)}
    solution_without_try: bool = False
    # How many Checks came before each Show solution: was any of them all right?
    solution_after: list = field(default_factory=list)
    shown: set = field(default_factory=set)       # items whose solution the student was shown
    last: float = 0.0
    answered_at: dict = field(default_factory=dict)  # item id -> when its answer last arrived
    # A check-up's hand-ins of the sitting marked: (answers, when received).
    handins: list = field(default_factory=list)
    retake: bool = False                          # these hand-ins are a retake's
    # A retake allowed and not yet handed in: the hand-ins above stay marked until it is.
    retake_allowed: bool = False


def marked(handins: list, at_once: bool):
    """The hand-in a check-up is marked on: the first, or the last where the teacher lets
    students hand in again (feedback "at once"); None when nothing was handed in."""
    return (handins[-1] if at_once else handins[0]) if handins else None


class Scorer:
    """The kinds' scorers, remembered per response: 60 students give few distinct answers."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._seen: dict = {}
        self.reasons: dict = {}  # (exercise, item, answer) -> the reason that fits that answer

    def __call__(self, exercise: ExerciseInfo, item_id: str, answer) -> dict | None:
        """The verdict on (version, response), or None if it answers an older version."""
        if answer is None:
            return None if exercise.handler.whole_text else \
                exercise.handler.score(exercise.key, item_id, None)
        version, response, same = answer
        if version != exercise.items[item_id].version:
            return None
        memo = (exercise.id, item_id, same)
        if memo not in self._seen:
            self._seen[memo] = exercise.handler.score(exercise.key, item_id, response)
        return self._seen[memo]


def fold(events, work: dict | None = None) -> dict[str, dict[str, Work]]:
    """student id -> exercise id -> Work; new events are folded into `work` when given, so a
    refresh reads only what arrived since the last one. An answer is (version, response, the
    response as canonical JSON, by which the scorer remembers verdicts)."""
    work = {} if work is None else work
    for event in events:
        mine = work.setdefault(event.student, {}).setdefault(event.exercise, Work())
        if event.type == "retake":  # the teacher let this student sit the check-up again
            mine.retake_allowed = True
            continue
        answers = {item: (None if a is None else
                          (a["v"], a["r"], json.dumps(a["r"], sort_keys=True)))
                   for item, a in event.items.items()}
        for item, answer in answers.items():
            mine.answered_at[item] = event.received
            if answer is None:
                mine.current.pop(item, None)
            else:
                mine.current[item] = answer
        if event.type in ("check", "handin"):  # a check-up's hand-in is marked as a Check
            # An item whose solution was shown is never scored as right: its Checks count as unanswered.
            mine.checks.append({item: None if item in mine.shown else a for item, a in answers.items()})
        if event.type == "handin":
            if mine.retake_allowed:  # the retake's first hand-in replaces the sitting before
                mine.handins, mine.retake, mine.retake_allowed = [], True, False
            mine.handins.append((answers, event.received))
        elif event.type == "solution":
            mine.solution_without_try = mine.solution_without_try or not mine.checks
            mine.solution_after.append(len(mine.checks))
            mine.shown.update(answers)  # the page sends only the items it showed the solution of
        mine.last = max(mine.last, event.received)
    return work


class Report:
    """One lesson's work by student, with the students' names and one student's part of each
    figure; LiveFigures (figures.py) adds the parts up and keeps them between refreshes."""

    def __init__(self, catalogue: Catalogue, students: dict, events=(), scorer: Scorer | None = None,
                 work: dict | None = None, at_once: bool = False):
        self.catalogue = catalogue
        self.at_once = at_once  # the lesson's check-up marks the last hand-in, not the first
        self.scorer = scorer or Scorer(catalogue)
        self.work = work if work is not None else fold(events)
        self.names = {sid: students[sid].name for sid in self.work if sid in students}
        self.work = {sid: w for sid, w in self.work.items() if sid in students}

    def marked(self, work: Work):
        """(answers, when received) of the hand-in a check-up part is marked on, or None."""
        return marked(work.handins, self.at_once)

    def shown_answer(self, exercise: ExerciseInfo, work: Work, item_id: str):
        """The answer the teacher's figures and views read: the current one, or for a check-up
        the one handed in (never what was typed after it, nor what was never handed in)."""
        if not exercise.assessment:
            return work.current.get(item_id)
        handin = self.marked(work)
        return handin[0].get(item_id) if handin else None

    def attempts(self, exercise: ExerciseInfo, work: Work) -> list:
        """The Checks of a practice exercise; a check-up's hand-ins of the sitting marked."""
        return [answers for answers, _ in work.handins] if exercise.assessment else work.checks

    def _verdicts(self, exercise: ExerciseInfo, answers: dict) -> dict:
        return {item: self.scorer(exercise, item, answers.get(item)) for item in exercise.items}

    def progress(self, exercise: ExerciseInfo, work: Work) -> tuple:
        """One student's progress on one exercise, which LiveFigures keeps until their next
        event on it: (started, done, Checks not all right, whether the last one is among them,
        the score of the last Check or of the marked hand-in as (points, out of), or None)."""
        verdicts = [self._verdicts(exercise, check) for check in work.checks]  # once each
        not_right = [n for n, found in enumerate(verdicts) if any(
            v is None or v["verdict"] in NOT_RIGHT for v in found.values())]
        done = bool(verdicts) and all(v is not None and v["verdict"] != "unanswered"
                                      for v in verdicts[-1].values())
        last = verdicts[-1] if verdicts and not exercise.assessment else None
        wrong_at = set(not_right)
        first_right = next((n for n in range(len(verdicts)) if n not in wrong_at), len(verdicts))
        return (bool(work.current or work.checks), done, len(not_right),
                bool(not_right) and not_right[-1] == len(verdicts) - 1,
                self.score(exercise, work, last),
                any(before <= first_right for before in work.solution_after))

    def score(self, exercise: ExerciseInfo, work: Work, last: dict | None = None):
        """(points, out of) of the last Check (its verdicts `last`, when known already), or of
        the hand-in a check-up part is marked on; None for written answers and for work never
        checked (D14: a score, not only "done")."""
        if not exercise.handler.scored:
            return None
        if last is None:
            if exercise.assessment:
                handin = self.marked(work)
                answers = handin[0] if handin else None
            else:
                answers = work.checks[-1] if work.checks else None
            if answers is None:
                return None
            last = self._verdicts(exercise, answers)
        verdicts = [v for v in last.values() if v is not None]
        return (sum(v["score"] for v in verdicts), sum(v["max"] for v in verdicts))

    def _progress_of(self, sid: str, progress=None) -> dict:
        """exercise id -> (exercise, work, progress) for one student's known exercises."""
        found = {}
        for ex_id, work in self.work[sid].items():
            exercise = self.catalogue.exercises.get(ex_id)
            if exercise is not None:
                found[ex_id] = (exercise, work, progress(ex_id, exercise, work) if progress
                                else self.progress(exercise, work))
        return found

    def student_row(self, sid: str, progress=None) -> dict:
        """Who is working: one student's exercises started and done, their score on each
        exercise checked ([points, out of], or None, in the catalogue's order), and when they
        last answered."""
        known = self._progress_of(sid, progress)
        return {"id": sid, "name": self.names[sid],
                "started": sum(p[0] for _, _, p in known.values()),
                "done": sum(p[1] for _, _, p in known.values()),
                # In the catalogue's order, as the exercises' entries: short for 300 students.
                "scores": [list(known[ex_id][2][4]) if ex_id in known and known[ex_id][2][4]
                           else None for ex_id in self.catalogue.exercises],
                "last": max(w.last for w in self.work[sid].values()),
                # Check-up parts handed in, so a score says how much of the check-up it covers.
                "handedIn": sum(1 for ex_id, (exercise, work, _) in known.items()
                                if exercise.assessment and not exercise.form
                                and self.marked(work))}

    def help_rows(self, sid: str, progress=None) -> list[dict]:
        """Who may need help: many Checks not all right, or the solution shown before getting
        the exercise right."""
        found = []
        for ex_id, (exercise, work, (_, _, wrong, last_wrong, _, unearned)) in self._progress_of(
                sid, progress).items():
            # The flag clears once a Check is all right (D15). An item whose solution was shown
            # never counts as right, so the Checks after it would say "not all right" too: the
            # solution is the reason the row gives.
            if unearned and (not work.checks or last_wrong):
                found.append({"student": sid, "name": self.names[sid], "exercise": ex_id,
                              "title": exercise.title, "why": "solution", "count": 0})
            elif wrong >= HELP_AFTER_WRONG_CHECKS and last_wrong:
                found.append({"student": sid, "name": self.names[sid], "exercise": ex_id,
                              "title": exercise.title, "why": "checks", "count": wrong})
        return found

    def student_part(self, exercise: ExerciseInfo, work: Work):
        """One student's share of an exercise's figures, which a refresh adds up: for each item
        (answered, tried, right at the first and the last Check, {wrong answer: reason}); for a
        text to mark, the marks of each Check."""
        if exercise.handler.whole_text:
            tries = [self.scorer(exercise, TEXT_ITEM, check[TEXT_ITEM]) and check[TEXT_ITEM][1]
                     for check in self.attempts(exercise, work)
                     if check.get(TEXT_ITEM) is not None]
            return [marks for marks in tries if marks]
        part = {}
        for item_id in exercise.items:
            current = self.scorer(exercise, item_id, self.shown_answer(exercise, work, item_id))
            answered = current is not None and current["verdict"] != "unanswered"
            tries = [(check[item_id], self.scorer(exercise, item_id, check[item_id]))
                     for check in self.attempts(exercise, work) if check.get(item_id) is not None]
            tries = [(answer, v) for answer, v in tries if v is not None]
            wrong = {}
            for answer, v in {a[2]: (a, v) for a, v in tries}.values():
                if v["verdict"] in ("wrong", "partly"):
                    memo = (exercise.id, item_id, answer[2])  # 300 students, few answers
                    if memo not in self.scorer.reasons:
                        self.scorer.reasons[memo] = wrong_reason(exercise, item_id, answer[1], v)
                    wrong[exercise.answer_text(item_id, answer[1])] = self.scorer.reasons[memo]
            part[item_id] = (answered, bool(tries),
                             # A first Check after seeing the solution is not a first try (D15).
                             bool(tries) and tries[0][1]["verdict"] == "right"
                             and not work.solution_without_try,
                             bool(tries) and tries[-1][1]["verdict"] == "right", wrong)
        return part


def wrong_reason(exercise: ExerciseInfo, item_id: str, response, verdict: dict) -> str:
    """The key's reason that fits this wrong answer (D13): for several answers, the reasons of
    the options wrongly chosen and of those missed, never of those rightly chosen; "" when the
    key gives none (the page then says so in words)."""
    item = exercise.key.get("items", {}).get(item_id, {})
    right, reasons = item.get("answer"), item.get("reasons")
    chosen = [response] if isinstance(response, str) else response
    if isinstance(right, list) and isinstance(chosen, list) and isinstance(reasons, dict):
        options, response = exercise.items[item_id].options, chosen
        extra = [o for o in response if o not in right]
        missed = [o for o in right if o not in response]
        parts = [reasons.get(o, "") for o in extra]
        # An option that is itself a quoted word ('"safe"') is quoted once, not twice.
        parts += [f"Missed “{options.get(o, o).strip(QUOTES)}”: {reasons.get(o, '')}".rstrip(": ")
                  for o in missed]
        return " ".join(p for p in parts if p)
    return " ".join(r for r in verdict["reasons"] if r)


def item_feedback(exercise: ExerciseInfo, item_id: str) -> str:
    """The key's feedback on the item as a whole, shown for a wrong answer the key gives no
    reason of its own for; "" when the key has none."""
    feedback = exercise.key.get("items", {}).get(item_id, {}).get("feedback")
    return feedback if isinstance(feedback, str) else ""


def help_order(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: (row["name"].casefold(), row["title"]))
