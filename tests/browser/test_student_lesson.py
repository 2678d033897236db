"""The student's lesson (issue 25), on a phone and a laptop in Chromium: the outcome of Check
and Hand in appears beside the button, which stays put, with focus on it; feedback in few
words with the rest behind "Why?"; no hint or early Show solution gives the answer away; and
Download my answers asks for a name right there."""

from __future__ import annotations

import pytest

from answering import answer_right, choose, exercise_root, open_why, press, stored, wait_frames
from support import PHONE

SCREENS = {"phone": PHONE, "laptop": {"viewport": {"width": 1280, "height": 800}}}
LESSON_1 = "lessons/01-what-is-a-health-claim.html"


@pytest.fixture(params=list(SCREENS))
def screen(request, browser):
    context = browser.new_context(**SCREENS[request.param])
    yield context.new_page()
    context.close()


def bring_near_the_bottom(page, locator) -> float:
    """Scroll so that `locator` sits near the foot of the screen, where a student has just
    answered the last item; its top, in the viewport."""
    height = page.viewport_size["height"]
    page.evaluate("([node, height]) => window.scrollBy({top: node.getBoundingClientRect().top - (height - 120), behavior: 'instant'})",
                  [locator.element_handle(), height])
    wait_frames(page)
    return locator.evaluate("(node) => node.getBoundingClientRect().top")


def in_view(page, locator) -> bool:
    box = locator.evaluate("(node) => node.getBoundingClientRect().toJSON()")
    return -1 <= box["top"] and box["bottom"] <= page.viewport_size["height"] + 1


def test_check_leaves_its_button_in_place_and_the_outcome_beside_it(screen, server, module):
    exercise = module.exercises["lesson-1-practice"]
    screen.goto(server + LESSON_1)
    answer_right(screen, exercise)
    check = exercise_root(screen, exercise).locator("[data-action='check']")
    before = bring_near_the_bottom(screen, check)
    check.click()
    wait_frames(screen)
    # The feedback above would push the button down a screen; it stays where it was, moving
    # up only as far as the outcome under it needs to be seen.
    after = check.evaluate("(node) => node.getBoundingClientRect().top")
    assert in_view(screen, check) and -200 < after - before <= 2
    score = exercise_root(screen, exercise).locator("[data-score]")
    assert score.inner_text() == f"Score: {len(exercise.items)} of {len(exercise.items)}."
    assert score.get_attribute("role") == "status"  # announced
    assert score.evaluate("(node) => document.activeElement === node")
    assert in_view(screen, score)


def test_hand_in_says_what_happened_beside_the_button(screen, site, module):
    exercise = module.exercises["checkup-questions"]
    screen.goto(site.as_uri() + "/practice/check-up.html")
    root = exercise_root(screen, exercise)
    choose(screen, exercise, exercise.items[0], exercise.items[0].answer)
    hand_in = root.locator("[data-action='handin']")
    before = bring_near_the_bottom(screen, hand_in)
    hand_in.click()
    wait_frames(screen)
    after = hand_in.evaluate("(node) => node.getBoundingClientRect().top")
    assert in_view(screen, hand_in) and -400 < after - before <= 2
    said = root.locator("[data-score]")
    assert "marked on your teacher's laptop" in said.inner_text()
    assert said.get_attribute("role") == "status"
    assert said.evaluate("(node) => document.activeElement === node")
    assert in_view(screen, said)


def test_a_wrong_choice_hints_without_naming_the_answer_and_the_rest_waits_behind_why(screen, server, module):
    exercise = module.exercises["lesson-1-practice"]
    item = exercise.items[1]  # "more stable and long-term": its answer is Better than others
    right_text = next(o.text for o in item.options if o.id == item.answer)
    wrong = next(o.id for o in item.options if o.id != item.answer)
    screen.goto(server + LESSON_1)
    choose(screen, exercise, item, wrong)
    press(screen, exercise, "check")
    feedback = exercise_root(screen, exercise).locator(f"[data-item='{item.id}'] [data-feedback]")
    open_why(screen, exercise)
    shown = feedback.inner_text()
    assert "Not quite." in shown
    assert right_text not in shown
    assert item.concept.definition not in shown and "Key concept" not in shown
    right_item = exercise.items[0]
    choose(screen, exercise, right_item, right_item.answer)
    press(screen, exercise, "check")
    right = exercise_root(screen, exercise).locator(f"[data-item='{right_item.id}'] [data-feedback]")
    why = right.locator("details.whc-why")
    assert why.count() == 1 and why.get_attribute("open") is None
    right.get_by_text("Why?").click()  # opens in place
    assert f"The idea: {right_item.concept.definition}" in right.inner_text()


def test_show_solution_comes_after_a_check_and_is_never_counted_as_right(screen, server, module):
    exercise = module.exercises["lesson-1-practice"]
    screen.goto(server + LESSON_1)
    root = exercise_root(screen, exercise)
    assert root.locator("[data-action='solution']").is_hidden()
    press(screen, exercise, "check")
    press(screen, exercise, "solution")
    assert set(stored(screen, exercise.id)["shown"]) == {item.id for item in exercise.items}
    answer_right(screen, exercise)  # copied from the solution
    press(screen, exercise, "check")
    score = root.locator("[data-score]").inner_text()
    assert score.startswith(f"Score: 0 of {len(exercise.items)}.") and "not counted" in score
    screen.goto(server + "practice/my-answers.html")
    row = screen.locator(f"[data-summary-of='{exercise.id}'] [data-last-score]")
    assert f"the solution of {len(exercise.items)} answers was shown" in row.inner_text()


def test_download_without_a_name_asks_for_one_there(screen, server, module):
    exercise = module.exercises["lesson-1-practice"]
    screen.goto(server + LESSON_1)
    choose(screen, exercise, exercise.items[0], exercise.items[0].answer)
    screen.goto(server + "practice/my-answers.html")
    mine = screen.locator("[data-my-answers]")
    mine.locator(".whc-my-answers__actions [data-action='download']").click()
    ask = mine.locator("[data-name-ask]")
    assert ask.is_visible()
    assert mine.locator("[data-status]").inner_text() == "Type your name first, then choose Download my answers again."
    assert ask.locator("input").evaluate("(node) => document.activeElement === node")
    ask.locator("input").fill("Ayla K")
    with screen.expect_download() as download:
        ask.locator("[data-action='download']").click()
    assert download.value.suggested_filename.startswith("my-answers-ayla-k-")
    assert mine.locator("[data-learner-name]").input_value() == "Ayla K"


def test_an_evidence_item_names_and_links_its_paragraph_and_the_steps_are_numbered(screen, server, module):
    exercise = module.exercises["iskitim-evidence"]
    item = exercise.items[0]
    number = exercise.case.paragraph_with(item.quote).number
    screen.goto(server + "practice/iskitim-evidence.html")
    where = exercise_root(screen, exercise).locator(f"[data-item='{item.id}'] .whc-item__where a")
    assert where.inner_text() == f"Find it in paragraph {number} of the text"
    options = exercise_root(screen, exercise).locator(f"[data-item='{item.id}'] .whc-option")
    assert [o.inner_text().split(":")[0] for o in options.all()] == [f"Step {n}" for n in range(1, 7)]
    assert "Step 3: An explanation only" in options.all_inner_texts()
    where.click()
    screen.wait_for_url(f"**/cases/iskitim.html#iskitim-p{number}")
    assert in_view(screen, screen.locator(f"#iskitim-p{number}"))


def test_find_the_claims_starts_at_the_real_content_with_the_menu_folded_away(screen, server, module):
    exercise = module.exercises["iskitim-claims"]
    screen.goto(server + "practice/iskitim.html")
    root = exercise_root(screen, exercise)
    assert root.locator("[data-paragraph]").first.get_attribute("data-paragraph") == "13"
    menu = root.locator("details.whc-before")
    assert not menu.locator("p").first.is_visible()
    menu.locator("summary").click()
    assert menu.locator("p").first.inner_text().endswith(exercise.case.paragraphs[0].text.strip())
    assert "about 30 minutes" in screen.locator("article").inner_text()


def test_the_sticky_pen_bar_hides_the_text_behind_it_and_the_ladder_heading_clears_its_arrow(screen, server):
    screen.goto(server + "practice/iskitim.html")
    legend = screen.locator(".whc-pens legend")
    background = legend.evaluate("(n) => getComputedStyle(n).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    screen.goto(server + "practice/iskitim-evidence.html")
    summary = screen.locator("details.whc-help summary").first
    text_end, arrow_start = summary.evaluate("""(s) => { const range = document.createRange();
        range.selectNodeContents(s); const text = range.getBoundingClientRect();
        const arrow = getComputedStyle(s, '::after'); const box = s.getBoundingClientRect();
        return [text.right, box.right - parseFloat(arrow.right || 0) - parseFloat(arrow.width || 0)]; }""")
    assert text_end <= arrow_start + 1


def test_the_projector_names_the_clinic_and_its_back_leaves_the_view(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(server + "cases/iskitim.html?projector#iskitim-p7")
    for number in (8, 9, 10):  # the teacher moves on a few paragraphs
        page.evaluate(f"location.hash = '#iskitim-p{number}'")
    bar = page.locator("[data-projector-bar]")
    assert "Iskitim" in bar.inner_text() and in_view(page, bar)
    bar.get_by_text("Back to the page").click()
    page.wait_for_url("**/cases/iskitim.html#iskitim-p10")
    assert page.locator(".md-header").is_visible() and not bar.is_visible()
    context.close()


def test_printed_my_answers_fills_no_blank_page_and_shows_each_quote_and_a_date_in_words(page, server, module):
    from io import BytesIO

    from pypdf import PdfReader
    exercise = module.exercises["lesson-1-practice"]
    page.goto(server + LESSON_1)
    for item in exercise.items[:3]:
        choose(page, exercise, item, item.answer)
    page.goto(server + "practice/my-answers.html")
    page.fill("[data-learner-name]", "Ayla K")
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    sheets = [sheet.extract_text() for sheet in PdfReader(BytesIO(pdf)).pages]
    assert len(sheets) == 1
    text = " ".join(sheets[0].split())
    assert "This approach allows for more stable and long-term therapeutic results." in text
    assert page.evaluate("new Date().toLocaleDateString(undefined, {dateStyle: 'long'})") in text
