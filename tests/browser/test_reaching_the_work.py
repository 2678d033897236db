"""Reaching the work, in real Chromium as a class meets it: a jump-to list on the first screen,
an address for every exercise and item that lands on it (on a phone, after a reload, after a
jump), and a long text worked in parts that keeps the marks made elsewhere."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from answering import bottom, exercise_root, mark, press, score_text, stored, top, wait_frames

# The practice pages with a jump-to list (several exercises), and every practice part.
CASES = ["iskitim-questions", "mardaleishvili-questions"]
PARTS = [f"{case}{part}" for case in ("iskitim", "mardaleishvili")
         for part in ("", "-evidence", "-missing", "-questions")]


def on_page(module, case):
    return [module.exercises[e] for e, page in module.placements.items()
            if page == f"practice/{case}.md"]


@pytest.mark.parametrize("case", CASES)
def test_a_jump_to_list_on_the_first_screen_reaches_each_exercise_in_one_tap(phone, server,
                                                                            module, case):
    phone.goto(server + f"practice/{case}.html")
    jump = phone.locator("nav.whc-jump")
    assert bottom(jump) < 844, "the jump-to list is not on the first screen of a phone"
    exercises = on_page(module, case)
    assert [link.inner_text() for link in jump.locator("a").all()] == [e.title for e in exercises]
    header = bottom(phone.locator(".md-header"))
    for exercise in exercises:
        phone.goto(server + f"practice/{case}.html")
        jump.get_by_role("link", name=exercise.title).tap()
        title = phone.locator(f"#exercise-{exercise.id}-title")
        phone.wait_for_function(f"location.hash === '#exercise-{exercise.id}'")
        assert header <= top(title) < 844, f"{exercise.title} is not in sight after the tap"
        wait_frames(phone)
        assert header <= top(title) < 844, f"{exercise.title} moved out of sight as the page settled"


@pytest.mark.parametrize("case", CASES)
def test_an_exercise_address_opened_on_a_phone_shows_that_exercise(phone, server, module, case):
    # A link on the board or in a QR code: the exercise is in sight and stays there
    for exercise in on_page(module, case):
        phone.goto("about:blank")  # a fresh load each time, not a move within the page
        phone.goto(server + f"practice/{case}.html#exercise-{exercise.id}")
        header = bottom(phone.locator(".md-header"))
        title = phone.locator(f"#exercise-{exercise.id}-title")
        assert header <= top(title) < 844, f"{exercise.title} is not in sight on arrival"
        wait_frames(phone)
        assert header <= top(title) < 844, f"{exercise.title} moved out of sight as the page settled"


def test_a_reader_who_reloads_the_page_comes_back_to_the_same_exercise(phone, server, module):
    exercise = on_page(module, "iskitim-questions")[1]
    phone.goto(server + "practice/iskitim-questions.html")
    phone.locator("nav.whc-jump").get_by_role("link", name=exercise.title).tap()
    title = phone.locator(f"#exercise-{exercise.id}-title")
    phone.wait_for_function(f"location.hash === '#exercise-{exercise.id}'")
    phone.evaluate("history.replaceState(null, '', location.pathname)")  # no address to go by
    phone.evaluate("window.scrollBy({top: 300, behavior: 'instant'})")  # the reader reads on
    before = top(title)
    phone.reload()
    back_in_place = f"Math.abs(document.getElementById('exercise-{exercise.id}-title')" \
                    f".getBoundingClientRect().top - {before}) < 50"
    try:
        phone.wait_for_function(back_in_place, timeout=5000)
    except PlaywrightTimeoutError:
        pass  # the assertion below says how far off it is
    assert abs(top(title) - before) < 50, f"back {top(title) - before:+.0f} px from where it was"


@pytest.mark.parametrize("share", [0.15, 0.4, 0.75, 0.95])
def test_a_reader_who_jumps_into_a_page_just_opened_keeps_what_they_jumped_to(browser, server,
                                                                              share):
    # Dragging the scroll bar far down a page just opened: what is at the middle of the screen
    # stays there as the page settles
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server + "practice/iskitim.html")
    landed = page.evaluate("""(share) => {
        window.scrollTo(0, share * document.documentElement.scrollHeight);
        const seen = document.elementFromPoint(innerWidth / 2, innerHeight / 2);
        window.seen = seen;
        return [seen.className, Math.round(seen.getBoundingClientRect().top)]; }""", share)
    wait_frames(page, 6)
    later = page.evaluate("Math.round(window.seen.getBoundingClientRect().top)")
    context.close()
    assert abs(later - landed[1]) <= 2, f"{landed[0]} moved {later - landed[1]:+} px after the jump"


def test_focus_sent_deep_into_a_page_just_opened_stays_in_sight(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server + "practice/iskitim-questions.html")
    control = page.locator("[data-exercise] input[type=checkbox]").last
    control.focus()  # as a skip link or a script sends it
    wait_frames(page, 6)
    where = top(control)
    context.close()
    assert 0 <= where < 800, f"the focused control is {where:.0f} px from the top of an 800 px screen"


def test_every_exercise_and_every_item_has_its_own_address(page, server, module):
    for case in PARTS:
        page.goto(server + f"practice/{case}.html")
        ids = page.evaluate("Array.from(document.querySelectorAll('[id]'), (n) => n.id)")
        assert len(ids) == len(set(ids)), "two elements share an id"
        for exercise in on_page(module, case):
            assert f"exercise-{exercise.id}" in ids
            for item in exercise.items if exercise.kind != "mark-claims" else []:
                assert f"{exercise.id}-{item.id}" in ids
    item = module.exercises["iskitim-missing"].items[-1]
    page.goto(server + f"practice/iskitim-missing.html#iskitim-missing-{item.id}")
    target = page.locator(f"#iskitim-missing-{item.id}")
    assert target.get_attribute("data-item") == item.id
    assert bottom(page.locator(".md-header")) <= top(target) < page.viewport_size["height"]


def claims_between(exercise, first, last):
    return [c for c in exercise.items if first <= c.sentence.paragraph <= last]


def test_a_long_text_is_worked_in_parts_and_keeps_the_marks_made_elsewhere(page, server, module):
    exercise = module.exercises["iskitim-claims"]
    early = max(exercise.items, key=lambda c: c.sentence.paragraph)  # "early": marked first
    assert early.sentence.paragraph > 29
    later = claims_between(exercise, 13, 29)[0]
    page.goto(server + "practice/iskitim.html")
    mark(page, exercise, early.sentence.id, early.answer)

    # The teacher's link: paragraphs 13 to 29 only.
    page.goto(server + "practice/iskitim.html?paragraphs=13-29#exercise-iskitim-claims")
    root = exercise_root(page, exercise)
    assert root.locator("#iskitim-claims-p13").is_visible()
    assert root.locator("#iskitim-claims-p12").is_hidden()
    assert root.locator(f"#iskitim-claims-p{early.sentence.paragraph}").is_hidden()
    mark(page, exercise, later.sentence.id, later.answer)
    press(page, exercise, "check")
    in_part = len(claims_between(exercise, 13, 29))
    assert score_text(page, exercise) == (f"Paragraphs 13 to 29: Score: 1 of {in_part} claims "
                                          "found with the right kind.")
    assert stored(page, exercise.id)["items"]["text"]["r"] == {
        early.sentence.id: early.answer, later.sentence.id: later.answer}

    # The control: the whole text again, with both marks.
    root.locator("[data-part-all]").click()
    assert "paragraphs=" not in page.url
    assert root.locator("[data-paragraph]:visible").count() == len(exercise.paragraphs)
    for claim in (early, later):
        assert root.locator(f"[data-sentence='{claim.sentence.id}']").get_attribute(
            "aria-pressed") == "true"
    root.locator("[data-part-from]").fill("35")
    root.locator("[data-part-to]").fill("38")
    root.locator("[data-part-to]").press("Enter")
    assert "paragraphs=35-38" in page.url
    assert root.locator("[data-paragraph]:visible").count() == 4

