"""What the class page tells the teacher that the terminal used to bury: answers that are not
being saved (F7); and the PIN, shown on the laptop's own class page, which needs none, rather
than in the terminal the class sees (D3); a page signed out by a restart says so (D11)."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from support import TEACHER_PIN, as_another_device, class_server, open_class_page

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
        context.close()  # no refresh through the route once the server has stopped


def test_on_the_laptop_the_class_page_needs_no_pin_and_shows_it_on_request(browser, site,
                                                                          tmp_path):
    with class_server(site, tmp_path) as server:
        teacher = open_class_page(browser.new_context(), server.url)
        expect(teacher.get_by_label("Teacher PIN")).to_be_hidden()
        show = teacher.get_by_role("button", name="Show the PIN")
        expect(teacher.get_by_text(TEACHER_PIN)).to_have_count(0)
        show.click()
        expect(teacher.locator("[data-class-pin-shown]")).to_have_text(f"Teacher PIN: {TEACHER_PIN}")
        teacher.get_by_role("button", name="Hide the PIN").click()
        expect(teacher.locator("[data-class-pin-shown]")).to_be_hidden()


def test_another_device_signed_out_by_a_restart_is_told_so_and_what_to_do(browser, site,
                                                                         tmp_path):
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        as_another_device(context)
        teacher = context.new_page()
        teacher.clock.install()
        teacher.goto(server.url + "teachers/class.html")
        pin = teacher.get_by_label("Teacher PIN")
        pin.fill(TEACHER_PIN)
        teacher.get_by_role("button", name="Show the class").click()
        teacher.locator("[data-class-updated]").filter(has_text="Updated").wait_for()
        expect(teacher.locator("[data-class-pin]")).to_be_hidden()  # shown on the laptop only
        server.stop()
        server.start()
        teacher.clock.fast_forward(4000)
        expect(teacher.locator("[data-class-message]")).to_contain_text(
            "You were signed out, perhaps because the laptop's server was restarted")
        expect(pin).to_have_value("")
        pin.fill(TEACHER_PIN)  # the same PIN: it has not changed
        teacher.get_by_role("button", name="Show the class").click()
        expect(teacher.locator("[data-class-board]")).to_be_visible()
