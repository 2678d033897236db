"""The teacher's class page in real Chromium: an earlier lesson sets the current lesson's
controls aside (Release acts on the lesson shown), deleting a student is its own named action, and on a phone the tables scroll,
not the page."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from support import call, class_server, next_refresh, open_class_page, teacher_cookie

EXERCISE = "lesson-1-practice"


def joined_with_a_check(url, name):
    """A student who joined and pressed Check once, in the current lesson (as the API sees it)."""
    _, student, _ = call(url, "api/join", {"name": name})
    event = {"id": "check-" + student["id"], "type": "check", "exercise": EXERCISE, "at": 1,
             "items": {"cells-migrate": {"v": "x", "r": "a"}}}
    assert call(url, "api/events", {"events": [event]},
                {"Authorization": f"Bearer {student['token']}"})[0] == 200


def test_an_earlier_lesson_sets_the_current_lessons_controls_aside(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        joined_with_a_check(server.url, "Ann B")
        status, _, _ = call(server.url, "api/teacher/lessons", {"title": "Tuesday, 3B"},
                            teacher_cookie(server.url))
        assert status == 201
        joined_with_a_check(server.url, "Cy D")
        teacher = open_class_page(browser.new_context(), server.url)
        students = teacher.locator("[data-class-students] th")
        students.get_by_text("Cy D").wait_for()
        lesson = teacher.get_by_label("Lesson:")
        # A named lesson keeps its date in the list.
        assert re.fullmatch(r"Tuesday, 3B, \d{4}-\d\d-\d\d \(current\)",
                            lesson.locator("option").all_inner_texts()[1])
        open_checkup = teacher.get_by_role("button", name="Open the check-up")
        back = teacher.get_by_role("button", name="Back to the current lesson")
        controls = [open_checkup, teacher.get_by_role("button", name="Close the check-up"),
                    teacher.get_by_role("group", name="When students see feedback on the check-up"),
                    teacher.get_by_label("Let a student sit the check-up again:"),
                    teacher.get_by_label("My answers files to load:")]
        # Release acts on the lesson shown, an earlier one too (D2): it is never set aside.
        release = teacher.get_by_role("button", name="Release the results")
        assert all(control.is_visible() for control in controls) and back.count() == 0
        assert release.is_visible()

        # An earlier lesson: its figures, and the controls that act on the current lesson
        # give way to notes that say so, each with a way back.
        lesson.select_option(label=lesson.locator("option").all_inner_texts()[0])
        students.get_by_text("Ann B").wait_for()
        assert students.all_inner_texts() == ["Ann B"]
        assert all(control.is_hidden() for control in controls)
        assert back.count() == 3 and release.is_visible()
        notes = teacher.locator("[data-class-earlier]")
        assert "an earlier lesson" in notes.nth(0).inner_text()
        assert all("current lesson, “Tuesday, 3B”" in text for text in notes.all_inner_texts())
        assert "lesson=1" in teacher.locator("[data-class-download=csv]").get_attribute("href")
        results = Axe().run(teacher)
        assert results.violations_count == 0, results.generate_report()
        next_refresh(teacher)  # a refresh keeps the lesson chosen
        assert students.all_inner_texts() == ["Ann B"] and back.count() == 3
        teacher.once("dialog", lambda dialog: dialog.accept())
        release.click()
        expect(release).to_be_disabled()
        cookie = teacher_cookie(server.url)
        assert [call(server.url, f"api/teacher/report?lesson={number}", headers=cookie)[1]
                ["checkup"]["released"] for number in (1, 2)] == [True, False]

        # Back from the check-up's note: the current lesson, its controls, the focus on them.
        teacher.locator("#class-checkup ~ [data-class-earlier]").first.get_by_role("button").click()
        students.get_by_text("Cy D").wait_for()
        assert back.count() == 0 and all(control.is_visible() for control in controls)
        assert teacher.evaluate("document.activeElement.dataset.classAction") == "checkup-open"
        open_checkup.click()
        teacher.get_by_text("The check-up is open").wait_for()
        cookie = teacher_cookie(server.url)
        for number, is_open in ((1, False), (2, True)):
            report = call(server.url, f"api/teacher/report?lesson={number}", headers=cookie)[1]
            assert report["checkup"]["open"] is is_open
        teacher.context.close()


def test_delete_has_its_own_column_named_for_the_student(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        for name in ("Anna K", "Ben O"):
            joined_with_a_check(server.url, name)
        teacher = open_class_page(browser.new_context(), server.url)
        rows = teacher.locator("[data-class-students] tr")
        rows.nth(1).wait_for()
        table = teacher.locator(".whc-class__students")
        headers = table.locator("thead th").all_inner_texts()
        assert headers[-1] == "Delete a student's data"
        for row, name in zip(rows.all(), ("Anna K", "Ben O")):
            cells = row.locator("th, td")
            assert cells.count() == len(headers)
            # The last column holds that student's Delete button, and nothing else does.
            assert cells.last.get_by_role("button", name=f"Delete {name}'s data", exact=True).count() == 1
            assert cells.last.inner_text().strip() == "Delete"
        assert table.get_by_role("button").count() == 2
        # The items' buttons are Show buttons named for their item, never Delete.
        items = teacher.locator(".whc-class__items")
        assert items.get_by_role("button", name="Delete").count() == 0
        assert items.get_by_role("button", name="Answers to:").count() > 0

        dialogs = []

        def answer_dialog(dialog):
            dialogs.append(dialog.message)
            dialog.accept() if len(dialogs) > 1 else dialog.dismiss()
        teacher.on("dialog", answer_dialog)
        delete_anna = teacher.get_by_role("button", name="Delete Anna K's data", exact=True)
        delete_anna.click()  # dismissed: nothing is deleted
        next_refresh(teacher)
        assert teacher.locator("[data-class-students] th").all_inner_texts() == ["Anna K", "Ben O"]
        delete_anna.click()
        teacher.locator("[data-class-students] th", has_text="Anna K").wait_for(state="detached")
        assert teacher.locator("[data-class-students] th").all_inner_texts() == ["Ben O"]
        assert all("Anna K" in message for message in dialogs)
        teacher.context.close()


def test_on_a_phone_the_class_tables_scroll_not_the_page(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        joined_with_a_check(server.url, "Anna Karenina-Smith")
        teacher = open_class_page(browser.new_context(viewport={"width": 390, "height": 844}),
                                  server.url)
        teacher.locator(".whc-class__items").first.wait_for()
        widths = teacher.evaluate("""() => [document.documentElement.scrollWidth,
            ...[...document.querySelectorAll('.whc-class table')].map(t => t.scrollWidth)]""")
        assert widths[0] == 390, f"the page scrolls sideways: {widths[0]} px wide at 390"
        assert max(widths[1:]) > 390, "no table is wider than the phone: nothing was tried"
        teacher.context.close()
