"""Students' answers are never lost: two tabs, loading a file, full or
blocked storage, and saved records the page cannot read. Real Chromium, the starter site."""

from __future__ import annotations

import json
import time

import pytest

from answering import choose, exercise_root, mark, press
from support import axe_violations

FULL_STORAGE = """
window.storageFull = true;
const realSetItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (window.storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
  return realSetItem.call(this, key, value);
};
"""


def stored(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(Object.keys(localStorage)
        .filter(k => k.startsWith('whc:')).map(k => [k, localStorage.getItem(k)]))""")


def record(page, exercise_id):
    return page.evaluate("k => JSON.parse(localStorage.getItem(k))", f"whc:v1:{exercise_id}")


def radio(page, exercise, item, value):
    return exercise_root(page, exercise).locator(
        f"input[name='{exercise.id}--{item.id}'][value='{value}']")


def answers_file(tmp_path, exercises: dict, name: str = "") -> str:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"format": "weighing-health-claims-answers", "version": 1,
                                "name": name, "exercises": exercises}))
    return str(path)


def preview_rows(page) -> dict:
    rows = page.locator("[data-load-preview] tbody tr")
    return {rows.nth(n).locator("td").nth(0).inner_text(): rows.nth(n).locator("td").nth(1).inner_text()
            for n in range(rows.count())}


# 1. Two tabs

def test_two_tabs_keep_each_others_answers_and_show_them_at_once(context, starter):
    evidence, claims = starter.exercise("evidence-level"), starter.exercise("mark-claims")
    first, second = evidence.items[0], evidence.items[1]
    tab_a, tab_b, progress = context.new_page(), context.new_page(), context.new_page()
    for tab in (tab_a, tab_b):
        tab.goto(starter.url + "practice.html")
    progress.goto(starter.url + "my-answers.html")
    choose(tab_a, evidence, first, first.answer)
    radio(tab_b, evidence, first, first.answer).wait_for(state="attached")
    tab_b.wait_for_function(f"document.querySelector(\"input[name='{evidence.id}--{first.id}'][value='{first.answer}']\").checked")
    choose(tab_b, evidence, second, second.answer)
    press(tab_b, evidence, "check")  # Check saves every item of the exercise: none may be lost
    saved = record(tab_a, evidence.id)["items"]
    assert {first.id: first.answer, second.id: second.answer} == {k: v["r"] for k, v in saved.items()}
    tab_a.wait_for_function(f"document.querySelector(\"input[name='{evidence.id}--{second.id}'][value='{second.answer}']\").checked")
    row = progress.locator(f"[data-summary-of='{evidence.id}'] [data-answered]")
    progress.wait_for_function(f"document.querySelector(\"[data-summary-of='{evidence.id}'] [data-answered]\").textContent === '2 of 2'")
    assert row.inner_text() == "2 of 2"
    # Marks in one text: tab A marks one sentence, tab B another; both stay.
    s_a, s_b = claims.sentences[0].id, claims.sentences[1].id
    mark(tab_a, claims, s_a, "benefit")
    tab_b.wait_for_function(f"document.querySelector(\"[data-exercise='{claims.id}'] [data-sentence='{s_a}']\").dataset.mark === 'benefit'")
    mark(tab_b, claims, s_b, "safety")
    assert record(tab_a, claims.id)["items"]["text"]["r"] == {s_a: "benefit", s_b: "safety"}


# 2. Loading a file

def test_loading_previews_merges_by_default_and_one_click_undoes(page, starter, tmp_path):
    evidence, choice, open_task = (starter.exercise(k) for k in ("evidence-level", "choice", "open"))
    first, second = evidence.items[0], evidence.items[1]
    page.goto(starter.url + "practice.html")
    choose(page, evidence, first, first.answer)
    exercise_root(page, open_task).locator("textarea").fill("My current answer.")
    choose(page, choice, choice.items[0], choice.items[0].options[0].id)
    mine = record(page, evidence.id)["items"][first.id]
    wrong = next(level for level in ("none", "experience") if level != first.answer)
    later = int(time.time() * 1000) + 60_000
    path = answers_file(tmp_path, {
        evidence.id: {"items": {first.id: {"v": mine["v"], "r": wrong, "t": mine["t"] - 60_000},
                                second.id: {"v": second.version, "r": second.answer, "t": 5}},
                      "score": [1, 2]},
        choice.id: {"items": {choice.items[0].id: {"v": choice.items[0].version,
                                                  "r": choice.items[0].options[1].id, "t": later}}},
        open_task.id: {"items": {}},
    }, name="Anna K.")
    page.goto(starter.url + "my-answers.html")
    before = stored(page)
    page.set_input_files("input[data-action='load']", path)
    page.locator("[data-load-preview]").wait_for(state="visible")
    assert stored(page) == before  # nothing is stored before the learner chooses Load
    assert preview_rows(page) == {
        evidence.title: "Older than yours; yours are kept, new ones added.\nUse the file's answers instead",
        choice.title: "Newer than yours, to replace yours.",
        open_task.title: "Nothing new; yours are kept."}
    page.click("[data-action='apply']")
    assert page.locator("[data-status]").inner_text().startswith("Loaded answers to 2 exercises.")
    items = record(page, evidence.id)["items"]
    assert items[first.id]["r"] == first.answer  # the current answer, not the stale one
    assert items[second.id]["r"] == second.answer  # the new one added
    assert record(page, choice.id)["items"][choice.items[0].id]["r"] == choice.items[0].options[1].id
    assert json.loads(before[f"whc:v1:{open_task.id}"]) == record(page, open_task.id)
    assert page.input_value("[data-learner-name]") == "Anna K."
    page.click("[data-action='undo']")
    assert page.locator("[data-status]").inner_text() == "The load was undone; your answers are as they were before."
    assert stored(page) == before
    assert page.input_value("[data-learner-name]") == ""
    # The learner may choose the file's older answer; only then does it replace theirs.
    page.set_input_files("input[data-action='load']", path)
    page.locator("[data-load-preview] input[type=checkbox]").check()
    page.click("[data-action='apply']")
    assert record(page, evidence.id)["items"][first.id]["r"] == wrong
    page.reload()
    assert page.locator(f"[data-summary-of='{evidence.id}'] [data-last-score]").inner_text() == "1 of 2"


def test_unknown_exercises_forged_scores_and_wrong_answer_types_are_refused(page, starter, tmp_path):
    evidence, open_task, choice, claims = (starter.exercise(k) for k in ("evidence-level", "open", "choice", "mark-claims"))
    first = evidence.items[0]
    path = answers_file(tmp_path, {
        "no-such-exercise": {"items": {"q": {"v": "x", "r": "hello"}}},
        evidence.id: {"items": {first.id: {"v": first.version, "r": first.answer}}, "score": [9, 2]},
        open_task.id: {"items": {open_task.items[0].id: {"v": open_task.items[0].version, "r": ["a"]}}},
        claims.id: {"items": {"text": {"v": "x", "r": "benefit"}}},
        choice.id: {"items": {choice.items[0].id: {"v": choice.items[0].version, "r": "zz"}}},
    })
    page.goto(starter.url + "my-answers.html")
    before = stored(page)
    page.set_input_files("input[data-action='load']", path)
    page.locator("[data-load-preview]").wait_for(state="visible")
    assert preview_rows(page) == {
        "no-such-exercise": "Not loaded: this module has no exercise with this name.",
        evidence.title: "Not loaded: its score does not fit this exercise.",
        open_task.title: "Not loaded: an answer is not of the kind this exercise takes.",
        claims.title: "Not loaded: an answer is not of the kind this exercise takes.",
        choice.title: "Not loaded: an answer is not of the kind this exercise takes."}
    assert page.locator("[data-status]").inner_text() == (
        "This file was not loaded: it holds nothing that can be added to your answers. Nothing was changed.")
    assert not page.locator("[data-action='apply']").is_visible()
    assert stored(page) == before


def test_a_file_with_one_good_exercise_loads_it_and_stores_nothing_of_the_refused(page, starter, tmp_path):
    evidence, open_task = starter.exercise("evidence-level"), starter.exercise("open")
    first = evidence.items[0]
    path = answers_file(tmp_path, {
        evidence.id: {"items": {first.id: {"v": first.version, "r": first.answer}}},
        open_task.id: {"items": {}, "score": [3, 1]},
    })
    page.goto(starter.url + "my-answers.html")
    page.set_input_files("input[data-action='load']", path)
    page.click("[data-action='apply']")
    assert page.locator("[data-status]").inner_text().startswith("Loaded answers to 1 exercise.")
    assert record(page, evidence.id)["items"][first.id]["r"] == first.answer
    assert record(page, open_task.id) is None


# 3. Full or blocked storage

def test_full_storage_keeps_answers_on_the_page_says_so_and_downloads_them(context, starter, tmp_path):
    context.add_init_script(FULL_STORAGE)
    page = context.new_page()
    open_task = starter.exercise("open")
    page.goto(starter.url + "practice.html")
    notice = exercise_root(page, open_task).locator("[data-notice]")
    assert notice.inner_text().startswith("This browser is not saving answers now")
    exercise_root(page, open_task).locator("textarea").fill("An answer the browser could not save.")
    assert notice.inner_text().startswith("Your last answer could not be saved")
    with page.expect_download() as download:
        notice.get_by_role("button", name="Download my answers").click()
    saved = tmp_path / "unsaved.json"
    download.value.save_as(saved)
    data = json.loads(saved.read_text())
    assert data["exercises"][open_task.id]["items"][open_task.items[0].id]["r"] == "An answer the browser could not save."
    # Saving works again: the warning goes, and the answer is stored.
    page.evaluate("window.storageFull = false")
    exercise_root(page, open_task).locator("textarea").type("!")
    assert not notice.is_visible()
    assert record(page, open_task.id)["items"][open_task.items[0].id]["r"].endswith("save.!")
    # My answers tells the truth too, and a load that stores nothing is no success.
    page.evaluate("localStorage.clear()")
    page.goto(starter.url + "my-answers.html")
    warning = page.locator("[data-saving]")
    assert warning.inner_text().startswith("This browser is not saving answers now")
    page.set_input_files("input[data-action='load']", str(saved))
    page.click("[data-action='apply']")
    status = page.locator("[data-status]").inner_text()
    assert status.startswith("The answers from the file could not be saved") and "Loaded" not in status
    assert stored(page) == {}
    assert page.locator(f"[data-summary-of='{open_task.id}'] [data-answered]").inner_text() == "1 of 1"


def test_the_browser_is_asked_to_keep_answers_quietly_served_and_from_disk(context, starter):
    context.add_init_script("""window.keepAsked = 0;
        if (navigator.storage && navigator.storage.persist) {
          const real = navigator.storage.persist.bind(navigator.storage);
          navigator.storage.persist = () => {
            window.keepAsked += 1;
            return real().finally(() => { window.keepAnswered = true; });
          };
        }""")
    evidence = starter.exercise("evidence-level")
    for base in (starter.url, starter.site.as_uri() + "/"):
        page = context.new_page()
        page.goto(base + "practice.html")
        choose(page, evidence, evidence.items[0], evidence.items[0].answer)
        choose(page, evidence, evidence.items[1], evidence.items[1].answer)
        has_storage = page.evaluate("!!(navigator.storage && navigator.storage.persist)")
        assert page.evaluate("window.keepAsked") == (1 if has_storage else 0)
        # The browser has answered the request, so a refusal would be logged by now
        page.wait_for_function("window.keepAsked === 0 || window.keepAnswered === true")
        assert context.traffic.console_errors == []
        assert has_storage or base.startswith("file:")


# 4. Records the page cannot read

def test_an_unreadable_record_is_kept_aside_and_downloaded(page, starter, tmp_path):
    open_task = starter.exercise("open")
    page.goto(starter.url + "practice.html")
    page.evaluate("k => localStorage.setItem(k, '{not json')", f"whc:v1:{open_task.id}")
    page.reload()
    assert "kept aside" in exercise_root(page, open_task).locator("[data-notice]").inner_text()
    aside = {k: v for k, v in stored(page).items() if k.startswith("whc:v1:~unreadable:")}
    assert list(aside.values()) == ["{not json"]
    assert list(aside)[0].startswith(f"whc:v1:~unreadable:{open_task.id}:")
    page.goto(starter.url + "my-answers.html")
    assert page.locator("[data-notice]").inner_text() == (
        "Saved answers to 1 exercise could not be read. They are kept aside, and Download includes them.")
    page.fill("[data-learner-name]", "Ada")
    with page.expect_download() as download:
        page.click("[data-action='download']")
    saved = tmp_path / "with-aside.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text())["unreadable"] == aside


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_my_answers_has_no_axe_violations_while_loading_or_unable_to_save(browser, starter, tmp_path, scheme):
    evidence = starter.exercise("evidence-level")
    first = evidence.items[0]
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(starter.url + "practice.html")
    choose(page, evidence, first, first.answer)
    page.evaluate("k => localStorage.setItem(k, '{not json')", f"whc:v1:{starter.exercise('open').id}")
    path = answers_file(tmp_path, {evidence.id: {"items": {first.id: {"v": first.version, "r": "none"}}}})
    page.goto(starter.url + "my-answers.html")
    page.set_input_files("input[data-action='load']", path)
    page.locator("[data-load-preview] input[type=checkbox]").wait_for()
    assert axe_violations(page) == []  # the preview, with its choice, and the kept-aside notice
    page.locator("[data-load-preview] input[type=checkbox]").check()
    page.click("[data-action='apply']")
    page.locator("[data-action='undo']").wait_for()
    assert axe_violations(page) == []  # the undo button
    page.add_init_script(FULL_STORAGE)
    page.reload()
    page.locator("[data-saving] button").wait_for()
    assert axe_violations(page) == []  # the warning and its Download button
    context.close()
