"""The teachers' pages on the laptop itself (D3): the refusal a browser without a sign-in gets
carries a script, allowed by its policy and nothing else, that signs the laptop's browser in
as the class page does; from another device that sign-in is refused, so the page stays shut."""

from __future__ import annotations

import base64
import hashlib
import re

from classroom.classmode import serving as class_mode
from classroom.classmode.teacher import Teacher

PHONE = "192.168.1.40"  # another device on the classroom network
KEY = "/teachers/answer-key.html"


def served(path: str, remote: str, cookie: str = "", teacher=None) -> tuple[str, dict, str]:
    teacher = teacher or Teacher("123456")
    site = class_mode.with_class_mode(
        lambda environ, start: start("200 OK", [("Content-Type", "text/html")]) or [b"the key"],
        lambda: ".", teacher)
    answer = {}
    body = b"".join(site({"PATH_INFO": path, "REMOTE_ADDR": remote, "HTTP_COOKIE": cookie,
                          "SERVER_PORT": "8000"},
                         lambda status, headers, exc_info=None: answer.update(
                             status=status, headers=dict(headers))))
    return answer["status"], answer["headers"], body.decode()


def test_the_refusal_signs_in_only_through_the_laptops_own_answer(api):
    for remote in ("127.0.0.1", PHONE):  # the same page either way: the laptop decides below
        status, headers, body = served(KEY, remote)
        assert status.startswith("403") and "the key" not in body
        script = re.search(r"<script>(.*?)</script>", body, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        policy = headers["Content-Security-Policy"]
        assert f"script-src 'sha256-{digest}';" in policy and "connect-src 'self'" in policy
        assert '"/api/" + "teacher/" + path' in script and 'api("here"' in script
    assert api.simulate_get("/teacher/session", remote_addr=PHONE).json["here"] is False
    assert api.simulate_post("/teacher/here", json={}, remote_addr=PHONE).status_code == 403
    assert api.simulate_post("/teacher/here", json={}).status_code == 200  # the laptop itself


def test_a_signed_in_browser_gets_the_page_itself():
    teacher = Teacher("123456")
    token = teacher.session(PHONE)
    status, _, body = served(KEY, PHONE, f"whc-teacher={token}", teacher)
    assert status == "200 OK" and body == "the key"
