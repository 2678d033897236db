"""The keyboard and the phone: Check is one Tab from any sentence, arrows move between
sentences, a sentence reached by keyboard is never under the pen bar, every pen is in sight on
a phone, and the phone's menu opens whole."""

from __future__ import annotations

import pytest

from answering import bottom, exercise_root, top
from support import PHONE


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

