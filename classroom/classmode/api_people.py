"""The class-mode API's routes for who is who (people.py): the teacher merges a record made
from a loaded file into the student it belongs to. Mounted with api.py's ROUTES."""

from __future__ import annotations

from . import people
from .guards import ApiError
from .live import LiveClass


class Merge:
    """The teacher's decision on a same-name match: one student's answers join another's."""
    teacher = True

    def __init__(self, live: LiveClass):
        self.live, self.store = live, live.store

    def on_post(self, req, resp, student_id):
        into = req.context.json.get("into")
        students = self.store.students()
        if student_id not in students or not isinstance(into, str) or into not in students:
            raise ApiError(404, "There is no such student (deleted or merged already?).")
        if into == student_id:
            raise ApiError(400, "A student cannot be merged into themselves.")
        people.merge(self.store, student_id, into)
        resp.media = {"merged": student_id, "into": into}


PEOPLE_ROUTES = {"/teacher/students/{student_id}/merge": Merge}
