"""Build a small copy of the project around chosen exercises, for loader and widget tests.

The copy uses the real code, templates, assets, vocabularies and case texts; only the list of
exercises and the pages differ, so a test controls exactly what is on the page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
STARTER = Path(__file__).resolve().parent / "fixtures" / "starter"


def make_project(target: Path, exercises: dict[str, Path]) -> Path:
    """A project in `target` whose only exercises are `exercises` (id -> folder to copy)."""
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ["classroom", "hooks", "includes", "overrides"]:
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    shutil.copytree(ROOT / "exercises" / "cases", target / "exercises" / "cases")
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")
    for exercise_id, folder in exercises.items():
        shutil.copytree(folder, target / "exercises" / exercise_id)
    index = (ROOT / "exercises" / "index.yml").read_text(encoding="utf-8")
    start = index.index("\nexercises:")
    end = index.index("\n\n", start + 1)
    listed = "".join(f"\n  - {exercise_id}" for exercise_id in exercises)
    (target / "exercises" / "index.yml").write_text(
        index[:start] + "\nexercises:" + (listed or " []") + index[end:], encoding="utf-8")
    markers = "\n\n".join(f"## {exercise_id}\n\n<!-- whc:exercise {exercise_id} -->"
                            for exercise_id in exercises)
    pages = {
        "index.md": "# Fixture\n\nA small copy of the module for tests.\n",
        "practice.md": f"---\ndescription: Exercises under test.\n---\n\n# Practice\n\n{markers}\n",
        "my-answers.md": "# My answers\n\n<!-- whc:my-answers -->\n",
        "answer-key.md": "---\nsearch:\n  exclude: true\n---\n\n# Answer key\n\n<!-- whc:answer-key -->\n",
    }
    for name, text in pages.items():
        (target / "docs" / name).write_text(text, encoding="utf-8")
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [{"Home": "index.md"}, {"Practice": "practice.md"},
                     {"My answers": "my-answers.md"}, {"Answer key": "answer-key.md"}]
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


def starter_project(target: Path) -> Path:
    """The five starter exercises, one of each kind, on the Iskitim text."""
    return make_project(target, {f"starter-{p.name}": p for p in sorted(STARTER.iterdir())})
