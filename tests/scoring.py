"""The shared table of responses and verdicts (tests/unit/score_cases.yml), for both scorers."""

from __future__ import annotations

from pathlib import Path

import yaml

TABLE = yaml.safe_load((Path(__file__).resolve().parent / "unit" / "score_cases.yml")
                       .read_text(encoding="utf-8"))


def cases() -> list[tuple[str, str, dict, str, object, dict]]:
    """(case name, kind, key, item id, response, expected verdict) for each row of the table."""
    rows = []
    for number, case in enumerate(TABLE["cases"], start=1):
        entry = TABLE["keys"][case["key"]]
        rows.append((f"{number}-{case['key']}", entry["kind"], entry["key"], case["item"],
                     case["response"], case["expect"]))
    return rows
