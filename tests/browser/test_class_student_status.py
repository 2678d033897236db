"""A student's status line under an exercise in class mode: an answer the laptop refused never
reads "Saved for your teacher" (D7); the reason is said in its place."""

from __future__ import annotations

import json

from support import class_server, join_class

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
