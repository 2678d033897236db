"""A radio button or checkbox reached with Tab shows a visible focus
ring (WCAG 2.4.7), in light and dark."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from answering import wait_frames


def ring_area(page, control):
    """A screenshot of the control and the few pixels around it, where a ring would be drawn."""
    control.scroll_into_view_if_needed()  # Tab may have scrolled to a neighbour; focus stays put
    wait_frames(page)
    box = control.bounding_box()
    return page.screenshot(clip={"x": box["x"] - 6, "y": box["y"] - 6,
                                 "width": box["width"] + 12, "height": box["height"] + 12})


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("control", ["radio", "checkbox"])
def test_tab_shows_a_focus_ring(browser, server, scheme, control):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(server + "practice/iskitim-questions.html")
    target = page.locator(f"article .whc-exercise input[type={control}]").first
    target.scroll_into_view_if_needed()
    target.focus()  # then move away and back by keyboard, as a keyboard user arrives
    page.keyboard.press("Shift+Tab")
    expect(target).not_to_be_focused()
    before = ring_area(page, target)
    page.keyboard.press("Tab")
    expect(target).to_be_focused()
    ring = target.evaluate("(input) => { const s = getComputedStyle(input);"
                           " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
    after = ring_area(page, target)
    context.close()
    assert ring[0] != "none" and ring[1] >= 2, f"no focus outline on the {control}: {ring}"
    assert after != before, f"focusing the {control} changes nothing on screen"
