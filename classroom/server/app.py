"""The whole server as one WSGI app, composed once in `create_app`: the site, class mode's API
and gate when it runs, and the security headers around everything, so no response skips them."""

from __future__ import annotations

from ..classmode.serving import with_class_mode
from ..contract import API_PREFIX
from .hosts import with_known_hosts
from .site import LiveSite

# Sent with every response, as trusted static servers do. Nothing here is meant to be framed
# (the search shim's iframe exists on file:// only) or read by other sites.
SECURITY_HEADERS = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Content-Security-Policy", "frame-ancestors 'none'"),
]
_POLICY = "content-security-policy"


def create_app(site: LiveSite, class_mode=None, own_names: set[str] | None = None):
    """The site and, with `class_mode` (classroom.classmode.serving.start's), its API under
    API_PREFIX and its gate on the teachers' pages; given `own_names` (hosts.py), requests
    naming another host refused; the security headers outermost."""
    app = site
    if class_mode is not None:
        app = with_class_mode(mount({API_PREFIX.rstrip("/"): class_mode.api}, site), lambda: site.folder,
                              class_mode.teacher)
    if own_names is not None:
        app = with_known_hosts(app, own_names)
    return with_security_headers(app)


def mount(apps: dict, default):
    """Send requests under each prefix (e.g. "/api") to its own WSGI app, the rest to `default`."""
    def dispatch(environ, start_response):
        path = environ.get("PATH_INFO", "")
        for prefix, app in apps.items():
            if path == prefix or path.startswith(prefix + "/"):
                environ = dict(environ, SCRIPT_NAME=environ.get("SCRIPT_NAME", "") + prefix,
                               PATH_INFO=path[len(prefix):])
                return app(environ, start_response)
        return default(environ, start_response)
    return dispatch


def with_security_headers(app):
    """`app` with SECURITY_HEADERS on every response, and no cross-origin permission. A
    Content-Security-Policy the app set itself (the class page's, stricter) is kept, and made
    to forbid framing if it did not already."""
    replaced = {name.lower() for name, _ in SECURITY_HEADERS} | {"access-control-allow-origin"}

    def secured(environ, start_response):
        def start(status, headers, exc_info=None):
            own_policy = [value for name, value in headers if name.lower() == _POLICY]
            headers = [(name, value) for name, value in headers if name.lower() not in replaced]
            headers += [(name, forbidding_frames(own_policy[-1])
                         if own_policy and name.lower() == _POLICY else value)
                        for name, value in SECURITY_HEADERS]
            return start_response(status, headers, exc_info)
        return app(environ, start)
    return secured


def forbidding_frames(policy: str) -> str:
    if "frame-ancestors" in policy:
        return policy
    return policy.rstrip("; ") + "; frame-ancestors 'none'"
