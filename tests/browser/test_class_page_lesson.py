"""The class page read in the middle of a lesson, in real Chromium: who joined (idle ones too),
an item's answers drawn where the teacher looks, a refresh that keeps the teacher's place, the
key kept off a projected screen during the check-up (in one student's work too), items told
apart, and a phone that does not scroll sideways."""

from __future__ import annotations

import random
from functools import cache

from playwright.sync_api import expect

from classroom.classmode.catalogue import Catalogue
from support import (ROOT, axe_violations, call, class_server, example_event, next_refresh,
                     open_class_page, teacher_cookie)

EXERCISE = "lesson-1-practice"
CHECKUP_PART = "checkup-evidence-mardaleishvili"


@cache
def versions() -> dict:
    """The items' versions as the built pages save them (an older one is not scored)."""
    items = Catalogue.load(ROOT).exercises[EXERCISE].items
    return {item_id: item.version for item_id, item in items.items()}


def joined(url, name, answers=None, event_id="check"):
    """A student who joined and, given answers, pressed Check once with them."""
    _, student, _ = call(url, "api/join", {"name": name})
    if answers:
        send(url, student, answers, event_id)
    return student


def send(url, student, answers, event_id):
    event = {"id": f"{event_id}-{student['id']}", "type": "check", "exercise": EXERCISE, "at": 1,
             "items": {item: {"v": versions()[item], "r": r} for item, r in answers.items()}}
    assert call(url, "api/events", {"events": [event]},
                {"Authorization": f"Bearer {student['token']}"})[0] == 200


def test_students_who_joined_but_have_not_answered_are_on_the_first_screen(browser, site,
                                                                          tmp_path):
    """D5: two joined, one answered: two rows, and the summary says two have joined; with 8,
    who may need help is named and the first rows are on a laptop's first screen."""
    with class_server(site, tmp_path) as server:
        joined(server.url, "Ann B", {"cells-migrate": "a"})
        joined(server.url, "Cy D")
        teacher = open_class_page(browser.new_context(), server.url)
        students = teacher.locator("[data-class-students] th")
        students.get_by_text("Cy D").wait_for()
        assert students.all_inner_texts() == ["Ann B", "Cy D"]
        idle = teacher.locator("[data-class-students] tr", has_text="Cy D")
        assert "no answer yet" in idle.inner_text()
        assert teacher.get_by_text("Nobody has joined").count() == 0
        summary = teacher.locator("[data-class-summary]")
        assert summary.inner_text().startswith("2 students have joined this lesson")
        assert summary.get_attribute("role") == "status"
        # On the first screen of a laptop: the summary and the first rows of the students.
        assert teacher.evaluate("document.querySelector('[data-class-students] tr')"
                                ".getBoundingClientRect().top") < 800
        # Walk 8: with 8 students, at 1280x800, the summary names who may need help (as text,
        # five at most) and the first 3 rows of Who is working are wholly on the first screen.
        for n in range(6):
            student = joined(server.url, f"<b>H{n}</b> L.")
            event = {"id": f"solution-{n}", "type": "solution", "exercise": EXERCISE, "at": 1,
                     "items": {"cells-migrate": {"v": versions()["cells-migrate"], "r": "b"}}}
            assert call(server.url, "api/events", {"events": [event]},
                        {"Authorization": f"Bearer {student['token']}"})[0] == 200
        teacher.set_viewport_size({"width": 1280, "height": 800})
        next_refresh(teacher)
        rows = teacher.locator("[data-class-students] tr")
        expect(rows).to_have_count(8)
        expect(summary).to_contain_text("6 may need help: <b>H0</b> L., <b>H1</b> L., "
                                        "<b>H2</b> L., <b>H3</b> L., <b>H4</b> L. and 1 more;")
        teacher.evaluate("scrollTo(0, 0)")
        bottoms = rows.evaluate_all("rows => rows.slice(0, 3).map("
                                    "r => r.getBoundingClientRect().bottom)")
        assert max(bottoms) <= 800, bottoms
        teacher.context.close()


def test_show_draws_an_items_answers_right_under_it(browser, site, tmp_path):
    """D4 and D9: the answers appear under the item's row, in view; each Show is named for its
    item's number, so two items asking the same question are told apart."""
    with class_server(site, tmp_path) as server:
        joined(server.url, "Ann B", {"cells-migrate": "a", "more-stable": "c"})
        joined(server.url, "Cy D", {"cells-migrate": "b"})
        teacher = open_class_page(browser.new_context(), server.url)
        row = teacher.locator(f'[data-class-item="{EXERCISE}/cells-migrate"]')
        row.wait_for()
        # D13: the one wrong answer, given by one student, is not called the commonest.
        expect(row.locator("td").nth(3)).to_have_text(
            "One student gave a wrong answer: Benefit (1)")
        names = teacher.locator("[data-class-item] button").evaluate_all(
            "buttons => buttons.map(b => b.getAttribute('aria-label'))")
        assert len(names) == len(set(names)) and names[1].startswith("Answers to: 2. ")
        # A long item's name is cut at a word, and says so, not in the middle of one.
        items = Catalogue.load(ROOT).exercises[EXERCISE].items.values()
        for name, item in zip(names, items):
            said = name.removeprefix("Answers to: ").split(" ", 1)[1]
            assert said == item.label or (said.endswith("…") and len(said) <= 81
                                          and (item.label + " ").startswith(said[:-1] + " ")), said
        show = row.get_by_role("button")
        show.click()
        expect(show).to_have_attribute("aria-expanded", "true")
        detail = teacher.locator(f'[data-class-item="{EXERCISE}/cells-migrate"] + [data-class-detail]')
        detail.get_by_text("(the key's answer): 1 student").wait_for()
        assert "Ann B" not in detail.inner_text()
        # The bars start at one place, so their lengths compare whatever the answer's words.
        starts = detail.locator("meter").evaluate_all(
            "meters => meters.map(m => Math.round(m.getBoundingClientRect().left))")
        assert len(starts) == 2 and len(set(starts)) == 1, starts
        teacher.wait_for_function("""() => {  // scrolled into view, where the teacher looks
            const d = document.querySelector("[data-class-detail]");
            return d && d.getBoundingClientRect().bottom <= innerHeight + 1; }""")
        show.click()  # Show again hides them
        expect(detail).to_have_count(0)
        teacher.context.close()


def test_a_refresh_keeps_focus_selection_and_scroll(browser, site, tmp_path):
    """D10: with the focus on a Show button and a reason selected, a refresh that brings a new
    answer redraws that item only: the focus, the selection and the scroll stay."""
    with class_server(site, tmp_path) as server:
        ann = joined(server.url, "Ann B", {"cells-migrate": "a", "more-stable": "a"})
        teacher = open_class_page(browser.new_context(), server.url)
        second = teacher.locator(f'[data-class-item="{EXERCISE}/more-stable"]')
        second.wait_for()
        show = second.get_by_role("button")
        show.focus()
        reason = teacher.locator(f'[data-class-item="{EXERCISE}/cells-migrate"] td').nth(4)
        reason.evaluate("cell => getSelection().selectAllChildren(cell)")
        chosen = teacher.evaluate("getSelection().toString()")
        assert len(chosen) > 20
        scrolled = teacher.evaluate("scrollY")
        send(server.url, ann, {"more-stable": "b"}, "second")
        next_refresh(teacher)
        expect(second.locator("td").nth(0)).to_have_text("1")
        teacher.locator("[data-class-students] td", has_text="just now").first.wait_for()
        assert teacher.evaluate("document.activeElement.getAttribute('aria-label')") == \
            show.get_attribute("aria-label")
        assert teacher.evaluate("getSelection().toString()") == chosen
        assert teacher.evaluate("scrollY") == scrolled
        teacher.context.close()


def test_as_the_laptops_clock_moves_on_only_the_time_since_the_last_answer_changes(
        browser, site, tmp_path):
    """D5 and D10: six minutes later by the laptop's clock, a student's row says so, and the
    row is not drawn again: the link the teacher's focus is on stays."""
    with class_server(site, tmp_path) as server:
        joined(server.url, "Ann B", {"cells-migrate": "a"})
        teacher = open_class_page(browser.new_context(), server.url)
        row = teacher.locator("[data-class-students] tr", has_text="Ann B")
        expect(row).to_contain_text("just now")
        link = row.get_by_role("link", name="Ann B")
        link.focus()
        link.evaluate("node => { node.whcSameNode = true; }")

        def later(route):  # the laptop's clock, six minutes on
            answer = route.fetch()
            data = answer.json()
            route.fulfill(response=answer, json={**data, "now": data["now"] + 6 * 60})
        teacher.route("**/api/teacher/report*", later)
        next_refresh(teacher)
        expect(row).to_contain_text("6 min ago")
        assert teacher.evaluate("document.activeElement.whcSameNode") is True
        teacher.context.close()


def test_during_the_check_up_the_key_stays_off_the_screen_until_asked(browser, site, tmp_path):
    """D8: while the check-up is open, the key's answers and reasons are hidden by default, and
    so is the wrong answer the row names, which would tell which answer is not the key's."""
    with class_server(site, tmp_path) as server:
        joined(server.url, "Ann B", {"cells-migrate": "a"})
        joined(server.url, "Cy D", {"cells-migrate": "b"})
        teacher = open_class_page(browser.new_context(), server.url)
        row = teacher.locator(f'[data-class-item="{EXERCISE}/cells-migrate"]')
        row.wait_for()
        teacher.get_by_role("button", name="Open the check-up").click()
        toggle = teacher.get_by_label("Show the key's answers and reasons")
        expect(toggle).not_to_be_checked()
        expect(row.locator("td").nth(4)).to_have_text("(hidden with the key)")
        expect(row.locator("td").nth(3)).to_have_text("(hidden with the key)")  # not "Benefit"
        row.get_by_role("button").click()
        detail = teacher.locator("[data-class-spread]")
        detail.get_by_text("Benefit: 1 student").wait_for()
        assert "key's answer" not in detail.inner_text()
        toggle.check()
        detail.get_by_text("(the key's answer): 1 student").wait_for()
        expect(row.locator("td").nth(4)).not_to_have_text("(hidden with the key)")
        expect(row.locator("td").nth(3)).to_have_text(
            "One student gave a wrong answer: Benefit (1)")
        teacher.context.close()


def test_a_key_tick_made_before_the_first_figures_arrive_stands(browser, site, tmp_path):
    """The board shows before its first figures come; a teacher who ticks Show the key in that
    moment, with the check-up open, sees the key, and the tick is not undone."""
    with class_server(site, tmp_path) as server:
        assert call(server.url, "api/teacher/checkup", {"open": True},
                    teacher_cookie(server.url))[0] == 200
        joined(server.url, "Ann B", {"cells-migrate": "a"})
        context = browser.new_context()
        held = []

        def hold(route):  # the first figures, held back; later ones go through
            if held:
                route.continue_()
            else:
                held.append(route)
        context.route("**/api/teacher/report*", hold)
        teacher = context.new_page()
        teacher.goto(server.url + "teachers/class.html")
        teacher.locator("[data-class-board]").wait_for()
        toggle = teacher.get_by_label("Show the key's answers and reasons")
        toggle.check()
        while not held:
            teacher.wait_for_timeout(50)
        held[0].continue_()
        row = teacher.locator(f'[data-class-item="{EXERCISE}/cells-migrate"]')
        expect(row.locator("td").nth(3)).to_have_text(
            "One student gave a wrong answer: Benefit (1)")
        expect(toggle).to_be_checked()
        context.close()


def test_one_students_check_up_follows_the_key_toggle(browser, site, tmp_path):
    """While the check-up is open and the key hidden, a student's work shows their answers to
    it but not whether they are right, nor the part's score; the toggle shows them, and so
    does closing the check-up. Their practice exercise keeps its verdicts throughout."""
    with class_server(site, tmp_path) as server:
        amy = joined(server.url, "Amy K", {"cells-migrate": "a"})
        assert call(server.url, "api/teacher/checkup", {"open": True},
                    teacher_cookie(server.url))[0] == 200
        part = Catalogue.load(ROOT).exercises[CHECKUP_PART]
        event = {"id": "handin-amy", "type": "handin", "exercise": CHECKUP_PART, "at": 1,
                 "items": {item: {"v": part.items[item].version,
                                  "r": part.key["items"][item]["answer"]} for item in part.items}}
        assert call(server.url, "api/events", {"events": [event]},
                    {"Authorization": f"Bearer {amy['token']}"})[0] == 200
        first_id = next(iter(part.items))  # Bo hands in its first item wrong, the rest right
        bo = joined(server.url, "Bo L")
        wrong = next(label for label in part.labels if label != part.key["items"][first_id]["answer"])
        bo_event = {**event, "id": "handin-bo", "items": {
            **event["items"], first_id: {"v": part.items[first_id].version, "r": wrong}}}
        assert call(server.url, "api/events", {"events": [bo_event]},
                    {"Authorization": f"Bearer {bo['token']}"})[0] == 200
        teacher = open_class_page(browser.new_context(viewport={"width": 1280, "height": 800}),
                                  server.url)
        toggle = teacher.get_by_label("Show the key's answers and reasons")
        teacher.locator("[data-class-students]").get_by_role("link", name="Amy K").click()
        one = teacher.locator("[data-class-student]")
        checkup = one.locator("table").nth(1)
        checkup.wait_for()
        expect(toggle).not_to_be_checked()
        heading = one.locator("h4").nth(1)
        expect(heading).to_contain_text("score hidden with the key")
        first_item = checkup.locator("tbody tr").first.locator("td")
        expect(first_item.nth(1)).to_have_text("(hidden with the key)")
        expect(first_item.nth(2)).to_have_text("(hidden with the key)")
        # A check-up part is handed in, not checked: its columns say so; practice keeps Check.
        expect(checkup.get_by_role("columnheader")).to_have_text(
            ["Item", "Answer now", "First hand-in", "Last hand-in"])
        expect(one.locator("table").first.get_by_role("columnheader").nth(2)).to_have_text(
            "First Check")
        items = teacher.locator("[data-class-exercises] table").filter(
            has=teacher.locator(f'[data-class-item^="{CHECKUP_PART}/"]'))
        expect(items.get_by_role("columnheader").nth(2)).to_have_text("Right at first hand-in")
        # Its item rows say nothing of right and wrong either, not even that nobody was wrong.
        item_row = items.locator("tbody tr").first.locator("td")
        expect(item_row.nth(1)).to_have_text("(hidden with the key)")
        expect(item_row.nth(4)).to_have_text("(hidden with the key)")
        expect(teacher.locator("[data-class-missed]")).not_to_contain_text("Check-up, 1.")
        behaved = teacher.locator("[data-measure-items]")  # measuring's question figures too
        expect(behaved).to_contain_text("The check-up's questions are hidden here with the key")
        expect(behaved).not_to_contain_text(part.title)
        assert "right" not in checkup.inner_text()  # neither "right" nor "not right"
        assert len(first_item.nth(0).inner_text()) > 3  # the student's own answer stays
        expect(one).to_contain_text("hidden with the key; to see them")
        expect(one.locator("table").first).to_contain_text("not right")  # practice: as before
        toggle.check()
        expect(first_item.nth(2)).to_have_text("right")
        expect(item_row.nth(1)).to_have_text("50% of 2")
        expect(teacher.locator("[data-class-missed]")).to_contain_text("Check-up, 1.")
        expect(behaved.locator("caption")).to_contain_text(part.title)
        points = len(part.items)
        expect(heading).to_contain_text(f"{points} of {points}")
        expect(first_item.nth(0)).to_contain_text("(right)")
        toggle.uncheck()
        expect(first_item.nth(2)).to_have_text("(hidden with the key)")
        teacher.get_by_role("button", name="Close the check-up").click()
        expect(toggle).to_be_checked()
        expect(first_item.nth(2)).to_have_text("right")
        teacher.context.close()


def test_on_a_phone_the_lesson_page_does_not_scroll_sideways_and_passes_axe(browser, site,
                                                                            tmp_path):
    """D19: at 390 px only the tables scroll; axe finds nothing, light and dark."""
    with class_server(site, tmp_path) as server:
        joined(server.url, "Anna Karenina-Smith", {"cells-migrate": "a"})
        joined(server.url, "Cy D")
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": 390, "height": 844},
                                          color_scheme=scheme)
            teacher = open_class_page(context, server.url)
            row = teacher.locator(f'[data-class-item="{EXERCISE}/cells-migrate"]')
            row.get_by_role("button").click()
            teacher.locator("[data-class-spread] li").first.wait_for()
            teacher.get_by_role("link", name="Anna Karenina-Smith").first.click()
            teacher.locator("[data-class-student] table").wait_for()
            assert teacher.evaluate("document.documentElement.scrollWidth") == 390
            assert axe_violations(teacher) == []
            # Who is working takes a line per student, not four: its scores scroll sideways.
            who = teacher.locator("[data-class-students] tr").first
            line = who.locator("td").first.evaluate("td => parseFloat(getComputedStyle(td).lineHeight)")
            assert who.bounding_box()["height"] < 2 * line + 16  # one line and the cell's padding
            # Who is working starts on the first screen of the phone, not 2.5 screens down.
            assert teacher.evaluate("""() => document.querySelector("#class-students")
                .getBoundingClientRect().top + scrollY""") < 844
            context.close()


def test_a_long_lesson_keeps_a_line_per_student_with_names_and_headings_in_view(
        browser, site, tmp_path):
    """A lesson of every practice exercise made each row of Who is working five lines tall on a
    laptop; now a row is one line, on a laptop and a phone, and while the scores scroll, the
    names stay at the side and the column headings on top."""
    with class_server(site, tmp_path) as server:
        exercises = [e for e in Catalogue.load(ROOT).exercises.values()
                     if not e.assessment and not e.form]
        rng = random.Random(16)
        for number in range(25):
            name = f"Student {number + 1:02}" if number else "Maximilian-Alexander von H."
            _, student, _ = call(server.url, "api/join", {"name": name})
            events = [example_event(e, f"{number}-{e.id}", rng) for e in exercises]
            assert call(server.url, "api/events", {"events": events},
                        {"Authorization": f"Bearer {student['token']}"})[0] == 200
        for viewport in ({"width": 1280, "height": 800}, {"width": 390, "height": 844}):
            teacher = open_class_page(browser.new_context(viewport=viewport), server.url)
            table = teacher.locator("table.whc-class__students")
            rows = teacher.locator("[data-class-students] tr")
            who = rows.nth(1)  # "Student 01"; the long name sorts first
            who.locator("td").nth(12).wait_for()  # a column per exercise: a long row
            line = who.locator("td").first.evaluate(
                "td => parseFloat(getComputedStyle(td).lineHeight)")
            assert who.bounding_box()["height"] < 2 * line + 16  # one line and the cell's padding
            name = teacher.locator("[data-class-students] tr").last.locator("th")
            heading = table.locator("thead th").nth(3)
            left, top = name.bounding_box()["x"], heading.bounding_box()["y"]
            assert table.evaluate("t => t.scrollWidth > t.clientWidth"), "it fits: no test"
            assert table.evaluate("t => t.scrollHeight > t.clientHeight"), "it fits: no test"
            assert table.bounding_box()["height"] <= 0.75 * viewport["height"] + 1
            table.evaluate("t => { t.scrollLeft = t.scrollWidth; t.scrollTop = t.scrollHeight; }")
            assert table.evaluate("t => t.scrollLeft") > 200 and table.evaluate("t => t.scrollTop") > 200
            assert abs(name.bounding_box()["x"] - left) < 1, "the names scrolled away"
            assert abs(heading.bounding_box()["y"] - top) < 1, "the headings scrolled away"
            assert axe_violations(teacher) == []  # a box that scrolls is reached by keyboard too
            # A long name takes two lines on a phone, not half the width beside the scores.
            long_name = table.locator("th[scope=row]", has_text="Maximilian")
            assert long_name.bounding_box()["width"] <= 0.42 * table.bounding_box()["width"]
            # Tab from a row's Delete, at the far right, to the next name: the scores come back.
            table.evaluate("t => { t.scrollTop = 0; t.scrollLeft = 0; }")
            rows.first.get_by_role("button").focus()
            assert table.evaluate("t => t.scrollLeft") > 100
            teacher.keyboard.press("Tab")
            expect(who.get_by_role("link")).to_be_focused()
            assert table.evaluate("t => t.scrollLeft") == 0
            teacher.context.close()


def test_a_marked_texts_row_for_sentences_that_are_not_claims_is_named(browser, site, tmp_path):
    """The marked text's last row (the sentence most often marked that is not a claim) had an
    empty heading: axe's empty-table-header, and nothing for a teacher to read."""
    exercise = Catalogue.load(ROOT).exercises["iskitim-claims"]
    claims = {claim["sentence"] for claim in exercise.key["items"].values()}
    not_claim = next(s for s in sorted(exercise.items["text"].options) if s not in claims)
    with class_server(site, tmp_path) as server:
        _, student, _ = call(server.url, "api/join", {"name": "Ann B"})
        event = {"id": "marks-0001", "type": "check", "exercise": exercise.id, "at": 1,
                 "items": {"text": {"v": exercise.items["text"].version,
                                    "r": {not_claim: "benefit"}}}}
        assert call(server.url, "api/events", {"events": [event]},
                    {"Authorization": f"Bearer {student['token']}"})[0] == 200
        teacher = open_class_page(browser.new_context(viewport={"width": 1280, "height": 800}),
                                  server.url)
        row = teacher.locator(f'[data-class-item="{exercise.id}/not-a-claim"]')
        expect(row.locator("th")).to_have_text("Sentences marked as claims that are not claims")
        expect(row.locator("td").nth(3)).to_contain_text(
            exercise.items["text"].options[not_claim][:30])
        assert axe_violations(teacher) == []
        teacher.context.close()


def test_on_a_laptop_every_part_of_the_page_passes_axe_light_and_dark(browser, site, tmp_path):
    """axe finds nothing with an item's answers, an open answer's mark and a student shown."""
    with class_server(site, tmp_path) as server:
        ann = joined(server.url, "Ann B", {"cells-migrate": "a"})
        open_item = Catalogue.load(ROOT).exercises["iskitim-questions"].items["three-questions"]
        event = {"id": "open-0001", "type": "check", "exercise": "iskitim-questions", "at": 1,
                 "items": {"three-questions": {"v": open_item.version, "r": "Who checked it?"}}}
        call(server.url, "api/events", {"events": [event]},
             {"Authorization": f"Bearer {ann['token']}"})
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": 1280, "height": 800},
                                          color_scheme=scheme)
            teacher = open_class_page(context, server.url)
            teacher.locator(f'[data-class-item="{EXERCISE}/cells-migrate"]').get_by_role(
                "button").click()
            teacher.locator("[data-class-spread] li").first.wait_for()
            teacher.locator('[data-class-item="iskitim-questions/three-questions"]').get_by_role(
                "button").click()
            teacher.get_by_role("button", name="Save the mark").wait_for()
            teacher.get_by_role("link", name="Ann B").first.click()
            teacher.locator("[data-class-student] table").first.wait_for()
            assert axe_violations(teacher) == []
            # The page lists its own sections: the width of Material's contents goes to the
            # tables, whose long reasons made rows 120 to 370 px tall in a 690 px column.
            assert teacher.locator(".md-sidebar--secondary").is_hidden()
            assert teacher.evaluate("document.querySelector('.md-content').clientWidth") > 900
            context.close()


def test_a_server_that_does_not_answer_is_said_in_a_warning_box_until_it_answers(
        browser, site, tmp_path):
    """Walk 11: not a grey line in place of "Updated at": a warning box with a title in words,
    announced politely, gone at the first refresh that gets an answer."""
    with class_server(site, tmp_path) as server:
        joined(server.url, "Ann B", {"cells-migrate": "a"})
        teacher = open_class_page(browser.new_context(viewport={"width": 1280, "height": 800}),
                                  server.url)
        teacher.locator("[data-class-students] th", has_text="Ann B").wait_for()
        warning = teacher.locator("[data-class-unreachable]")
        expect(warning).to_be_hidden()
        teacher.route("**/api/teacher/report*", lambda route: route.abort())
        teacher.clock.fast_forward(4000)
        expect(warning).to_be_visible()
        expect(warning).to_contain_text("Not connected to the laptop's server")
        assert warning.get_attribute("role") == "status"
        assert "warning" in warning.get_attribute("class")
        expect(teacher.locator("[data-class-updated]")).to_contain_text("Updated at")
        assert axe_violations(teacher) == []
        teacher.unroute("**/api/teacher/report*")
        teacher.clock.fast_forward(4000)
        expect(warning).to_be_hidden()
        teacher.context.close()
