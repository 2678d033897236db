"""My answers: progress, download and load (lossless), print with a name, reset; and whatever a
learner types stays text everywhere, however hostile."""

from __future__ import annotations

import json

import pytest

from answering import answer_right, choose, exercise_root, press

HOSTILE = ('<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'
           '{{7*7}} ]]> </textarea><b>bold</b> & "quotes"')


def all_stored(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith('whc:')).map(k => [k, localStorage.getItem(k)]))""")


def work_through(page, starter):
    page.goto(starter.url + "practice.html")
    for kind in ["evidence-level", "choice", "mark-claims"]:
        exercise = starter.exercise(kind)
        answer_right(page, exercise)
        press(page, exercise, "check")
    exercise_root(page, starter.exercise("open")).locator("textarea").fill(HOSTILE)


def test_progress_and_last_scores_are_listed(page, starter):
    work_through(page, starter)
    page.goto(starter.url + "my-answers.html")
    evidence = starter.exercise("evidence-level")
    row = page.locator(f"[data-summary-of='{evidence.id}']")
    count = len(evidence.items)
    assert row.locator("[data-answered]").inner_text() == f"{count} of {count}"
    assert row.locator("[data-last-score]").inner_text() == f"{count} of {count}"
    untouched = page.locator(f"[data-summary-of='{starter.exercise('missing-info').id}']")
    assert untouched.locator("[data-answered]").inner_text() == "Not started"


def test_download_then_load_restores_every_answer_exactly(page, starter, tmp_path):
    work_through(page, starter)
    page.goto(starter.url + "my-answers.html")
    page.fill("[data-learner-name]", "Ada")
    before = all_stored(page)
    with page.expect_download() as download:
        page.click("[data-action='download']")
    saved = tmp_path / "answers.json"
    download.value.save_as(saved)
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("[data-action='reset']")
    assert all_stored(page) == {}
    page.set_input_files("input[data-action='load']", str(saved))
    page.click("[data-action='apply']")
    page.wait_for_function("document.querySelector('[data-status]').textContent.includes('Loaded')")
    assert all_stored(page) == before
    page.goto(starter.url + "practice.html")
    assert exercise_root(page, starter.exercise("open")).locator("textarea").input_value() == HOSTILE


@pytest.mark.parametrize("content, reason", [
    ("this is not JSON", "it is not a file of answers from this module"),
    (json.dumps({"format": "something-else", "version": 1, "exercises": {}}),
     "it is not a file of answers from this module"),
    (json.dumps({"format": "weighing-health-claims-answers", "version": 1,
                 "exercises": {"<script>": {"items": {}}}}), "some of its answers are damaged"),
    (json.dumps({"format": "weighing-health-claims-answers", "version": 1,
                 "exercises": {"starter-open": {"items": {"q": {"v": "x", "r": {"__proto__": 1}}}}}}),
     "some of its answers are damaged"),
    (json.dumps({"format": "weighing-health-claims-answers", "version": 1,
                 "exercises": {"starter-open": {"items": {}, "score": ["9", "x"]}}}),
     "some of its answers are damaged"),
])
def test_a_malformed_or_hostile_file_is_refused_and_nothing_changes(page, starter, tmp_path,
                                                                     content, reason):
    work_through(page, starter)
    page.goto(starter.url + "my-answers.html")
    before = all_stored(page)
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    page.set_input_files("input[data-action='load']", str(bad))
    page.wait_for_function("document.querySelector('[data-status]').textContent.length > 0")
    status = page.locator("[data-status]").inner_text()
    assert f"This file was not loaded: {reason}. Nothing was changed." == status
    assert all_stored(page) == before


def test_hostile_text_stays_inert_on_every_page_and_in_print(page, starter):
    work_through(page, starter)
    page.reload()
    page.goto(starter.url + "my-answers.html")
    page.fill("[data-learner-name]", HOSTILE)
    page.evaluate("() => document.querySelector('[data-my-answers]').whc.refresh()")
    printout = page.locator("[data-printout]")
    assert printout.locator("img, script, b").count() == 0
    page.emulate_media(media="print")
    assert HOSTILE in printout.inner_text()
    assert page.evaluate("window.pwned") is None


def test_print_my_answers_gives_a_clean_page_with_the_name(page, starter, tmp_path):
    work_through(page, starter)
    page.goto(starter.url + "my-answers.html")
    page.fill("[data-learner-name]", "Ada Lovelace")
    page.evaluate("() => { window.print = () => { window.printed = true; }; }")
    page.click("[data-action='print']")
    assert page.evaluate("window.printed") is True
    page.emulate_media(media="print")
    printout = page.locator("[data-printout]")
    assert printout.is_visible()
    text = printout.inner_text()
    assert "Answers of Ada Lovelace" in text
    evidence = starter.exercise("evidence-level")
    assert evidence.title in text and evidence.items[0].quote in text
    assert not page.locator("[data-action='download']").first.is_visible()


def printed_pages(page) -> list[str]:
    """The text of each A4 page that printing My answers gives."""
    from io import BytesIO

    from pypdf import PdfReader
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    return [sheet.extract_text() for sheet in PdfReader(BytesIO(pdf)).pages]


def test_printout_starts_with_the_name_and_numbers_items_as_in_the_key(page, starter):
    evidence = starter.exercise("evidence-level")
    second = evidence.items[1]
    page.goto(starter.url + "practice.html")
    choose(page, evidence, second, second.answer)
    page.goto(starter.url + "my-answers.html")
    page.fill("[data-learner-name]", "Anna K.")
    sheets = printed_pages(page)
    assert sheets[0].lstrip().startswith("Answers of Anna K.")
    lines = [line.strip() for line in sheets[0].splitlines()]
    assert lines[lines.index(evidence.title) + 1].startswith("2. ")  # item 2, as in the answer key


def test_download_is_named_after_the_learner_and_the_day(page, starter):
    page.clock.set_fixed_time("2026-12-02T10:00:00")
    page.goto(starter.url + "my-answers.html")
    page.fill("[data-learner-name]", "Anna K.")
    with page.expect_download() as download:
        page.click(".whc-my-answers__actions [data-action='download']")
    assert download.value.suggested_filename == "my-answers-anna-k-2026-12-02.json"
    page.fill("[data-learner-name]", "")
    page.click(".whc-my-answers__actions [data-action='download']")  # no file without a name
    assert page.locator("[data-name-ask]").is_visible()


def test_printout_keeps_each_heading_with_its_answers(page, server):
    """Every exercise of the module answered: no printed page may end on an exercise's title."""
    page.goto(server + "practice/my-answers.html")
    registry = page.evaluate("JSON.parse(document.querySelector('script[data-registry]').textContent)")
    for exercise in registry["exercises"]:
        items = {}
        for item in exercise["items"]:
            if item["id"] == "text":
                response = {sid: next(iter(exercise["labels"])) for sid in list(item["options"])[:40]}
            elif item["options"]:
                response = next(iter(item["options"]))
            elif exercise["labels"]:
                response = next(iter(exercise["labels"]))
            else:
                response = "A long answer of my own. " * 12
            items[item["id"]] = {"v": item["version"], "r": response}
        page.evaluate("([k, v]) => localStorage.setItem(k, v)",
                      [f"whc:v1:{exercise['id']}", json.dumps({"items": items})])
    page.reload()
    page.fill("[data-learner-name]", "Anna K.")
    sheets = printed_pages(page)
    assert len(sheets) > 5
    titles = {exercise["title"] for exercise in registry["exercises"]}
    for number, sheet in enumerate(sheets, 1):
        lines = [line.strip() for line in sheet.splitlines() if line.strip()]
        assert lines[-1] not in titles, f"page {number} ends with the heading {lines[-1]!r}"
