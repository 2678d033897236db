"""Class mode in real Chromium: students' answers reach the teacher's class page, survive a
killed server, stay private, and never leave a page that is not served by `make serve`."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import subprocess
import sys
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe

from support import (CLASS_LESSON, ClassServer, call, class_server, free_port, join_class,
                     next_refresh, open_class_page, teacher_cookie, wait_for)

EXERCISE = "lesson-1-practice"


def answer(page, item, option):
    page.locator(f'[data-item="{item}"] input[value="{option}"]').check()


def check(page):
    page.locator(f'#exercise-{EXERCISE} [data-action="check"]').click()


def saved_for_teacher(page):
    page.locator(f"#exercise-{EXERCISE} .whc-exercise__class").get_by_text(
        "Saved for your teacher").wait_for(timeout=15000)


def test_five_students_show_on_the_class_page(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        students = []
        for number in range(5):
            context = browser.new_context()
            page = context.new_page()
            join_class(page, server.url, f"Student {number}")
            # Three answer the first item right at once; two answer wrongly (option a) first.
            answer(page, "cells-migrate", "b" if number < 3 else "a")
            check(page)
            if number >= 3:
                answer(page, "cells-migrate", "b")
                check(page)
            saved_for_teacher(page)
            students.append(context)

        teacher = open_class_page(browser.new_context(), server.url)
        rows = teacher.locator("[data-class-students] tr")
        rows.first.wait_for()
        assert rows.count() == 5
        assert teacher.locator("[data-class-students] th").all_inner_texts() == [
            f"Student {n}" for n in range(5)]
        # The score of the last Check on the one exercise worked on, and exercises started.
        assert rows.nth(0).locator("td").nth(1).inner_text().endswith(" of 5")
        assert rows.nth(0).locator("td").nth(2).inner_text() == "1"
        item = teacher.locator(f'[data-class-item="{EXERCISE}/cells-migrate"] td')
        assert item.nth(0).inner_text() == "5"
        assert item.nth(1).inner_text() == "60% of 5"
        assert item.nth(2).inner_text() == "100% of 5"
        assert item.nth(3).inner_text().endswith("(2)")
        assert item.nth(4).inner_text()  # the key's reason for that wrong answer
        # The spread, for projecting: counts, no names.
        teacher.locator(f'[data-class-item="{EXERCISE}/cells-migrate"] button').click()
        spread = teacher.locator("[data-class-spread]")
        spread.get_by_text("(the key's answer): 5").wait_for()
        assert "Student" not in spread.inner_text()
        # Live: a sixth answer appears without reloading.
        page = students[0].new_page()
        page.goto(server.url + CLASS_LESSON)
        answer(page, "more-stable", "c")
        check(page)
        saved_for_teacher(page)
        next_refresh(teacher)
        assert teacher.locator(f'[data-class-item="{EXERCISE}/more-stable"] td').first \
            .inner_text() == "1"
        for context in students:
            context.close()


def test_killed_server_loses_nothing_and_counts_nothing_twice(browser, site, tmp_path):
    server = ClassServer(site, tmp_path / "class-data").start()
    try:
        context = browser.new_context()
        page = context.new_page()
        join_class(page, server.url, "Kim L")
        answer(page, "cells-migrate", "a")
        check(page)
        saved_for_teacher(page)
        server.kill()  # mid-lesson, as a power cut would
        answer(page, "cells-migrate", "b")
        check(page)
        answer(page, "more-stable", "c")
        check(page)
        status = page.locator(f"#exercise-{EXERCISE} .whc-exercise__class")
        status.get_by_text("waiting to be sent").wait_for()
        server.start()  # same data folder, same port
        saved_for_teacher(page)
        database = tmp_path / "class-data" / "class.sqlite3"
        with sqlite3.connect(database) as db:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            checks = db.execute("SELECT items FROM events WHERE type = 'check' ORDER BY seq").fetchall()
            ids = db.execute("SELECT event_id FROM events").fetchall()
        assert len(ids) == len(set(ids))
        assert [json.loads(items)["cells-migrate"]["r"] for (items,) in checks] == ["a", "b", "b"]
        # Sending the last batch again changes nothing.
        assert page.evaluate("localStorage.getItem('whc:class:outbox')") == "[]"
        token = json.loads(page.evaluate("localStorage.getItem('whc:class:me')"))["token"]
        event = {"id": "retry-0001", "type": "answer", "exercise": EXERCISE, "at": 1,
                 "items": {"cells-migrate": None}}
        auth = {"Authorization": f"Bearer {token}"}
        for _ in range(2):
            assert call(server.url, "api/events", {"events": [event]}, auth)[1]["stored"] == ["retry-0001"]
        assert call(server.url, "api/me", headers=auth)[1]["events"] == len(ids) + 1
        context.close()
    finally:
        server.stop()


HOSTILE_NAME = '=HYPERLINK("http://evil.example","x")<img src=x onerror=alert(1)>'
HOSTILE_ANSWER = '@SUM(1+1)<script>alert(2)</script>'


def test_hostile_names_and_answers_stay_inert(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        _, student, _ = call(server.url, "api/join", {"name": HOSTILE_NAME})
        auth = {"Authorization": f"Bearer {student['token']}"}
        open_item = "iskitim-questions"
        version = json.loads(urllib.request.urlopen(server.url + "practice/iskitim-questions.html").read()
                             .decode().split('data-exercise="iskitim-questions"')[1]
                             .split('data-version="')[1].split('"')[0].join(['"', '"']))
        event = {"id": "hostile-0001", "type": "check", "exercise": open_item, "at": 1,
                 "items": {"three-questions": {"v": version, "r": HOSTILE_ANSWER}}}
        assert call(server.url, "api/events", {"events": [event]}, auth)[0] == 200

        context = browser.new_context()
        dialogs = []
        context.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        teacher = open_class_page(context, server.url)
        teacher.locator("[data-class-students] th").get_by_text(HOSTILE_NAME).wait_for()
        teacher.locator(f'[data-class-item="{open_item}/three-questions"] button').click()
        teacher.get_by_label("Show names").check()
        teacher.locator("[data-class-open] span").get_by_text(HOSTILE_ANSWER).wait_for()
        assert teacher.locator("[data-class-page] img, [data-class-page] script:not([src])").count() == 0
        assert dialogs == []

        cookie = teacher_cookie(server.url)
        _, text, head = call(server.url, "api/teacher/results.csv", headers=cookie)
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        assert rows[1][1] == "'" + HOSTILE_NAME and rows[1][6] == "'" + HOSTILE_ANSWER
        assert "attachment" in head["Content-Disposition"]
        _, text, head = call(server.url, "api/teacher/results.jsonl", headers=cookie)
        statement = json.loads(text.splitlines()[0])
        assert statement["result"]["response"] == HOSTILE_ANSWER
        assert statement["actor"]["account"]["name"] == student["id"]
        assert HOSTILE_NAME not in text  # the actor is pseudonymous
        assert statement["object"]["definition"]["type"] == \
            "http://adlnet.gov/expapi/activities/cmi.interaction"


def api_requests(page) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda request: "/api" in request.url and requests.append(request.url))
    return requests


def test_no_class_mode_from_disk_or_a_plain_server(context, site):
    plain = subprocess.Popen([sys.executable, "-m", "http.server", str(port := free_port()),
                              "--bind", "127.0.0.1", "--directory", str(site)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        for base in (site.as_uri() + "/", f"http://127.0.0.1:{port}/"):
            page = context.new_page()
            requests = api_requests(page)
            page.clock.install()
            page.goto(base + CLASS_LESSON)
            page.locator(f"#exercise-{EXERCISE}").wait_for()
            assert page.locator(".whc-join").count() == 0
            # Even a browser that joined a class before sends nothing from here.
            page.evaluate("""localStorage.setItem('whc:class:me',
                JSON.stringify({id: 'abc', name: 'Ann', token: 'old-token'}))""")
            page.reload()
            answer(page, "cells-migrate", "b")
            check(page)
            page.clock.run_for(5000)  # any batch a class-mode page would have sent by now
            assert page.locator(".whc-join, .whc-exercise__class").count() == 0
            page.goto(base + "teachers/class.html")
            page.get_by_text("The class page works only while").wait_for()
            page.clock.run_for(5000)  # the class page's first refresh, were it to make one
            assert requests == []
            assert page.locator(".whc-join, .whc-exercise__class").count() == 0
            page.close()
        assert context.traffic.console_errors == []
    finally:
        plain.terminate()
        plain.wait()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_class_page_and_join_prompt_pass_axe(browser, site, tmp_path, scheme):
    with class_server(site, tmp_path) as server:
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        page.goto(server.url + CLASS_LESSON)
        page.locator(".whc-join").wait_for()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        join_class(page, server.url, "Axe A")
        answer(page, "cells-migrate", "a")
        check(page)
        saved_for_teacher(page)
        page = open_class_page(context, server.url)
        page.locator(f'[data-class-item="{EXERCISE}/cells-migrate"] button').click()
        page.locator("[data-class-spread] meter").first.wait_for()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
        context.close()
