"""A student's page in class mode: an answer the laptop refused never reads "Saved for your
teacher" (D7), the reason is said in its place; the teacher's comment on an open answer shows
under it."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from support import class_server, join_class, next_refresh, open_class_page

EXERCISE = "lesson-1-practice"


def test_a_refused_answer_is_never_said_to_be_saved(browser, site, tmp_path):
    """D7: the laptop answers 422 for the Check: the line gives its reason, not "Saved"."""
    with class_server(site, tmp_path) as server:
        page = browser.new_context().new_page()
        join_class(page, server.url, "Ann B")
        status = page.locator(f"#exercise-{EXERCISE} .whc-exercise__class")
        page.locator('[data-item="cells-migrate"] input[value="b"]').check()
        page.locator(f'#exercise-{EXERCISE} [data-action="check"]').click()
        status.get_by_text("Saved for your teacher").wait_for()

        def refuse(route):
            events = json.loads(route.request.post_data)["events"]
            route.fulfill(status=422, json={
                "stored": [], "waiting": False, "error": "refused",
                "refused": [{"id": e["id"], "error": "the check-up is closed"} for e in events]})
        page.route("**/api/events", refuse)
        page.locator('[data-item="cells-migrate"] input[value="a"]').check()
        page.locator(f'#exercise-{EXERCISE} [data-action="check"]').click()
        status.get_by_text("did not take your last answer here: the check-up is closed").wait_for()
        assert "Saved for your teacher" not in status.inner_text()
        page.unroute("**/api/events")
        page.locator('[data-item="cells-migrate"] input[value="b"]').check()
        page.locator(f'#exercise-{EXERCISE} [data-action="check"]').click()
        status.get_by_text("Saved for your teacher").wait_for()
        page.context.close()


OPEN = "iskitim-questions"


def test_the_teachers_mark_and_comment_on_an_open_answer_reach_the_student(browser, site,
                                                                          tmp_path):
    """Open answers marked against the rubric's levels with a comment, on the class page; the
    comment shows on the student's page as "Your teacher's comment", as text."""
    with class_server(site, tmp_path) as server:
        page = browser.new_context().new_page()
        join_class(page, server.url, "Ann B")
        page.goto(server.url + f"practice/{OPEN}.html")
        exercise = page.locator(f"#exercise-{OPEN}")
        exercise.locator("textarea").first.fill("How many children improved, and compared with whom?")
        exercise.locator('[data-action="check"]').click()
        exercise.locator(".whc-exercise__class").get_by_text("Saved for your teacher").wait_for()

        teacher = open_class_page(browser.new_context(), server.url)
        row = teacher.locator(f'[data-class-item="{OPEN}/three-questions"]')
        row.get_by_role("button").click()
        answers = teacher.locator("[data-class-open]")
        answers.get_by_text("How many children improved").wait_for()
        answers.get_by_label("Asks for evidence:").select_option("3")
        answers.get_by_label("Fair, kind and clear:").select_option("2")
        comment = "Strong question. <b>Now</b> ask what was measured."
        answers.get_by_label("Comment (the student sees it on their page):").fill(comment)
        answers.get_by_role("button", name="Save the mark").click()
        answers.get_by_text("Mark saved at").wait_for()
        next_refresh(teacher)  # the mark stays after a refresh
        expect(answers.get_by_label("Asks for evidence:")).to_have_value("3")

        page.reload()
        note = exercise.locator(".whc-comment")
        note.get_by_text("Your teacher's comment").wait_for()
        assert comment in note.inner_text() and note.locator("b").count() == 0
        page.context.close()
        teacher.context.close()
