"""One person, one record, in real Chromium: two tabs are one student
(D6), a deleted student's browser sends nothing again unless they choose to (D12), and a
same-name match of a loaded file is the teacher's to merge on the class page (F3)."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from classroom.classmode.catalogue import Catalogue
from classroom.contract import FILE_FORMAT
from support import (CLASS_LESSON, ROOT, call, class_server, join_class, open_class_page,
                     teacher_cookie)

EXERCISE = "lesson-1-practice"
OUTBOX_EMPTY = "localStorage.getItem('whc:class:outbox') === '[]'"


def answer(page, item, option):
    page.locator(f'[data-item="{item}"] input[value="{option}"]').check()


def check(page):
    page.locator(f'#exercise-{EXERCISE} [data-action="check"]').click()


def status_line(page, text):
    page.locator(f"#exercise-{EXERCISE} .whc-exercise__class").get_by_text(text).wait_for(
        timeout=30000)


def token_of(page) -> dict:
    me = json.loads(page.evaluate("localStorage.getItem('whc:class:me')"))
    return {"Authorization": f"Bearer {me['token']}"}


def laptop_answers(url, page) -> dict:
    """The answers the laptop holds for this browser's student, item by item."""
    _, me, _ = call(url, "api/me", headers=token_of(page))
    return {item: saved["r"] for item, saved in me["answers"].get(EXERCISE, {}).items() if saved}


def test_a_tab_opened_before_joining_follows_the_join(browser, site, tmp_path):
    """D6 a: Eve opens two tabs and joins in one; the other drops its Join box and sends."""
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        tab_a, tab_b = context.new_page(), context.new_page()
        tab_b.goto(server.url + CLASS_LESSON)
        tab_b.locator(".whc-join").wait_for()
        join_class(tab_a, server.url, "Eve S.")
        tab_b.locator(".whc-join").wait_for(state="detached")
        answer(tab_b, "cells-migrate", "b")
        check(tab_b)
        status_line(tab_b, "Saved for your teacher")
        _, report, _ = call(server.url, "api/teacher/report", headers=teacher_cookie(server.url))
        assert [s["name"] for s in report["figures"]["students"]] == ["Eve S."]
        assert laptop_answers(server.url, tab_a) == {"cells-migrate": "b"}
        context.close()


def test_each_tabs_waiting_answers_reach_the_laptop(browser, site, tmp_path):
    """D6 b: the laptop is down; tab 2 answers and is closed; tab 1 answers too. Back up, the
    laptop gets both tabs' answers, not only tab 1's."""
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        tab_1 = context.new_page()
        join_class(tab_1, server.url, "Anna P.")
        tab_2 = context.new_page()
        tab_2.goto(server.url + CLASS_LESSON)
        server.kill()
        answer(tab_2, "more-stable", "a")
        check(tab_2)
        tab_2.wait_for_function("JSON.parse(localStorage.getItem('whc:class:outbox')).length == 2")
        tab_2.close()
        answer(tab_1, "cells-migrate", "b")  # an answer, not a Check: it carries this item only
        status_line(tab_1, "waiting to be sent")
        server.start()
        tab_1.evaluate("window.dispatchEvent(new Event('online'))")
        tab_1.wait_for_function(OUTBOX_EMPTY, timeout=60000)
        assert laptop_answers(server.url, tab_1) == {"more-stable": "a", "cells-migrate": "b"}
        context.close()


def test_a_deleted_student_is_not_sent_again_unless_they_choose(browser, site, tmp_path):
    """D12: the teacher deletes Max; his browser joins again as "Max B." and sends nothing of
    what it holds until he chooses to send it."""
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        page = context.new_page()
        join_class(page, server.url, "Max A")
        answer(page, "cells-migrate", "a")
        check(page)
        status_line(page, "Saved for your teacher")
        _, report, _ = call(server.url, "api/teacher/report", headers=teacher_cookie(server.url))
        (student,) = report["figures"]["students"]
        call(server.url, f"api/teacher/students/{student['id']}/delete", {"confirm": True},
             teacher_cookie(server.url))
        page.reload()
        page.get_by_label("Your name, as your teacher calls you").fill("Max B.")
        page.get_by_role("button", name="Join the class").click()
        offer = page.locator(".whc-resend")
        offer.wait_for()
        page.wait_for_function(OUTBOX_EMPTY)
        assert laptop_answers(server.url, page) == {}
        assert not page.locator(f"#exercise-{EXERCISE} .whc-exercise__class").inner_text()
        offer.get_by_role("button", name="Send them to my teacher").click()
        offer.wait_for(state="detached")
        status_line(page, "Saved for your teacher")
        assert laptop_answers(server.url, page) == {"cells-migrate": "a"}
        context.close()


def test_the_teacher_merges_a_same_name_file_on_the_class_page(browser, site, tmp_path):
    """F3: a file named like a joined student is listed apart, merged by the teacher's click."""
    catalogue = Catalogue.load(ROOT)
    version = catalogue.exercises[EXERCISE].items["cells-migrate"].version
    text = json.dumps({"format": FILE_FORMAT, "version": 1, "name": "Vera V", "exercises": {
        EXERCISE: {"items": {"cells-migrate": {"v": version, "r": "b"}}}}})
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        student = context.new_page()
        join_class(student, server.url, "Vera V")
        answer(student, "more-stable", "a")
        check(student)
        status_line(student, "Saved for your teacher")
        teacher = open_class_page(browser.new_context(), server.url)
        teacher.locator("[data-class-students] tr").first.wait_for()
        status, body, _ = call(server.url, "api/teacher/import", {"file": "v.json", "content": text},
                               teacher_cookie(server.url))
        assert status == 200, body
        assert laptop_answers(server.url, student) == {"more-stable": "a"}
        teacher.clock.run_for(5000)
        match = teacher.locator("[data-class-same-names] li")
        match.get_by_text("comes from a My answers file").wait_for()
        assert teacher.locator("[data-class-students] tr").count() == 2
        teacher.on("dialog", lambda dialog: dialog.accept())
        match.get_by_role("button").click()
        match.wait_for(state="detached")
        assert teacher.locator("[data-class-students] tr").count() == 1
        assert laptop_answers(server.url, student) == {"more-stable": "a", "cells-migrate": "b"}
        context.close()


def test_a_text_handed_in_is_marked_out_of_every_claim_without_their_key(browser, site, tmp_path):
    """F2 on the page: one sentence of the claims check-up handed in; the feedback counts
    every claim of the text, and the key of the claims not marked never reaches the page."""
    from classroom.contract import TEXT_ITEM
    claims = Catalogue.load(ROOT).exercises["checkup-claims"]
    marked = next(iter(claims.key["items"].values()))
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        page = context.new_page()
        join_class(page, server.url, "Zz Alt")  # before the check-up opens: no admission needed
        call(server.url, "api/teacher/checkup", {"open": True, "feedback": "after-handin"},
             teacher_cookie(server.url))
        handin = {"id": "alt-handin-1", "type": "handin", "exercise": claims.id, "at": 1,
                  "items": {TEXT_ITEM: {"v": claims.items[TEXT_ITEM].version,
                                        "r": {marked["sentence"]: marked["answer"]}}}}
        status, body, _ = call(server.url, "api/events", {"events": [handin]}, token_of(page))
        assert status == 200, body
        page.goto(server.url + "practice/check-up.html")
        root = page.locator(f"[data-exercise='{claims.id}']")
        count = len(claims.key["items"])
        root.locator("[data-score]").get_by_text(f"1 of {count} claims").wait_for()
        root.get_by_text(f"{count - 1} more claims in this text that you did not mark").wait_for()
        key = page.evaluate(f"document.querySelector(\"[data-exercise='{claims.id}']\").whc.key")
        assert list(key["items"]) == [next(iter(claims.key["items"]))]
        context.close()


def test_a_second_device_with_a_name_in_use_is_told_and_let_in_by_the_teacher(browser, site,
                                                                               tmp_path):
    """Item 7: "Rita R" joins from a second device; she is told her teacher has to let her in,
    the class page lists her with Let in and Merge, and Let in ends her wait."""
    with class_server(site, tmp_path) as server:
        first = browser.new_context().new_page()
        join_class(first, server.url, "Rita R")
        second_context = browser.new_context()
        second = second_context.new_page()
        join_class(second, server.url, "Rita R")
        second.get_by_text("already uses this name").wait_for()
        answer(second, "cells-migrate", "b")
        check(second)
        status_line(second, "has not let you in yet")
        teacher = open_class_page(browser.new_context(), server.url)
        waiting = teacher.locator("[data-class-waiting] li")
        waiting.get_by_text("a name someone in the class already uses").wait_for()
        assert waiting.get_by_role("button", name="Same person: merge into Rita R").count() == 1
        waiting.get_by_role("button", name="Let Rita R in").click()
        waiting.wait_for(state="detached")
        second.reload()
        status_line(second, "Saved for your teacher")
        second_context.close()


def test_the_teacher_pastes_the_class_list_and_its_names_join_during_the_check_up(browser, site,
                                                                                 tmp_path):
    """Item 7: the list is pasted on the class page once; a listed student joins during the
    check-up without waiting, an unlisted one is told to ask the teacher."""
    with class_server(site, tmp_path) as server:
        teacher = open_class_page(browser.new_context(), server.url)
        teacher.get_by_label("Names, one a line:").fill("Sam K.\nRita R\n")
        teacher.get_by_role("button", name="Save the class list").click()
        teacher.locator("[data-class-list-saved]").get_by_text("Class list saved: 2 names").wait_for()
        call(server.url, "api/teacher/checkup", {"open": True}, teacher_cookie(server.url))
        listed = browser.new_context().new_page()
        join_class(listed, server.url, "sam k.")
        answer(listed, "cells-migrate", "b")
        check(listed)
        status_line(listed, "Saved for your teacher")
        stranger = browser.new_context().new_page()
        join_class(stranger, server.url, "Zz Alt")
        stranger.get_by_text("not on your teacher's class list").wait_for()
        teacher.reload()  # read back from the data folder
        expect(teacher.get_by_label("Names, one a line:")).to_have_value("Sam K.\nRita R")
        assert (tmp_path / "class-data" / "class-list.txt").exists()
