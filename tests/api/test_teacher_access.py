"""The teacher's key stays the teacher's (D3, D11, N3): the browser on the laptop itself needs no
PIN and is the only place the PIN is shown; the PIN is kept hashed across restarts until the
teacher makes a new one; guessing is slowed across devices as well as per device."""

from __future__ import annotations

import io
import json

from falcon.testing import TestClient

from classroom.classmode import serving as class_mode
from classroom.classmode.api import create_app
from classroom.classmode.teacher import CLASS_FREE_TRIES, FREE_TRIES, PIN_FILE, Teacher
from support import ROOT, TEACHER_PIN

PHONE = "192.168.1.40"  # another device on the classroom network


def cookie(answer) -> dict:
    return {"Cookie": f"whc-teacher={answer.cookies['whc-teacher'].value}"}


def test_the_class_page_on_the_laptop_signs_in_without_the_pin(api):
    assert api.simulate_get("/teacher/session").json == {"teacher": False, "here": True}
    here = api.simulate_post("/teacher/here", json={})
    assert here.status_code == 200
    assert api.simulate_get("/teacher/report", headers=cookie(here)).status_code == 200


def test_another_device_needs_the_pin_and_is_never_shown_it(api):
    assert api.simulate_get("/teacher/session", remote_addr=PHONE).json["here"] is False
    refused = api.simulate_post("/teacher/here", json={}, remote_addr=PHONE)
    assert refused.status_code == 403 and refused.json["code"] == "not_here"
    phone = api.simulate_post("/teacher/login", json={"pin": TEACHER_PIN}, remote_addr=PHONE)
    assert phone.status_code == 200
    shown = api.simulate_get("/teacher/pin", headers=cookie(phone), remote_addr=PHONE)
    assert shown.status_code == 403 and TEACHER_PIN not in shown.text


def test_the_laptop_shows_the_pin_and_makes_a_new_one(api):
    laptop = cookie(api.simulate_post("/teacher/here", json={}))
    phone = cookie(api.simulate_post("/teacher/login", json={"pin": TEACHER_PIN},
                                     remote_addr=PHONE))
    assert api.simulate_get("/teacher/pin", headers=laptop).json == {"pin": TEACHER_PIN}
    made = api.simulate_post("/teacher/pin", json={"confirm": True}, headers=laptop).json["pin"]
    assert made != TEACHER_PIN and len(made) == 6
    assert api.simulate_get("/teacher/report", headers=laptop).status_code == 200
    assert api.simulate_get("/teacher/report", headers=phone).status_code == 401
    old = api.simulate_post("/teacher/login", json={"pin": TEACHER_PIN}, remote_addr=PHONE)
    assert old.status_code == 403
    new = api.simulate_post("/teacher/login", json={"pin": made}, remote_addr=PHONE)
    assert new.status_code == 200


def test_the_pin_stays_the_same_across_restarts_kept_only_hashed(tmp_path):
    first = Teacher.for_folder(tmp_path, None)
    pin = first.pin
    assert pin and pin not in (tmp_path / PIN_FILE).read_text()
    restarted = Teacher.for_folder(tmp_path, None)
    assert restarted.pin is None  # not known: only its hash is kept
    assert restarted.log_in("a", "000000" if pin != "000000" else "111111") is None
    assert restarted.log_in("b", pin) is not None
    made = restarted.make_new_pin()
    again = Teacher.for_folder(tmp_path, None)
    assert again.log_in("c", made) is not None and again.log_in("d", pin) is None
    assert json.loads((tmp_path / PIN_FILE).read_text())["salt"]


def test_teacher_pin_still_chooses_the_pin(tmp_path):
    Teacher.for_folder(tmp_path, None)
    chosen = Teacher.for_folder(tmp_path, TEACHER_PIN)
    assert chosen.pin == TEACHER_PIN and chosen.log_in("a", TEACHER_PIN)


def test_pin_guessing_is_slowed_across_devices_too(store):
    api = TestClient(create_app(store, Teacher(TEACHER_PIN), ROOT))
    for n in range(CLASS_FREE_TRIES):  # each address below its own limit
        address = f"10.0.{n // 250}.{n % 250 + 1}"
        assert FREE_TRIES > 1
        answer = api.simulate_post("/teacher/login", json={"pin": "000000"}, remote_addr=address)
        assert answer.status_code == 403
    fresh = api.simulate_post("/teacher/login", json={"pin": "000001"}, remote_addr="10.9.9.9")
    assert fresh.status_code == 429
    assert api.simulate_post("/teacher/here", json={}).status_code == 200  # the laptop still can


def test_the_terminal_never_shows_the_pin(tmp_path):
    mode = class_mode.start(ROOT, tmp_path / "data", None)
    try:
        out = io.StringIO()
        class_mode.announce(mode, ["http://192.168.1.5:8000/", "http://localhost:8000/"], out)
        assert mode.teacher.pin not in out.getvalue()
        assert "open the class page on this computer" in out.getvalue()
        assert "http://localhost:8000/teachers/class.html" in out.getvalue()
    finally:
        class_mode.stop(mode)
