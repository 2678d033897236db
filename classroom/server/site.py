"""The built site as a WSGI app: its files (and their gzip copies), the site's own 404 page,
and the newest build behind the `site` link that `make build` switches."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from whitenoise import WhiteNoise
from whitenoise.compress import Compressor

CHECK_EVERY = 1.0  # seconds between looks at where `site` points

# Material's own files carry a content hash in their names, so browsers may keep them for good.
_HASHED = r"\.[0-9a-f]{8}\.min\.(js|css)$"


def compress_site(site_dir: Path) -> int:
    """Write a gzip copy beside each text file that lacks a fresh one; WhiteNoise serves it to
    browsers that accept gzip, which cuts a first visit to about a third. Returns files written."""
    compressor = Compressor(use_brotli=False, quiet=True)
    written = 0
    for path in site_dir.rglob("*"):
        zipped = path.with_name(path.name + ".gz")
        if (path.is_file() and path.suffix not in (".gz", ".br")
                and compressor.should_compress(path.name)
                and (not zipped.exists() or zipped.stat().st_mtime < path.stat().st_mtime)):
            written += len(compressor.compress(str(path)))
    return written


def classroom_app(site_dir: Path):
    """A WSGI app that serves one build's files, with the site's own 404 page."""
    not_found_page = site_dir / "404.html"

    def not_found(environ, start_response):
        body = not_found_page.read_bytes() if not_found_page.exists() else b"Not found"
        start_response("404 Not Found", [("Content-Type", "text/html; charset=utf-8"),
                                         ("Content-Length", str(len(body)))])
        return [body]

    files = WhiteNoise(not_found, root=str(site_dir), max_age=60, immutable_file_test=_HASHED,
                       allow_all_origins=False)

    def app(environ, start_response):
        # The site links to "index.html" itself (it must open from disk too), so a folder
        # address is served its index.html directly, without WhiteNoise's redirect.
        if environ.get("PATH_INFO", "/").endswith("/"):
            environ = dict(environ, PATH_INFO=environ.get("PATH_INFO", "/") + "index.html")
        return files(environ, start_response)

    return app


class LiveSite:
    """The newest build behind `site_dir` (a folder, or the link `make build` switches).

    WhiteNoise lists a folder's files once, so each new build gets its own app, made (gzip
    copies first) before it replaces the old one. Requests already running finish on the old
    build, which `make build` keeps for a while.
    """

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.folder: Path | None = None
        self._identity = None
        self._app = None
        self.refresh()

    def refresh(self) -> bool:
        """Switch to the build `site_dir` now shows, if it is a new one; True if switched."""
        folder = Path(os.path.realpath(self.site_dir))
        try:
            info = folder.stat()
            if not (folder / "index.html").is_file():
                return False  # between two renames, or not built yet: keep the current build
            identity = (str(folder), info.st_dev, info.st_ino)
            if identity == self._identity:
                return False
            compress_site(folder)
            app = classroom_app(folder)
        except OSError:
            return False  # the folder changed under us; the next look will see the new one
        self.folder, self._identity, self._app = folder, identity, app
        return True

    def follow(self, on_switch=lambda folder: None, every: float = CHECK_EVERY) -> None:
        """Look for a new build every `every` seconds, in a background thread."""
        def watch():
            while True:
                time.sleep(every)
                if self.refresh():
                    on_switch(self.folder)
        threading.Thread(target=watch, name="site-watcher", daemon=True).start()

    def __call__(self, environ, start_response):
        return self._app(environ, start_response)
