"""What the class page tells the teacher that the terminal used to bury: answers that are not
being saved (F7)."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from support import class_server, open_class_page


def test_the_class_page_says_when_answers_are_not_being_saved_and_why(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        failing = {"on": False}

        def report(route):
            answer = route.fetch()
            data = answer.json()
            if failing["on"]:
                data["saving"] = {"ok": False, "why": "the disk is full",
                                  "then": "free some space on this computer"}
            route.fulfill(response=answer, body=json.dumps(data))

        context.route("**/api/teacher/report*", report)
        teacher = open_class_page(context, server.url)
        banner = teacher.locator("[data-class-saving]")
        teacher.locator("[data-class-updated]").filter(has_text="Updated").wait_for()
        expect(banner).to_be_hidden()
        failing["on"] = True
        teacher.clock.fast_forward(4000)
        expect(banner).to_be_visible()
        expect(banner).to_contain_text("Answers are not being saved on this computer: the disk "
                                       "is full. Please free some space on this computer.")
        expect(banner).to_have_attribute("role", "alert")
        failing["on"] = False
        teacher.clock.fast_forward(4000)
        expect(banner).to_be_hidden()
