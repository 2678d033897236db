"""Class mode asks an exercise's kind what it needs, and names no kind itself; every kind
answers those questions for the real exercises."""

from __future__ import annotations

import ast
import random
import re

import pytest

from classroom.kinds import KINDS
from support import ROOT


def is_kind_name(node) -> bool:
    return isinstance(node, ast.Constant) and node.value in KINDS


def names_a_kind(node) -> bool:
    """A kind's name compared, looked up or passed on, or two of them in one table."""
    if isinstance(node, ast.Compare):
        return any(map(is_kind_name, [node.left, *node.comparators]))
    if isinstance(node, ast.Subscript):
        return is_kind_name(node.slice)
    if isinstance(node, ast.Call):
        return any(map(is_kind_name, node.args))
    if isinstance(node, ast.Dict):
        return sum(map(is_kind_name, node.keys)) >= 2
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return sum(map(is_kind_name, node.elts)) >= 2
    return False


def test_class_mode_asks_the_kind_and_names_none():
    """Class mode and the benchmarks ask an exercise's kind what they need (scored, whole_text,
    describe, ...): a kind's name compared, looked up or tabled there would be a rule kept in
    two places. ("open" alone is also a word: the check-up is open.)"""
    compared = re.compile(r"""[!=]==?\s*["'](%s)["']|["'](%s)["']\s*[!=]==?"""
                          % (("|".join(map(re.escape, KINDS)),) * 2))
    found = []
    for folder in (ROOT / "classroom" / "classmode", ROOT / "benchmarks"):
        for path in sorted(folder.glob("*.py")):
            found += [f"{path.relative_to(ROOT)}:{node.lineno}"
                      for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                      if names_a_kind(node)]
        for path in sorted(folder.glob("*.js")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if compared.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}")
    assert not found, "kind names outside classroom/kinds/: " + ", ".join(found)


@pytest.mark.parametrize("name", list(KINDS))
def test_every_kind_gives_an_example_response_it_accepts(catalogue, name):
    rng = random.Random(1)
    for exercise in catalogue.exercises.values():
        if exercise.kind != name:
            continue
        for item_id in exercise.items:
            response = exercise.handler.example_response(exercise, item_id, rng)
            assert exercise.handler.valid_response(response)
            assert exercise.unknown_choices(item_id, response) == ""
            assert isinstance(exercise.answer_text(item_id, response), str)
