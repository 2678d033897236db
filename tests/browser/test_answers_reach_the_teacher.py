"""A student's answers reach the teacher's laptop without waiting: a Check goes at once (typing
may still be gathered for a moment), and closing the page right after typing still sends what
waits, in a request that outlives the page."""

from __future__ import annotations

import time

from support import call, class_server, join_class, teacher_cookie

OPEN = "iskitim-questions"
ITEM = "three-questions"


def answer_box(page):
    return page.locator(f'#exercise-{OPEN} [data-item="{ITEM}"] textarea')


def teacher_sees(server, text: str, seconds: float = 10) -> bool:
    """Whether the teacher's open answers hold `text`, asked again until they do or time is up."""
    cookie = teacher_cookie(server.url)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        status, body, _ = call(server.url, f"api/teacher/open?exercise={OPEN}&item={ITEM}",
                               headers=cookie)
        if status == 200 and text in str(body):
            return True
        time.sleep(0.1)
    return False


def open_with_time_stopped(context, server, name: str):
    """A joined student's exercise page whose clock stands still, so no timer of the page fires."""
    page = context.new_page()
    page.clock.install()
    join_class(page, server.url, name)
    page.goto(server.url + f"practice/{OPEN}.html")
    page.clock.pause_at(page.evaluate("Date.now()") / 1000 + 1)
    return page


def test_a_check_reaches_the_teacher_without_the_pages_wait(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        try:
            page = open_with_time_stopped(context, server, "Rosa P")
            answer_box(page).fill("Who paid for the trial of the tea?")
            page.locator(f'#exercise-{OPEN} [data-action="check"]').click()
            page.clock.run_for(200)  # far less than the 1.5 s typing is gathered for
            assert teacher_sees(server, "Who paid for the trial of the tea?")
            page.locator(f"#exercise-{OPEN} .whc-exercise__class").get_by_text(
                "Saved for your teacher").wait_for()
        finally:
            context.close()


def test_closing_the_page_right_after_typing_sends_the_answer(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        try:
            page = open_with_time_stopped(context, server, "Omar T")  # the batch's timer never fires
            answer_box(page).fill("How many people took part?")
            page.locator(f"#exercise-{OPEN} .whc-exercise__class").get_by_text(
                "Your last answers here are waiting to be sent to your teacher").wait_for()
            page.close(run_before_unload=True)
            assert teacher_sees(server, "How many people took part?")
        finally:
            context.close()
