"""What the projector and the students' pages are told of the step being led (lead.py).

The projector's view holds the key's answer and reasons only once the teacher has pressed
Reveal: before that, no part of the key is in it. The students' view never holds any of the
key: it says which item to answer and where it is. Everything is data; the pages show it as text.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

import yaml

from .lead import PASTED, LeadState


def step_view(module, catalogue, state: LeadState, steps: list[dict], counts,
              pasted_view) -> dict:
    """The projector's view of the shown step. `counts(exercise, item)` gives the class's
    answers to an item ({"answered": n, "chosen": {option: n}}), `pasted_view(revealed)` the
    pasted text's view."""
    step = steps[state.step]
    view = {"source": state.source, "step": state.step, "steps": len(steps),
            "revealed": state.revealed, "type": step["type"]}
    if step["type"] == "paragraph":
        case = module.cases[step["case"]]
        block = case.paragraphs[step["number"] - 1]
        return {**view, "title": case.title, "number": block.number, "text": block.text}
    if step["type"] == "pasted":
        return {**view, **pasted_view(state.revealed)}
    exercise = catalogue.exercises[step["exercise"]]
    item = exercise.items[step["item"]]
    view.update(title=exercise.title, label=item.label, quote=_quote(module, exercise, item.id),
                written=not exercise.handler.scored)
    class_counts = counts(exercise, item.id)
    view["answered"] = class_counts["answered"]
    options = _options(exercise, item)
    hands = state.hands_here()
    if options and not state.no_spread:
        chosen = hands if hands is not None else class_counts["chosen"]
        view["spread"] = {"from": "hands" if hands is not None else "devices",
                          "bars": [{"option": option, "label": label,
                                    "count": int(chosen.get(option, 0))}
                                   for option, label in options.items()]}
    view["options"] = [{"option": option, "label": label} for option, label in options.items()]
    if state.revealed:
        view["key"] = _key(exercise, item.id)
    return view


def _quote(module, exercise, item_id: str) -> str:
    """The words an item quotes, if its learners' file (exercise.yml, all of which its page
    shows) holds them; a quote kept in key.yml is the key's, so never here."""
    path = module.root / "exercises" / exercise.id / "exercise.yml"
    try:
        items = _learners_items(path, path.stat().st_mtime_ns)
    except OSError:
        return ""
    quote = items.get(item_id, "")
    return "" if quote == exercise.items[item_id].label else quote


@lru_cache(maxsize=64)
def _learners_items(path, stamp) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(item.get("id")): str(item.get("quote") or "") for item in data.get("items") or []
            if isinstance(item, dict)}


def _options(exercise, item) -> dict:
    """The answers a class can give to an item, by id: its options, or the exercise's labels
    (an evidence step, a checklist answer). None for open answers and whole texts."""
    if not exercise.handler.scored or exercise.handler.whole_text:
        return {}
    return dict(item.options) if item.options else dict(exercise.labels)


def _key(exercise, item_id: str) -> dict:
    """The key's answer and reasons, in words, for the projector after Reveal."""
    if exercise.handler.whole_text:
        sentences = exercise.items[item_id].options
        return {"claims": [{"sentence": sentences.get(claim["sentence"], claim["sentence"]),
                            "kind": exercise.labels.get(claim["answer"], claim["answer"]),
                            "reasons": claim.get("feedback", "")}
                           for claim in exercise.key["items"].values()]}
    entry = exercise.key["items"].get(item_id, {})
    if not exercise.handler.scored:
        return {"model": str(entry.get("answer", "")), "reasons": entry.get("feedback", "")}
    options = _options(exercise, exercise.items[item_id])
    answer = entry.get("answer")
    chosen = answer if isinstance(answer, list) else [answer]
    also = entry.get("also") or {}
    return {"answers": [options.get(option, str(option)) for option in chosen],
            "also": [options.get(option, str(option)) for option in also],
            "reasons": entry.get("feedback", ""),
            "why": [{"label": options.get(option, option), "reason": reason}
                    for option, reason in (entry.get("options") or {}).items()
                    if isinstance(reason, str)]}


def class_counts(report, exercise, item_id: str) -> dict:
    """How many students answered an item (its current version), and how many chose each
    option; counts only, no names."""
    version = exercise.items[item_id].version
    answered, chosen = 0, {}
    for work in report.work.values():
        answer = work.get(exercise.id) and report.shown_answer(exercise, work[exercise.id], item_id)
        if not answer or answer[0] != version or answer[1] in (None, "", [], {}):
            continue
        answered += 1
        response = answer[1]
        for option in ([response] if isinstance(response, str) else
                       response if isinstance(response, list) else []):
            chosen[option] = chosen.get(option, 0) + 1
    return {"answered": answered, "chosen": chosen}


def student_view(module, state: LeadState, steps: list[dict], pasted_for_student) -> dict:
    """What a joined student's page is told: which item to answer and on which page (never its
    key), the paragraph being read, or the pasted text to mark."""
    view = {"seq": state.seq, "shown": None}
    if state.source is None or not steps:
        return view
    step = steps[min(state.step, len(steps) - 1)]
    if step["type"] == "item":
        page = module.placements.get(step["exercise"])
        exercise = module.exercises[step["exercise"]]
        anchor = f"exercise-{exercise.id}" if exercise.handler.whole_text \
            else f"{exercise.id}-{step['item']}"
        view["shown"] = {"type": "item", "exercise": exercise.id, "item": step["item"],
                         "title": exercise.title, "number": state.step + 1,
                         "url": "/" + posixpath.splitext(page)[0] + ".html#" + anchor
                         if page else None}
    elif step["type"] == "paragraph":
        case = module.cases[step["case"]]
        view["shown"] = {"type": "paragraph", "title": case.title, "number": step["number"]}
    elif step["type"] == "pasted" and state.source == PASTED:
        view["shown"] = {"type": "pasted", **pasted_for_student()}
    return view
