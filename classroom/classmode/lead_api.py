"""Leading from the front, over HTTP (Falcon resources; the work is in lead.py, lead_views.py
and pasted.py): the projector's page, its script and style, the teacher's steps, a pasted text
and its key, and what a joined student's page follows.

The projector page is served here, to the teacher's browser only, like the class page's API:
it is no page of the site, so no student can fetch it, and it holds no key; the key of a step
reaches it from /teacher/lead only after Reveal.
"""

from __future__ import annotations

import threading
from pathlib import Path

import falcon

from ..contract import script_preamble
from ..errors import AuthoringError
from ..render import render
from ..scripts import FOLDER as SCRIPTS
from ..words import table
from .guards import TEACHER_COOKIE, ApiError, Resource, student_of
from .lead import (PASTED, LeadError, change, load_state, save_state, sources, steps_of)
from .lead_views import class_counts, step_view, student_view
from .live import CatalogueUnreadable
from . import pasted as texts

HERE = Path(__file__).parent
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
               "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class ModuleCache:
    """The module (cases, pages, exercises), read again when the site is rebuilt."""

    def __init__(self, live):
        self.live, self._lock, self._for, self._module = live, threading.Lock(), object(), None

    def __call__(self):
        from ..project import Module
        identity = self.live.site_identity()
        with self._lock:
            if self._module is None or identity != self._for:
                try:
                    self._module = Module.load(self.live.project)
                except AuthoringError as error:
                    if self._module is None:  # nothing to fall back on: say what to fix
                        raise CatalogueUnreadable("The module's files cannot be read, so "
                                                  f"nothing can be led: {error}") from None
                    # A half-edited data file: keep leading with the module being served.
                self._for = identity
            return self._module


def module_of(live):
    if not hasattr(live, "lead_module"):
        live.lead_module = ModuleCache(live)  # one per class, beside its catalogue
    return live.lead_module()


class LeadResource(Resource):
    def steps(self, source: str) -> list[dict]:
        return steps_of(module_of(self.live), self.live.catalogue()[0], source,
                        texts.load(self.store))

    def kinds(self) -> dict:
        """The claim kinds a pasted text is marked with: the module's own, in its order."""
        return {term.id: term.label for term in module_of(self.live).index.claim_kinds.values()}


# The teacher
class Lead(LeadResource):
    teacher = True

    def on_get(self, req, resp):
        resp.media = self.view()

    def on_post(self, req, resp):
        data = req.context.json
        try:
            state = change(load_state(self.store), str(data.get("action", "")), data, self.steps)
        except LeadError as why:
            raise ApiError(400, str(why)) from None
        save_state(self.store, state)
        resp.media = self.view()

    def view(self) -> dict:
        module, (catalogue, _) = module_of(self.live), self.live.catalogue()
        pasted, state = texts.load(self.store), load_state(self.store)
        shown = None
        if state.source is not None:
            try:
                steps = self.steps(state.source)
            except LeadError:
                steps = []
            if steps:
                state.step = min(state.step, len(steps) - 1)
                lesson = self.store.current_lesson()
                shown = step_view(
                    module, catalogue, state, steps,
                    lambda exercise, item: self.live.report(
                        lesson, lambda report: class_counts(report, exercise, item)),
                    lambda revealed: self.pasted_view(pasted, revealed))
        return {"sources": sources(module, catalogue, pasted), "shown": shown,
                "pasted": {"title": pasted["title"]} if pasted else None}

    def pasted_view(self, pasted: dict, revealed: bool) -> dict:
        marks = texts.all_marks(self.store, pasted)
        key = pasted.get("key")
        view = {"title": pasted["title"], "blocks": pasted["blocks"], "kinds": self.kinds(),
                "marked": len(marks), "counts": texts.counts(marks), "key": key,
                "keyFrom": pasted.get("keyFrom")}
        if key is not None:
            view["scores"] = texts.scores_spread(key, marks)
        return view


class PasteText(LeadResource):
    teacher = True

    def on_post(self, req, resp):
        data = req.context.json
        try:
            pasted = texts.new_text(data.get("title"), data.get("text"))
        except texts.PastedError as why:
            raise ApiError(400, str(why)) from None
        texts.save(self.store, pasted)
        state = change(load_state(self.store), "show", {"source": PASTED}, self.steps)
        save_state(self.store, state)
        resp.status = 201
        resp.media = {"pasted": pasted["id"], "blocks": pasted["blocks"]}


class PastedKey(LeadResource):
    """The key of the pasted text: the class's judgement, or the teacher's own."""
    teacher = True

    def on_post(self, req, resp):
        data, pasted = req.context.json, texts.load(self.store)
        if pasted is None:
            raise ApiError(404, "There is no pasted text: paste one first.")
        try:
            if data.get("from") == "class":
                key = texts.class_key(pasted, texts.all_marks(self.store, pasted))
            else:
                key = texts.checked_key(pasted, data.get("key"), self.kinds())
        except texts.PastedError as why:
            raise ApiError(400, str(why)) from None
        pasted["key"], pasted["keyFrom"] = key, "class" if data.get("from") == "class" else "teacher"
        texts.save(self.store, pasted)
        save_state(self.store, load_state(self.store))  # the students' pages show their score
        resp.media = {"key": key}


class PastedFiles(LeadResource):
    """The pasted text and its key as an author's files, in one zip."""
    teacher = True

    def on_get(self, req, resp):
        pasted = texts.load(self.store)
        if pasted is None:
            raise ApiError(404, "There is no pasted text: paste one first.")
        name = req.get_param("name") or "pasted-text"
        concept = next(iter(module_of(self.live).index.concepts))
        try:
            files = texts.author_files(pasted, name, concept)
        except texts.PastedError as why:
            raise ApiError(400, str(why)) from None
        resp.content_type = "application/zip"
        resp.data = texts.as_zip(files)
        resp.downloadable_as = f"{name}.zip"


class LeadPage(Resource):
    """The projector's page: to the teacher's browser only; any other is sent to sign in."""

    def on_get(self, req, resp):
        resp.content_type = falcon.MEDIA_HTML
        resp.set_header("Content-Security-Policy", PAGE_POLICY)
        teacher = self.live.teacher.is_session(req.cookies.get(TEACHER_COOKIE))
        if not teacher:
            resp.status = 401
        resp.text = render("lead.html", teacher=teacher)


class LeadAsset(Resource):
    teacher = True

    def __init__(self, live, asset: str):
        super().__init__(live)
        self.asset = asset

    def on_get(self, req, resp):
        if self.asset == "script":
            resp.content_type = "text/javascript; charset=utf-8"
            resp.text = lead_script()
        else:
            resp.content_type = "text/css; charset=utf-8"
            resp.text = (HERE / "lead.css").read_text(encoding="utf-8")


def lead_script(language: str = "en") -> str:
    words = {"language": language, "words": {key: value for key, value in table(language).items()
                                             if key.startswith("cp_lead_")}}
    return ("// Weighing Health Claims: the projector view. Built from classroom/scripts/core.js\n"
            "// and classroom/classmode/lead.js; edit those.\n" + script_preamble(words)
            + (SCRIPTS / "core.js").read_text(encoding="utf-8") + "\n"
            + (HERE / "lead.js").read_text(encoding="utf-8") + "})();\n")


# A joined student
class Follow(LeadResource):
    def on_get(self, req, resp):
        student = student_of(self.live, req)
        state, pasted = load_state(self.store), texts.load(self.store)
        try:
            steps = self.steps(state.source) if state.source else []
        except LeadError:
            steps = []
        resp.media = student_view(module_of(self.live), state, steps,
                                  lambda: self.pasted_for(student.id, pasted))

    def pasted_for(self, student: str, pasted: dict) -> dict:
        mine = texts.all_marks(self.store, pasted).get(student, {})
        view = {"id": pasted["id"], "title": pasted["title"], "blocks": pasted["blocks"],
                "kinds": self.kinds(), "mine": mine}
        if pasted.get("key") is not None:
            view["score"] = texts.score(pasted["key"], mine)
        return view


class FollowMarks(LeadResource):
    def on_post(self, req, resp):
        student = student_of(self.live, req)
        data, pasted = req.context.json, texts.load(self.store)
        if pasted is None or data.get("text") != pasted["id"]:
            raise ApiError(409, "Your teacher has pasted another text: it is shown now.")
        try:
            marks = texts.checked_marks(pasted, data.get("marks"), self.kinds())
        except texts.PastedError as why:
            raise ApiError(400, str(why)) from None
        texts.save_marks(self.store, student.id, pasted, marks)
        resp.media = {"saved": len(marks)}


def asset(name: str):
    return lambda live: LeadAsset(live, name)


LEAD_ROUTES = {"/teacher/lead": Lead, "/teacher/lead/text": PasteText,
               "/teacher/lead/key": PastedKey, "/teacher/lead/files": PastedFiles,
               "/teacher/lead/page": LeadPage, "/teacher/lead/script": asset("script"),
               "/teacher/lead/style": asset("style"), "/lead": Follow, "/lead/marks": FollowMarks}
