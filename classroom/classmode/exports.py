"""The class's results as files to keep: CSV for a spreadsheet (formula cells neutralised) and
xAPI statements for a learning record store (JSON, one statement a line).
"""

from __future__ import annotations

import csv
import io
import json
import time
import uuid

from ..words import say
from .marks import mark_text
from .views import NOT_HANDED_IN, lesson_exercises, rows
from .work import Report

XAPI_ANSWERED = {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered"}}
XAPI_COMMENTED = {"id": "http://adlnet.gov/expapi/verbs/commented",
                  "display": {"en-US": "commented"}}
XAPI_INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction"
_NAMESPACE = uuid.UUID("5b0e1f0c-6d1c-4b0a-9a57-0c1a55e5c1a5")  # stable statement ids
# The module's activities are the same next week on another address or port (D16).
MODULE_IRI = "https://weighing-health-claims.invalid/"


CSV_COLUMNS = ["student id", "name", "exercise", "exercise title", "item", "question", "answer",
               "verdict", "score", "out of", "checks", "verdict at first check", "last activity", "hand-in",
               "lesson", "lesson date", "student total", "student out of", "rubric levels",
               "teacher's comment", "solution shown"]
# A student's appeal on the item (appeals.py), its state and the teacher's reply, at the end.
APPEAL_COLUMNS = ["appeal", "appeal state", "teacher's reply"]


def neutral(cell):
    """A cell a spreadsheet shows as text: no formula runs from a name or an answer."""
    if isinstance(cell, str) and cell[:1] in ("=", "+", "-", "@", "\t", "\r", "\n"):
        return "'" + cell
    return cell


def to_csv(report: Report, lesson: dict | None = None, marks: dict | None = None,
           appeals: list | None = None, joined: dict | None = None) -> str:
    """One row per joined student and item of the lesson's exercises (items not answered too,
    D17), for a spreadsheet: the lesson's title and date, times a spreadsheet reads as dates,
    each student's total out of the same maximum for everyone (every scored item of the
    exercises anyone in the class worked on), whether the solution was shown, and the
    student's last appeal on the item. `joined`: id -> name of students with no work yet."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS + APPEAL_COLUMNS)
    appealed = {(a["student"], a["exercise"], a["item"]): a for a in appeals or []}
    every = list(rows(report, joined))
    maximum = sum(item_max(report, exercise, item_id) for exercise in lesson_exercises(report)
                  if exercise.handler.scored for item_id in exercise.items)
    points: dict = {}
    for row in every:
        if row["verdict"] and row["exercise"].handler.scored:
            points[row["student"]] = points.get(row["student"], 0) + row["verdict"]["score"]
    title, date = (lesson["title"], _date(lesson["started"])) if lesson else ("", "")
    for row in every:
        exercise, verdict = row["exercise"], row["verdict"]
        answered = row["response"] is not None
        total = (points.get(row["student"], 0), maximum) if maximum else ("", "")
        mark = (marks or {}).get((row["student"], exercise.id, row["item"]))
        appeal = appealed.get((row["student"], exercise.id, row["item"]))
        writer.writerow([neutral(cell) for cell in (
            row["student"], row["name"], exercise.id, exercise.title, row["item"],
            exercise.items[row["item"]].label,
            exercise.answer_text(row["item"], row["response"]) if answered else "",
            _verdict_words(verdict["verdict"]) if verdict else _unscored(row),
            verdict["score"] if verdict else "", verdict["max"] if verdict else "",
            row["checks"], _verdict_words(row["first"]), _local(row["last"]) if row["last"] else "",
            row["handin"], title, date, *total, mark_text(mark), mark["comment"] if mark else "",
            "yes" if row["shown"] else "",
            *((appeal["reason"], appeal["state"], appeal["reply"]) if appeal else ("",) * 3))])
    return out.getvalue()


def item_max(report: Report, exercise, item_id: str) -> int:
    """The points an item is out of, answered or not (a text to mark: an empty marking's)."""
    empty = {} if exercise.handler.whole_text else None
    return exercise.handler.score(exercise.key, item_id, empty)["max"]


def _verdict_words(verdict: str) -> str:
    """A verdict in the class page's words ("not right", not "wrong"); "" stays empty."""
    return say("cp_verdict_" + verdict) if verdict else ""


def _unscored(row) -> str:
    """The verdict cell of a row without a verdict: never handed in, no answer, or an answer to
    an item changed since."""
    if row["handin"] == NOT_HANDED_IN:
        return NOT_HANDED_IN
    return _verdict_words("unanswered") if row["response"] is None else "for an earlier version"


def to_xapi(report: Report, home_page: str = MODULE_IRI, lesson: int | None = None,
             appeals: list | None = None) -> str:
    """xAPI statements, one JSON object a line: each student's current answer to each item (a
    check-up's: as handed in), as a cmi.interaction activity, with a pseudonymous account (the
    random student id) as actor; statement ids differ from one lesson to the next (D16)."""
    lines = []
    for row in rows(report):
        if row["response"] is None:  # a check-up part not handed in, or an item left blank
            continue
        exercise, verdict = row["exercise"], row["verdict"]
        activity = f"{home_page}exercises/{exercise.id}/{row['item']}"
        result = {"response": _xapi_response(row["response"])}
        if verdict and exercise.handler.scored:
            result["success"] = verdict["verdict"] == "right"
            if verdict["max"]:
                result["score"] = {"raw": verdict["score"], "min": 0, "max": verdict["max"],
                                   "scaled": round(verdict["score"] / verdict["max"], 4)}
        statement = {
            "id": str(uuid.uuid5(_NAMESPACE, f"{lesson}/{row['student']}/{exercise.id}/{row['item']}/"
                                             f"{json.dumps(row['response'], sort_keys=True)}")),
            "actor": {"objectType": "Agent",
                      "account": {"homePage": home_page, "name": row["student"]}},
            "verb": XAPI_ANSWERED,
            "object": {"objectType": "Activity", "id": activity, "definition": {
                "type": XAPI_INTERACTION, "interactionType": exercise.handler.xapi_interaction,
                "name": {"en": exercise.title},
                "description": {"en": exercise.items[row["item"]].label or exercise.title}}},
            "result": result,
            "context": {"contextActivities": {"parent": [
                {"objectType": "Activity", "id": f"{home_page}exercises/{exercise.id}"}]}},
            "timestamp": _iso(row["at"])}  # when this item's answer arrived (D16)
        lines.append(json.dumps(statement, ensure_ascii=False))
    lines += [json.dumps(_xapi_appeal(appeal, report, home_page), ensure_ascii=False)
              for appeal in appeals or [] if appeal["student"] in report.names
              and appeal["exercise"] in report.catalogue.exercises]
    return "\n".join(lines) + ("\n" if lines else "")


def _xapi_appeal(appeal: dict, report: Report, home_page: str) -> dict:
    """A student's appeal as an xAPI statement: they commented on the item, the reason as the
    response, the answer they defended, its state and the teacher's reply as extensions."""
    exercise = report.catalogue.exercises[appeal["exercise"]]
    extension = f"{home_page}xapi/appeal/"
    return {
        "id": str(uuid.uuid5(_NAMESPACE, f"appeal/{appeal['id']}/{appeal['student']}")),
        "actor": {"objectType": "Agent",
                  "account": {"homePage": home_page, "name": appeal["student"]}},
        "verb": XAPI_COMMENTED,
        "object": {"objectType": "Activity",
                   "id": f"{home_page}exercises/{exercise.id}/{appeal['item']}"},
        "result": {"response": appeal["reason"], "extensions": {
            extension + "answer": appeal["answer"], extension + "state": appeal["state"],
            extension + "reply": appeal["reply"]}},
        "context": {"contextActivities": {"parent": [
            {"objectType": "Activity", "id": f"{home_page}exercises/{exercise.id}"}]}},
        "timestamp": _iso(appeal["made"])}


def _xapi_response(response) -> str:
    """The cmi.interaction response format: ids joined by [,], pairs by [.]."""
    if isinstance(response, dict):
        return "[,]".join(f"{key}[.]{value}" for key, value in sorted(response.items()))
    if isinstance(response, list):
        return "[,]".join(response)
    return response


def _iso(seconds: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


def _local(seconds: float) -> str:
    """The laptop's time, as the class page shows it, in the form spreadsheets read as a date."""
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(seconds))


def _date(seconds: float) -> str:
    return time.strftime("%Y-%m-%d", time.localtime(seconds))
