"""The check-up's own teacher route (mounted by api.py): let a student sit the check-up again."""

from __future__ import annotations

from . import handins
from .guards import ApiError, Resource


class Retake(Resource):
    """The teacher lets one student hand in again each check-up part they handed in; the next
    hand-in is the one marked, and the downloads say it was a retake."""

    teacher = True

    def on_post(self, req, resp, student_id):
        student = self.store.students().get(student_id)
        if student is None:
            raise ApiError(404, "There is no such student (deleted?).")
        catalogue, _ = self.live.catalogue()
        events = self.store.events(student=student_id)
        parts = [exercise.id for exercise in catalogue.exercises.values() if exercise.assessment
                 and handins.sitting([e for e in events if e.exercise == exercise.id])]
        if not parts and any(e.type == "retake" for e in events):
            raise ApiError(409, f"{student.name} may already hand in again: the retake you "
                                "allowed is still waiting for their hand-in.")
        if not parts:
            raise ApiError(409, f"{student.name} has not handed in any part of the check-up, so "
                                "there is nothing to sit again.")
        handins.allow_retake(self.store, student_id, parts)
        self.live.events_arrived()
        resp.media = {"student": student_id, "name": student.name, "exercises": parts}
