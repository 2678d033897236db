"""The check-up in class mode, in real Chromium: Hand in reaches the laptop, which marks it; feedback
shows only when the teacher's setting allows; a closed check-up refuses hand-ins clearly; no
response a student's browser receives holds held-out key text before release; away from `make
serve` the page says what to do. (Another student's results and the key being out of reach is
HTTP only: tests/api/.)"""

from __future__ import annotations

import json

from playwright.sync_api import expect

from classroom.project import Module
from support import ROOT, call, class_server, join_class, key_texts, teacher_cookie

MODULE = Module.load(ROOT)
CHECKUP = [exercise for exercise in MODULE.exercises.values() if exercise.assessment]
QUESTIONS = MODULE.exercises["checkup-questions"]
CHECKUP_PAGE = MODULE.placements[QUESTIONS.id][:-3] + ".html"
ITEM = QUESTIONS.items[0]
ROOT_OF = f"[data-exercise='{QUESTIONS.id}']"


def right_answer(page):
    for option in ITEM.answer:
        page.locator(f"{ROOT_OF} [data-item='{ITEM.id}'] input[value='{option}']").check()


def hand_in(page):
    page.locator(f"{ROOT_OF} [data-action='handin']").click()


def notice(page):
    return page.locator(f"{ROOT_OF} [data-notice]")


def feedback(page):
    return page.locator(f"{ROOT_OF} [data-item='{ITEM.id}'] [data-feedback]")


def every_body(context) -> list[str]:
    """Every response body this browser profile receives, as text (pages, scripts, index, API)."""
    bodies: list[str] = []

    def keep(response):
        try:
            bodies.append(response.body().decode("utf-8", errors="ignore"))
        except Exception:  # a redirect or an aborted request has no body
            pass
    context.on("response", keep)
    return bodies


def leaked(bodies: list[str]) -> list[str]:
    texts = key_texts(CHECKUP)
    escaped = [json.dumps(text)[1:-1] for text in texts]
    return [text for text, json_text in zip(texts, escaped)
            if any(text in body or json_text in body for body in bodies)]


def set_checkup(url, **settings):
    status, body, _ = call(url, "api/teacher/checkup", settings, teacher_cookie(url))
    assert status == 200, body


def test_closed_refuses_then_feedback_only_on_release(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        bodies = every_body(context)
        page = context.new_page()
        join_class(page, server.url, "Ann B")
        page.goto(server.url + CHECKUP_PAGE)
        right_answer(page)
        # Closed (as a new lesson starts): the student is told so, and nothing is marked.
        hand_in(page)
        notice(page).get_by_text("The check-up is closed").wait_for(timeout=15000)
        set_checkup(server.url, open=True, feedback="release")
        hand_in(page)
        notice(page).get_by_text("Your teacher will tell you when the results are ready").wait_for(timeout=15000)
        assert feedback(page).is_hidden()
        page.reload()
        notice(page).get_by_text("You have handed this in").wait_for(timeout=15000)
        assert feedback(page).is_hidden()
        # A second hand-in would be refused (the first one is marked): Hand in is off, and says why.
        expect(page.locator(f"{ROOT_OF} [data-action='handin']")).to_be_disabled()
        page.locator(f"{ROOT_OF} .whc-exercise__handin-why").get_by_text(
            "you have handed this in").wait_for()
        page.wait_for_load_state("networkidle")  # every response in, for leaked() to read
        assert leaked(bodies) == [], "a held-out key text reached the student before release"
        # The class page counts the hand-in like a Check.
        report = call(server.url, "api/teacher/report", headers=teacher_cookie(server.url))[1]
        row = next(e for e in report["figures"]["exercises"] if e["id"] == QUESTIONS.id)["items"][0]
        assert (row["checked"], row["firstRight"]) == (1, 100)
        assert report["figures"]["students"][0]["name"] == "Ann B"
        # Released: the kind's own feedback shows, on the answers handed in.
        set_checkup(server.url, released=True)
        page.reload()
        feedback(page).get_by_text("Right").first.wait_for(timeout=15000)
        feedback(page).get_by_text("Why?").click()  # the full reasons open in place
        shown = feedback(page).inner_text()  # its first sentence at once, the rest under Why?
        assert all(sentence in shown for sentence in ITEM.feedback.split(". "))
        assert "feedback on your answers" in notice(page).inner_text()
        assert page.locator(f"{ROOT_OF} [data-score]").inner_text() != ""
        context.close()


def test_feedback_at_once_when_the_teacher_says_so(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        page = context.new_page()
        join_class(page, server.url, "Cy D")  # a join after the check-up opens waits (people.py)
        set_checkup(server.url, open=True, feedback="at-once")
        page.goto(server.url + CHECKUP_PAGE)
        wrong = next(o.id for o in ITEM.options if o.id not in ITEM.answer)
        page.locator(f"{ROOT_OF} [data-item='{ITEM.id}'] input[value='{wrong}']").check()
        hand_in(page)
        feedback(page).get_by_text("Not quite").wait_for(timeout=15000)
        # Only the item answered came with its key: the others say they were not answered.
        other = page.locator(f"{ROOT_OF} [data-item='{QUESTIONS.items[1].id}'] [data-feedback]")
        assert other.inner_text().strip() == "No answer yet."
        assert QUESTIONS.items[1].feedback not in page.content()
        # At once: they may try again.
        right_answer(page)
        page.locator(f"{ROOT_OF} [data-item='{ITEM.id}'] input[value='{wrong}']").uncheck()
        hand_in(page)
        feedback(page).get_by_text("Right").first.wait_for(timeout=15000)
        context.close()


def test_away_from_the_laptop_the_check_up_says_what_to_do(context, page, site):
    requests = []
    page.on("request", lambda request: "/api" in request.url and requests.append(request.url))
    page.clock.install()
    page.goto(site.as_uri() + "/" + CHECKUP_PAGE)
    right_answer(page)
    hand_in(page)
    text = notice(page).inner_text()
    assert "open the check-up from the address your teacher gives you" in text
    assert "My answers, then Download my answers" in text
    page.clock.run_for(5000)  # any batch a class-mode page would have sent by now
    assert requests == [] and context.traffic.console_errors == []
    saved = json.loads(page.evaluate(f"localStorage.getItem('whc:v1:{QUESTIONS.id}')"))
    assert sorted(saved["items"][ITEM.id]["r"]) == sorted(ITEM.answer)


def test_a_refused_hand_in_says_so_beside_the_button(browser, site, tmp_path):
    """D7: a hand-in refused while the check-up was closed showed its reason a screen above,
    while the line under the button said "Saved for your teacher."."""
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        page = context.new_page()
        join_class(page, server.url, "Eve F")
        page.goto(server.url + CHECKUP_PAGE)
        right_answer(page)
        hand_in(page)
        beside = page.locator(f"{ROOT_OF} .whc-exercise__controls + [data-score]")
        beside.get_by_text("The check-up is closed").wait_for(timeout=15000)
        assert "Saved for your teacher" not in page.locator(ROOT_OF).inner_text()
        set_checkup(server.url, open=True, feedback="release")
        hand_in(page)
        beside.get_by_text("Handed in").wait_for(timeout=15000)
        assert "closed" not in beside.inner_text()
        context.close()


def test_the_page_notices_the_teacher_opening_and_releasing(browser, site, tmp_path):
    """D7: "closed" stayed until a reload after the teacher opened the check-up, and released
    results showed only after a reload."""
    with class_server(site, tmp_path) as server:
        context = browser.new_context()
        page = context.new_page()
        page.clock.install()
        join_class(page, server.url, "Gil H")
        page.goto(server.url + CHECKUP_PAGE)
        notice(page).get_by_text("not open now").wait_for(timeout=15000)
        set_checkup(server.url, open=True, feedback="release")
        page.clock.run_for(60_000)
        notice(page).get_by_text("not open now").wait_for(state="hidden", timeout=15000)
        right_answer(page)
        hand_in(page)
        notice(page).get_by_text("Your teacher will tell you").wait_for(timeout=15000)
        set_checkup(server.url, released=True)
        page.clock.run_for(60_000)
        feedback(page).get_by_text("Right").first.wait_for(timeout=15000)
        context.close()
