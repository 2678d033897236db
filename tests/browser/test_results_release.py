"""Releasing the check-up's results, in real Chromium: the class page says when students will
see them; a student's open page shows them at its next check (within half a minute, the page's
clock brought forward, no reload), and Hand in stays off with the reason beside it until the
teacher allows a retake, which the open page notices too."""

from __future__ import annotations

from playwright.sync_api import expect

from classroom.project import Module
from support import ROOT, call, class_server, join_class, open_class_page, teacher_cookie

MODULE = Module.load(ROOT)
QUESTIONS = MODULE.exercises["checkup-questions"]
CHECKUP_PAGE = MODULE.placements[QUESTIONS.id][:-3] + ".html"
ITEM = QUESTIONS.items[0]
ROOT_OF = f"[data-exercise='{QUESTIONS.id}']"


def test_released_results_reach_an_open_page_and_only_a_retake_switches_hand_in_on(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        student = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                      has_touch=True)
        teacher = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            page = student.new_page()
            page.clock.install()
            join_class(page, server.url, "Lena K")
            status, body, _ = call(server.url, "api/teacher/checkup",
                                   {"open": True, "feedback": "release"}, teacher_cookie(server.url))
            assert status == 200, body
            page.goto(server.url + CHECKUP_PAGE)
            for option in ITEM.answer:
                page.locator(f"{ROOT_OF} [data-item='{ITEM.id}'] input[value='{option}']").check()
            button = page.locator(f"{ROOT_OF} [data-action='handin']")
            button.click()
            why = page.locator(f"{ROOT_OF} .whc-exercise__handin-why")
            why.get_by_text("you have handed this in").wait_for(timeout=15000)
            expect(button).to_be_disabled()
            assert button.get_attribute("aria-describedby") == why.get_attribute("id")

            board = open_class_page(teacher, server.url)
            release = board.locator("[data-class-action=release]")
            note = board.locator("#whc-class-release-note")
            expect(note).to_contain_text("within half a minute")
            assert release.get_attribute("aria-describedby") == "whc-class-release-note"
            board.on("dialog", lambda dialog: dialog.accept())
            release.click()
            board.locator("[data-class-checkup-message]").get_by_text(
                "Students' pages show them within half a minute").wait_for()
            board.screenshot(path=str(tmp_path / "teacher-released.png"), full_page=False)

            feedback = page.locator(f"{ROOT_OF} [data-item='{ITEM.id}'] [data-feedback]")
            assert feedback.is_hidden()
            page.clock.fast_forward(30000)  # the page's next check, without a reload
            feedback.get_by_text("Right").first.wait_for(timeout=15000)
            expect(button).to_be_disabled()
            why.get_by_text("you have handed this in").wait_for()
            why.scroll_into_view_if_needed()
            page.screenshot(path=str(tmp_path / "student-released.png"))

            # The teacher lets her sit it again: her page notices at its next check.
            board.locator("[data-class-retake]").select_option(label="Lena K")
            board.locator("[data-class-action=retake]").click()
            board.locator("[data-class-checkup-message]").get_by_text(
                "Lena K may now hand in the check-up again").wait_for()
            page.clock.fast_forward(30000)
            expect(button).to_be_enabled(timeout=15000)
            expect(why).to_have_count(0)
            expect(page.locator(f"{ROOT_OF} [data-notice]")).to_have_text(
                "Your teacher has let you hand this in again. Your next hand-in is the one your "
                "teacher marks.")
            expect(feedback).to_be_hidden()  # that feedback was the first hand-in's
            for option in ITEM.answer:  # her answers stay on the page
                expect(page.locator(f"{ROOT_OF} [data-item='{ITEM.id}'] input[value='{option}']")
                       ).to_be_checked()
        finally:
            student.close()
            teacher.close()
