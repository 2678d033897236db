"""The class-mode JSON API, mounted under /api/ by the classroom server: a thin Falcon layer over
store.py, catalogue.py, reports.py and teacher.py, which know nothing of HTTP.

Falcon: a small, dependency-free, well-kept WSGI framework made for JSON APIs (routing, request
and response objects, cookies, error handling), so nothing here parses HTTP by hand.
"""

from __future__ import annotations

import json
import re
import threading
import time
from pathlib import Path

import falcon

from ..contract import MAX_NAME
from ..errors import AuthoringError
from . import checkup
from .catalogue import Catalogue, EventError
from .imports import FileRefused, events_from_file
from .reports import LiveFigures, Scorer, to_csv, to_xapi
from .store import FEEDBACK_MODES, ClassStore
from .teacher import Teacher

MAX_BODY = 512 * 1024     # bytes of one request; an open answer is at most 20,000 characters
MAX_EVENTS = 100          # events in one batch
TEACHER_COOKIE = "whc-teacher"
FOLD_EVERY = 0.02         # seconds between updates: the refresh waits for at most a small one
WATCHED_SECONDS = 60.0    # figures are kept ready while the class page asked for them this recently
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class ApiError(Exception):
    """A request refused, with a status and a message saying what to do."""

    def __init__(self, status: int, message: str, **extra):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


def _error(req, resp, error, params):
    resp.status = error.status
    resp.media = {"error": error.message, **error.extra}


def _falcon_error(req, resp, error):
    # Falcon's own refusals (no such route, wrong method) in the same shape as ours.
    resp.content_type = falcon.MEDIA_JSON
    resp.text = json.dumps({"error": error.description or error.title})


class Headers:
    """Nothing from the API is stored by a browser or read as anything but JSON."""

    def process_response(self, req, resp, resource, req_succeeded):
        resp.set_header("Cache-Control", "no-store")
        resp.set_header("X-Content-Type-Options", "nosniff")


class ClassApi:
    """The state the routes share: the store, the teacher, the exercises and their keys."""

    def __init__(self, store: ClassStore, teacher: Teacher, project: Path, site_identity=None):
        self.store, self.teacher, self.project = store, teacher, project
        self.site_identity = site_identity or (lambda: None)
        self._catalogue_for = object()
        self._catalogue: Catalogue | None = None
        self._scorer: Scorer | None = None
        self._lock = threading.Lock()
        self._report_lock = threading.Lock()
        self._folded: dict = {}  # lesson -> ((generation, scorer), LiveFigures)
        self._watched: tuple | None = None  # (lesson, when) the class page last asked
        self._new_events = threading.Event()

    def catalogue(self) -> tuple[Catalogue, Scorer]:
        """The exercises and keys, read again when the site was rebuilt (a key may be fixed)."""
        identity = self.site_identity()
        with self._lock:
            if self._catalogue is None or identity != self._catalogue_for:
                try:
                    self._catalogue = Catalogue.load(self.project)
                except AuthoringError as error:
                    if self._catalogue is None:  # nothing to fall back on
                        raise ApiError(503, "The module's exercise files cannot be read, so "
                                            f"answers cannot be scored: {error}") from None
                    # A half-edited data file: keep scoring with the keys of the site served.
                else:
                    self._scorer = Scorer(self._catalogue)
                self._catalogue_for = identity
            return self._catalogue, self._scorer

    def _live(self, lesson: int) -> LiveFigures:
        """One lesson's figures kept between refreshes, with the events that arrived since read
        (only those), unless data was deleted or the keys changed since. Under _report_lock."""
        catalogue, scorer = self.catalogue()
        stamp, live = self._folded.get(lesson, (None, None))
        if live is None or stamp != (self.store.generation, id(scorer)):
            live = LiveFigures(catalogue, scorer)
            self._folded[lesson] = ((self.store.generation, id(scorer)), live)
        live.add(self.store.events(lesson, after=live.last_seq))
        return live

    def report(self, lesson: int, use):
        """`use(report)` for one lesson (spreads, open answers, downloads)."""
        with self._report_lock:
            return use(self._live(lesson).report(self.store.students()))

    def figures_json(self, lesson: int) -> str:
        """The class page's figures as JSON text; the same text while nothing new arrives."""
        self._watched = (lesson, time.monotonic())
        with self._report_lock:
            return self._live(lesson).as_json(self.store.students())

    def events_arrived(self) -> None:
        self._new_events.set()

    def keep_figures_ready(self) -> None:
        """Fold new answers into the figures of the lesson the class page shows as they arrive,
        so that its refresh finds them all but ready (it still reads anything newer itself); the
        keys are read first, so the first answer and the first refresh after a restart wait
        for nothing."""
        try:
            self.catalogue()  # before the server answers: the first requests need the keys
        except ApiError:
            pass  # the first request says why they cannot be read
        threading.Thread(target=self._figures_ready_loop, name="class-figures",
                         daemon=True).start()

    def _figures_ready_loop(self) -> None:
        try:
            self._watched = (self.store.current_lesson(), time.monotonic())
            self._new_events.set()  # a restart mid-lesson: ready before the page's first refresh
        except Exception:  # noqa: BLE001 -- the store is closing: the page's refresh says so
            pass
        while True:
            self._new_events.wait()
            self._new_events.clear()
            lesson, asked = self._watched or (None, -WATCHED_SECONDS)
            if time.monotonic() - asked > WATCHED_SECONDS:
                continue  # nobody is looking: the page's next refresh folds them
            try:
                with self._report_lock:
                    self._live(lesson).update(self.store.students())
            except Exception:  # noqa: BLE001 -- the page's own refresh then shows the error
                pass
            time.sleep(FOLD_EVERY)


# What every request may carry
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
    name = " ".join(value.split())
    if len(name) > MAX_NAME or _CONTROL.search(name):
        raise ApiError(400, f"A name is at most {MAX_NAME} letters, on one line.")
    return name


def student_of(api: ClassApi, req):
    auth = req.get_header("Authorization") or ""
    token = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
    student = api.store.student_for(token) if 0 < len(token) <= 200 else None
    if student is None:
        raise ApiError(401, "This browser has not joined the class (or its data was deleted).",
                       code="not_joined")
    return student


def teacher_only(api: ClassApi, req) -> None:
    if not api.teacher.is_session(req.cookies.get(TEACHER_COOKIE)):
        raise ApiError(401, "Enter the teacher PIN first.", code="pin_needed")


def lesson_of(api: ClassApi, req) -> int:
    lesson = req.get_param_as_int("lesson")
    known = [row["id"] for row in api.store.lessons()]
    if lesson is None:
        return known[-1]
    if lesson not in known:
        raise ApiError(404, f"There is no lesson {lesson}.")
    return lesson


def exercise_item(api: ClassApi, req, claims_too: bool = False):
    exercise = api.catalogue()[0].exercises.get(req.get_param("exercise") or "")
    if exercise is None:
        raise ApiError(404, "There is no such exercise.")
    item = req.get_param("item") or ""
    items = set(exercise.key["items"]) if claims_too and exercise.kind == "mark-claims" \
        else set(exercise.items)
    if item not in items:
        raise ApiError(404, "This exercise has no such item.")
    return exercise, item


# Students
class Join:
    def __init__(self, api): self.api = api

    def on_post(self, req, resp):
        student, token = self.api.store.join(clean_name(read_json(req).get("name")))
        resp.status = 201
        resp.media = {"id": student.id, "name": student.name, "token": token}


class Me:
    def __init__(self, api): self.api = api

    def on_get(self, req, resp):
        student = student_of(self.api, req)
        answers: dict = {}
        events = self.api.store.events(student=student.id)
        for event in events:
            for item, answer in event.items.items():
                answers.setdefault(event.exercise, {})[item] = answer
        resp.media = {"id": student.id, "name": student.name, "events": len(events),
                      "answers": answers}

    def on_post(self, req, resp):
        student = student_of(self.api, req)
        name = clean_name(read_json(req).get("name"))
        self.api.store.rename(student.id, name)
        resp.media = {"id": student.id, "name": name}


class Events:
    def __init__(self, api): self.api = api

    def on_post(self, req, resp):
        data = read_json(req)
        student = student_of(self.api, req)
        events = data.get("events")
        if not isinstance(events, list) or not 0 < len(events) <= MAX_EVENTS:
            raise ApiError(400, f"Send 'events': a list of 1 to {MAX_EVENTS} events.")
        catalogue, _ = self.api.catalogue()
        lesson = self.api.store.current_lesson()
        settings = self.api.store.checkup(lesson)
        good, refused = [], []
        for event in events:
            try:
                catalogue.check_event(event)
                if event["type"] == "handin":
                    earlier = self.api.store.handed_in(student.id, lesson, event["exercise"])
                    earlier += [e["id"] for e in good if e["type"] == "handin"
                                and e["exercise"] == event["exercise"]]
                    why = checkup.refusal(settings, earlier, event["id"])
                    if why:
                        raise EventError(why)
                good.append(event)
            except EventError as problem:
                event_id = event.get("id") if isinstance(event, dict) else None
                refused.append({"id": event_id if isinstance(event_id, str) else None,
                                "error": str(problem)})
        stored = self.api.store.add_events(student.id, good) if good else []
        if stored:
            self.api.events_arrived()
        resp.media = {"stored": stored, "refused": refused}
        if refused:
            resp.status = 422
            resp.media["error"] = (f"{len(refused)} of {len(events)} answers were refused: "
                                   f"{refused[0]['error']}")


class OwnCheckup:
    """A student's own check-up: open or closed, handed in or not, and their feedback when the
    teacher's setting allows. Nobody else's, and no key entry of an item they did not answer."""

    def __init__(self, api): self.api = api

    def on_get(self, req, resp):
        student = student_of(self.api, req)
        catalogue, scorer = self.api.catalogue()
        exercise = catalogue.exercises.get(req.get_param("exercise") or "")
        if exercise is None or not exercise.assessment:
            raise ApiError(404, "There is no such check-up exercise.")
        lesson = self.api.store.current_lesson()
        handins = [e for e in self.api.store.events(lesson, student=student.id)
                   if e.type == "handin" and e.exercise == exercise.id]
        resp.media = checkup.own_results(exercise, scorer, self.api.store.checkup(lesson), handins)


# The teacher
class Login:
    def __init__(self, api): self.api = api

    def on_post(self, req, resp):
        data = read_json(req)
        device = req.remote_addr or "?"  # in memory only, to slow guessing; never stored
        wait = self.api.teacher.wait_before_trying(device)
        if wait > 0:
            resp.set_header("Retry-After", str(int(wait) + 1))
            raise ApiError(429, f"Too many wrong PINs. Wait {int(wait) + 1} seconds, then try "
                                "again.", wait=int(wait) + 1)
        pin = data.get("pin")
        token = self.api.teacher.log_in(device, pin) if isinstance(pin, str) and len(pin) < 100 \
            else self.api.teacher.log_in(device, "")
        if token is None:
            raise ApiError(403, "That PIN is not right. The PIN is shown in the window where "
                                "'make serve' runs.")
        # Path "/": the teachers' pages, too, are served only to this browser (serving.py).
        resp.set_cookie(TEACHER_COOKIE, token, path="/", secure=False, http_only=True,
                        same_site="Strict")
        resp.media = {"teacher": True}


class Logout:
    def __init__(self, api): self.api = api

    def on_post(self, req, resp):
        read_json(req)
        self.api.teacher.log_out(req.cookies.get(TEACHER_COOKIE))
        resp.unset_cookie(TEACHER_COOKIE, path="/")
        resp.media = {"teacher": False}


class Session:
    def __init__(self, api): self.api = api

    def on_get(self, req, resp):
        resp.media = {"teacher": self.api.teacher.is_session(req.cookies.get(TEACHER_COOKIE))}


class ClassReport:
    def __init__(self, api): self.api = api

    def on_get(self, req, resp):
        teacher_only(self.api, req)
        lesson = lesson_of(self.api, req)
        head = json.dumps({"lesson": lesson, "lessons": self.api.store.lessons(),
                           "checkup": self.api.store.checkup(lesson).__dict__}, ensure_ascii=False)
        # The figures' JSON is kept between refreshes (LiveFigures): spliced in, not rebuilt.
        resp.content_type = falcon.MEDIA_JSON
        resp.text = head[:-1] + "," + self.api.figures_json(lesson)[1:]


class CheckupSettings:
    """Open or close the check-up, choose when students see feedback, release the results."""

    def __init__(self, api): self.api = api

    def on_post(self, req, resp):
        teacher_only(self.api, req)
        data = read_json(req)
        changes = {}
        for name in ("open", "released"):
            if name in data:
                if not isinstance(data[name], bool):
                    raise ApiError(400, f"'{name}' must be true or false.")
                changes[name] = data[name]
        if "feedback" in data:
            if data["feedback"] not in FEEDBACK_MODES:
                raise ApiError(400, f"'feedback' must be one of: {', '.join(FEEDBACK_MODES)}.")
            changes["feedback"] = data["feedback"]
        lesson = self.api.store.current_lesson()
        resp.media = {"lesson": lesson,
                      "checkup": self.api.store.set_checkup(lesson, **changes).__dict__}


class Spread:
    def __init__(self, api): self.api = api

    def on_get(self, req, resp):
        teacher_only(self.api, req)
        exercise, item = exercise_item(self.api, req, claims_too=True)
        resp.media = self.api.report(lesson_of(self.api, req),
                                     lambda report: report.spread(exercise.id, item))


class OpenResponses:
    def __init__(self, api): self.api = api

    def on_get(self, req, resp):
        teacher_only(self.api, req)
        exercise, item = exercise_item(self.api, req)
        names = req.get_param_as_bool("names") or False
        resp.media = self.api.report(lesson_of(self.api, req),
                                     lambda report: report.open_responses(exercise.id, item, names))


class Download:
    def __init__(self, api, kind): self.api, self.kind = api, kind

    def on_get(self, req, resp):
        teacher_only(self.api, req)
        lesson = lesson_of(self.api, req)
        if self.kind == "csv":
            resp.content_type = "text/csv; charset=utf-8"
            # The mark at the start tells spreadsheets it is UTF-8.
            resp.text = "\ufeff" + self.api.report(lesson, to_csv)
            resp.downloadable_as = f"class-results-lesson-{lesson}.csv"
        else:
            home = f"{req.scheme}://{req.get_header('Host') or req.host}/"
            resp.content_type = "application/x-ndjson; charset=utf-8"
            resp.text = self.api.report(lesson, lambda report: to_xapi(report, home))
            resp.downloadable_as = f"class-results-lesson-{lesson}.xapi.jsonl"


class Lessons:
    def __init__(self, api): self.api = api

    def on_post(self, req, resp):
        teacher_only(self.api, req)
        title = read_json(req).get("title") or ""
        if not isinstance(title, str) or len(title) > 120 or _CONTROL.search(title):
            raise ApiError(400, "A lesson's title is at most 120 letters, on one line.")
        resp.status = 201
        resp.media = {"lesson": self.api.store.new_lesson(title.strip()),
                      "lessons": self.api.store.lessons()}


class ImportFile:
    """One My answers file, loaded by the teacher on the class page: its answers join those of
    the student it names, in the current lesson, or it is refused with a reason."""

    def __init__(self, api): self.api = api

    def on_post(self, req, resp):
        teacher_only(self.api, req)
        data = read_json(req)
        file_name, text = data.get("file"), data.get("content")
        if not isinstance(file_name, str) or not isinstance(text, str):
            raise ApiError(400, "Send 'file' (its name) and 'content' (its text).")
        file_name = _CONTROL.sub("", file_name)[:200]
        try:
            name, events = events_from_file(self.api.catalogue()[0], text)
        except FileRefused as why:
            raise ApiError(422, f"{file_name} was not loaded: {why}.", file=file_name) from None
        student = self.api.store.student_named(name)
        self.api.store.add_events(student.id, events)
        self.api.events_arrived()
        resp.media = {"file": file_name, "name": student.name, "exercises": len(events)}


def _confirmed(req) -> None:
    if read_json(req).get("confirm") is not True:
        raise ApiError(400, "Nothing was deleted: send {\"confirm\": true} to confirm.")


class DeleteStudent:
    def __init__(self, api): self.api = api

    def on_post(self, req, resp, student_id):
        teacher_only(self.api, req)
        _confirmed(req)
        if not self.api.store.delete_student(student_id):
            raise ApiError(404, "There is no such student (already deleted?).")
        resp.media = {"deleted": student_id}


class DeleteEverything:
    def __init__(self, api): self.api = api

    def on_post(self, req, resp):
        teacher_only(self.api, req)
        _confirmed(req)
        self.api.store.delete_everything()
        resp.media = {"deleted": "everything", "lessons": self.api.store.lessons()}


def make_api(api: ClassApi) -> falcon.App:
    app = falcon.App(middleware=[Headers()], cors_enable=False)
    app.req_options.strip_url_path_trailing_slash = True
    app.add_error_handler(ApiError, _error)
    app.set_error_serializer(_falcon_error)
    app.add_route("/join", Join(api))
    app.add_route("/me", Me(api))
    app.add_route("/events", Events(api))
    app.add_route("/checkup", OwnCheckup(api))
    app.add_route("/teacher/login", Login(api))
    app.add_route("/teacher/logout", Logout(api))
    app.add_route("/teacher/session", Session(api))
    app.add_route("/teacher/report", ClassReport(api))
    app.add_route("/teacher/spread", Spread(api))
    app.add_route("/teacher/open", OpenResponses(api))
    app.add_route("/teacher/results.csv", Download(api, "csv"))
    app.add_route("/teacher/results.jsonl", Download(api, "xapi"))
    app.add_route("/teacher/lessons", Lessons(api))
    app.add_route("/teacher/checkup", CheckupSettings(api))
    app.add_route("/teacher/import", ImportFile(api))
    app.add_route("/teacher/students/{student_id}/delete", DeleteStudent(api))
    app.add_route("/teacher/delete-everything", DeleteEverything(api))
    return app
