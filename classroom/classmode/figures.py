"""The class page's figures for one lesson: each student's part of an exercise (work.py) as
counts that add up across students, the exercises' entries built from the sums, and LiveFigures,
which keeps them between refreshes and changes them only where new events arrived.
"""

from __future__ import annotations

import json
from collections import Counter

from ..contract import TEXT_ITEM
from .catalogue import Catalogue, ExerciseInfo
from .work import Report, Scorer, fold, help_order, item_feedback

NOT_MARKED = "(not marked)"  # a claim's answer where the student left its sentence unmarked


def tally(exercise: ExerciseInfo, part, reasons: dict) -> Counter:
    """A student's part of an exercise as counts that add up across students (and subtract,
    when the student's part changes): answered, tried, right at the first and last Check and
    each wrong answer per item; for a text to mark, per claim and per sentence marked wrongly.
    The reason shown for each wrong answer goes into `reasons`."""
    counts: Counter = Counter()
    if exercise.handler.whole_text:
        if not part:
            return counts
        counts["tried"] += 1
        claims = exercise.key["items"]
        for claim_id, claim in claims.items():
            fair, sentence = {claim["answer"], *claim.get("also", {})}, claim["sentence"]
            counts["first", claim_id] += part[0].get(sentence) in fair
            counts["last", claim_id] += part[-1].get(sentence) in fair
            # Left unmarked is a wrong answer too: often the commonest, a claim the class missed.
            for kind in {marks.get(sentence) for marks in part} - fair:
                counts["other", claim_id, exercise.labels.get(kind, kind) if kind else NOT_MARKED] += 1
        claimed = {claim["sentence"] for claim in claims.values()}
        for sentence in {s for marks in part for s in marks if s not in claimed}:
            counts["marked", sentence] += 1
        return counts
    for item_id, (answered, tried, first_right, last_right, wrong) in part.items():
        counts["answered", item_id] += answered
        if tried:
            counts["tried", item_id] += 1
            counts["first", item_id] += first_right
            counts["last", item_id] += last_right
            for text, reason in wrong.items():
                counts["wrong", item_id, text] += 1
                reasons[item_id, text] = reason
    return counts


def commonest_answers(totals: Counter) -> dict:
    """(kind, item) -> (answer, count, how many different answers) for the answer given most
    often, ties broken by the answer's text, for the counts of answers ("wrong", "other",
    "marked") in one pass over the totals."""
    best: dict = {}
    for key, count in totals.items():
        if count > 0 and key[0] in ("wrong", "other", "marked"):
            group, answer = key[:-1], key[-1]
            seen = best[group][2] + 1 if group in best else 1
            if group not in best or (-count, answer) < (-best[group][1], best[group][0]):
                best[group] = (answer, count, seen)
            else:
                best[group] = (*best[group][:2], seen)
    return best


def wrong_entry(commonest: tuple, reason: str, feedback: str = "") -> dict:
    """The wrong answer a row names, with its count and reason. `onlyOnce`: no wrong answer was
    given by two students or more, so none is the commonest (D13); `answers`: how many
    different wrong answers there were; `feedback`: the key's words on the whole item, only
    when it gives no reason for this answer."""
    answer, count, answers = commonest
    return {"answer": answer, "count": count, "reason": reason, "onlyOnce": count < 2,
            "answers": answers, "feedback": "" if reason else feedback}


def entry_from_totals(exercise: ExerciseInfo, totals: Counter, reasons: dict,
                      students: int) -> dict:
    """An exercise's entry on the class page from its students' counts added up."""
    rows = []
    commonest = commonest_answers(totals)
    if exercise.handler.whole_text:
        sentences = exercise.items[TEXT_ITEM].options
        tried = totals["tried"]
        for number, (claim_id, claim) in enumerate(exercise.key["items"].items(), 1):
            row = {"id": claim_id, "number": number, "quote": "",
                   "label": sentences.get(claim["sentence"], claim_id),
                   "answered": tried, "checked": tried,
                   "firstRight": _percent(totals["first", claim_id], tried),
                   "lastRight": _percent(totals["last", claim_id], tried), "scored": True,
                   "commonWrong": None}
            other = commonest.get(("other", claim_id))
            if other:
                row["commonWrong"] = wrong_entry(other, claim["feedback"])
            rows.append(row)
        marked = commonest.get(("marked",))
        if marked:
            rows.append({"id": "not-a-claim", "number": None, "quote": "", "label": "",
                         "answered": tried, "checked": tried,
                         "firstRight": None, "lastRight": None, "scored": False,
                         "commonWrong": wrong_entry(
                             (sentences.get(marked[0], marked[0]), *marked[1:]),
                             exercise.key["notClaims"].get(marked[0], exercise.key["notAClaim"]))})
    else:
        for number, item_id in enumerate(exercise.items, 1):  # numbered as in the key (D9)
            tried = totals["tried", item_id]
            row = {"id": item_id, "number": number, "quote": exercise.items[item_id].quote,
                   "label": exercise.items[item_id].label or item_id,
                   "answered": totals["answered", item_id], "checked": tried,
                   "firstRight": _percent(totals["first", item_id], tried),
                   "lastRight": _percent(totals["last", item_id], tried),
                   "scored": exercise.handler.scored, "commonWrong": None}
            wrong = commonest.get(("wrong", item_id))
            if wrong:
                row["commonWrong"] = wrong_entry(wrong, reasons[item_id, wrong[0]],
                                                 item_feedback(exercise, item_id))
            rows.append(row)
    return {"id": exercise.id, "title": exercise.title, "kind": exercise.kind,
            "scored": exercise.handler.scored, "checkup": exercise.assessment and not exercise.form,
            "students": students, "items": rows}


class LiveFigures:
    """The class page's figures for one lesson, kept between refreshes: events are folded once;
    a student's counts on an exercise are computed again only when their events touch it, and
    the exercise's totals change by the difference. With no new events (most refreshes), the
    same JSON text is returned without any work."""

    def __init__(self, catalogue: Catalogue, scorer: Scorer, at_once: bool = False):
        self.catalogue, self.scorer = catalogue, scorer
        self.at_once = at_once  # the check-up marks each student's last hand-in (work.marked)
        self.work: dict = {}
        self.last_seq = 0
        self._exercises: dict = {}   # exercise id -> its entry of items()
        self._tallies: dict = {}     # (exercise id, student id) -> the student's counts on it
        self._totals: dict = {}      # exercise id -> (counts added up, wrong answers' reasons)
        self._progress: dict = {}    # (exercise id, student id) -> Report.progress()
        self._students: dict = {}    # student id -> (name, its row of students(), its help rows)
        self._json: tuple | None = None  # (the students' names, the figures as JSON text)
        self._stale: set = set()     # (exercise id, student id) whose counts must be redone

    def add(self, events) -> None:
        fold(events, self.work)
        for event in events:
            self._exercises.pop(event.exercise, None)
            self._stale.add((event.exercise, event.student))
            self._progress.pop((event.exercise, event.student), None)
            self._students.pop(event.student, None)
        if events:
            self.last_seq = events[-1].seq
            self._json = None

    def report(self, students: dict) -> Report:
        return Report(self.catalogue, students, scorer=self.scorer, work=self.work,
                      at_once=self.at_once)

    def as_json(self, students: dict, joined: tuple = ()) -> str:
        """{"students", "help", "exercises"} as JSON text, for the class page; the same text
        while nothing new arrived. `joined`: the ids of students who joined in this lesson,
        listed even before their first answer (D5)."""
        names = (tuple((sid, student.name) for sid, student in students.items()), joined)
        if self._json and self._json[0] == names:
            return self._json[1]
        rows, helped, exercises = self.update(students)
        rows += [{"id": sid, "name": students[sid].name, "started": 0, "done": 0, "scores": [],
                  "handedIn": 0,
                  "last": None, "joined": students[sid].joined}
                 for sid in joined if sid in students and sid not in self.work]
        text = json.dumps({"students": sorted(rows, key=lambda row: row["name"].casefold()),
                           "help": help_order(helped), "exercises": exercises},
                          ensure_ascii=False, separators=(",", ":"))
        self._json = (names, text)
        return text

    def update(self, students: dict) -> tuple[list, list, list]:
        """The students' rows, the help rows and the exercises' entries, each computed again
        only where new events touched it."""
        report = self.report(students)

        def progress(ex_id, exercise, work):
            if (ex_id, sid) not in self._progress:
                self._progress[ex_id, sid] = report.progress(exercise, work)
            return self._progress[ex_id, sid]

        rows, helped = [], []
        for sid in report.work:
            cached = self._students.get(sid)
            if cached is None or cached[0] != report.names[sid]:
                cached = self._students[sid] = (report.names[sid],
                                                report.student_row(sid, progress),
                                                report.help_rows(sid, progress))
            rows.append(cached[1])
            helped += cached[2]
        exercises = []
        for exercise in self.catalogue.exercises.values():
            if exercise.id not in self._exercises:
                totals, reasons = self._totals.setdefault(exercise.id, (Counter(), {}))
                students = 0
                for sid, work in report.work.items():
                    if exercise.id not in work:
                        continue
                    students += 1
                    pair = (exercise.id, sid)
                    if pair in self._stale or pair not in self._tallies:
                        totals.subtract(self._tallies.get(pair, Counter()))
                        self._tallies[pair] = tally(
                            exercise, report.student_part(exercise, work[exercise.id]), reasons)
                        totals.update(self._tallies[pair])
                        self._stale.discard(pair)
                self._exercises[exercise.id] = entry_from_totals(exercise, totals, reasons,
                                                                 students)
            exercises.append(self._exercises[exercise.id])
        return rows, helped, exercises


def _percent(part: int, whole: int):
    return round(100 * part / whole) if whole else None
