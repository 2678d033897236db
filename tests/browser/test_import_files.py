"""On the class page the teacher loads the My answers files of a class without a
network. Thirty files (among damaged and hostile ones, each refused with its reason) give the
same class figures as thirty students answering live, and the teacher's own answers in that
browser are never touched."""

from __future__ import annotations

import json
import random

from classroom.classmode.catalogue import Catalogue
from classroom.contract import FILE_FORMAT
from support import ROOT, call, class_server, teacher_cookie

CATALOGUE = Catalogue.load(ROOT)
EXERCISES = ["lesson-1-practice", "iskitim-evidence", "iskitim-claims", "checkup-questions",
             "checkup-open"]
STUDENTS = 30


def class_answers() -> dict[str, dict]:
    """name -> exercise id -> {item id: {v, r}}: what each student answered, the same both ways."""
    rng = random.Random(11)
    names = [f"Student {n}" for n in range(STUDENTS - 1)] + ["<img src=x onerror=alert(1)>"]
    return {name: {ex_id: {item: {"v": CATALOGUE.exercises[ex_id].items[item].version,
                                  "r": CATALOGUE.exercises[ex_id].handler.example_response(
                                      CATALOGUE.exercises[ex_id], item, rng)}
                           for item in rng.sample(sorted(CATALOGUE.exercises[ex_id].items),
                                                  k=max(1, len(CATALOGUE.exercises[ex_id].items) - 1))}
                   for ex_id in rng.sample(EXERCISES, k=3)}
            for name in names}


def my_answers_file(name, exercises) -> str:
    """A file as My answers' Download writes it (classroom/scripts/store.js downloadAnswers)."""
    return json.dumps({"format": FILE_FORMAT, "version": 1, "exported": "2026-12-02T10:00:00Z",
                       "name": name, "exercises": {
                           ex: {"items": {i: {**a, "t": 1764669600000} for i, a in items.items()},
                                "score": [99, 99]}  # a forged score: the laptop marks itself
                           for ex, items in exercises.items()}}, indent=1)


def figures(url) -> dict:
    report = call(url, "api/teacher/report", headers=teacher_cookie(url))[1]
    return {"students": [{k: v for k, v in s.items() if k not in ("id", "last")}
                         for s in report["figures"]["students"]],
            "help": [{k: v for k, v in h.items() if k != "student"} for h in report["figures"]["help"]],
            "exercises": report["figures"]["exercises"]}


BAD_FILES = {
    "not-json.json": ("{not json", "cannot be read"),
    "other-format.json": (json.dumps({"format": "something-else", "version": 1}), "not a My answers file"),
    "no-name.json": (my_answers_file("", {"lesson-1-practice": {}}), "carries no name"),
    "unknown-exercise.json": (my_answers_file("Eve", {"no-such-exercise": {}}), "not an exercise"),
    "proto.json": ('{"format": "%s", "version": 1, "name": "Mal", "exercises": {"__proto__": {"items": {}}}}'
                   % FILE_FORMAT, "not an exercise"),
    "bad-option.json": (my_answers_file("Zed", {"lesson-1-practice": {"cells-migrate": {
        "v": CATALOGUE.exercises["lesson-1-practice"].items["cells-migrate"].version,
        "r": "zz"}}}), "not one of its answers"),
    "control-name.json": (my_answers_file("Ann\x00=1+1", {}), "not a name"),
}


def test_thirty_files_give_the_figures_of_thirty_live_students(browser, site, tmp_path):
    answers = class_answers()
    with class_server(site, tmp_path / "live") as live:
        call(live.url, "api/teacher/checkup", {"open": True}, teacher_cookie(live.url))
        for name, exercises in answers.items():
            _, me, _ = call(live.url, "api/join", {"name": name})
            events = [{"id": f"live-{n:04d}-{ex}"[:64], "at": 1, "exercise": ex, "items": items,
                       "type": "handin" if CATALOGUE.exercises[ex].assessment else "check"}
                      for n, (ex, items) in enumerate(exercises.items())]
            status, body, _ = call(live.url, "api/events", {"events": events},
                                   {"Authorization": f"Bearer {me['token']}"})
            assert status == 200, body
        expected = figures(live.url)
    folder = tmp_path / "usb"
    folder.mkdir()
    files = []
    for n, (name, exercises) in enumerate(answers.items()):
        files.append(folder / f"my-answers-{n}.json")
        files[-1].write_text(my_answers_file(name, exercises), encoding="utf-8")
    for file_name, (text, _) in BAD_FILES.items():
        files.append(folder / file_name)
        files[-1].write_text(text, encoding="utf-8")
    (folder / "huge.json").write_text("x" * 1_000_000)
    files.append(folder / "huge.json")
    with class_server(site, tmp_path / "files") as server:
        context = browser.new_context()
        page = context.new_page()
        dialogs = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(server.url + "teachers/class.html")
        page.evaluate("localStorage.setItem('whc:v1:lesson-1-practice', JSON.stringify("
                      "{items: {'cells-migrate': {v: 'mine', r: 'a'}}}))")  # the teacher's own
        page.locator("[data-class-board]").wait_for()  # on this computer: no PIN asked
        page.get_by_label("My answers files to load").set_input_files(files)
        page.locator("[data-class-import-summary]").get_by_text(
            f"{STUDENTS} of {len(files)} files added answers").wait_for(timeout=60000)
        lines = page.locator("[data-class-import-list] li").all_inner_texts()
        loaded = [text for text in lines if ": loaded, " in text]
        # D18: "1 exercise", never "1 exercises"; a name ending in a full stop gets no second.
        assert loaded and all(" 1 exercises " not in text and not text.endswith("..")
                              for text in loaded), loaded
        for file_name, (_, reason) in BAD_FILES.items():
            line = next(text for text in lines if text.startswith(file_name))
            assert "was not loaded" in line and reason in line, line
        assert any(text.startswith("huge.json") and "too large" in text for text in lines)
        # Loading the same files again adds nothing, and says so (D18).
        page.get_by_label("My answers files to load").set_input_files(files[:3])
        page.locator("[data-class-import-summary]").get_by_text("0 of 3 files added answers").wait_for()
        again = page.locator("[data-class-import-list] li").all_inner_texts()
        assert len(again) == 3 and all("loaded before; nothing new" in text for text in again), again
        assert figures(server.url) == expected
        page.locator("[data-class-students] th", has_text="<img src=x onerror=alert(1)>").wait_for()
        assert dialogs == []
        own = page.evaluate("Object.keys(localStorage).filter((k) => k.startsWith('whc:v1:'))")
        assert own == ["whc:v1:lesson-1-practice"]
        assert "mine" in page.evaluate("localStorage.getItem('whc:v1:lesson-1-practice')")
        context.close()
