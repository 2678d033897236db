"""Answer an exercise in the browser the way a learner does: clicking, tapping, typing.

The right answers come from the loaded key, so a test proves the key against the real widget.
"""

from __future__ import annotations

from classroom.exercises import Exercise, Item


def exercise_root(page, exercise: Exercise):
    return page.locator(f"[data-exercise='{exercise.id}']")


def wait_frames(page, count: int = 2) -> None:
    """Let the browser draw `count` frames, so what a script or the layout moved has settled."""
    page.evaluate("(count) => new Promise((drawn) => {"
                  " const next = (left) => left ? requestAnimationFrame(() => next(left - 1)) : drawn();"
                  " next(count); })", count)


def choose(page, exercise: Exercise, item: Item, values, tap: bool = False) -> None:
    """Select the given option values of one item (radio or checkboxes)."""
    for value in ([values] if isinstance(values, str) else values):
        option = exercise_root(page, exercise).locator(
            f"input[name='{exercise.id}--{item.id}'][value='{value}']")
        option.tap() if tap else option.check()


def mark(page, exercise: Exercise, sentence_id: str, kind: str, tap: bool = False) -> None:
    root = exercise_root(page, exercise)
    pen = root.locator(f"input[name='{exercise.id}--pen'][value='{kind}']")
    pen.tap() if tap else pen.check()
    sentence = root.locator(f".whc-sentence[data-sentence='{sentence_id}']")
    sentence.tap() if tap else sentence.click()


def answer_right(page, exercise: Exercise, tap: bool = False, alternatives: bool = False) -> None:
    """Answer every item as the key does; with `alternatives`, give an item's other fair
    answer (its `also:`) wherever it has one."""
    for item in exercise.items:
        answer = next(iter(item.also)) if alternatives and item.also else item.answer
        if exercise.kind == "mark-claims":
            mark(page, exercise, item.sentence.id, answer, tap)
        elif exercise.kind == "open":
            exercise_root(page, exercise).locator(f"textarea[name='{exercise.id}--{item.id}']").fill(
                "My own answer: ask how many children were treated and compared.")
        else:
            choose(page, exercise, item, answer, tap)


def press(page, exercise: Exercise, action: str) -> None:
    exercise_root(page, exercise).locator(f"[data-action='{action}']").click()


def score_text(page, exercise: Exercise) -> str:
    return exercise_root(page, exercise).locator("[data-score]").inner_text()


def full_score(exercise: Exercise) -> str:
    if exercise.kind == "open":
        if len(exercise.items) == 1:
            return "Answered. Your own answer is not scored: compare it with the model answer above."
        return (f"All {len(exercise.items)} answered. Your own answers are not scored: compare "
                "each with the model answer above.")
    if exercise.kind == "mark-claims":
        return f"Score: {len(exercise.items)} of {len(exercise.items)} claims found with the right kind."
    return f"Score: {len(exercise.items)} of {len(exercise.items)}."


def top(locator) -> float:
    return locator.evaluate("(node) => node.getBoundingClientRect().top")


def bottom(locator) -> float:
    return locator.evaluate("(node) => node.getBoundingClientRect().bottom")


def stored(page, exercise_id):
    """The answers the page saved for this exercise, as its localStorage holds them."""
    return page.evaluate(f"JSON.parse(localStorage.getItem('whc:v1:{exercise_id}'))")


def open_why(page, exercise: Exercise) -> None:
    """Open every "Why?" of the exercise's feedback, as a curious learner does."""
    closed = exercise_root(page, exercise).locator("details.whc-why:not([open]) > summary")
    for _ in range(closed.count()):
        closed.first.click()
