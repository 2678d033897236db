"""What a teacher trying the class page with four phones found, in Chromium: Show solution
used before getting an exercise right is flagged and shown per item; a check-up cell says how
many parts were handed in, and their score only while the key is shown; a name is said once
and never wraps; the projector's bars count students and its buttons stay on screen."""

from __future__ import annotations

from functools import cache

from playwright.sync_api import expect

from classroom.classmode.catalogue import Catalogue
from support import (PHONE, ROOT, axe_violations, call, class_server, next_refresh,
                     open_class_page, teacher_cookie)

EXERCISE = "lesson-1-practice"
CHECKUP_PART = "checkup-evidence-mardaleishvili"


@cache
def catalogue():
    return Catalogue.load(ROOT)


def joined(url, name):
    _, student, _ = call(url, "api/join", {"name": name})
    return student


def send(url, student, exercise, kind, answers, event_id):
    items = catalogue().exercises[exercise].items
    event = {"id": f"{event_id}-{student['id']}", "type": kind, "exercise": exercise, "at": 1,
             "items": {item: {"v": items[item].version, "r": r} for item, r in answers.items()}}
    status, body, _ = call(url, "api/events", {"events": [event]},
                           {"Authorization": f"Bearer {student['token']}"})
    assert status == 200, body


def shoot(page, folder, name):
    """A screenshot to look at by hand (pytest --basetemp keeps it); no assertion rests on it."""
    page.screenshot(path=str(folder / f"{name}.png"))


def test_the_teacher_sees_solutions_shown_and_what_a_check_up_score_counts(browser, site,
                                                                          tmp_path):
    with class_server(site, tmp_path) as server:
        url = server.url
        ben = joined(url, "Ben T.")
        send(url, ben, EXERCISE, "check", {"cells-migrate": "a"}, "ben-1")
        send(url, ben, EXERCISE, "solution", {"cells-migrate": "b"}, "ben-2")
        amy = joined(url, "Amy K.")
        assert call(url, "api/teacher/checkup", {"open": True}, teacher_cookie(url))[0] == 200
        part = catalogue().exercises[CHECKUP_PART]
        right = {item: part.key["items"][item]["answer"] for item in part.items}
        send(url, amy, CHECKUP_PART, "handin", right, "amy-1")
        teacher = open_class_page(browser.new_context(viewport={"width": 1280, "height": 800}),
                                  url)
        help_list = teacher.locator("[data-class-help] li")
        expect(help_list).to_have_count(1)
        assert help_list.inner_text() == ("Ben T.: used Show solution on “"
                                          f"{catalogue().exercises[EXERCISE].title}” without "
                                          "getting it right first.")
        row = teacher.locator("[data-class-students] tr", has_text="Amy K.")
        points = len(part.items)
        # The check-up is open, so the key is hidden: how many parts, never the score.
        checkup_cell = row.locator("td").nth(2)
        expect(checkup_cell).to_have_text("1 of 6 parts handed in")
        summary = teacher.locator("[data-class-summary]")
        expect(summary).to_contain_text("1 may need help: Ben T.;")
        teacher.get_by_label("Show the key").check()
        expect(checkup_cell).to_have_text(f"1 of 6 parts handed in: {points} of {points}")
        teacher.get_by_label("Show the key").uncheck()
        expect(checkup_cell).to_have_text("1 of 6 parts handed in")
        head = teacher.locator("[data-class-students-head] th")
        assert head.all_inner_texts().count("Check-up") == 1
        ben_row = teacher.locator("[data-class-students] tr", has_text="Ben T.")
        expect(ben_row).to_contain_text("none of 6 parts handed in")
        shoot(teacher, tmp_path, "laptop-glance")
        assert axe_violations(teacher) == []

        teacher.locator("[data-class-students]").get_by_role("link", name="Ben T.").click()
        one = teacher.locator("[data-class-student] tr", has_text="1. ")
        expect(one).to_contain_text("Solution shown")
        expect(teacher.locator("[data-class-student]").get_by_text("Solution shown")).to_have_count(1)
        assert axe_violations(teacher) == []

        teacher.set_viewport_size(PHONE["viewport"])
        next_refresh(teacher)
        link = teacher.locator("[data-class-students]").get_by_role("link", name="Amy K.")
        lines = link.evaluate("a => a.getClientRects().length")
        assert lines == 1, "a name broken over two lines"
        table = teacher.locator("[data-class-students]").locator("xpath=..")
        assert table.evaluate("t => getComputedStyle(t).backgroundImage").count("gradient") >= 2
        teacher.locator("[data-class-students]").scroll_into_view_if_needed()
        shoot(teacher, tmp_path, "phone-students")
        teacher.context.close()


def test_the_projector_counts_students_and_keeps_its_buttons_in_view(browser, site, tmp_path):
    exercise = catalogue().exercises[EXERCISE]
    item = "one-word-claims"  # several answers: 3 students tick 7 boxes between them
    with class_server(site, tmp_path) as server:
        url = server.url
        for n, ticks in enumerate((["a", "b"], ["a", "b", "c"], ["b", "d"])):
            send(url, joined(url, f"S{n}"), EXERCISE, "answer", {item: ticks}, f"s{n}")
        projector = open_class_page(browser.new_context(viewport={"width": 1024, "height": 768}),
                                    url)
        projector.get_by_role("link", name="Lead the lesson from the front").click()
        source = projector.locator("[data-lead-source]")
        source.locator("option").nth(1).wait_for(state="attached")
        source.select_option(source.locator("option", has_text="Lesson 1 practice").first
                             .get_attribute("value"))
        projector.get_by_role("button", name="Show", exact=True).click()
        where = projector.locator("[data-lead-where]")
        expect(where).to_contain_text("question 1 of")
        for number in range(2, list(exercise.items).index(item) + 2):
            projector.keyboard.press("n")
            expect(where).to_contain_text(f"question {number} of")
        expect(projector.locator("[data-lead-answered]")).to_have_text(
            "3 students have answered.", timeout=15000)
        bars = projector.locator("[data-lead-bars] li")
        options = exercise.items[item].options
        expect(bars.filter(has_text=options["b"].strip('"'))).to_contain_text("3 of 3")
        expect(bars.filter(has_text=options["a"].strip('"'))).to_contain_text("2 of 3")
        assert ".:" not in projector.locator("[data-lead-bars]").inner_text()

        buttons = projector.locator("[data-lead-action=next]")
        for size in ({"width": 1024, "height": 768}, {"width": 1920, "height": 1080}):
            projector.set_viewport_size(size)
            projector.keyboard.press("r")  # Reveal (again: no harm) and the show of hands open
            projector.locator("[data-lead-key]").wait_for()
            hands = projector.locator("[data-lead-hands]")
            if hands.get_attribute("open") is None:
                projector.get_by_text("Show of hands", exact=True).click()
            projector.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
            expect(buttons).to_be_in_viewport()
            expect(projector.locator("[data-lead-action=reveal]")).to_be_in_viewport()
            labels = projector.locator("[data-lead-hands-fields] label").all_inner_texts()
            assert labels and not any(".:" in label or label.rstrip().endswith(".")
                                      for label in labels)
            shoot(projector, tmp_path, f"projector-{size['width']}")
        assert axe_violations(projector) == []
        projector.context.close()


def test_open_answers_keep_their_lines_and_check_up_items_speak_of_hand_ins(browser, site,
                                                                           tmp_path):
    with class_server(site, tmp_path) as server:
        url = server.url
        assert call(url, "api/teacher/checkup", {"open": True}, teacher_cookie(url))[0] == 200
        amy = joined(url, "Amy K.")
        send(url, amy, "checkup-open", "handin", {"fair-test": "Two groups.\nChosen at random."},
             "amy-open")
        part = catalogue().exercises[CHECKUP_PART]
        send(url, amy, CHECKUP_PART, "handin", {item: "none" for item in part.items}, "amy-ev")
        teacher = open_class_page(browser.new_context(viewport={"width": 1280, "height": 800}),
                                  url)
        # Check-up items join the most missed only with the key shown (it hides while open).
        teacher.get_by_label("Show the key's answers and reasons").check()
        missed = teacher.locator("[data-class-missed] li").first
        expect(missed).to_contain_text("of the 1 student who handed it in")  # one, not "1 students"
        assert "pressed Check" not in missed.inner_text()
        teacher.locator('[data-class-item="checkup-open/fair-test"]').get_by_role("button").click()
        answer = teacher.locator(".whc-class__open > li > span").first
        expect(answer).to_have_text("Two groups.\nChosen at random.")
        assert answer.evaluate("s => s.getClientRects().length") >= 2, "the line break is lost"
        mark = teacher.locator(".whc-class__mark").first
        label, select = mark.locator("p label").first, mark.locator("p select").first
        left, right = label.bounding_box(), select.bounding_box()
        assert right["x"] >= left["x"] + left["width"] + 8 or right["y"] >= left["y"] + left["height"]
        comment = mark.locator("textarea")
        assert comment.bounding_box()["height"] >= 80 and comment.bounding_box()["width"] >= 300
        mark.scroll_into_view_if_needed()
        shoot(teacher, tmp_path, "laptop-open-answer")
        assert axe_violations(teacher) == []
        teacher.context.close()
