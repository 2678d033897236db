"""The teacher's routes of the before-and-after test (mounted by api.py): the report, giving a
form, opening, closing and releasing an occasion, paper answers, and the CSV."""

from __future__ import annotations

from . import measuring, measuring_report
from .guards import CONTROL, ApiError, Resource, clean_name
from .measuring import NoSuchOccasion, OccasionError
from .paper_entry import PaperError, enter

MAX_LETTERS = 200  # typed letters in one row, spaces included


class Measuring(Resource):
    """The forms, the occasions given, the class report and the item statistics."""

    teacher = True
    kept = (None, None)  # (what it was read from, the answer): the class page asks every 4 s

    def on_get(self, req, resp):
        catalogue, scorer = self.live.catalogue()
        read_from = (self.store.generation, scorer, measuring.handins_version(self.store),
                     measuring.occasions(self.store), tuple(self.store.students().items()),
                     self.store.current_lesson())
        if self.kept[0] != read_from:  # reading every hand-in again takes ~50 ms for 300 students
            self.kept = (read_from, self._answer(catalogue, scorer))
        resp.media = self.kept[1]

    def _answer(self, catalogue, scorer) -> dict:
        report = measuring_report.class_report(self.store, catalogue, scorer)
        sat = report.pop("sittings")
        return {
            "forms": [{"exercise": ex.id, "form": ex.form, "title": ex.title,
                       "items": len(ex.items)} for ex in measuring.forms(catalogue).values()],
            "occasions": [{**given.__dict__, "sittings": sat.get(given.id, 0)}
                          for given in measuring.occasions(self.store)],
            "lesson": self.store.current_lesson(), "report": report}


class Occasions(Resource):
    """Give a form in the current lesson: {"label": "pre" | "post" | "later", "exercise": id}."""

    teacher = True

    def on_post(self, req, resp):
        data = req.context.json
        try:
            given = measuring.give(self.store, self.live.catalogue()[0], data.get("label"),
                                   data.get("exercise"))
        except OccasionError as why:
            raise ApiError(409, str(why)) from None
        resp.status = 201
        resp.media = {**given.__dict__}


class OneOccasion(Resource):
    """Open or close an occasion, or release its results: {"open": bool, "released": bool}."""

    teacher = True

    def on_post(self, req, resp, occasion_id):
        data, changes = req.context.json, {}
        for name in ("open", "released"):
            if name in data:
                if not isinstance(data[name], bool):
                    raise ApiError(400, f"'{name}' must be true or false.")
                changes[name] = data[name]
        try:
            given = measuring.change(self.store, _number(occasion_id), **changes)
        except OccasionError as why:
            raise ApiError(404 if isinstance(why, NoSuchOccasion) else 409, str(why)) from None
        self.live.events_arrived()
        resp.media = {**given.__dict__}


class Paper(Resource):
    """One student's letters from paper: {"occasion": id, "name": text, "letters": text}."""

    teacher = True

    def on_post(self, req, resp):
        data = req.context.json
        number = data.get("occasion")
        given = measuring.occasion(self.store, number) \
            if isinstance(number, int) and not isinstance(number, bool) else None
        if given is None:
            raise ApiError(404, "Choose the occasion these answers were given at.")
        letters = data.get("letters")
        if not isinstance(letters, str) or len(letters) > MAX_LETTERS or CONTROL.search(letters):
            raise ApiError(400, "Type the student's letters on one line.")
        if not isinstance(data.get("name"), str) or not data["name"].strip():
            raise ApiError(400, "Type the student's name first.")
        name = clean_name(data["name"])
        try:
            entered = enter(self.store, self.live.catalogue()[0], given, name, letters)
        except (PaperError, OccasionError) as why:
            raise ApiError(422, str(why)) from None
        self.live.events_arrived()
        resp.media = entered


class MeasuringCsv(Resource):
    """One row per student, occasion and concept, for a spreadsheet."""

    teacher = True

    def on_get(self, req, resp):
        catalogue, scorer = self.live.catalogue()
        resp.content_type = "text/csv; charset=utf-8"
        resp.text = "\ufeff" + measuring_report.to_csv(self.store, catalogue, scorer)
        resp.downloadable_as = "before-and-after-by-concept.csv"


def _number(text: str) -> int:
    if not text.isdigit() or len(text) > 12:
        raise ApiError(404, "There is no such occasion.")
    return int(text)


MEASURING_ROUTES = {
    "/teacher/measuring": Measuring, "/teacher/occasions": Occasions,
    "/teacher/occasions/{occasion_id}": OneOccasion, "/teacher/paper": Paper,
    "/teacher/measuring.csv": MeasuringCsv,
}
