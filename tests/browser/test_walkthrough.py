"""What a first walk through class mode tripped over: fields a student or teacher could not see,
a notice that contradicted the page, and words pointing the wrong way."""

from __future__ import annotations

from answering import exercise_root, press, score_text
from support import PHONE, as_another_device


def edges_show(field) -> bool:
    """A text field shows where to type: a border of another colour than the page around it."""
    return field.evaluate("""(node) => {
        const style = getComputedStyle(node);
        return parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== "none"
            && style.borderTopColor !== getComputedStyle(document.body).backgroundColor;
    }""")


def test_the_join_box_shows_where_to_type_the_name(browser, server):
    context = browser.new_context(**PHONE, color_scheme="light")
    page = context.new_page()
    page.goto(server + "practice/iskitim.html")
    name = page.locator(".whc-join input[type=text]")
    name.wait_for()
    assert edges_show(name)
    context.close()


def test_the_class_page_shows_where_to_type_the_pin_and_no_offline_notice_when_served(
        context, page, server):
    as_another_device(context)  # on the laptop itself the class page asks for no PIN
    page.goto(server + "teachers/class.html")
    pin = page.locator("#whc-class-pin")
    pin.wait_for()
    assert edges_show(pin)
    assert not page.locator("[data-class-offline]").is_visible()


def test_the_open_task_points_to_the_model_answer_where_it_is(page, starter):
    exercise = starter.exercise("open")
    page.goto(starter.url + "practice.html")
    root = exercise_root(page, exercise)
    root.locator("textarea").fill("How many children were compared, and with whom?")
    press(page, exercise, "check")
    model = root.locator(".whc-feedback__model").first
    line = root.locator("[data-score]")
    said_above = "model answer above" in score_text(page, exercise)
    is_above = model.bounding_box()["y"] < line.bounding_box()["y"]
    assert said_above == is_above and is_above
