"""`make new-case` and `make new-exercise` write stubs that build strictly at once (issue 8,
item 9), and refuse bad names with a plain message, writing nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from classroom.kinds import KINDS as KIND_TABLE

from conftest import build_site
from fixture_project import starter_project

KINDS = list(KIND_TABLE)  # every registered kind


def scaffold(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    """The command `make new-case` / `make new-exercise` runs, inside the project copy."""
    return subprocess.run([sys.executable, "-m", "classroom.scaffold", *arguments], cwd=project,
                          capture_output=True, text=True)


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in project.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    project = starter_project(tmp_path_factory.mktemp("scaffold"))
    result = scaffold(project, "case", "new-clinic")
    assert result.returncode == 0, result.stderr
    for kind in KINDS:
        result = scaffold(project, "exercise", f"new-clinic-{kind}", kind, "new-clinic")
        assert result.returncode == 0, result.stderr
        assert f"exercises/new-clinic-{kind}/key.yml" in result.stdout
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_a_new_case_builds_at_once_with_its_page_in_the_nav(page, scaffolded):
    page.goto((scaffolded / "site" / "cases" / "new-clinic.html").as_uri())
    assert page.locator("h1").inner_text().startswith("New clinic")
    assert page.locator("[data-case='new-clinic'] [data-para='1']").count() == 1
    note = page.locator(".admonition.note .admonition-title").inner_text()
    assert note == "A made-up case for practice"  # a stub is not a real clinic's page
    assert page.locator("nav a[href$='new-clinic.html']").count() >= 1


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_exercise_of_each_kind_builds_at_once_and_shows(page, scaffolded, kind):
    page.goto((scaffolded / "site" / "practice" / f"new-clinic-{kind}.html").as_uri())
    exercise = page.locator(f"[data-exercise='new-clinic-{kind}']")
    assert exercise.is_visible()
    assert page.locator(f"nav a[href$='new-clinic-{kind}.html']").count() >= 1
    files = scaffolded / "exercises" / f"new-clinic-{kind}"
    assert (files / "exercise.yml").read_text(encoding="utf-8").startswith("# ")  # commented
    assert (files / "key.yml").read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize("arguments, message", [
    (["case", "My Clinic"], "NAME=My Clinic cannot be used: use lower-case letters"),
    (["case", "../escape"], "NAME=../escape cannot be used"),
    (["case", ""], "give a name with NAME=..."),
    (["case", "iskitim"], "already exists"),
    (["exercise", "new-one", "drag-and-drop", "iskitim"], "KIND=drag-and-drop is not a kind"),
    (["exercise", "new-one", "evidence-level", ""], "add CASE=, one of iskitim"),
    (["exercise", "new-one", "open", "nowhere"], "CASE=nowhere is not a case"),
    (["exercise", "starter-open", "open", ""], "already exists"),
    (["exercise", "Bad_ID", "open", ""], "ID=Bad_ID cannot be used")])
def test_bad_requests_are_refused_in_plain_words_and_write_nothing(tmp_path, arguments, message):
    project = starter_project(tmp_path)
    before = snapshot(project)
    result = scaffold(project, *arguments)
    assert result.returncode == 1
    assert message in result.stderr and "Nothing was written." in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project) == before
