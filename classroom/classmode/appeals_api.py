"""Appeals over HTTP (mounted by api.py): a student sends and reads their own; the teacher reads
them all, replies, or accepts an answer for the class (appeals.py does the work).

An appeal is a route of its own rather than one more event type: events are answers, folded
into the figures and counted against the lesson's quota, while an appeal is a short text that
lives on after it is sent (the teacher's reply, its state), and is read back by its student.
"""

from __future__ import annotations

from . import appeals, checkup, people
from .guards import ApiError, Resource, student_of
from .names import shown_apart


class OwnAppeals(Resource):
    """A student's own appeals (GET), and a new one (POST)."""

    def on_get(self, req, resp):
        student = student_of(self.live, req)
        resp.media = {"appeals": appeals.own(self.store, student.id)}

    def on_post(self, req, resp):
        student = student_of(self.live, req)
        if people.is_waiting(self.store, student.id):
            raise ApiError(403, "Your teacher has not let you in yet: ask them, then send it.")
        data = req.context.json
        catalogue, scorer = self.live.catalogue()
        exercise = catalogue.exercises.get(data.get("exercise")) \
            if isinstance(data.get("exercise"), str) else None
        if exercise is None:
            raise ApiError(404, "There is no such exercise.")
        item = data.get("item")
        if exercise.assessment and not self._sees_feedback(exercise, scorer, student.id, item,
                                                         data.get("answer")):
            raise ApiError(403, "You can disagree with the check-up once your teacher has "
                                "released its results, about an answer you handed in.")
        try:
            appeal = appeals.make(self.store, exercise, student.id, item if isinstance(
                item, str) else "", data.get("version"), data.get("answer"), data.get("reason"))
        except appeals.AppealRefused as why:
            raise ApiError(422, str(why)) from None
        resp.status = 201
        resp.media = {"appeal": appeal}

    def _sees_feedback(self, exercise, scorer, student_id, item, answer) -> bool:
        """A check-up item: its results shown to this student, and the answer the one handed in."""
        view = checkup.own_checkup(self.store, exercise, scorer, student_id)
        if view["key"] is None:
            return False
        if exercise.handler.whole_text:
            claim = exercise.key["items"].get(item) if isinstance(item, str) else None
            marks = next(iter(view["answers"].values()), None) or {}
            return claim is not None and marks.get(claim["sentence"]) == answer
        return isinstance(item, str) and item in view["answers"] and \
            appeals.answer_id(view["answers"][item]) == appeals.answer_id(answer)


class ClassAppeals(Resource):
    """Every appeal, with names, and the answers accepted for the class (the class page and the
    answer key)."""

    teacher = True

    def on_get(self, req, resp):
        catalogue, _ = self.live.catalogue()
        names = {sid: s.name for sid, s in shown_apart(self.store.students()).items()}
        accepted = []
        for also in appeals.accepted(self.store):
            exercise = catalogue.exercises.get(also["exercise"])
            if exercise is not None:
                accepted.append({**also, "title": exercise.title,
                                 "label": appeals.item_label(exercise, also["item"]),
                                 "answerText": appeals.answer_text(exercise, also["item"],
                                                                   also["answer"])})
        resp.media = {"appeals": appeals.for_teacher(self.store, catalogue, names),
                      "accepted": accepted}


class AnswerAppeal(Resource):
    """The teacher's reply to one appeal, its acceptance, or the acceptance undone: then the
    class is re-scored."""

    teacher = True

    def on_post(self, req, resp, appeal_id):
        data = req.context.json
        action = data.get("action")
        if action not in ("reply", "accept", "undo"):
            raise ApiError(400, "Send 'action': reply, accept (with 'text') or undo.")
        if not appeal_id.isdigit():
            raise ApiError(404, "There is no such appeal.")
        try:
            if action == "reply":
                appeals.reply(self.store, int(appeal_id), data.get("text"))
            else:
                if action == "accept":
                    appeals.accept(self.store, int(appeal_id), data.get("text"))
                else:
                    appeals.undo(self.store, int(appeal_id))
                self.live.key_changes += 1  # the class's key changed: every answer re-scored
                self.live.events_arrived()
        except appeals.AppealRefused as why:
            raise ApiError(422, str(why)) from None
        except LookupError as why:
            raise ApiError(404, str(why)) from None
        resp.media = {"appeal": int(appeal_id), "state": appeals.ACCEPTED if action == "accept"
                      else appeals.ANSWERED}  # a reply, or an acceptance undone


APPEAL_ROUTES = {"/appeals": OwnAppeals, "/teacher/appeals": ClassAppeals,
                 "/teacher/appeals/{appeal_id}": AnswerAppeal}
