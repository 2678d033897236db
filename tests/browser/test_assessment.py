"""A check-up in the page hands in instead of checking: it has no Check and no Show solution.
That its key never reaches students' browsers is tested on the built files, in
tests/commands/test_site.py."""

from __future__ import annotations


def test_a_check_up_hands_in_instead_of_checking(page, server, module):
    check_ups = [e for e in module.exercises.values() if e.assessment]
    assert check_ups, "there is no check-up to test"
    exercise = check_ups[0]
    page.goto(server + module.placements[exercise.id][:-3] + ".html")
    root = page.locator(f"[data-exercise='{exercise.id}']")
    assert root.locator("[data-action='check'], [data-action='solution']").count() == 0
    assert root.locator("[data-action='handin']").is_visible()
