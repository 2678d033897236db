"""Copies of the project that `make` can run in, sharing this checkout's virtual environment,
so that tests run the teacher's commands without touching this checkout's `site`."""

from __future__ import annotations

import shutil
from pathlib import Path

from fixture_project import ROOT, starter_project

MAKE_FILES = ["Makefile", "requirements.txt", "requirements-test.txt"]


def make_ready(target: Path, whole: bool = False) -> Path:
    """A copy with the Makefile: the whole module, or (faster) the small starter site."""
    if whole:
        for name in ["docs", "exercises", "includes", "classroom", "hooks", "overrides", "mkdocs.yml"]:
            source = ROOT / name
            if source.is_dir():
                shutil.copytree(source, target / name,
                                ignore=shutil.ignore_patterns("__pycache__"))
            else:
                shutil.copy(source, target / name)
    else:
        starter_project(target)
    for name in MAKE_FILES:
        shutil.copy2(ROOT / name, target / name)  # same times: make sees the venv up to date
    return target


def make(project: Path, *arguments: str) -> list[str]:
    """The command line for `make <arguments>` in `project`, using this checkout's .venv."""
    return ["make", "--no-print-directory", "-C", str(project), f"VENV={ROOT / '.venv'}",
            *arguments]
