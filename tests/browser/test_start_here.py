"""The home page leads a student to Lesson 1, the practice and My answers, and a
teacher to the guide, the lesson plans and the answer key."""

from __future__ import annotations

import pytest

from support import PHONE, sign_in_as_teacher


STUDENT_LINKS = [("Lesson 1", "What is a health claim?"), ("practice exercises", "Practice"),
                 ("My answers", "My answers")]
TEACHER_LINKS = [("teachers' guide", "Teachers' guide"), ("lesson plans", "Lesson plans"),
                 ("answer key", "Answer key")]


@pytest.mark.parametrize("section, link_text, heading", [
    *[("#students", text, heading) for text, heading in STUDENT_LINKS],
    *[("#teachers", text, heading) for text, heading in TEACHER_LINKS]])
def test_start_here_leads_to_the_page(browser, server, section, link_text, heading):
    """On a phone, the link sits under its 'Start here' heading, in view, and opens the page."""
    context = browser.new_context(**PHONE)
    if section == "#teachers":
        sign_in_as_teacher(context, server)
    page = context.new_page()
    page.goto(server + "index.html")
    # The links of a section are those between its heading and the next one.
    links = page.locator(f"article h2{section} + .grid a", has_text=link_text)
    assert links.count() == 1, f"no '{link_text}' link under the heading {section}"
    link = links.first
    link.scroll_into_view_if_needed()
    assert link.is_visible()
    box = link.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390, "the link runs off a phone screen"
    link.tap()
    page.wait_for_load_state()
    assert heading in page.locator("article h1").inner_text()
    context.close()
