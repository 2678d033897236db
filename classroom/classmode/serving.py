"""How class mode joins the classroom server: the API under /api/, a cookie that tells pages
they are served by `make serve` (pages from disk or another server never get it, so they make
no request to /api), and a strict Content-Security-Policy on the class page."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from .api import ClassApi, make_api
from .store import ClassStore
from .teacher import Teacher, new_pin

CLASS_COOKIE = "whc-class"
CLASS_PAGE = "teachers/class.html"
DEFAULT_DATA = "classroom-data"
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<body>.*?)</script>",
                            re.S)


@dataclass
class ClassMode:
    api: object          # the WSGI app to mount under /api
    store: ClassStore
    pin: str
    data_dir: Path


def data_folder(value: str | None, site_dir: Path, project: Path) -> Path:
    """The data folder (DATA=, or classroom-data/ in the project); never inside the site."""
    folder = Path(value or project / DEFAULT_DATA).resolve()
    site = Path(os.path.realpath(site_dir))
    if folder == site or site in folder.parents:
        raise ValueError(f"DATA must be outside the site folder ({site}): the students' "
                         "answers must never be served. Choose another folder, e.g. "
                         "DATA=classroom-data.")
    return folder


def start(project: Path, data_dir: Path, pin: str | None, site_identity=None) -> ClassMode:
    pin = (pin or "").strip() or new_pin()
    store = ClassStore(data_dir)
    api = make_api(ClassApi(store, Teacher(pin), project, site_identity))
    return ClassMode(api, store, pin, data_dir)


def script_hashes(html: str) -> list[str]:
    """CSP hashes of the page's inline scripts (the theme's own), so only they may run."""
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if "application/json" in match.group("attributes"):
            continue  # data, not code
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return hashes


def class_page_policy(html: str) -> str:
    return ("default-src 'self'; script-src 'self' " + " ".join(script_hashes(html)) +
            "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")


def with_class_mode(app, site_folder):
    """`app` (the whole server) with the class-mode cookie on every page and file, and the
    class page's policy. `site_folder()` is the build being served now."""
    policies: dict = {}

    def policy() -> str | None:
        page = Path(site_folder()) / CLASS_PAGE
        try:
            stamp = (str(page), page.stat().st_mtime_ns)
        except OSError:
            return None
        if stamp not in policies:
            policies.clear()
            policies[stamp] = class_page_policy(page.read_text(encoding="utf-8"))
        return policies[stamp]

    def served(environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == "/api" or path.startswith("/api/"):
            return app(environ, start_response)

        def start(status, headers, exc_info=None):
            # Not HttpOnly: the page script reads it. The port keeps it to this server.
            headers = headers + [("Set-Cookie", f"{CLASS_COOKIE}={environ.get('SERVER_PORT', '')}"
                                                "; Path=/; SameSite=Strict")]
            if path.endswith("/" + CLASS_PAGE) or path == "/" + CLASS_PAGE:
                page_policy = policy()
                if page_policy:
                    headers = [(n, v) for n, v in headers
                               if n.lower() != "content-security-policy"]
                    headers.append(("Content-Security-Policy", page_policy))
            return start_response(status, headers, exc_info)
        return app(environ, start)
    return served


def announce(mode: ClassMode, urls: list[str], out=sys.stdout) -> None:
    print("Class mode: students' answers are saved on this computer, in\n"
          f"    {mode.data_dir}\n"
          "The teacher's class page (live results) is at\n"
          f"    {urls[0]}{CLASS_PAGE}\n"
          f"Teacher PIN: {mode.pin}   (only the person at this computer should see it)\n",
          file=out, flush=True)
