"""The teacher's way in (resources of the class-mode API): the PIN from another device, with a
brake on guessing; no PIN from the laptop itself, where the teacher reads the PIN for other
devices or makes a new one; signing out; and whether this browser is signed in."""

from __future__ import annotations

from .guards import TEACHER_COOKIE, ApiError, Resource, confirmed
from .live import LiveClass


def signed_in(resp, token: str) -> None:
    # Path "/": the teachers' pages, too, are served only to this browser (serving.py).
    resp.set_cookie(TEACHER_COOKIE, token, path="/", secure=False, http_only=True,
                    same_site="Strict")
    resp.media = {"teacher": True}


def here_only(live: LiveClass, req) -> None:
    if not live.teacher.is_here(req.remote_addr):
        raise ApiError(403, "Only the browser on the teacher's computer can do this.",
                       code="not_here")


class Login(Resource):
    def on_post(self, req, resp):
        data = req.context.json
        device = req.remote_addr or "?"  # in memory only, to slow guessing; never stored
        wait = self.live.teacher.wait_before_trying(device)
        if wait > 0:
            resp.set_header("Retry-After", str(int(wait) + 1))
            raise ApiError(429, f"Too many wrong PINs. Wait {int(wait) + 1} seconds, then try "
                                "again.", wait=int(wait) + 1)
        pin = data.get("pin")
        token = self.live.teacher.log_in(device, pin) if isinstance(pin, str) and len(pin) < 100 \
            else self.live.teacher.log_in(device, "")
        if token is None:
            raise ApiError(403, "That PIN is not right. Open the class page on the teacher's "
                                "computer: it needs no PIN there, and shows the PIN.")
        signed_in(resp, token)


class Here(Resource):
    """The class page opened on the laptop itself signs in without the PIN."""

    def on_post(self, req, resp):
        here_only(self.live, req)
        signed_in(resp, self.live.teacher.session(req.remote_addr or "?"))


class Pin(Resource):
    """The PIN for the teacher's other devices, on the laptop only: shown if known this run,
    or a new one made (it is kept only hashed, so one from before a restart cannot be shown)."""
    teacher = True

    def on_get(self, req, resp):
        here_only(self.live, req)
        resp.media = {"pin": self.live.teacher.pin}

    def on_post(self, req, resp):
        here_only(self.live, req)
        confirmed(req)
        resp.media = {"pin": self.live.teacher.make_new_pin(req.cookies.get(TEACHER_COOKIE))}


class Logout(Resource):
    def on_post(self, req, resp):
        self.live.teacher.log_out(req.cookies.get(TEACHER_COOKIE))
        resp.unset_cookie(TEACHER_COOKIE, path="/")
        resp.media = {"teacher": False}


class Session(Resource):
    def on_get(self, req, resp):
        teacher = self.live.teacher
        resp.media = {"teacher": teacher.is_session(req.cookies.get(TEACHER_COOKIE)),
                      "here": teacher.is_here(req.remote_addr)}


ACCESS_ROUTES = {"/teacher/login": Login, "/teacher/logout": Logout, "/teacher/session": Session,
                 "/teacher/here": Here, "/teacher/pin": Pin}
