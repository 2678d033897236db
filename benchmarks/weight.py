"""Part 2: what a first visit transfers, and the size of the module's own JS and CSS."""

from __future__ import annotations

import urllib.request

from classroom.minify import OWN_ASSETS

from .common import Row, fresh_context, kib, log

PAGES = {"home": "index.html", "case page": "cases/iskitim.html",
         "exercise page": "practice/iskitim.html"}
KINDS = ("HTML", "CSS", "JS", "search index", "other")
OWN_TARGET = 25 * 1024  # bytes as the classroom server sends them (gzip)


def kind_of(request) -> str:
    url = request.url.split("?")[0]
    if "/search/search_index." in url:
        return "search index"
    if request.resource_type == "document":
        return "HTML"
    if request.resource_type == "stylesheet" or url.endswith(".css"):
        return "CSS"
    if request.resource_type == "script" or url.endswith(".js"):
        return "JS"
    return "other"


def body_size(request) -> int:
    """The response body's bytes as transferred (encoded, should the server compress)."""
    response = request.response()
    if response is None:
        return 0
    size = request.sizes()["responseBodySize"]
    if size == 0:  # a worker's script: Chromium reports no size, the header has it
        size = int(response.header_value("content-length") or 0)
    return size


def first_visit(browser, url: str) -> dict[str, int]:
    """Bytes per kind that one page transfers in a fresh browser profile, once it is idle
    (the search worker fetches its index right after the page loads)."""
    context = fresh_context(browser)
    finished = []
    context.on("requestfinished", lambda request: finished.append(request))
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    totals = dict.fromkeys(KINDS, 0)
    for request in finished:
        totals[kind_of(request)] += body_size(request)
    totals["requests"] = len(finished)
    context.close()
    return totals


def describe(totals: dict[str, int]) -> str:
    parts = " · ".join(f"{kind} {totals[kind] / 1024:.0f}" for kind in KINDS if totals[kind])
    total = sum(totals[kind] for kind in KINDS)
    return f"{kib(total)} in {totals['requests']} requests ({parts} KiB)"


def measure_weight(browser, full_url: str, bare_url: str) -> list[Row]:
    rows = []
    for name, path in PAGES.items():
        log(f"weight: first visit of {path}, full and bare builds")
        full = first_visit(browser, full_url + path)
        bare = first_visit(browser, bare_url + path)
        rows.append(Row("Weight", f"{name} ({path}), full build", describe(full)))
        rows.append(Row("Weight", f"{name} ({path}), bare build", describe(bare)))
    for encoding in ("gzip", "identity"):
        sizes = {asset: served_size(full_url + asset, encoding) for asset in OWN_ASSETS}
        total = sum(sizes.values())
        listed = " + ".join(f"{asset.rsplit('/', 1)[1]} {size:,}" for asset, size in sizes.items())
        served = "as served (gzip)" if encoding == "gzip" else "uncompressed (from disk, file://)"
        rows.append(Row("Weight", f"own JS and CSS {served} ({listed} B)",
                        f"{total:,} B = {kib(total)}",
                        f"≤ {kib(OWN_TARGET)}" if encoding == "gzip" else "—",
                        total <= OWN_TARGET if encoding == "gzip" else None))
    return rows


def served_size(url: str, encoding: str) -> int:
    """The bytes the classroom server sends for `url` to a browser accepting `encoding`."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=10) as response:
        return len(response.read())
