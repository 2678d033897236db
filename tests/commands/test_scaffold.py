"""`make new-case` and `make new-exercise` write stubs whose every blank is a placeholder the
strict build refuses with its file:line; filled in, they build and show, each page in its nav
section. Bad names are refused with a plain message, writing nothing. No browser: what a
reader would see is read from the built pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from classroom.kinds import KINDS as KIND_TABLE

from fixture_project import starter_project
from support import build_site, fill_in_placeholders, scaffold

KINDS = list(KIND_TABLE)  # every registered kind


def snapshot(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in project.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


def nav_links_to(html: str, page: str) -> bool:
    return re.search(rf'<a href="[^"]*{re.escape(page)}"[^>]*class="md-nav__link', html) is not None


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory):
    """A starter project with a new case and one new exercise of every kind on it: first the
    build's answer to the untouched stubs, then the project built with the blanks filled in."""
    project = starter_project(tmp_path_factory.mktemp("scaffold"))
    result = scaffold(project, "case", "new-clinic")
    assert result.returncode == 0, result.stderr
    written = [project / "exercises" / "cases" / f"new-clinic.{end}" for end in ("txt", "yml")]
    for kind in KINDS:
        result = scaffold(project, "exercise", f"new-clinic-{kind}", kind, "new-clinic")
        assert result.returncode == 0, result.stderr
        assert f"exercises/new-clinic-{kind}/key.yml" in result.stdout
        written += [project / "exercises" / f"new-clinic-{kind}" / f"{name}.yml"
                    for name in ("exercise", "key")]
    untouched = build_site(project / "site", project / "mkdocs.yml")
    for path in written:
        fill_in_placeholders(path)
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return project, untouched.returncode, untouched.stdout + untouched.stderr


def test_untouched_stubs_stop_the_build_at_each_placeholder(scaffolded):
    project, returncode, console = scaffolded
    assert returncode == 1 and "Traceback" not in console
    for kind in KINDS:
        for name in ("exercise", "key"):
            shown = f"exercises/new-clinic-{kind}/{name}.yml"
            assert re.search(rf"{shown}:\d+: a stub's placeholder is still here: '[^']*TODO:",
                             console), f"no placeholder reported in {shown}"
    assert re.search(r"exercises/cases/new-clinic\.txt:2: a stub's placeholder", console)
    assert re.search(r"exercises/cases/new-clinic\.yml:\d+: a stub's placeholder", console)
    assert "What to do: replace this placeholder (the text starting with 'TODO:') with your " in console


def test_a_new_case_builds_once_filled_in_with_its_page_under_case_studies(scaffolded):
    project = scaffolded[0]
    html = (project / "site" / "cases" / "new-clinic.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>New clinic", html)
    assert 'data-case="new-clinic"' in html and 'data-para="1"' in html
    assert "A made-up case for practice" in html  # a stub is not a real clinic's page
    assert 'id="description' not in html  # the front matter was read, not shown as a heading
    assert nav_links_to(html, "new-clinic.html")
    nav = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r'- Case studies:\n\s+- "New clinic": cases/new-clinic\.md', nav)


@pytest.mark.parametrize("kind", KINDS)
def test_a_new_exercise_of_each_kind_builds_once_filled_in_and_shows(scaffolded, kind):
    project = scaffolded[0]
    html = (project / "site" / "practice" / f"new-clinic-{kind}.html").read_text(encoding="utf-8")
    assert f'data-exercise="new-clinic-{kind}"' in html
    assert 'id="description' not in html
    assert nav_links_to(html, f"new-clinic-{kind}.html")
    files = project / "exercises" / f"new-clinic-{kind}"
    assert (files / "exercise.yml").read_text(encoding="utf-8").startswith("# ")  # commented
    assert (files / "key.yml").read_text(encoding="utf-8").startswith("# ")


def test_a_page_option_adds_the_exercise_to_an_existing_page_in_the_index_after_its_own(tmp_path):
    project = starter_project(tmp_path)
    nav_before = (project / "mkdocs.yml").read_text(encoding="utf-8")
    result = scaffold(project, "exercise", "more-questions", "choice", "", "practice.md")
    assert result.returncode == 0, result.stderr
    page = (project / "docs" / "practice.md").read_text(encoding="utf-8")
    assert page.rstrip().endswith("## More questions\n\n<!-- whc:exercise more-questions -->")
    assert not (project / "docs" / "practice" / "more-questions.md").exists()
    assert (project / "mkdocs.yml").read_text(encoding="utf-8") == nav_before
    index = (project / "exercises" / "index.yml").read_text(encoding="utf-8")
    listed = re.findall(r"^  - ([a-z0-9-]+)$", index.split("\nexercises:")[1].split("\n\n")[0],
                        re.MULTILINE)
    assert listed[-1] == "more-questions"  # after every exercise the page already shows


def cases_of(project: Path) -> str:
    return ", ".join(sorted(p.stem for p in (project / "exercises" / "cases").glob("*.yml")))


@pytest.mark.parametrize("arguments, message", [
    (["case", "My Clinic"], "NAME=My Clinic cannot be used: use lower-case letters"),
    (["case", "../escape"], "NAME=../escape cannot be used"),
    (["case", ""], "give a name with NAME=..."),
    (["case", "iskitim"], "already exists"),
    (["exercise", "new-one", "drag-and-drop", "iskitim"], "KIND=drag-and-drop is not a kind"),
    (["exercise", "new-one", "evidence-level", ""],
     "an evidence-level exercise is about a case text: add CASE=, one of {cases}"),
    (["exercise", "new-one", "open", "nowhere"], "CASE=nowhere is not a case: use one of {cases}"),
    (["exercise", "new-one", "open", "", "practice/nowhere.md"], "PAGE=practice/nowhere.md is "
                                                                 "not a page"),
    (["exercise", "starter-open", "open", ""], "already exists"),
    (["exercise", "Bad_ID", "open", ""], "ID=Bad_ID cannot be used")])
def test_bad_requests_are_refused_in_plain_words_and_write_nothing(tmp_path, arguments, message):
    project = starter_project(tmp_path)
    before = snapshot(project)
    result = scaffold(project, *arguments)
    assert result.returncode == 1
    assert message.format(cases=cases_of(project)) in result.stderr
    assert "Nothing was written." in result.stderr and "Traceback" not in result.stderr
    assert snapshot(project) == before
