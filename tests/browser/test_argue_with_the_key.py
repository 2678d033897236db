"""Argue with the key in Chromium: a student disagrees under an item's feedback, the teacher
accepts on the class page, the student's score and the class's figures change, and the answer
key page served in class mode lists the accepted answer; then the teacher undoes it and the
student argues again. Keyboard only for the teacher's part; a reason holding markup is shown as
the text typed."""

from __future__ import annotations

from playwright.sync_api import expect

from classroom.classmode.catalogue import Catalogue
from support import ROOT, axe_violations, class_server, join_class, open_class_page

EXERCISE, ITEM = "lesson-1-practice", "cells-migrate"   # key: b
REASON = "<script>window.pwned = 1</script> The sentence also promises recovery, so it is a benefit claim too."
NOTE = "Fair: its last clause promises a benefit."


def test_an_appeal_accepted_rescores_the_student_and_the_class(browser, site, tmp_path):
    with class_server(site, tmp_path) as server:
        student = browser.new_context().new_page()
        join_class(student, server.url, "Ann K")
        exercise = student.locator(f"#exercise-{EXERCISE}")
        item = exercise.locator(f'[data-item="{ITEM}"]')
        item.locator('input[value="c"]').check()
        exercise.locator('[data-action="check"]').click()
        expect(exercise.locator("[data-score]")).to_contain_text("Score: 0 of 5.")

        # The student disagrees, from the keyboard.
        disagree = item.get_by_role("button", name="I disagree")
        disagree.focus()
        student.keyboard.press("Enter")
        expect(disagree).to_have_attribute("aria-expanded", "true")
        reason = item.get_by_label("Why is your answer fair?")
        expect(reason).to_be_focused()
        student.keyboard.type(REASON)
        assert axe_violations(student) == []
        item.get_by_role("button", name="Send to my teacher").click()
        sent = item.locator(".whc-appeal__state")
        expect(sent).to_contain_text("You disagreed with this verdict")
        expect(sent).to_contain_text("<script>window.pwned = 1</script>")
        assert student.evaluate("window.pwned") is None
        # It survives a reload: the laptop keeps it.
        student.reload()
        exercise.locator('[data-action="check"]').click()
        expect(item.locator(".whc-appeal__state")).to_contain_text("You disagreed")

        teacher = open_class_page(browser.new_context(), server.url)
        teacher.on("dialog", lambda dialog: dialog.accept())
        figures = teacher.locator(f'[data-class-item="{EXERCISE}/{ITEM}"] td')
        expect(figures.nth(2)).to_have_text("0% of 1")
        appeals = teacher.locator("[data-class-appeals]")
        expect(appeals).to_contain_text("Ann K answered")
        expect(appeals).to_contain_text(REASON)
        assert teacher.evaluate("window.pwned") is None
        assert axe_violations(teacher) == []
        note = appeals.get_by_label("Your reply or note for the class, to Ann K")
        note.focus()
        teacher.keyboard.type(NOTE)
        teacher.keyboard.press("Tab")  # Reply
        teacher.keyboard.press("Tab")  # Accept for this class
        expect(appeals.get_by_role("button", name="Accept for this class")).to_be_focused()
        teacher.keyboard.press("Enter")
        expect(appeals).to_contain_text(f"Accepted for this class: “{NOTE}”")
        expect(figures.nth(2)).to_have_text("100% of 1")  # the class re-scored

        # The student's page learns of it on opening, before any Check: the acceptance and
        # the teacher's note under the item.
        student.reload()
        kept = item.locator("[data-appeal-kept]")
        expect(kept).to_contain_text("Your teacher accepted your answer for this class")
        expect(kept).to_contain_text(NOTE)
        # After a Check, the answer counts as right here too, and the feedback leads with it.
        exercise.locator('[data-action="check"]').click()
        expect(kept).to_have_count(0)
        expect(item.locator(".whc-appeal__state")).to_contain_text(
            "Your teacher accepted your answer for this class")
        assert item.locator("[data-feedback] > *").first.evaluate(
            "node => node.matches('.whc-appeal')"), "the key's old reason before the acceptance"
        expect(exercise.locator("[data-score]")).to_contain_text("Score: 1 of 5.")
        # Only what is true now: right, and not the key's old reason why "c" is not.
        feedback = item.locator("[data-feedback]")
        expect(feedback).to_contain_text("Right.")
        _, old_reason = Catalogue.load(ROOT).exercises[EXERCISE].key["items"][ITEM][
            "reasons"]["c"].split(". ", 1)  # "No.", then why
        assert old_reason not in feedback.text_content()
        expect(item.get_by_role("button", name="I disagree")).to_have_count(0)

        # The answer key, served in class mode to the teacher, lists what was accepted.
        key = teacher.context.new_page()
        key.goto(server.url + "teachers/answer-key.html")
        accepted = key.locator("[data-class-also]")
        expect(accepted).to_be_visible()
        expect(accepted).to_contain_text("Answers accepted for this class")
        expect(accepted).to_contain_text(REASON)
        expect(accepted).to_contain_text(NOTE)
        assert key.evaluate("window.pwned") is None
        assert axe_violations(key) == []

        # The teacher takes it back: wrong again for the class, the note kept as a reply.
        undo = appeals.get_by_role("button", name="Undo the acceptance")
        assert axe_violations(teacher) == []
        undo.focus()
        teacher.keyboard.press("Enter")
        expect(appeals).to_contain_text(f"You replied: “{NOTE}”")
        expect(figures.nth(2)).to_have_text("0% of 1")
        key.reload()
        expect(key.locator("[data-class-also]")).to_be_hidden()

        # The student's page follows, and the item can be argued again.
        student.reload()
        exercise.locator('[data-action="check"]').click()
        expect(exercise.locator("[data-score]")).to_contain_text("Score: 0 of 5.")
        expect(item.locator(".whc-appeal__state")).to_contain_text(f"Your teacher replied: “{NOTE}”")
        expect(feedback).to_contain_text(old_reason)  # true again
        item.get_by_role("button", name="I disagree").click()
        item.get_by_label("Why is your answer fair?").fill("It promises that people get better.")
        item.get_by_role("button", name="Send to my teacher").click()
        expect(item.locator(".whc-appeal__state")).to_contain_text("You disagreed")
        expect(item.get_by_role("button", name="I disagree")).to_have_count(0)  # one at a time
