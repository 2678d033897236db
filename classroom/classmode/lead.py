"""Leading a lesson from the front: what the projector shows now (an item of a practice or case
exercise, a paragraph of a case, or a text the teacher pasted), whether its key is revealed,
and the show of hands the teacher typed. Plain Python: kept in the class file, as one row of
JSON, so a restarted laptop carries on where the lesson was.

A check-up exercise is never a step: its items are not offered, on the projector or to students.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

LEAD_SCHEMA = """
CREATE TABLE IF NOT EXISTS lead (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS pasted_marks (
    student TEXT NOT NULL REFERENCES students(id) ON DELETE CASCADE,
    text_id TEXT NOT NULL,
    marks TEXT NOT NULL,
    at REAL NOT NULL,
    PRIMARY KEY (student, text_id)
);
"""

PASTED = "pasted"          # the source id of the text the teacher pasted
CASE_PREFIX = "case:"      # a case's paragraphs, one step each
MAX_HANDS = 999            # a show of hands in one class


class LeadError(ValueError):
    """A step or a source that cannot be led; the message says what to do."""


@dataclass
class LeadState:
    source: str | None = None   # an exercise id, "case:<id>", "pasted", or None (nothing shown)
    step: int = 0               # the index of the shown step in the source's steps
    revealed: bool = False      # the key of the shown step is shown
    hands: dict = field(default_factory=dict)  # "<source>/<step>" -> {option id: count}
    no_spread: bool = False     # the teacher chose to skip the spread of this step
    seq: int = 0                # goes up at every change, so the students' pages follow

    def hands_here(self) -> dict | None:
        return self.hands.get(f"{self.source}/{self.step}")


def sources(module, catalogue, pasted: dict | None) -> list[dict]:
    """What a teacher can lead, in teaching order: the practice and case exercises (never a
    check-up), the cases' texts, and the pasted text if there is one."""
    found = [{"id": ex.id, "title": ex.title, "steps": len(catalogue.exercises[ex.id].items)}
             for ex in module.exercises.values()
             if not ex.assessment and ex.id in catalogue.exercises
             and not catalogue.exercises[ex.id].assessment]
    found += [{"id": CASE_PREFIX + case.id, "title": case.title, "steps": len(case.paragraphs)}
              for case in module.cases.values()]
    if pasted:
        found.append({"id": PASTED, "title": pasted["title"], "steps": 1})
    return found


def steps_of(module, catalogue, source: str, pasted: dict | None) -> list[dict]:
    """The steps of one source; a LeadError for a check-up or anything unknown."""
    if source == PASTED:
        if not pasted:
            raise LeadError("There is no pasted text: paste one first.")
        return [{"type": "pasted"}]
    if source.startswith(CASE_PREFIX):
        case = module.cases.get(source[len(CASE_PREFIX):])
        if case is None:
            raise LeadError("There is no such case.")
        return [{"type": "paragraph", "case": case.id, "number": block.number}
                for block in case.paragraphs]
    exercise = catalogue.exercises.get(source)
    if exercise is None:
        raise LeadError("There is no such exercise.")
    if exercise.assessment:
        raise LeadError("A check-up is never led from the front: its answers stay each "
                        "student's own until they hand them in.")
    return [{"type": "item", "exercise": exercise.id, "item": item_id}
            for item_id in exercise.items]


def load_state(store) -> LeadState:
    rows = store._read("SELECT value FROM lead WHERE name = 'state'")
    if not rows:
        return LeadState()
    data = json.loads(rows[0][0])
    return LeadState(**{key: data[key] for key in LeadState.__dataclass_fields__ if key in data})


def save_state(store, state: LeadState) -> LeadState:
    state.seq += 1
    text = json.dumps(state.__dict__, ensure_ascii=False)
    store._write(lambda db: db.execute(
        "INSERT OR REPLACE INTO lead (name, value) VALUES ('state', ?)", (text,)))
    return state


def change(state: LeadState, action: str, data: dict, steps_for) -> LeadState:
    """The state after one of the teacher's actions: show a source, next, previous, reveal,
    hands (a show of hands per option), skip (no spread for this step), stop.
    `steps_for(source)` gives a source's steps (or raises LeadError)."""
    if action == "show":
        source = data.get("source")
        if not isinstance(source, str) or not steps_for(source):
            raise LeadError("Choose something to lead.")
        state.source, state.step, state.revealed, state.no_spread = source, 0, False, False
    elif action == "stop":
        state.source, state.step, state.revealed, state.no_spread = None, 0, False, False
    elif state.source is None:
        raise LeadError("Choose something to lead first.")
    elif action in ("next", "previous"):
        last = len(steps_for(state.source)) - 1
        state.step = min(last, state.step + 1) if action == "next" else max(0, state.step - 1)
        state.revealed, state.no_spread = False, False
    elif action == "reveal":
        state.revealed = True
    elif action == "skip":
        state.no_spread = True
    elif action == "hands":
        state.hands[f"{state.source}/{state.step}"] = hands_from(data.get("hands"))
        state.no_spread = False
    else:
        raise LeadError("Unknown action: use show, next, previous, reveal, hands, skip or stop.")
    return state


def hands_from(value) -> dict:
    """A show of hands as the teacher typed it: {option id: a whole number from 0 to 999}."""
    if not isinstance(value, dict) or len(value) > 50:
        raise LeadError("Send 'hands': the number of hands for each answer.")
    hands = {}
    for option, count in value.items():
        if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_HANDS:
            raise LeadError(f"A show of hands is a whole number from 0 to {MAX_HANDS}.")
        hands[str(option)[:80]] = count
    return hands
