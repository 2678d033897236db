"""While class mode is on, the teachers' pages (answer key included) and their search entries
reach only the browser signed in with the teacher PIN; a student gets a page that says so, and
no file a student can fetch holds held-out check-up key text."""

from __future__ import annotations

import gzip
import json
import urllib.error
import urllib.request

from classroom.project import Module
from support import ROOT, key_texts, sign_in_as_teacher

KEY = "teachers/answer-key.html"
CHECKUP = [e for e in Module.load(ROOT).exercises.values() if e.assessment]


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


def test_a_student_gets_a_page_for_the_teacher_and_a_way_to_sign_in(page, server):
    response = page.goto(server + KEY)
    assert response.status == 403
    # The refusal, too, may not be framed, sniffed or followed by a referrer.
    headers = response.all_headers()
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY" and headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    page.get_by_role("heading", name="This page is for the teacher").wait_for()
    page.get_by_role("link", name="Sign in on the class page").click()
    page.get_by_label("Teacher PIN").wait_for()  # the class page itself is open to all


def test_the_signed_in_teacher_reads_the_key(context, page, server):
    sign_in_as_teacher(context, server)
    assert page.goto(server + KEY).status == 200
    assert page.locator("#key-checkup-questions").count() == 1


def test_no_file_a_student_can_fetch_holds_held_out_key_text(site, server):
    texts = key_texts(CHECKUP)
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
