"""How class mode joins the classroom server: the API under /api/, a cookie that tells pages
they are served by `make serve` (pages from disk or another server never get it, so they make
no request to /api), a strict Content-Security-Policy on the class page, and the teachers'
pages (answer key included) served only to a browser signed in with the teacher PIN: others
get a page saying so (which, on the laptop itself, signs in without the PIN and reloads), and a
search index without those pages' entries."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import posixpath
import re
import sys
from http.cookies import CookieError, SimpleCookie
from dataclasses import dataclass
from pathlib import Path

from .. import contract
from ..render import render
from .api import create_app
from .datafolder import FolderLock, open_data_folder
from .guards import TEACHER_COOKIE
from .store import ClassStore
from .teacher import Teacher

CLASS_COOKIE = contract.CLASS_COOKIE  # the page scripts read it too
CLASS_PAGE = "teachers/class.html"
TEACHERS = "teachers/"
SEARCH_INDEXES = ("search/search_index.json", "search/search_index.js")
DEFAULT_DATA = "classroom-data"
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<body>.*?)</script>",
                            re.S)


@dataclass
class ClassMode:
    api: object          # the WSGI app to mount under /api
    store: ClassStore
    pin: str | None  # known this run (made now, or TEACHER_PIN); else only kept hashed
    data_dir: Path
    teacher: Teacher
    lock: FolderLock | None = None  # this server's hold on the data folder


def data_folder(value: str | None, site_dir: Path, project: Path) -> Path:
    """The data folder (DATA=, or classroom-data/ in the project); never inside the site."""
    folder = Path(value or project / DEFAULT_DATA).resolve()
    site = Path(os.path.realpath(site_dir))
    if folder == site or site in folder.parents:
        raise ValueError(f"DATA must be outside the site folder ({site}): the students' "
                         "answers must never be served. Choose another folder, e.g. "
                         "DATA=classroom-data.")
    return folder


def start(project: Path, data_dir: Path, pin: str | None, site_identity=None,
          address: str = "", own_addresses=()) -> ClassMode:
    """Class mode on `data_dir`, held by this server (at `address`) until `stop`; a folder that
    cannot be used raises DataFolderError (a ValueError) with one line saying what to do. The
    PIN: `pin` (TEACHER_PIN) if given, else the one kept in the folder, else a new one."""
    store, lock = open_data_folder(data_dir, address)
    teacher = Teacher.for_folder(data_dir, (pin or "").strip() or None, own_addresses)
    api = create_app(store, teacher, project, site_identity, fold_in_background=True)
    return ClassMode(api, store, teacher.pin, data_dir, teacher, lock)


def stop(mode: ClassMode) -> None:
    """The class written whole into class.sqlite3 (so copying that one file copies the class,
    F15), and the data folder free for another server."""
    try:
        mode.store.close()
    finally:
        if mode.lock:
            mode.lock.release()


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


def site_path(path_info: str) -> str:
    """The file a request asks for, relative to the site: 'teachers/answer-key.html'."""
    return posixpath.normpath("/" + path_info).lstrip("/")


def teachers_only(path: str) -> bool:
    """A teachers' page or file, other than the class page where the teacher signs in."""
    return (path + "/").startswith(TEACHERS) and path != CLASS_PAGE


def search_index_for_students(text: str, javascript: bool) -> bytes:
    """The search index (JSON, or the JavaScript the page opened from disk reads) without the
    entries of teachers' pages."""
    prefix = text[:text.index("{")] if javascript else ""
    index = json.loads(text[len(prefix):])
    index["docs"] = [doc for doc in index["docs"] if not teachers_only(doc["location"].split("#")[0])]
    return (prefix + json.dumps(index, ensure_ascii=False, separators=(",", ":"))).encode("utf-8")


def teachers_only_page(language: str = "en") -> bytes:
    return render("teachers-only.html", language=language, class_page="/" + CLASS_PAGE,
                  api=contract.API_PREFIX).encode()


def teachers_only_policy(html: str) -> str:
    """The refusal's policy: its own script only (it signs the laptop's browser in), no other."""
    return ("default-src 'none'; script-src " + " ".join(script_hashes(html)) +
            "; connect-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'")


def is_teacher_request(teacher: Teacher, environ) -> bool:
    try:
        cookie = SimpleCookie(environ.get("HTTP_COOKIE", ""))
    except CookieError:
        return False
    return TEACHER_COOKIE in cookie and teacher.is_session(cookie[TEACHER_COOKIE].value)


def with_class_mode(app, site_folder, teacher: Teacher | None = None):
    """`app` (the whole server) with the class-mode cookie on every page and file, the class
    page's policy, and (given the `teacher`) the teachers' pages for the teacher's browser only.
    `site_folder()` is the build being served now."""
    policies: dict = {}
    indexes: dict = {}
    refusal = teachers_only_page()
    refusal_policy = teachers_only_policy(refusal.decode())

    def students_index(path: str, zipped: bool) -> bytes | None:
        """The students' search index, made once per build, gzipped for browsers that accept
        it (a third of the size, as for every other file of the site)."""
        file = Path(site_folder()) / path
        try:
            stamp = (str(file), file.stat().st_mtime_ns)
            if stamp not in indexes:
                plain = search_index_for_students(file.read_text(encoding="utf-8"),
                                                  path.endswith(".js"))
                indexes[stamp] = (plain, gzip.compress(plain, compresslevel=9, mtime=0))
        except (OSError, ValueError, KeyError):
            return None
        return indexes[stamp][1 if zipped else 0]

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
        if path.startswith(contract.API_PREFIX) or path == contract.API_PREFIX.rstrip("/"):
            return app(environ, start_response)
        wanted = site_path(path)
        if teacher and (teachers_only(wanted) or wanted in SEARCH_INDEXES) \
                and not is_teacher_request(teacher, environ):
            body, status, kind = refusal, "403 Forbidden", "text/html; charset=utf-8"
            zipped = wanted in SEARCH_INDEXES and "gzip" in environ.get("HTTP_ACCEPT_ENCODING", "")
            if wanted in SEARCH_INDEXES:
                body, status = students_index(wanted, zipped), "200 OK"
                kind = "application/json" if wanted.endswith(".json") else "text/javascript"
            if body is not None:
                start_response(status, [
                    ("Content-Type", kind), ("Content-Length", str(len(body))),
                    *([("Content-Encoding", "gzip")] if zipped else []), ("Vary", "Accept-Encoding"),
                    ("Cache-Control", "no-store"),  # a teacher signing in then gets the whole site
                    ("Content-Security-Policy", refusal_policy),
                    ("Set-Cookie", f"{CLASS_COOKIE}={environ.get('SERVER_PORT', '')}; Path=/; "
                                   "SameSite=Strict")])
                return [body]

        def start(status, headers, exc_info=None):
            # Not HttpOnly: the page script reads it. The port keeps it to this server.
            headers = headers + [("Set-Cookie", f"{CLASS_COOKIE}={environ.get('SERVER_PORT', '')}"
                                                "; Path=/; SameSite=Strict")]
            if teacher and (teachers_only(wanted) or wanted in SEARCH_INDEXES):
                # The teacher's copy: kept by no cache, so none opens after signing out (F4).
                headers = [(n, v) for n, v in headers if n.lower() != "cache-control"]
                headers.append(("Cache-Control", "no-store"))
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
          f"    {mode.data_dir}\n" + (
              f"(its data was upgraded; a copy as it was is kept in {mode.store.kept_copy.name})\n"
              if mode.store.kept_copy else "") +
          "Teacher: open the class page on this computer, at\n"
          f"    {on_this_computer(urls)}{CLASS_PAGE}\n"
          "It needs no PIN here, and shows the PIN to type on your other devices.\n",
          file=out, flush=True)  # never the PIN: this window is the one shown to the class (D3)


def on_this_computer(urls: list[str]) -> str:
    local = [url for url in urls if "localhost" in url or "127." in url or "[::1]" in url]
    return (local or urls)[0]
