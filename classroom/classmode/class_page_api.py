"""The class page's own teacher routes (mounted by api.py): one student's work in one click,
and a lesson's new title."""

from __future__ import annotations

from .guards import CONTROL, ApiError, Resource, exercise_item, lesson_of, student_of
from .marks import checked_mark, comments_for, marks_in, set_mark
from .one_student import scores_only, student_work


class StudentWork(Resource):
    """One student's work in the lesson shown, with their scores in the other lessons."""

    teacher = True

    def on_get(self, req, resp):
        sid = req.get_param("student") or ""
        if sid not in self.store.students():
            raise ApiError(404, "There is no such student (deleted?).")
        lesson = lesson_of(self.live, req)
        marks = marks_in(self.store, lesson)
        shown = self.live.report(lesson, lambda report: student_work(report, sid, marks))
        earlier = []
        for row in self.store.lessons():
            if row["id"] != lesson:
                scores = self.live.report(row["id"], lambda report: scores_only(report, sid))
                if scores:
                    earlier.append({"id": row["id"], "title": row["title"], "exercises": scores})
        resp.media = {**shown, "name": self.store.students()[sid].name, "earlier": earlier}


class LessonTitle(Resource):
    """The teacher names a lesson, or renames it (D21)."""

    teacher = True

    def on_post(self, req, resp, lesson_id):
        title = req.context.json.get("title")
        if not isinstance(title, str) or not title.strip() or len(title) > 120 \
                or CONTROL.search(title):
            raise ApiError(400, "A lesson's title is 1 to 120 letters, on one line.")
        lesson = int(lesson_id) if lesson_id.isdigit() else None
        if lesson not in [row["id"] for row in self.store.lessons()]:
            raise ApiError(404, f"There is no lesson {lesson_id[:20]}.")
        self.store._write(lambda db: db.execute("UPDATE lessons SET title = ? WHERE id = ?",
                                                (title.strip(), lesson)))
        resp.media = {"lesson": lesson, "title": title.strip()}


class Mark(Resource):
    """The teacher marks one open answer against the rubric's levels, with a comment."""

    teacher = True

    def on_post(self, req, resp):
        data = req.context.json
        sid = data.get("student")
        if not isinstance(sid, str) or sid not in self.store.students():
            raise ApiError(404, "There is no such student (deleted?).")
        exercise, item = exercise_item(self.live, req)
        if exercise.handler.scored:
            raise ApiError(400, "Only written answers are marked by hand.")
        levels, comment = checked_mark(data)
        lesson = lesson_of(self.live, req)
        set_mark(self.store, sid, lesson, exercise.id, item, levels, comment)
        resp.media = {"student": sid, "lesson": lesson, "levels": levels, "comment": comment}


class OwnComments(Resource):
    """A student's own teacher's comments on their written answers, for their pages."""

    def on_get(self, req, resp):
        resp.media = {"comments": comments_for(self.store, student_of(self.live, req).id)}


CLASS_PAGE_ROUTES = {"/teacher/student": StudentWork,
                     "/teacher/lessons/{lesson_id}": LessonTitle, "/teacher/marks": Mark,
                     "/comments": OwnComments}
