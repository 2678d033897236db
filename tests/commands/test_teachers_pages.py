"""While class mode is on, no file a student can fetch from the laptop holds held-out check-up
key text: the teachers' pages are refused, and the search index leaves them out."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.request

from support import key_texts

KEY = "teachers/answer-key.html"


def fetch(url: str) -> tuple[int, str]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, raw, zipped = response.status, response.read(), response.headers.get("Content-Encoding")
    except urllib.error.HTTPError as error:
        status, raw, zipped = error.code, error.read(), error.headers.get("Content-Encoding")
    if zipped == "gzip":
        raw = gzip.decompress(raw)
    return status, raw.decode("utf-8", errors="ignore")


def test_no_file_a_student_can_fetch_holds_held_out_key_text(site, server, module):
    texts = key_texts(e for e in module.exercises.values() if e.assessment)
    served = [path.relative_to(site).as_posix() for path in site.rglob("*")
              if path.is_file() and path.suffix not in (".gz", ".map")]
    assert KEY in served and "search/search_index.json" in served
    for path in served + ["teachers/", "teachers/index.html", "teachers//answer-key.html",
                          "lessons/../teachers/answer-key.html"]:
        status, body = fetch(server + path)
        leaked = [text for text in texts if text in body or json.dumps(text)[1:-1] in body]
        assert not leaked, f"{path} (status {status}) holds check-up key text: {leaked[0]!r}"
        if path.startswith("teachers/") and path != "teachers/class.html":
            assert status == 403, path
    index = json.loads(fetch(server + "search/search_index.json")[1])
    assert index["docs"] and not [d for d in index["docs"] if d["location"].startswith("teachers/")
                                  and not d["location"].startswith("teachers/class.html")]
    script = fetch(server + "search/search_index.js")[1]
    assert script.startswith("var __index = ") and "teachers/answer-key.html" not in script
