"""A projector view of the case texts. `?projector` shows the text alone in large
type, without the menus; the paragraph a link names is framed and in view."""

from __future__ import annotations

import pytest

from support import sign_in_as_teacher

PROJECTOR = {"width": 1280, "height": 720}  # a common classroom projector


def shown(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def wait_until_framed(page, paragraph_id: str) -> None:
    """Wait for what a reader waits for: the paragraph framed and on screen (its address
    reached) and, in the projector view, that view shown (projector.js has run)."""
    page.wait_for_function("""(id) => {
      const p = document.getElementById(id);
      const projector = new URLSearchParams(location.search).has('projector');
      return p && getComputedStyle(p).outlineStyle === 'solid'
        && p.getBoundingClientRect().top >= 0 && p.getBoundingClientRect().top < innerHeight
        && (!projector || document.documentElement.hasAttribute('data-whc-projector')); }""",
                           arg=paragraph_id)


def paragraph_look(page, paragraph_id: str) -> dict:
    return page.evaluate("""(id) => { const p = document.getElementById(id);
      const style = getComputedStyle(p), box = p.getBoundingClientRect();
      return {fontSize: parseFloat(style.fontSize), background: style.backgroundColor,
              outline: style.outlineStyle, top: box.top, bottom: box.bottom,
              articleWidth: document.querySelector('article').getBoundingClientRect().width}; }""",
                         paragraph_id)


@pytest.mark.parametrize("case, number", [("iskitim", 7), ("iskitim", 86), ("mardaleishvili", 24)])
def test_projector_view_frames_the_paragraph(browser, base_url, tmp_path, case, number):
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    page.goto(f"{base_url}cases/{case}.html?projector#{case}-p{number}")
    wait_until_framed(page, f"{case}-p{number}")
    page.screenshot(path=tmp_path / f"projector-{case}-{number}.png")
    chosen = paragraph_look(page, f"{case}-p{number}")
    other = paragraph_look(page, f"{case}-p{number - 1}")
    assert not shown(page, ".md-sidebar--primary") and not shown(page, ".md-sidebar--secondary")
    assert not shown(page, ".md-header"), "the site's header bar still takes up the screen"
    assert chosen["fontSize"] >= 28, f"the text is not large enough to read across a room: {chosen}"
    assert chosen["articleWidth"] >= 0.9 * PROJECTOR["width"], "the text does not use the screen"
    assert 0 <= chosen["top"] and chosen["bottom"] <= PROJECTOR["height"], \
        f"paragraph {number} is not on the screen: {chosen}"
    assert chosen["outline"] == "solid" and chosen["background"] != other["background"], \
        "the chosen paragraph does not stand out from its neighbours"
    # Another paragraph, by changing the number in the address: the frame moves with it.
    page.evaluate(f"location.hash = '#{case}-p{number - 1}'")
    wait_until_framed(page, f"{case}-p{number - 1}")
    moved = paragraph_look(page, f"{case}-p{number - 1}")
    assert moved["outline"] == "solid" and moved["fontSize"] >= 28
    assert 0 <= moved["top"] < PROJECTOR["height"]
    context.close()


def test_case_page_keeps_its_menus_without_projector(browser, server):
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    page.goto(f"{server}cases/iskitim.html#iskitim-p7")
    assert shown(page, ".md-header") and shown(page, ".md-sidebar--primary")
    look = paragraph_look(page, "iskitim-p7")
    assert look["fontSize"] < 28
    assert look["outline"] == "solid", "a paragraph link frames its paragraph in the normal view too"
    context.close()


def test_lesson_plan_links_open_the_projector_view(browser, server):
    context = browser.new_context(viewport=PROJECTOR)
    page = context.new_page()
    sign_in_as_teacher(context, server)
    page.goto(server + "teachers/lesson-plans.html")
    page.locator("article a", has_text="paragraph 24").first.click()
    page.wait_for_url("**/cases/mardaleishvili.html?projector#mardaleishvili-p24")
    wait_until_framed(page, "mardaleishvili-p24")
    assert not shown(page, ".md-sidebar--primary")
    look = paragraph_look(page, "mardaleishvili-p24")
    assert look["fontSize"] >= 28 and look["outline"] == "solid"
    context.close()
