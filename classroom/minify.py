"""Shrink the module's own JS and CSS in a built site; the readable sources stay in docs/."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

OWN_ASSETS = ["assets/javascripts/exercises.js", "assets/javascripts/class-page.js",
              "assets/javascripts/projector.js", "assets/javascripts/class-also.js",
              "assets/javascripts/iframe-worker-shim.js", "assets/stylesheets/whc.css",
              "assets/stylesheets/class-page.css"]


def minify_assets(site_dir: Path) -> dict[str, tuple[int, int]]:
    """Minify each of OWN_ASSETS in place; returns {path: (bytes before, bytes after)}."""
    sizes = {}
    for name in OWN_ASSETS:
        path = site_dir / name
        source = path.read_text(encoding="utf-8")
        small = rcssmin.cssmin(source) if name.endswith(".css") else rjsmin.jsmin(source)
        path.write_text(small, encoding="utf-8")
        sizes[name] = (len(source.encode()), len(small.encode()))
    return sizes
