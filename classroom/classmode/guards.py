"""What every class-mode API request passes before a resource sees it (Falcon middleware), what
the resources read from a request (a student's token, a name, a lesson, an item), and the
refusals' one shape: {"error": what to do, ...}.
"""

from __future__ import annotations

import json
import re
import sqlite3

import falcon

from ..contract import MAX_BATCH_BYTES, MAX_NAME
from .live import CatalogueUnreadable, LiveClass
from .saving import Saving
from .quotas import Quotas, over_lesson_quota
from .names import without_bidi
from .teacher import Teacher

MAX_BODY = MAX_BATCH_BYTES  # bytes of one request; an open answer is at most 20,000 characters
TEACHER_COOKIE = "whc-teacher"
CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # no control characters in names and titles
THE_LAPTOP = ("127.0.0.1", "::1")  # the teacher's own computer: not a student's device


class Resource:
    """A route's resource, given the class's live state."""
    teacher = False  # True: only for the browser signed in with the teacher PIN (TeacherOnly)

    def __init__(self, live: LiveClass):
        self.live, self.store = live, live.store


class ApiError(Exception):
    """A request refused, with a status and a message saying what to do."""

    def __init__(self, status: int, message: str, **extra):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


def _error(req, resp, error, params):
    resp.status = error.status
    resp.media = {"error": error.message, **error.extra}


def _unreadable(req, resp, error, params):
    _error(req, resp, ApiError(503, str(error)), params)


def _falcon_error(req, resp, error):
    # Falcon's own refusals (no such route, wrong method) in the same shape as ours.
    resp.content_type = falcon.MEDIA_JSON
    resp.text = json.dumps({"error": error.description or error.title})


# Middleware: what every request may carry, checked before any resource sees it
class Headers:
    """Nothing from the API is stored by a browser or read as anything but JSON."""

    def process_response(self, req, resp, resource, req_succeeded):
        resp.set_header("Cache-Control", "no-store")
        resp.set_header("X-Content-Type-Options", "nosniff")


class SavingWatch:
    """No write is acknowledged once the class file is gone; a write that went through again
    clears the class page's warning (saving.py)."""
    WRITES = ("/join", "/events", "/me", "/teacher/import", "/appeals")

    def __init__(self, saving: Saving):
        self.saving = saving

    def process_request(self, req, resp):
        if req.method == "POST" and req.path in self.WRITES and self.saving.file_gone():
            error = FileNotFoundError("the class file is missing")
            raise ApiError(503, self.saving.failed(error), code="not_saved", **self.saving.status())

    def process_response(self, req, resp, resource, req_succeeded):
        if req_succeeded and req.method == "POST" and req.path in self.WRITES \
                and resp.status_code < 500:
            self.saving.worked()


class TeacherOnly:
    """The resources marked `teacher = True` answer only the browser signed in with the PIN."""

    def __init__(self, teacher: Teacher):
        self.teacher = teacher

    def process_resource(self, req, resp, resource, params):
        if getattr(resource, "teacher", False) and \
                not self.teacher.is_session(req.cookies.get(TEACHER_COOKIE)):
            raise ApiError(401, "Enter the teacher PIN first.", code="pin_needed")


class JsonBody:
    """Every POST: from this site only, JSON, of a stated and modest length; its object is
    left in `req.context.json`."""

    def process_resource(self, req, resp, resource, params):
        if req.method == "POST" and hasattr(resource, "on_post") and "json" not in req.context:
            req.context.json = read_json(req)


class Limits:
    """What one device may join and one student may send (quotas.py), checked before anything is
    stored, and before the body is read where it can be: over a limit, a 429 saying why and when
    to try again (Retry-After). A POST to one of `joins` is a join; to one of `sends`, a
    student's events (a rename counts as one). Comes before JsonBody."""

    def __init__(self, live: LiveClass, joins, sends):
        self.live, self.quotas, self.joins, self.sends = live, Quotas(), joins, sends

    def process_resource(self, req, resp, resource, params):
        if req.method != "POST":
            return
        if isinstance(resource, self.joins) and req.remote_addr not in THE_LAPTOP:
            wait = self.quotas.join(req.remote_addr or "?")
            if wait:
                _too_many(resp, wait, "joins_too_fast", "Too many students joined from this "
                          f"device in the last minute. Wait {wait} seconds, then join again.")
        elif isinstance(resource, self.sends):
            student = student_of(self.live, req)
            wait = self.quotas.events_wait(student.id)
            if wait:  # a flood is refused before its body is read
                _too_many(resp, wait, "too_fast", "Answers are coming from this browser too "
                          f"fast. They are kept: send them again in {wait} seconds.")
            req.context.json = read_json(req)
            events = req.context.json.get("events")
            events = events if isinstance(events, list) else []
            wait = self.quotas.events(student.id, max(1, len(events)))
            if wait:
                _too_many(resp, wait, "too_fast", "Answers are coming from this browser too "
                          f"fast. They are kept: send them again in {wait} seconds.")
            stored = self.live.store.bytes_stored(student.id, self.live.store.current_lesson())
            if events and over_lesson_quota(stored, events):
                _too_many(resp, 60, "lesson_full", "The laptop keeps no more answers from this "
                          "student in this lesson. They are kept in the browser: they can be "
                          "sent in the next lesson, or as a My answers file.")


def _too_many(resp, wait: int, code: str, message: str):
    resp.set_header("Retry-After", str(wait))
    raise ApiError(429, message, code=code, wait=wait)


def read_json(req) -> dict:
    """The JSON object a POST carries, checked against cross-site use and size first."""
    fetch_site = req.get_header("Sec-Fetch-Site")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        raise ApiError(403, "Requests from other sites are refused.")
    origin = req.get_header("Origin")
    if origin and origin != f"{req.scheme}://{req.get_header('Host') or req.host}":
        raise ApiError(403, "Requests from other sites are refused.")
    if (req.content_type or "").split(";")[0].strip().lower() != "application/json":
        raise ApiError(415, "Send JSON, with the header Content-Type: application/json.")
    if req.content_length is None:
        raise ApiError(411, "Say how long the request is (Content-Length).")
    if req.content_length > MAX_BODY:
        raise ApiError(413, f"The request is too large (the limit is {MAX_BODY // 1024} KiB).")
    raw = req.bounded_stream.read(MAX_BODY + 1)
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise ApiError(400, "The request is not valid JSON.") from None
    except RecursionError:
        raise ApiError(400, "The request is nested too deeply to be an answer.") from None
    if not isinstance(data, dict):
        raise ApiError(400, "The request must be a JSON object.")
    if b"\\u" in raw and not _well_formed(data):
        raise ApiError(400, "The request holds text that is not valid Unicode (half of a "
                            "character, a lone surrogate).")
    return data


def _well_formed(data) -> bool:
    """No lone surrogate (JSON's \\ud800 alone): SQLite could not store it as UTF-8."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True




def clean_name(value) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ApiError(400, "Give a name: the one your teacher calls you, e.g. Sam K.")
    name = " ".join(without_bidi(value).split())  # a name shown reversed misleads (F12)
    if not name:
        raise ApiError(400, "Give a name: the one your teacher calls you, e.g. Sam K.")
    if len(name) > MAX_NAME or CONTROL.search(name):
        raise ApiError(400, f"A name is at most {MAX_NAME} letters, on one line.")
    return name


def student_of(live: LiveClass, req):
    auth = req.get_header("Authorization") or ""
    token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
    student = live.store.student_for(token) if 0 < len(token) <= 200 else None
    if student is None:
        raise ApiError(401, "This browser has not joined the class (or its data was deleted).",
                       code="not_joined")
    return student


def lesson_of(live: LiveClass, req) -> int:
    lesson = req.get_param_as_int("lesson")
    known = [row["id"] for row in live.store.lessons()]
    if lesson is None:
        return known[-1]
    if lesson not in known:
        raise ApiError(404, f"There is no lesson {lesson}.")
    return lesson


def exercise_item(live: LiveClass, req, claims_too: bool = False):
    exercise = live.catalogue()[0].exercises.get(req.get_param("exercise") or "")
    if exercise is None:
        raise ApiError(404, "There is no such exercise.")
    item = req.get_param("item") or ""
    if item not in exercise.item_ids(claims_too):
        raise ApiError(404, "This exercise has no such item.")
    return exercise, item


def confirmed(req) -> None:
    """A deletion goes ahead only when the request says so in so many words."""
    if req.context.json.get("confirm") is not True:
        raise ApiError(400, "Nothing was deleted: send {\"confirm\": true} to confirm.")


def handle_errors(app: falcon.App, saving: Saving | None = None) -> None:
    """Our refusals, an unreadable module, a data folder that stopped taking writes (503: the
    browsers keep the answers and send them again) and Falcon's own refusals, all as JSON."""
    app.add_error_handler(ApiError, _error)
    app.add_error_handler(CatalogueUnreadable, _unreadable)
    if saving is not None:
        app.add_error_handler(sqlite3.Error, lambda req, resp, error, params: _error(
            req, resp, ApiError(503, saving.failed(error), code="not_saved", **saving.status()), params))
    app.set_error_serializer(_falcon_error)
