"""The class-mode JSON API, mounted under /api/ by the classroom server: Falcon resources over
the class's live state (live.py), which with store.py, catalogue.py, figures.py, views.py and
exports.py knows nothing of HTTP.

Falcon: a small, dependency-free, well-kept WSGI framework made for JSON APIs (routing, request
and response objects, cookies, error handling), so nothing here parses HTTP by hand.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import falcon

from . import appeals, checkup, measuring, people
from .access import ACCESS_ROUTES
from .api_people import PEOPLE_ROUTES, Join
from .appeals_api import APPEAL_ROUTES
from .catalogue import EventError
from .checkup_api import Retake
from .class_page_api import CLASS_PAGE_ROUTES
from .marks import marks_in
from .measuring_api import MEASURING_ROUTES
from .exports import to_csv, to_xapi
from .imports import FileRefused, events_from_file
from .lead_api import LEAD_ROUTES, FollowMarks
from .guards import (CONTROL, ApiError, Headers, JsonBody, Limits, Resource, SavingWatch, TeacherOnly,
                     clean_name, confirmed, exercise_item, handle_errors, lesson_of, student_of)
from .live import LiveClass, joined_in
from .names import shown_apart
from .store import FEEDBACK_MODES, ClassStore
from .teacher import Teacher
from .views import open_responses, spread

MAX_EVENTS = 100          # events in one batch


# Students
class Me(Resource):
    def on_get(self, req, resp):
        student = student_of(self.live, req)
        answers: dict = {}
        events = self.store.events(student=student.id)
        for event in events:
            for item, answer in event.items.items():
                answers.setdefault(event.exercise, {})[item] = answer
        resp.media = {"id": student.id, "name": student.name, "events": len(events),
                      "answers": answers, "waiting": people.is_waiting(self.store, student.id)}

    def on_post(self, req, resp):
        student = student_of(self.live, req)
        name = clean_name(req.context.json.get("name"))
        people.rename(self.store, student.id, name)  # no trace of the former name (F15)
        resp.media = {"id": student.id, "name": name}


class Events(Resource):
    def on_post(self, req, resp):
        data = req.context.json
        student = student_of(self.live, req)
        events = data.get("events")
        if not isinstance(events, list) or not 0 < len(events) <= MAX_EVENTS:
            raise ApiError(400, f"Send 'events': a list of 1 to {MAX_EVENTS} events.")
        catalogue, _ = self.live.catalogue()
        good, refused = [], []
        for event in events:
            try:
                catalogue.check_event(event)
                good.append(event)
            except EventError as problem:
                event_id = event.get("id") if isinstance(event, dict) else None
                refused.append({"id": event_id if isinstance(event_id, str) else None,
                                "error": str(problem)})
        # A hand-in is judged under the write lock: one per part, however many arrive at once.
        stored, late = measuring.add_events(self.store, catalogue, student.id, good) \
            if good else ([], [])  # a form's hand-in is judged against its occasion
        refused += [{"id": event["id"], "error": why} for event, why in late]
        if stored:
            self.live.events_arrived()
        resp.media = {"stored": stored, "refused": refused,
                      "waiting": people.is_waiting(self.store, student.id)}
        if refused:
            resp.status = 422
            resp.media["error"] = (f"{len(refused)} of {len(events)} answers were refused: "
                                   f"{refused[0]['error']}")


class OwnCheckup(Resource):
    """A student's own check-up: open or closed, handed in or not, and their feedback when the
    teacher's setting allows. Nobody else's, and no key entry of an item they did not answer."""

    def on_get(self, req, resp):
        student = student_of(self.live, req)
        catalogue, scorer = self.live.catalogue()
        exercise = catalogue.exercises.get(req.get_param("exercise") or "")
        if exercise is None or not exercise.assessment:
            raise ApiError(404, "There is no such check-up exercise.")
        waiting = people.is_waiting(self.store, student.id)  # sees nothing until admitted
        own = measuring.own_form if exercise.form else checkup.own_checkup
        resp.media = {**own(self.store, exercise, scorer, student.id, waiting),
                      "waiting": waiting}


# The teacher (signing in: access.py)
class ClassReport(Resource):
    teacher = True

    def on_get(self, req, resp):
        resp.content_type = falcon.MEDIA_JSON
        resp.text = self.live.class_page_json(lesson_of(self.live, req))


class CheckupSettings(Resource):
    """Open or close the check-up, choose when students see feedback, release the results."""

    teacher = True

    def on_post(self, req, resp):
        data = req.context.json
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
        lesson = self.store.current_lesson()
        if "lesson" in data:  # an earlier lesson: Release reaches the hand-ins made in it
            lesson = data["lesson"]
            if isinstance(lesson, bool) or lesson not in [row["id"] for row in self.store.lessons()]:
                raise ApiError(404, f"There is no lesson {str(lesson)[:20]}.")
        resp.media = {"lesson": lesson,
                      "checkup": self.store.set_checkup(lesson, **changes).__dict__}


class Spread(Resource):
    teacher = True

    def on_get(self, req, resp):
        exercise, item = exercise_item(self.live, req, claims_too=True)
        resp.media = self.live.report(lesson_of(self.live, req),
                                      lambda report: spread(report, exercise.id, item))


class OpenResponses(Resource):
    teacher = True

    def on_get(self, req, resp):
        exercise, item = exercise_item(self.live, req)
        names, lesson = req.get_param_as_bool("names") or False, lesson_of(self.live, req)
        resp.media = self.live.report(lesson, lambda report: open_responses(
            report, exercise.id, item, names, marks_in(self.store, lesson)))


class Download(Resource):
    """The lesson's results as a file: CSV for a spreadsheet, or xAPI statements."""
    teacher = True

    def __init__(self, live: LiveClass, format: str):
        super().__init__(live)
        self.format = format  # "csv" or "xapi"

    def on_get(self, req, resp):
        lesson = lesson_of(self.live, req)
        if self.format == "csv":
            resp.content_type = "text/csv; charset=utf-8"
            # The mark at the start tells spreadsheets it is UTF-8.
            shown = next(row for row in self.store.lessons() if row["id"] == lesson)
            appealed = appeals.every(self.store)  # each student's appeals go with their rows
            students = shown_apart(self.store.students())  # joined, nothing done: rows too
            joined = {sid: students[sid].name
                      for sid in joined_in(self.store.lessons(), lesson, students)}
            resp.text = "\ufeff" + self.live.report(lesson, lambda report: to_csv(
                report, shown, marks_in(self.store, lesson), appealed, joined))
            resp.downloadable_as = f"class-results-lesson-{lesson}.csv"
        else:
            resp.content_type = "application/x-ndjson; charset=utf-8"
            resp.text = self.live.report(lesson, lambda report: to_xapi(
                report, lesson=lesson, appeals=appeals.every(self.store)))
            resp.downloadable_as = f"class-results-lesson-{lesson}.xapi.jsonl"


class Lessons(Resource):
    teacher = True

    def on_post(self, req, resp):
        title = req.context.json.get("title") or ""
        if not isinstance(title, str) or len(title) > 120 or CONTROL.search(title):
            raise ApiError(400, "A lesson's title is at most 120 letters, on one line.")
        resp.status = 201
        resp.media = {"lesson": self.store.new_lesson(title.strip()),
                      "lessons": self.store.lessons()}


class ImportFile(Resource):
    """One My answers file, loaded by the teacher on the class page: its answers join those of
    the student it names, in the current lesson, or it is refused with a reason."""

    teacher = True

    def on_post(self, req, resp):
        data = req.context.json
        file_name, text = data.get("file"), data.get("content")
        if not isinstance(file_name, str) or not isinstance(text, str):
            raise ApiError(400, "Send 'file' (its name) and 'content' (its text).")
        file_name = CONTROL.sub("", file_name)[:200]
        try:
            name, events = events_from_file(self.live.catalogue()[0], text)
        except FileRefused as why:
            raise ApiError(422, f"{file_name} was not loaded: {why}.", file=file_name) from None
        student = people.file_student(self.store, name)  # never a live account (F3)
        known = {event.event_id for event in self.store.events(student=student.id)}
        new = [event for event in events if event["id"] not in known]  # a file loaded again adds none
        lesson = self.store.current_lesson()
        # A hand-in from a file while the check-up is closed still counts: the teacher is told (D18).
        late = bool(new) and any(event["type"] == "handin" for event in new) and not (
            lesson is not None and self.store.checkup(lesson).open)
        self.store.add_events(student.id, events, from_file=True)
        self.live.events_arrived()
        resp.media = {"file": file_name, "name": student.name, "exercises": len(events),
                      "new": len(new), "handinWhileClosed": late}


class DeleteStudent(Resource):
    teacher = True

    def on_post(self, req, resp, student_id):
        confirmed(req)
        if not self.store.delete_student(student_id):
            raise ApiError(404, "There is no such student (already deleted?).")
        resp.media = {"deleted": student_id}


class DeleteEverything(Resource):
    teacher = True

    def on_post(self, req, resp):
        confirmed(req)
        self.store.delete_everything()
        people.set_class_list(self.store, "")  # the class list too: nothing of the class is left
        resp.media = {"deleted": "everything", "lessons": self.store.lessons()}


ROUTES = {
    "/me": Me, "/events": Events, "/checkup": OwnCheckup,
    **ACCESS_ROUTES,
    "/teacher/report": ClassReport, "/teacher/spread": Spread, "/teacher/open": OpenResponses,
    "/teacher/results.csv": partial(Download, format="csv"),
    "/teacher/results.jsonl": partial(Download, format="xapi"),
    "/teacher/lessons": Lessons, "/teacher/checkup": CheckupSettings,
    "/teacher/import": ImportFile, "/teacher/students/{student_id}/delete": DeleteStudent,
    "/teacher/students/{student_id}/retake": Retake,
    "/teacher/delete-everything": DeleteEverything, **PEOPLE_ROUTES, **MEASURING_ROUTES,
    **CLASS_PAGE_ROUTES,  # one student, a lesson's title, marks (class_page_api.py)
    **LEAD_ROUTES,  # leading from the front (lead_api.py)
    **APPEAL_ROUTES,  # argue with the key (appeals_api.py)
}


def create_app(store: ClassStore, teacher: Teacher, project: Path, site_identity=None,
               fold_in_background: bool = False) -> falcon.App:
    """The API of one class: its store, the teacher's PIN, and the project whose keys score
    (read again whenever `site_identity()` changes); optionally folding answers as they come."""
    live = LiveClass(store, teacher, project, site_identity)
    if fold_in_background:
        live.keep_figures_ready()
    # The PIN before the body: a stranger's POST learns nothing of what the checks want.
    app = falcon.App(middleware=[Headers(), SavingWatch(live.saving), TeacherOnly(teacher), Limits(
        live, joins=Join, sends=(Me, Events, FollowMarks)), JsonBody()], cors_enable=False)
    app.req_options.strip_url_path_trailing_slash = True
    handle_errors(app, live.saving)
    for path, resource in ROUTES.items():
        app.add_route(path, resource(live))
    return app
