"""The Python scorers give every verdict of the shared table (the browser's are held to the same
table in tests/browser/test_scorers_agree.py)."""

from __future__ import annotations

import pytest

from classroom.kinds import KINDS, UnknownKind, kind_named
from scoring import cases

CASES = cases()


@pytest.mark.parametrize("name,kind,key,item_id,response,expected", CASES,
                         ids=[case[0] for case in CASES])
def test_python_scorer_gives_the_tables_verdict(name, kind, key, item_id, response, expected):
    assert KINDS[kind].score(key, item_id, response) == expected


def test_the_table_covers_every_kind():
    assert {case[1] for case in CASES} == set(KINDS)


def test_an_unknown_kind_is_refused_by_name():
    with pytest.raises(UnknownKind, match="'drag-and-drop' is not an exercise kind"):
        kind_named("drag-and-drop")
