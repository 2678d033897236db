"""Each kind of exercise, in real Chromium, as a learner uses it: right, wrong, try again, show
solution, answers kept across a reload and a browser restart, keyboard and touch."""

from __future__ import annotations

import json

import pytest

from classroom.kinds import KINDS as KIND_TABLE

from answering import (answer_right, choose, exercise_root, full_score, mark, open_why, press,
                       score_text, stored)
from support import CHROMIUM

KINDS = list(KIND_TABLE)  # every registered kind


def open_practice(page, starter, base=None):
    page.goto((base or starter.url) + "practice.html")


@pytest.mark.parametrize("kind", KINDS)
def test_right_answers_earn_full_marks_with_reasons_and_concepts(page, starter, kind):
    exercise = starter.exercise(kind)
    open_practice(page, starter)
    answer_right(page, exercise)
    press(page, exercise, "check")
    assert score_text(page, exercise) == full_score(exercise)
    open_why(page, exercise)
    shown = exercise_root(page, exercise).inner_text()
    for item in exercise.items:
        assert item.feedback in shown
        # the idea behind the item in the plain words of index.yml, told once
        assert shown.count(item.concept.definition) == 1
        assert "Key concept" not in shown


def test_a_wrong_level_gets_the_reason_for_that_choice_and_try_again_clears_it(page, starter):
    exercise = starter.exercise("evidence-level")
    item = exercise.items[0]
    open_practice(page, starter)
    choose(page, exercise, item, "uncontrolled")
    press(page, exercise, "check")
    feedback = exercise_root(page, exercise).locator(f"[data-item='{item.id}'] [data-feedback]")
    assert "Not quite." in feedback.inner_text()
    assert item.why_not["uncontrolled"] in feedback.inner_text()
    assert item.feedback not in feedback.inner_text()  # the reason for the answer waits
    assert score_text(page, exercise).startswith("Score: 0 of")
    press(page, exercise, "retry")
    assert feedback.is_hidden()
    assert exercise_root(page, exercise).locator(
        f"input[name='{exercise.id}--{item.id}'][value='uncontrolled']").is_checked()


def test_show_solution_reveals_each_answer_without_changing_the_learners(page, starter):
    exercise = starter.exercise("missing-info")
    open_practice(page, starter)
    choose(page, exercise, exercise.items[0], "yes")
    press(page, exercise, "check")
    press(page, exercise, "solution")
    text = exercise_root(page, exercise).inner_text()
    assert "The answer: Partly." in text and "The answer: No." in text
    assert "The text says: “All listed symptoms possible in 50% of cases.”" in text
    assert "Nothing in the text addresses this." in text
    assert exercise_root(page, exercise).locator("input[value='yes']").first.is_checked()


def test_mark_claims_reports_found_missed_and_wrongly_marked_with_reasons(page, starter):
    exercise = starter.exercise("mark-claims")
    found, missed = exercise.items
    open_practice(page, starter)
    mark(page, exercise, found.sentence.id, found.answer)
    not_claim = next(iter(exercise.not_claims))
    mark(page, exercise, not_claim, "benefit")
    press(page, exercise, "check")
    press(page, exercise, "solution")  # Check only counts the missed claims (test_in_the_lesson.py)
    open_why(page, exercise)
    summary = exercise_root(page, exercise).locator("[data-summary]").inner_text()
    assert "Claims you found with a fair kind (1)" in summary and found.feedback in summary
    assert "Claims you missed (1)" in summary and missed.feedback in summary
    assert "Marked, but not a claim (1)" in summary
    assert exercise.not_claims[not_claim] in summary
    assert score_text(page, exercise) == ("Score: 1 of 2 claims found with the right kind; "
                                          "1 sentence marked that is not a claim. "
                                          "The solution is shown.")


def test_choice_feedback_gives_the_reason_for_each_chosen_option(page, starter):
    exercise = starter.exercise("choice")
    multiple = next(item for item in exercise.items if item.multiple)
    open_practice(page, starter)
    choose(page, exercise, multiple, ["a", "c"])
    press(page, exercise, "check")
    feedback = exercise_root(page, exercise).locator(f"[data-item='{multiple.id}'] [data-feedback]")
    open_why(page, exercise)
    assert multiple.reasons["a"] in feedback.inner_text()
    assert multiple.reasons["c"] in feedback.inner_text()
    assert "Not quite." in feedback.inner_text()


def test_open_answer_shows_the_model_answer_only_after_writing(page, starter):
    exercise = starter.exercise("open")
    item = exercise.items[0]
    open_practice(page, starter)
    press(page, exercise, "check")
    root = exercise_root(page, exercise)
    assert "Write your answer first" in root.inner_text()
    assert item.answer not in root.inner_text()
    root.locator("textarea").fill("What happens to children who are not treated?")
    press(page, exercise, "check")
    assert item.answer in root.inner_text()
    for criterion in item.rubric:
        assert criterion in root.inner_text()


def test_answers_survive_a_reload_and_a_browser_restart(starter, tmp_path, playwright_sync):
    profile = tmp_path / "profile"
    exercise = starter.exercise("choice")
    claims = starter.exercise("mark-claims")
    for _ in range(2):  # the second time is a fresh browser on the same profile
        context = playwright_sync.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=["--no-sandbox"])
        page = context.new_page()
        open_practice(page, starter)
        if _ == 0:
            answer_right(page, exercise)
            mark(page, claims, claims.items[0].sentence.id, claims.items[0].answer)
            page.reload()
        for item in exercise.items:
            for value in ([item.answer] if isinstance(item.answer, str) else item.answer):
                assert exercise_root(page, exercise).locator(
                    f"input[name='{exercise.id}--{item.id}'][value='{value}']").is_checked()
        sentence = exercise_root(page, claims).locator(
            f"[data-sentence='{claims.items[0].sentence.id}']")
        assert sentence.get_attribute("aria-pressed") == "true"
        context.close()


def test_an_answer_saved_for_a_changed_item_is_not_applied(page, starter):
    exercise = starter.exercise("evidence-level")
    item = exercise.items[0]
    open_practice(page, starter)
    old = {"items": {item.id: {"v": "an-old-version", "r": "none"}}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                  [f"whc:v1:{exercise.id}", json.dumps(old)])
    page.reload()
    root = exercise_root(page, exercise)
    assert root.locator("input:checked").count() == 0
    assert "This exercise has changed" in root.locator("[data-notice]").inner_text()


def test_corrupt_saved_data_is_dropped_with_a_visible_notice(page, starter):
    exercise = starter.exercise("open")
    open_practice(page, starter)
    page.evaluate("k => localStorage.setItem(k, '{not json')", f"whc:v1:{exercise.id}")
    page.reload()
    notice = exercise_root(page, exercise).locator("[data-notice]")
    assert "could not be read" in notice.inner_text()
    assert stored(page, exercise.id) is None
    assert page.title().startswith("Practice")  # the page itself still works


def test_keyboard_alone_marks_claims_answers_and_checks(page, starter):
    exercise = starter.exercise("mark-claims")
    claim = exercise.items[0]
    open_practice(page, starter)
    root = exercise_root(page, exercise)
    root.locator(f"input[name='{exercise.id}--pen'][value='{claim.answer}']").focus()
    page.keyboard.press("Space")
    root.locator(f"[data-sentence='{claim.sentence.id}']").focus()
    page.keyboard.press("Enter")
    root.locator("[data-action='check']").focus()
    page.keyboard.press("Enter")
    assert score_text(page, exercise).startswith("Score: 1 of")
    choice = starter.exercise("evidence-level")
    first = exercise_root(page, choice).locator("input[type=radio]").first
    first.focus()
    page.keyboard.press("ArrowDown")  # radio groups move and select with arrow keys
    assert exercise_root(page, choice).locator("input[type=radio]").nth(1).is_checked()


def test_touch_on_a_phone(browser, starter):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    for kind in ["mark-claims", "choice"]:
        exercise = starter.exercise(kind)
        open_practice(page, starter)
        answer_right(page, exercise, tap=True)
        exercise_root(page, exercise).locator("[data-action='check']").tap()
        assert score_text(page, exercise) == full_score(exercise)
    context.close()


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_works_opened_from_disk(context, page, starter, kind):
    exercise = starter.exercise(kind)
    open_practice(page, starter, base=starter.site.as_uri() + "/")
    answer_right(page, exercise)
    press(page, exercise, "check")
    assert score_text(page, exercise) == full_score(exercise)
    page.reload()
    # An open answer is not scored, so it saves no score.
    assert (stored(page, exercise.id).get("score") is None) == (kind == "open")
    assert context.traffic.console_errors == [] and context.traffic.outside == []


def test_changing_an_answer_after_check_clears_the_stale_feedback(page, starter):
    exercise = starter.exercise("evidence-level")
    first, second = exercise.items
    open_practice(page, starter)
    choose(page, exercise, first, first.answer)
    press(page, exercise, "check")
    assert score_text(page, exercise) == "Score: 1 of 2. 1 not answered yet."
    unanswered = exercise_root(page, exercise).locator(f"[data-item='{second.id}'] [data-feedback]")
    assert unanswered.inner_text() == "No answer yet."  # no hint before the learner tries
    choose(page, exercise, second, "none")
    assert exercise_root(page, exercise).locator("[data-feedback]:visible").count() == 0
    assert score_text(page, exercise) == ""
