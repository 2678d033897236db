"""The class-mode API's routes for who is who (people.py): joining, and the teacher's decisions
(merge a record into the student it belongs to, admit a student who waits). Mounted with
api.py's ROUTES."""

from __future__ import annotations

from . import people
from .guards import ApiError, Resource, clean_name


WAITING = {
    "name": ("Someone in the class already uses this name, so your teacher has to let you in: "
             "tell your teacher. Your answers are kept meanwhile."),
    "list": ("Your name is not on your teacher's class list, so your teacher has to let you in: "
             "tell your teacher your name. Your answers are kept meanwhile."),
    "checkup": ("The check-up has started, so your teacher has to let you in: tell your "
                "teacher your name. Your answers are kept meanwhile."),
}


class Join(Resource):
    """A new student. One whose name is in use, or who joins while the check-up is open, is
    told so and waits for the teacher (people.join)."""

    def on_post(self, req, resp):
        student, token, why = people.join(self.store, clean_name(req.context.json.get("name")))
        resp.status = 201
        resp.media = {"id": student.id, "name": student.name, "token": token,
                      "waiting": bool(why), "message": WAITING.get(why, "")}


class Admit(Resource):
    teacher = True

    def on_post(self, req, resp, student_id):
        if student_id not in self.store.students():
            raise ApiError(404, "There is no such student (deleted or merged already?).")
        people.admit(self.store, student_id)
        resp.media = {"admitted": student_id}


class ClassList(Resource):
    """The class list the teacher pastes once: its names join without waiting."""
    teacher = True

    def on_get(self, req, resp):
        resp.media = {"names": people.class_list(self.store)}

    def on_post(self, req, resp):
        text = req.context.json.get("names")
        if not isinstance(text, str) or len(text) > 60_000:
            raise ApiError(400, "Send 'names': the class list, one name a line.")
        resp.media = {"names": people.set_class_list(self.store, text)}


class Merge(Resource):
    """The teacher's decision on a same-name match: one student's answers join another's."""
    teacher = True

    def on_post(self, req, resp, student_id):
        into = req.context.json.get("into")
        students = self.store.students()
        if student_id not in students or not isinstance(into, str) or into not in students:
            raise ApiError(404, "There is no such student (deleted or merged already?).")
        if into == student_id:
            raise ApiError(400, "A student cannot be merged into themselves.")
        people.merge(self.store, student_id, into)
        resp.media = {"merged": student_id, "into": into}


PEOPLE_ROUTES = {"/join": Join, "/teacher/students/{student_id}/merge": Merge,
                 "/teacher/students/{student_id}/admit": Admit, "/teacher/class-list": ClassList}
