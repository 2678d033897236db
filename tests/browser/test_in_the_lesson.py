"""Issue 13, items 1, 3, 4, 5 and 6, in real Chromium as a class meets them: a jump-to list and a
link for every exercise and item; a long text worked in parts; a Check on Find the claims that
judges the learner's own marks and only counts the rest; What is missing? says why and where
to look; the open task is not scored; and the keyboard reaches Check at once."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from answering import choose, exercise_root, mark, press, score_text, wait_frames
from classroom.errors import AuthoringError
from classroom.project import Module
from fixture_project import STARTER, make_project
from support import sign_in_as_teacher

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
CASES = ["iskitim", "mardaleishvili"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def top(locator) -> float:
    return locator.evaluate("(node) => node.getBoundingClientRect().top")


def bottom(locator) -> float:
    return locator.evaluate("(node) => node.getBoundingClientRect().bottom")


def stored(page, exercise_id):
    return page.evaluate(f"JSON.parse(localStorage.getItem('whc:v1:{exercise_id}'))")


def on_page(module, case):
    return [module.exercises[e] for e, page in module.placements.items()
            if page == f"practice/{case}.md"]


# Item 1: reaching the work

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
    exercise = on_page(module, "iskitim")[2]
    phone.goto(server + "practice/iskitim.html")
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
    page.goto(server + "practice/iskitim.html")
    control = page.locator("[data-exercise] input[type=checkbox]").first
    control.focus()  # as a skip link or a script sends it
    wait_frames(page, 6)
    where = top(control)
    context.close()
    assert 0 <= where < 800, f"the focused control is {where:.0f} px from the top of an 800 px screen"


def test_every_exercise_and_every_item_has_its_own_address(page, server, module):
    for case in CASES:
        page.goto(server + f"practice/{case}.html")
        ids = page.evaluate("Array.from(document.querySelectorAll('[id]'), (n) => n.id)")
        assert len(ids) == len(set(ids)), "two elements share an id"
        for exercise in on_page(module, case):
            assert f"exercise-{exercise.id}" in ids
            for item in exercise.items if exercise.kind != "mark-claims" else []:
                assert f"{exercise.id}-{item.id}" in ids
    item = module.exercises["iskitim-missing"].items[-1]
    page.goto(server + f"practice/iskitim.html#iskitim-missing-{item.id}")
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
    root.locator("[data-part-from]").fill("5")
    root.locator("[data-part-to]").fill("8")
    root.locator("[data-part-to]").press("Enter")
    assert "paragraphs=5-8" in page.url
    assert root.locator("[data-paragraph]:visible").count() == 4


# Item 3: a Check that teaches

def test_check_judges_the_learners_own_marks_and_only_counts_the_claims_left(page, starter):
    exercise = starter.exercise("mark-claims")
    found, missed = exercise.items
    other_kind = next(k for k in ["benefit", "safety", "mechanism"]
                      if k != missed.answer and k not in missed.also)
    not_claim = next(iter(exercise.not_claims))
    page.goto(starter.url + "practice.html")
    mark(page, exercise, found.sentence.id, found.answer)
    mark(page, exercise, not_claim, "benefit")
    press(page, exercise, "check")
    root = exercise_root(page, exercise)
    summary = root.locator("[data-summary]").inner_text()
    assert "Claims you found with a fair kind (1)" in summary and found.feedback in summary
    assert "Marked, but not a claim (1)" in summary and exercise.not_claims[not_claim] in summary
    assert (f"1 more claim to find, in paragraph {missed.sentence.paragraph}. Try again to look "
            "for it, or Show solution to see it.") in summary
    assert missed.feedback not in summary and missed.sentence.text.strip() not in summary
    assert "Claims you missed" not in summary
    missed_sentence = root.locator(f"[data-sentence='{missed.sentence.id}']")
    assert "whc-sentence--missed" not in missed_sentence.get_attribute("class")

    press(page, exercise, "retry")
    mark(page, exercise, missed.sentence.id, other_kind)
    press(page, exercise, "check")
    summary = root.locator("[data-summary]").inner_text()
    assert "Claims you found, but we read them as another kind (1)" in summary
    assert "more claim" not in summary

    press(page, exercise, "retry")
    mark(page, exercise, missed.sentence.id, other_kind)  # the same pen again removes the mark
    press(page, exercise, "solution")
    summary = root.locator("[data-summary]").inner_text()
    assert "Claims you missed (1)" in summary and missed.feedback in summary
    assert "whc-sentence--missed" in missed_sentence.get_attribute("class")


def test_check_on_the_real_text_lists_only_what_the_learner_marked(phone, server, module):
    exercise = module.exercises["iskitim-claims"]
    claim = exercise.items[0]
    phone.goto(server + "practice/iskitim.html")
    mark(phone, exercise, claim.sentence.id, claim.answer, tap=True)
    exercise_root(phone, exercise).locator("[data-action='check']").tap()
    summary = exercise_root(phone, exercise).locator("[data-summary]")
    assert summary.locator("li").count() == 1
    assert f"{len(exercise.items) - 1} more claims to find, in paragraphs " in summary.inner_text()
    assert summary.evaluate("(s) => s.getBoundingClientRect().height") < 844


# Item 4: What is missing? says why and where to look

def test_a_wrong_checklist_answer_gets_its_reason_and_where_to_look(page, starter):
    exercise = starter.exercise("missing-info")
    risks, cost = exercise.items
    page.goto(starter.url + "practice.html")
    choose(page, exercise, risks, "yes")
    choose(page, exercise, cost, "partly")
    press(page, exercise, "check")
    root = exercise_root(page, exercise)
    said = root.locator(f"[data-item='{risks.id}'] [data-feedback]").inner_text()
    assert "You chose “Yes”." in said and risks.why_not["yes"] in said
    assert f"Where to look: paragraph {risks.paragraph}." in said
    said = root.locator(f"[data-item='{cost.id}'] [data-feedback]").inner_text()
    assert "You chose “Partly”. That would mean: The text touches on this" in said
    assert "Where to look: nowhere; the text never mentions it." in said
    assert "Read the text again" not in root.inner_text()


def test_every_real_checklist_entry_has_a_reason_and_a_place_to_look(module):
    for case in CASES:  # the practice pages' checklists
        exercise = module.exercises[f"{case}-missing"]
        for item in exercise.items:
            assert item.why_not, f"{exercise.id}/{item.id}: no reason for a wrong answer"
            if item.paragraph is None:  # "nowhere": only where the text gives nothing to quote
                assert item.answer == "no" and not item.quote, f"{exercise.id}/{item.id}"
            elif item.quote:
                assert item.quote in exercise.case.paragraphs[item.paragraph - 1].text


def test_a_real_wrong_answer_says_why_and_where(page, server, module):
    item = next(i for i in module.exercises["iskitim-missing"].items if i.id == "risks")
    page.goto(server + "practice/iskitim.html#iskitim-missing-risks")
    exercise = module.exercises["iskitim-missing"]
    choose(page, exercise, item, "no")
    press(page, exercise, "check")
    said = page.locator("#iskitim-missing-risks [data-feedback]").inner_text()
    assert item.why_not["no"] in said and f"Where to look: paragraph {item.paragraph}." in said


@pytest.mark.parametrize("line, pieces", [
    ("    paragraph: 999", ["missing/key.yml:", "item 'risks'", "field 'paragraph'",
                          "from 1 to 98, but it is 999", "remove the line"]),
    ("    paragraph: twelve", ["item 'risks'", "field 'paragraph'", "but it is 'twelve'"]),
    ('    why_not: {"no": "It is right."}', ["item 'cost'", "field 'why_not'",
                                             "'no' is not a wrong answer to explain",
                                             "use values other than the answer"]),
])
def test_a_wrong_pointer_or_reason_in_a_checklist_key_stops_the_build(tmp_path, line, pieces):
    folder = tmp_path / "missing"
    shutil.copytree(STARTER / "missing", folder)
    key = folder / "key.yml"
    concept = "weigh-pros-and-cons" if "why_not" in line else "treatments-can-harm"
    key.write_text(key.read_text().replace(f"    concept: {concept}",
                                           f"{line}\n    concept: {concept}"))
    with pytest.raises(AuthoringError) as caught:
        Module.load(make_project(tmp_path / "project", {"missing": folder}))
    message = str(caught.value)
    for piece in pieces:
        assert piece in message, f"{piece!r} not in {message!r}"


# Item 5: the open task is not scored

def test_an_open_answer_is_answered_not_scored_anywhere(page, starter):
    exercise = starter.exercise("open")
    page.goto(starter.url + "practice.html")
    exercise_root(page, exercise).locator("textarea").fill("How many children were compared?")
    press(page, exercise, "check")
    line = score_text(page, exercise)
    assert line == ("Answered. Your own answer is not scored: compare it with the model answer "
                    "above.")
    assert "1 of 1" not in exercise_root(page, exercise).inner_text()
    assert "score" not in stored(page, exercise.id)
    page.reload()
    assert score_text(page, exercise) == ""
    page.goto(starter.url + "my-answers.html")
    row = page.locator(f"[data-summary-of='{exercise.id}']")
    assert row.locator("[data-last-score]").inner_text() == "–"
    assert "1 of 1" not in page.locator("[data-printout]").inner_text()


def test_the_model_answer_keeps_its_line_breaks(page, server, module):
    exercise = module.exercises["iskitim-questions"]
    page.goto(server + "practice/iskitim.html")
    root = exercise_root(page, exercise)
    root.locator("textarea").fill("What happens without the cells?")
    press(page, exercise, "check")
    shown = root.locator(".whc-feedback__model").inner_text().splitlines()
    assert [line[:3] for line in shown] == ["1. ", "2. ", "3. "]
    sign_in_as_teacher(page.context, server)  # class mode serves the key to the teacher only
    page.goto(server + "teachers/answer-key.html")
    model = page.locator("#key-iskitim-questions + .whc-key__exercise .whc-model-answer")
    assert [line[:3] for line in model.inner_text().splitlines()] == ["1. ", "2. ", "3. "]


# Item 6: keyboard and phone

def tabs_to_check(page, root, limit=400) -> int:
    for count in range(limit):
        if page.evaluate("document.activeElement.dataset.action") == "check":
            return count
        page.keyboard.press("Tab")
    return limit


def test_check_is_one_tab_from_any_sentence_and_arrows_move_between_sentences(page, server,
                                                                               module):
    exercise = module.exercises["iskitim-claims"]
    page.goto(server + "practice/iskitim.html")
    root = exercise_root(page, exercise)
    sentences = root.locator(".whc-sentence")
    sentences.nth(40).click()
    assert tabs_to_check(page, root) <= 2
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.dataset.sentence") == "s41"
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.dataset.sentence") == "s42"
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.dataset.sentence") == "s40"
    page.keyboard.press("Home")
    assert page.evaluate("document.activeElement.dataset.sentence") == "s1"
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.dataset.sentence") == exercise.sentences[-1].id
    page.keyboard.press("Enter")  # marks it with the chosen pen, as a click does
    assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"


@pytest.mark.parametrize("size", [PHONE, {"viewport": {"width": 1280, "height": 800}}],
                         ids=["phone", "desktop"])
def test_a_sentence_reached_by_keyboard_is_never_under_the_pen_bar(browser, server, module, size):
    context = browser.new_context(**size)
    page = context.new_page()
    exercise = module.exercises["iskitim-claims"]
    page.goto(server + "practice/iskitim.html")
    root = exercise_root(page, exercise)
    pens = root.locator(".whc-pens")
    root.locator(".whc-sentence").nth(60).focus()
    tabs_to_check(page, root)
    page.keyboard.press("Shift+Tab")
    covered = []
    for _ in range(15):
        focused = page.locator(":focus")
        if top(focused) < bottom(pens):
            covered.append(focused.get_attribute("data-sentence"))
        page.keyboard.press("ArrowUp")
    context.close()
    assert covered == []


def test_all_pens_are_in_sight_on_a_phone(phone, server):
    phone.goto(server + "practice/iskitim.html")
    pens = phone.locator("#exercise-iskitim-claims .whc-pens")
    pens.scroll_into_view_if_needed()
    assert pens.evaluate("(p) => p.scrollWidth <= p.clientWidth")
    labels = pens.locator("label")
    assert labels.count() == 6
    for label in labels.all():
        box = label.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, label.inner_text()
        assert label.is_visible()
    assert pens.bounding_box()["height"] < 844 / 5  # the text keeps most of the screen


def test_on_a_phone_the_menu_opens_whole_and_its_links_work(phone, server):
    phone.goto(server + "practice/iskitim.html")
    phone.locator("label.md-header__button[for='__drawer']").tap()
    menu = phone.locator(".md-sidebar--primary")
    menu.get_by_role("link", name="My answers").tap()
    phone.wait_for_url("**/my-answers.html")
