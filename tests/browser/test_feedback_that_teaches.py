"""Feedback that teaches, in real Chromium: a Check on Find the claims judges the learner's own
marks and only counts the claims left; What is missing? says why and where to look; the open
task is answered, not scored."""

from __future__ import annotations

from answering import choose, exercise_root, mark, open_why, press, score_text, stored
from support import sign_in_as_teacher


# A Check that teaches

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
    assert found.feedback not in summary  # the reasons wait behind "Why?"
    open_why(page, exercise)
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
    open_why(page, exercise)
    summary = root.locator("[data-summary]").inner_text()
    assert "Claims you found, but we read them as another kind (1)" in summary
    # the hint names only the kind marked, never the right one, and not the key's reason
    assert f"A claim, but not a {starter.module.index.claim_kinds[other_kind].label.lower()} claim." in summary
    assert missed.feedback not in summary
    assert "more claim" not in summary

    press(page, exercise, "retry")
    mark(page, exercise, missed.sentence.id, other_kind)  # the same pen again removes the mark
    press(page, exercise, "check")
    press(page, exercise, "solution")
    open_why(page, exercise)
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


# What is missing? says why and where to look

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


def test_a_real_wrong_answer_says_why_and_where(page, server, module):
    item = next(i for i in module.exercises["iskitim-missing"].items if i.id == "risks")
    page.goto(server + "practice/iskitim-missing.html#iskitim-missing-risks")
    exercise = module.exercises["iskitim-missing"]
    choose(page, exercise, item, "no")
    press(page, exercise, "check")
    said = page.locator("#iskitim-missing-risks [data-feedback]").inner_text()
    assert item.why_not["no"] in said and f"Where to look: paragraph {item.paragraph}." in said


# The open task is answered, not scored

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
    page.goto(server + "practice/iskitim-questions.html")
    root = exercise_root(page, exercise)
    root.locator("textarea").fill("What happens without the cells?")
    press(page, exercise, "check")
    shown = root.locator(".whc-feedback__model").inner_text().splitlines()
    assert [line[:3] for line in shown] == ["1. ", "2. ", "3. "]
    sign_in_as_teacher(page.context, server)  # class mode serves the key to the teacher only
    page.goto(server + "teachers/answer-key.html")
    model = page.locator("#key-iskitim-questions + .whc-key__exercise .whc-model-answer")
    assert [line[:3] for line in model.inner_text().splitlines()] == ["1. ", "2. ", "3. "]

