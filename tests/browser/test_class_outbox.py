"""A student's waiting answers in real Chromium: never discarded when the laptop no longer
knows the browser (a 401), counted in UTF-8 bytes as the laptop counts them, and one refused
answer set aside and reported without taking the others with it."""

from __future__ import annotations

import json
import sqlite3

from classroom.classmode.catalogue import Catalogue
from classroom.contract import STUDENT_BYTES_PER_LESSON
from support import ROOT, CLASS_LESSON, ClassServer, call, join_class, teacher_cookie

CATALOGUE = Catalogue.load(ROOT)

EXERCISE = "lesson-1-practice"
OPEN = "iskitim-questions"
WAITING = "whc:class:outbox"


def answer_and_check(page, option):
    page.locator(f'[data-item="cells-migrate"] input[value="{option}"]').check()
    page.locator(f'#exercise-{EXERCISE} [data-action="check"]').click()


def status(page, exercise=EXERCISE):
    return page.locator(f"#exercise-{exercise} .whc-exercise__class")


def waiting(page) -> list[dict]:
    return json.loads(page.evaluate(f"localStorage.getItem('{WAITING}')") or "[]")


def stored_checks(data, exercise=EXERCISE) -> list:
    with sqlite3.connect(data / "class.sqlite3") as db:
        return [json.loads(items) for (items,) in db.execute(
            "SELECT items FROM events WHERE type = 'check' AND exercise = ? ORDER BY seq",
            (exercise,))]


def same_port(server: ClassServer, data) -> ClassServer:
    """Another server on `data`, at the address the students' pages already use."""
    other = ClassServer(server.site, data)
    other.port, other.url = server.port, server.url
    return other


def answers_waiting_when_the_laptop_forgets(browser, site, tmp_path):
    """The probe's steps (F6): join and Check, the laptop stops, three more Checks wait, and
    the laptop comes back on an empty data folder, which answers 401."""
    server = ClassServer(site, tmp_path / "class-data").start()
    context = browser.new_context()
    page = context.new_page()
    page.clock.install()  # time runs on, yet the test may bring the next retry at once
    join_class(page, server.url, "Kim L")
    answer_and_check(page, "a")
    status(page).get_by_text("Saved for your teacher").wait_for(timeout=15000)
    server.stop()
    for option in ("b", "c", "b"):
        answer_and_check(page, option)
    status(page).get_by_text("waiting to be sent").wait_for()
    before = [e["id"] for e in waiting(page)]
    empty = same_port(server, tmp_path / "empty-data").start()
    page.clock.fast_forward(31000)  # the next retry, at the longest wait
    page.locator(".whc-join").get_by_text("no longer knows this browser").wait_for()
    assert [e["id"] for e in waiting(page)] == before  # nothing thrown away
    status(page).get_by_text("waiting to be sent").wait_for()
    return server, empty, page, context


def test_a_401_keeps_the_answers_and_they_reach_the_right_folder_when_it_is_back(
        browser, site, tmp_path):
    server, empty, page, context = answers_waiting_when_the_laptop_forgets(browser, site, tmp_path)
    try:
        empty.stop()
        server.start()  # the right data folder again: it knows this browser
        page.clock.fast_forward(31000)
        status(page).get_by_text("Saved for your teacher").wait_for(timeout=15000)
        assert page.locator(".whc-join").count() == 0
        assert waiting(page) == []
        checks = [c["cells-migrate"]["r"] for c in stored_checks(tmp_path / "class-data")]
        assert checks == ["a", "b", "c", "b"]
    finally:
        empty.stop()
        server.stop()
        context.close()


def test_a_401_asks_to_join_again_and_the_waiting_answers_go_with_the_student(
        browser, site, tmp_path):
    server, empty, page, context = answers_waiting_when_the_laptop_forgets(browser, site, tmp_path)
    try:
        form = page.locator(".whc-join")
        form.get_by_label("Your name, as your teacher calls you").fill("Kim L")
        form.get_by_role("button", name="Join the class").click()
        form.wait_for(state="detached")
        status(page).get_by_text("Saved for your teacher").wait_for(timeout=15000)
        checks = [c["cells-migrate"]["r"] for c in stored_checks(tmp_path / "empty-data")]
        assert checks == ["b", "c", "b"]
    finally:
        empty.stop()
        server.stop()
        context.close()


def test_a_batch_is_counted_in_utf8_bytes_as_the_laptop_counts_it(browser, site, tmp_path):
    """The probe's steps (F8): offline, Check a 19,981-character answer in a 3-byte script ten
    times (over 512 KiB in UTF-8, under 200,000 characters a batch), then reconnect."""
    server = ClassServer(site, tmp_path / "class-data").start()
    context = browser.new_context()
    page = context.new_page()
    try:
        join_class(page, server.url, "Nino K")
        page.goto(server.url + "practice/iskitim-questions.html")
        server.stop()
        page.locator(f'#exercise-{OPEN} [data-item="three-questions"] textarea').fill("ა" * 19981)
        for _ in range(10):
            page.locator(f'#exercise-{OPEN} [data-action="check"]').click()
        status(page, OPEN).get_by_text("waiting to be sent").wait_for()
        page.wait_for_function("JSON.parse(localStorage.getItem('whc:class:outbox'))"
                               ".filter((e) => e.type === 'check').length === 10")
        assert page.evaluate("new TextEncoder().encode(localStorage.getItem("
                             "'whc:class:outbox')).length") > 512 * 1024
        server.start()
        status(page, OPEN).get_by_text("Saved for your teacher").wait_for(timeout=30000)
        assert len(stored_checks(tmp_path / "class-data", OPEN)) == 10
    finally:
        server.stop()
        context.close()


def test_one_refused_answer_is_set_aside_and_reported_and_the_others_are_sent(
        browser, site, tmp_path):
    server = ClassServer(site, tmp_path / "class-data").start()
    context = browser.new_context()
    page = context.new_page()
    try:
        join_class(page, server.url, "Ola P")
        server.stop()
        for option in ("a", "b"):
            answer_and_check(page, option)
        status(page).get_by_text("waiting to be sent").wait_for()
        page.close()
        # First in the queue, an answer the laptop refuses (half an emoji: a 400).
        context.add_init_script("""(() => {
            const waiting = JSON.parse(localStorage.getItem('whc:class:outbox') || '[]');
            if (!waiting.length || waiting.some((e) => e.id === 'refused-0001')) return;
            const bad = Object.assign({}, waiting[0], {id: 'refused-0001', type: 'check'});
            bad.items = {'cells-migrate': {v: waiting[0].items['cells-migrate'].v, r: '\\ud800'}};
            localStorage.setItem('whc:class:outbox', JSON.stringify([bad].concat(waiting)));
        })();""")
        server.start()
        page = context.new_page()
        page.goto(server.url + CLASS_LESSON)
        status(page).get_by_text("could not be sent").wait_for(timeout=30000)
        status(page).get_by_text("Saved for your teacher").wait_for(timeout=15000)
        assert [c["cells-migrate"]["r"] for c in stored_checks(tmp_path / "class-data")] == \
            ["a", "b"]
        assert waiting(page) == []
        aside = json.loads(page.evaluate("localStorage.getItem('whc:class:aside')"))
        assert [a["event"]["id"] for a in aside] == ["refused-0001"] and "Unicode" in aside[0]["reason"]
    finally:
        server.stop()
        context.close()


def test_a_student_over_a_limit_is_told_and_the_answers_wait_until_they_may_go(
        browser, site, tmp_path):
    server = ClassServer(site, tmp_path / "class-data").start()
    context = browser.new_context()
    page = context.new_page()
    page.clock.install()
    try:
        join_class(page, server.url, "Max F")
        token = json.loads(page.evaluate("localStorage.getItem('whc:class:me')"))["token"]
        version = CATALOGUE.exercises[OPEN].items["three-questions"].version
        # This student's share of the laptop for the lesson, used up by long answers to the
        # last few bytes.
        auth, room, number = {"Authorization": f"Bearer {token}"}, STUDENT_BYTES_PER_LESSON, 0
        empty = len(json.dumps({"three-questions": {"v": version, "r": ""}}, separators=(",", ":")))
        while room > empty + 10:
            text = "y" * min(20000, room - empty - 5)
            event = {"id": f"long-{number:04d}", "type": "answer", "exercise": OPEN, "at": 1,
                     "items": {"three-questions": {"v": version, "r": text}}}
            assert call(server.url, "api/events", {"events": [event]}, auth)[0] == 200
            room, number = room - empty - len(text), number + 1
        answer_and_check(page, "b")
        status(page).get_by_text("keeps no more answers from you in this lesson").wait_for()
        assert len(waiting(page)) >= 1
        lessons = call(server.url, "api/teacher/lessons", {}, teacher_cookie(server.url))[1]
        page.clock.fast_forward(61000)  # the laptop's Retry-After
        status(page).get_by_text("Saved for your teacher").wait_for(timeout=15000)
        with sqlite3.connect(tmp_path / "class-data" / "class.sqlite3") as db:
            assert db.execute("SELECT lesson FROM events WHERE type = 'check'").fetchall() == [
                (lessons["lesson"],)]
    finally:
        server.stop()
        context.close()
