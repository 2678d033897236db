"""What the teacher sees, computed from stored events on read: the laptop scores every response
with the kinds' Python scorers, so a corrected key re-scores a whole lesson.

Everything returned is data (names, answers and reasons as plain strings); the class page shows
them with textContent, the CSV neutralises formula cells, the xAPI file is JSON.
"""

from __future__ import annotations

import csv
import io
import json
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field

from ..contract import TEXT_ITEM
from .catalogue import Catalogue, ExerciseInfo

HELP_AFTER_WRONG_CHECKS = 3   # Checks on one exercise, none all right, before "may need help"
NOT_RIGHT = ("wrong", "partly", "unanswered")
XAPI_ANSWERED = {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}}
XAPI_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
XAPI_TYPES = {"choice": "choice", "evidence-level": "choice", "missing-info": "choice",
              "open": "long-fill-in", "mark-claims": "matching"}
_NAMESPACE = uuid.UUID("5b0e1f0c-6d1c-4b0a-9a57-0c1a55e5c1a5")  # stable statement ids


@dataclass
class Work:
    """One student's work on one exercise, folded from their events in arrival order."""
    current: dict = field(default_factory=dict)   # item id -> (version, response)
    checks: list = field(default_factory=list)    # each Check: {item id: (version, response)}
    solution_without_try: bool = False
    last: float = 0.0


class Scorer:
    """The kinds' scorers, remembered per response: 60 students give few distinct answers."""

    def __init__(self, catalogue: Catalogue):
        self.catalogue = catalogue
        self._seen: dict = {}

    def __call__(self, exercise: ExerciseInfo, item_id: str, answer) -> dict | None:
        """The verdict on (version, response), or None if it answers an older version."""
        if answer is None:
            return exercise.scorer.score(exercise.key, item_id, None) \
                if exercise.kind != "mark-claims" else None
        version, response, same = answer
        if version != exercise.items[item_id].version:
            return None
        memo = (exercise.id, item_id, same)
        if memo not in self._seen:
            self._seen[memo] = exercise.scorer.score(exercise.key, item_id, response)
        return self._seen[memo]


def fold(events, work: dict | None = None) -> dict[str, dict[str, Work]]:
    """student id -> exercise id -> Work; new events are folded into `work` when given, so a
    refresh reads only what arrived since the last one. An answer is (version, response, the
    response as canonical JSON, by which the scorer remembers verdicts)."""
    work = {} if work is None else work
    for event in events:
        mine = work.setdefault(event.student, {}).setdefault(event.exercise, Work())
        answers = {item: (None if a is None else
                          (a["v"], a["r"], json.dumps(a["r"], sort_keys=True)))
                   for item, a in event.items.items()}
        for item, answer in answers.items():
            if answer is None:
                mine.current.pop(item, None)
            else:
                mine.current[item] = answer
        if event.type in ("check", "handin"):  # a check-up's hand-in is marked as a Check
            mine.checks.append(answers)
        elif event.type == "solution" and not mine.checks:
            mine.solution_without_try = True
        mine.last = max(mine.last, event.received)
    return work


class Report:
    """Figures for one lesson: built once per request from the lesson's events."""

    def __init__(self, catalogue: Catalogue, students: dict, events=(), scorer: Scorer | None = None,
                 work: dict | None = None):
        self.catalogue = catalogue
        self.scorer = scorer or Scorer(catalogue)
        self.work = work if work is not None else fold(events)
        self.names = {sid: students[sid].name for sid in self.work if sid in students}
        self.work = {sid: w for sid, w in self.work.items() if sid in students}

    def _verdicts(self, exercise: ExerciseInfo, answers: dict) -> dict:
        return {item: self.scorer(exercise, item, answers.get(item)) for item in exercise.items}

    # 1. who is working
    def students(self) -> list[dict]:
        return sorted((self.student_row(sid) for sid in self.work),
                      key=lambda row: row["name"].casefold())

    def progress(self, exercise: ExerciseInfo, work: Work) -> tuple:
        """One student's progress on one exercise, which LiveFigures keeps until their next
        event on it: (started, done, Checks not all right, whether the last one is among them)."""
        not_right = [check for check in work.checks if any(
            v is None or v["verdict"] in NOT_RIGHT
            for v in self._verdicts(exercise, check).values())]
        done = bool(work.checks) and all(v is not None and v["verdict"] != "unanswered"
                                         for v in self._verdicts(exercise, work.checks[-1]).values())
        return (bool(work.current or work.checks), done, len(not_right),
                bool(not_right) and work.checks[-1] is not_right[-1])

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
        known = self._progress_of(sid, progress)
        return {"id": sid, "name": self.names[sid],
                "started": sum(p[0] for _, _, p in known.values()),
                "done": sum(p[1] for _, _, p in known.values()),
                "last": max(w.last for w in self.work[sid].values())}

    # 2. who may need help
    def help(self) -> list[dict]:
        return help_order([row for sid in self.work for row in self.help_rows(sid)])

    def help_rows(self, sid: str, progress=None) -> list[dict]:
        found = []
        for ex_id, (exercise, work, (_, _, wrong, last_wrong)) in self._progress_of(
                sid, progress).items():
            if wrong >= HELP_AFTER_WRONG_CHECKS and last_wrong:
                found.append({"student": sid, "name": self.names[sid], "exercise": ex_id,
                              "title": exercise.title, "why": "checks", "count": wrong})
            if work.solution_without_try:
                found.append({"student": sid, "name": self.names[sid], "exercise": ex_id,
                              "title": exercise.title, "why": "solution", "count": 0})
        return found

    # 3. per exercise and item
    def items(self) -> list[dict]:
        return [self.exercise_entry(exercise) for exercise in self.catalogue.exercises.values()]

    def exercise_entry(self, exercise: ExerciseInfo) -> dict:
        """An exercise's figures, added up from each student's part (LiveFigures keeps the sum
        instead, and changes it by the difference)."""
        parts = [self.student_part(exercise, w[exercise.id])
                 for w in self.work.values() if exercise.id in w]
        totals: Counter = Counter()
        reasons: dict = {}
        for part in parts:
            totals.update(tally(exercise, part, reasons))
        return entry_from_totals(exercise, totals, reasons, len(parts))

    def student_part(self, exercise: ExerciseInfo, work: Work):
        """One student's share of an exercise's figures, which a refresh adds up: for each item
        (answered, tried, right at the first and the last Check, {wrong answer: reason}); for a
        text to mark, the marks of each Check."""
        if exercise.kind == "mark-claims":
            tries = [self.scorer(exercise, TEXT_ITEM, check[TEXT_ITEM]) and check[TEXT_ITEM][1]
                     for check in work.checks if check.get(TEXT_ITEM) is not None]
            return [marks for marks in tries if marks]
        part = {}
        for item_id in exercise.items:
            current = self.scorer(exercise, item_id, work.current.get(item_id))
            answered = current is not None and current["verdict"] != "unanswered"
            tries = [(check[item_id], self.scorer(exercise, item_id, check[item_id]))
                     for check in work.checks if check.get(item_id) is not None]
            tries = [(answer, v) for answer, v in tries if v is not None]
            wrong = {}
            for answer, v in {a[2]: (a, v) for a, v in tries}.values():
                if v["verdict"] in ("wrong", "partly"):
                    wrong[exercise.answer_text(item_id, answer[1])] = " ".join(
                        r for r in v["reasons"] if r)
            part[item_id] = (answered, bool(tries),
                             bool(tries) and tries[0][1]["verdict"] == "right",
                             bool(tries) and tries[-1][1]["verdict"] == "right", wrong)
        return part

    # 4. one item's spread, safe to project: counts only, no names
    def spread(self, exercise_id: str, item_id: str) -> dict:
        exercise = self.catalogue.exercises[exercise_id]
        counts: Counter = Counter()
        right: dict = {}
        if exercise.kind == "mark-claims":
            claim = exercise.key["items"][item_id]
            fair = {claim["answer"], *claim.get("also", {})}
            for w in self.work.values():
                answer = w.get(exercise_id) and w[exercise_id].current.get(TEXT_ITEM)
                if answer and answer[0] == exercise.items[TEXT_ITEM].version:
                    kind = answer[1].get(claim["sentence"])
                    text = exercise.labels.get(kind, kind) if kind else "(not marked)"
                    counts[text] += 1
                    right[text] = kind in fair
            label = exercise.items[TEXT_ITEM].options.get(claim["sentence"], item_id)
        else:
            for w in self.work.values():
                answer = w.get(exercise_id) and w[exercise_id].current.get(item_id)
                verdict = answer and self.scorer(exercise, item_id, answer)
                if verdict and verdict["verdict"] != "unanswered":
                    text = exercise.answer_text(item_id, answer[1])
                    counts[text] += 1
                    right[text] = verdict["verdict"] == "right"
            label = exercise.items[item_id].label or item_id
        return {"exercise": exercise.title, "item": label, "scored": exercise.kind != "open",
                "answers": [{"answer": text, "count": count, "right": right[text]}
                            for text, count in counts.most_common()]}

    # 5. open responses, names shown only when asked
    def open_responses(self, exercise_id: str, item_id: str, names: bool) -> dict:
        exercise = self.catalogue.exercises[exercise_id]
        responses = []
        for sid, w in self.work.items():
            answer = w.get(exercise_id) and w[exercise_id].current.get(item_id)
            if answer and answer[0] == exercise.items[item_id].version and str(answer[1]).strip():
                responses.append({"name": self.names[sid] if names else None,
                                  "text": exercise.answer_text(item_id, answer[1])})
        responses.sort(key=lambda r: (r["name"] or "").casefold())
        return {"exercise": exercise.title, "item": exercise.items[item_id].label or item_id,
                "responses": responses}

    # Downloads: one row per student and item
    def rows(self):
        for sid, exercises in sorted(self.work.items(), key=lambda p: self.names[p[0]].casefold()):
            for ex_id, work in exercises.items():
                exercise = self.catalogue.exercises.get(ex_id)
                if exercise is None:
                    continue
                for item_id in exercise.items:
                    answer = work.current.get(item_id)
                    if answer is None:
                        continue
                    verdict = self.scorer(exercise, item_id, answer)
                    tried = [self.scorer(exercise, item_id, c[item_id]) for c in work.checks
                             if c.get(item_id) is not None]
                    tried = [v for v in tried if v]
                    yield {"student": sid, "name": self.names[sid], "exercise": exercise,
                           "item": item_id, "version": answer[0], "response": answer[1],
                           "verdict": verdict, "checks": len(tried),
                           "first": tried[0]["verdict"] if tried else "", "last": work.last}


def help_order(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: (row["name"].casefold(), row["title"]))


def tally(exercise: ExerciseInfo, part, reasons: dict) -> Counter:
    """A student's part of an exercise as counts that add up across students (and subtract,
    when the student's part changes): answered, tried, right at the first and last Check and
    each wrong answer per item; for a text to mark, per claim and per sentence marked wrongly.
    The reason shown for each wrong answer goes into `reasons`."""
    counts: Counter = Counter()
    if exercise.kind == "mark-claims":
        if not part:
            return counts
        counts["tried"] += 1
        claims = exercise.key["items"]
        for claim_id, claim in claims.items():
            fair, sentence = {claim["answer"], *claim.get("also", {})}, claim["sentence"]
            counts["first", claim_id] += part[0].get(sentence) in fair
            counts["last", claim_id] += part[-1].get(sentence) in fair
            for kind in {marks.get(sentence) for marks in part} - fair - {None}:
                counts["other", claim_id, exercise.labels.get(kind, kind)] += 1
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
    """(kind, item) -> (answer, count) given most often, ties broken by the answer's text, for
    the counts of answers ("wrong", "other", "marked") in one pass over the totals."""
    best: dict = {}
    for key, count in totals.items():
        if count > 0 and key[0] in ("wrong", "other", "marked"):
            group, answer = key[:-1], key[-1]
            if group not in best or (-count, answer) < (-best[group][1], best[group][0]):
                best[group] = (answer, count)
    return best


def entry_from_totals(exercise: ExerciseInfo, totals: Counter, reasons: dict,
                      students: int) -> dict:
    """An exercise's entry on the class page from its students' counts added up."""
    rows = []
    commonest = commonest_answers(totals)
    if exercise.kind == "mark-claims":
        sentences = exercise.items[TEXT_ITEM].options
        tried = totals["tried"]
        for claim_id, claim in exercise.key["items"].items():
            row = {"id": claim_id, "label": sentences.get(claim["sentence"], claim_id),
                   "answered": tried, "checked": tried,
                   "firstRight": _percent(totals["first", claim_id], tried),
                   "lastRight": _percent(totals["last", claim_id], tried), "scored": True,
                   "commonWrong": None}
            other = commonest.get(("other", claim_id))
            if other:
                row["commonWrong"] = {"answer": other[0], "count": other[1],
                                      "reason": claim["feedback"]}
            rows.append(row)
        marked = commonest.get(("marked",))
        if marked:
            rows.append({"id": "not-a-claim", "label": "", "answered": tried, "checked": tried,
                         "firstRight": None, "lastRight": None, "scored": False,
                         "commonWrong": {"answer": sentences.get(marked[0], marked[0]),
                                         "count": marked[1],
                                         "reason": exercise.key["notClaims"].get(
                                             marked[0], exercise.key["notAClaim"])}})
    else:
        for item_id in exercise.items:
            tried = totals["tried", item_id]
            row = {"id": item_id, "label": exercise.items[item_id].label or item_id,
                   "answered": totals["answered", item_id], "checked": tried,
                   "firstRight": _percent(totals["first", item_id], tried),
                   "lastRight": _percent(totals["last", item_id], tried),
                   "scored": exercise.kind != "open", "commonWrong": None}
            wrong = commonest.get(("wrong", item_id))
            if wrong:
                row["commonWrong"] = {"answer": wrong[0], "count": wrong[1],
                                      "reason": reasons[item_id, wrong[0]]}
            rows.append(row)
    return {"id": exercise.id, "title": exercise.title, "kind": exercise.kind,
            "students": students, "items": rows}


class LiveFigures:
    """The class page's figures for one lesson, kept between refreshes: events are folded once;
    a student's counts on an exercise are computed again only when their events touch it, and
    the exercise's totals change by the difference. With no new events (most refreshes), the
    same JSON text is returned without any work."""

    def __init__(self, catalogue: Catalogue, scorer: Scorer):
        self.catalogue, self.scorer = catalogue, scorer
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
        return Report(self.catalogue, students, scorer=self.scorer, work=self.work)

    def as_json(self, students: dict) -> str:
        """{"students", "help", "exercises"} as JSON text (a "{...}" object without its braces'
        neighbours), for the class page."""
        names = tuple((sid, student.name) for sid, student in students.items())
        if self._json and self._json[0] == names:
            return self._json[1]
        rows, helped, exercises = self.update(students)
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


CSV_COLUMNS = ["student id", "name", "exercise", "exercise title", "item", "question", "answer",
               "verdict", "score", "out of", "checks", "verdict at first check", "last activity"]


def neutral(cell):
    """A cell a spreadsheet shows as text: no formula runs from a name or an answer."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\n"):
        return "'" + cell
    return cell


def to_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in report.rows():
        exercise, verdict = row["exercise"], row["verdict"]
        writer.writerow([neutral(cell) for cell in (
            row["student"], row["name"], exercise.id, exercise.title, row["item"],
            exercise.items[row["item"]].label, exercise.answer_text(row["item"], row["response"]),
            verdict["verdict"] if verdict else "for an earlier version",
            verdict["score"] if verdict else "", verdict["max"] if verdict else "",
            row["checks"], row["first"], _iso(row["last"]))])
    return out.getvalue()


def to_xapi(report: Report, home_page: str) -> str:
    """xAPI statements, one JSON object a line: each student's current answer to each item, as a
    cmi.interaction activity, with a pseudonymous account (the random student id) as actor."""
    lines = []
    for row in report.rows():
        exercise, verdict = row["exercise"], row["verdict"]
        activity = f"{home_page}exercises/{exercise.id}/{row['item']}"
        result = {"response": _xapi_response(row["response"])}
        if verdict and exercise.kind != "open":
            result["success"] = verdict["verdict"] == "right"
            if verdict["max"]:
                result["score"] = {"raw": verdict["score"], "min": 0, "max": verdict["max"],
                                   "scaled": round(verdict["score"] / verdict["max"], 4)}
        statement = {
            "id": str(uuid.uuid5(_NAMESPACE, f"{row['student']}/{exercise.id}/{row['item']}/"
                                             f"{json.dumps(row['response'], sort_keys=True)}")),
            "actor": {"objectType": "Agent",
                      "account": {"homePage": home_page, "name": row["student"]}},
            "verb": XAPI_ANSWERED,
            "object": {"objectType": "Activity", "id": activity, "definition": {
                "type": XAPI_INTERACTION, "interactionType": XAPI_TYPES[exercise.kind],
                "name": {"en": exercise.title},
                "description": {"en": exercise.items[row["item"]].label or exercise.title}}},
            "result": result,
            "context": {"contextActivities": {"parent": [
                {"objectType": "Activity", "id": f"{home_page}exercises/{exercise.id}"}]}},
            "timestamp": _iso(row["last"])}
        lines.append(json.dumps(statement, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")


def _xapi_response(response) -> str:
    """The cmi.interaction response format: ids joined by [,], pairs by [.]."""
    if isinstance(response, dict):
        return "[,]".join(f"{key}[.]{value}" for key, value in sorted(response.items()))
    if isinstance(response, list):
        return "[,]".join(response)
    return response


def _percent(part: int, whole: int):
    return round(100 * part / whole) if whole else None


def _iso(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))
