"""What every class-mode API request passes before a resource sees it (Falcon middleware), what
the resources read from a request (a student's token, a name, a lesson, an item), and the
refusals' one shape: {"error": what to do, ...}.
"""

from __future__ import annotations

import json
import re

import falcon

from ..contract import MAX_NAME
from .live import CatalogueUnreadable, LiveClass
from .names import without_bidi
from .teacher import Teacher

MAX_BODY = 512 * 1024     # bytes of one request; an open answer is at most 20,000 characters
TEACHER_COOKIE = "whc-teacher"
CONTROL = re.compile(r"[\x00-\x1f\x7f]")  # no control characters in names and titles


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
        if req.method == "POST" and hasattr(resource, "on_post"):
            req.context.json = read_json(req)


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
    if not isinstance(data, dict):
        raise ApiError(400, "The request must be a JSON object.")
    return data




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


def handle_errors(app: falcon.App) -> None:
    """Our refusals, an unreadable module and Falcon's own refusals, all as JSON."""
    app.add_error_handler(ApiError, _error)
    app.add_error_handler(CatalogueUnreadable, _unreadable)
    app.set_error_serializer(_falcon_error)
