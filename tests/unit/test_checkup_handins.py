"""The check-up's hand-ins in plain Python: readable after a rebuild changed the items."""

from __future__ import annotations

import dataclasses


from classroom.classmode.catalogue import Catalogue
from classroom.classmode.checkup import own_results
from classroom.classmode.work import Scorer

CHECKUP = "checkup-questions"


def test_a_hand_in_stays_readable_when_a_rebuild_removes_its_item(store, catalogue):
    """F13: a check-up item removed by a fix made every earlier hand-in of it a 500."""
    exercise = catalogue.exercises[CHECKUP]
    first, removed = list(exercise.items)[:2]
    answers = {item: {"v": exercise.items[item].version,
                      "r": list(exercise.key["items"][item]["answer"])} for item in (first, removed)}
    student, _ = store.join("Ann")
    store.add_events(student.id, [{"id": "handin-01", "type": "handin", "exercise": CHECKUP,
                                   "items": answers, "at": 1}])
    key = {**exercise.key, "items": {k: v for k, v in exercise.key["items"].items() if k != removed}}
    rebuilt = dataclasses.replace(exercise, key=key, items={
        k: v for k, v in exercise.items.items() if k != removed})
    settings = store.set_checkup(store.current_lesson(), open=True, feedback="after-handin")
    view = own_results(rebuilt, Scorer(Catalogue({CHECKUP: rebuilt})), settings,
                       store.events(student=student.id))
    assert list(view["answers"]) == [first] and list(view["key"]["items"]) == [first]
    assert view["score"][0] == 1
