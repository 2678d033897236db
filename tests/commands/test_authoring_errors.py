"""Authors' mistakes always get one clear message naming file:line and what to do: never a traceback, never silently wrong output."""

from __future__ import annotations

from pathlib import Path

import pytest

from classroom.cases import load_cases
from classroom.errors import AuthoringError, AuthoringErrors
from classroom.project import Module
from support import build_site
from fixture_project import starter_project

WINDOWS_1252 = "The child\u2019s results \u2013 15 years".encode("cp1252")  # ’ and – as 0x92, 0x96


@pytest.fixture
def project(tmp_path) -> Path:
    return starter_project(tmp_path / "project")


def load_error(project: Path) -> str:
    with pytest.raises(AuthoringError) as caught:
        Module.load(project)
    return str(caught.value)


def failed_build(project: Path) -> str:
    """What a teacher sees on the console when the build stops."""
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode == 1, result.stdout + result.stderr
    console = result.stdout + result.stderr
    assert "Traceback" not in console and 'File "' not in console, console
    return console


def append_bytes(path: Path, data: bytes, line: int) -> None:
    """Put `data` as line `line` of `path` (1-based), keeping the other lines."""
    lines = path.read_bytes().split(b"\n")
    lines.insert(line - 1, data)
    path.write_bytes(b"\n".join(lines))


# Files that are not UTF-8 -------------------------------------------------------------------

@pytest.mark.parametrize("shown", ["exercises/cases/iskitim.txt", "includes/glossary.md",
                                   "docs/practice.md"])
def test_a_file_saved_as_windows_1252_gets_one_message_naming_file_and_line(project, shown):
    append_bytes(project / shown, WINDOWS_1252, 3)
    console = failed_build(project)
    assert f"{shown}:3: the file is not saved as UTF-8" in console
    assert "save it as UTF-8" in console
    assert console.count("ERROR") == 1


def test_author_text_that_looks_like_a_placeholder_does_not_break_the_build(project):
    exercise = project / "exercises" / "starter-open" / "exercise.yml"
    exercise.write_text(exercise.read_text(encoding="utf-8").replace(
        "kind: open\n", "kind: open\nintro: 'Look: <!-- whc-html 1 --> and <!-- whc-html 99 -->'\n"),
        encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Home\n\n<!-- whc-html 2 -->\n", encoding="utf-8")
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    practice = (project / "site" / "practice.html").read_text(encoding="utf-8")
    assert "&lt;!-- whc-html 99 --&gt;" in practice  # shown as the text the author wrote
    assert practice.count('data-exercise="starter-') >= 5  # every exercise is still there


# Silent wrong output -------------------------------------------------------------------------

def test_a_byte_order_mark_does_not_shift_the_paragraph_numbers(project):
    text = project / "exercises" / "cases" / "iskitim.txt"
    before = load_cases(project / "exercises" / "cases", project)["iskitim"].blocks
    text.write_bytes(b"\xef\xbb\xbf" + text.read_bytes())
    after = load_cases(project / "exercises" / "cases", project)["iskitim"].blocks
    assert after == before


def test_a_byte_order_mark_is_accepted_in_yaml_too(project):
    case = project / "exercises" / "cases" / "iskitim.yml"
    case.write_bytes(b"\xef\xbb\xbf" + case.read_bytes())
    assert Module.load(project).cases["iskitim"].title == "Iskitim treatment centre, Russia"


def test_lines_that_look_like_case_markers_are_all_refused_with_their_lines(project):
    text = project / "exercises" / "cases" / "iskitim.txt"
    lines = text.read_text(encoding="utf-8").split("\n")
    lines[9], lines[19] = "##Treatment", "[[omited: a phone number]]"
    text.write_text("\n".join(lines), encoding="utf-8")
    message = load_error(project)
    assert "2 problems stop the build" in message
    assert "exercises/cases/iskitim.txt:10: this line looks like a heading" in message
    assert "'## ' (two #, then a space)" in message
    assert "exercises/cases/iskitim.txt:20: this line looks like a left-out marker" in message
    assert "[[omitted: what was left out]]" in message


def test_unquoted_text_cut_at_a_hash_is_refused(project):
    key = project / "exercises" / "starter-open" / "key.yml"
    text = key.read_text(encoding="utf-8")
    feedback = next(line for line in text.split("\n") if line.strip().startswith("feedback:"))
    key.write_text(text.replace(feedback, feedback.split(":")[0] + ": Ask for #1 and for the rest"
                                + " # of the trials"), encoding="utf-8")
    number = key.read_text(encoding="utf-8").split("\n").index(
        feedback.split(":")[0] + ": Ask for #1 and for the rest # of the trials") + 1
    message = load_error(project)
    assert f"exercises/starter-open/key.yml:{number}:" in message
    assert "put the text in quotes" in message


def test_a_tab_in_yaml_is_named(project):
    exercise = project / "exercises" / "starter-open" / "exercise.yml"
    exercise.write_text(exercise.read_text(encoding="utf-8").replace("  - id:", "\t- id:"),
                        encoding="utf-8")
    message = load_error(project)
    assert "exercises/starter-open/exercise.yml:5:" in message and "a tab" in message
    assert "replace the tab with spaces" in message


@pytest.mark.parametrize("lookalike", ["key.yaml", "keys.yml", "Key.yml"])
def test_a_key_file_with_a_look_alike_name_is_named(project, lookalike):
    folder = project / "exercises" / "starter-open"
    (folder / "key.yml").rename(folder / lookalike)
    message = load_error(project)
    assert f"rename '{lookalike}' to 'key.yml'" in message


def test_an_exercise_file_with_a_look_alike_name_is_named_by_the_build(project):
    folder = project / "exercises" / "starter-open"
    (folder / "exercise.yml").rename(folder / "exercise.yaml")
    console = failed_build(project)
    assert "exercises/starter-open/exercise.yaml: the build looks for 'exercise.yml'" in console
    assert "rename 'exercise.yaml' to 'exercise.yml'" in console


def test_a_misspelt_marker_is_blamed_on_its_page_and_line_with_the_nearest_marker(project):
    page = project / "docs" / "practice.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("whc:exercise starter-open", "whc:exercice starter-open"),
                    encoding="utf-8")
    number = text.split("\n").index("<!-- whc:exercise starter-open -->") + 1
    message = load_error(project)
    assert f"docs/practice.md:{number}: the marker '<!-- whc:exercice starter-open -->'" in message
    assert "did you mean 'whc:exercise'?" in message
    assert "index.yml" not in message


def test_a_line_that_looks_like_a_marker_is_refused(project):
    page = project / "docs" / "practice.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- whc: glossary -->\n",
                    encoding="utf-8")
    assert "looks like a marker but is not one" in load_error(project)


# Every error at once -----------------------------------------------------------------------

def test_problems_in_two_cases_are_reported_together(project):
    cases = project / "exercises" / "cases"
    for name in ("iskitim", "mardaleishvili"):
        (cases / f"{name}.yml").write_text((cases / f"{name}.yml").read_text(
            encoding="utf-8").replace("country:", "contry:"), encoding="utf-8")
    with pytest.raises(AuthoringErrors) as caught:
        load_cases(cases, project)
    assert [error.path for error in caught.value.errors] == [
        "exercises/cases/iskitim.yml", "exercises/cases/mardaleishvili.yml"]
    assert all(error.line == 5 and error.field == "contry" for error in caught.value.errors)


def test_the_build_prints_every_problem_once_each_on_its_own_line(project):
    glossary = project / "includes" / "glossary.md"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "*[no end\n*[CP]: again\n",
                        encoding="utf-8")
    console = failed_build(project)
    assert "2 problems stop the build" in console
    assert "\n1. includes/glossary.md:" in console and "\n2. includes/glossary.md:" in console
    assert "is defined twice (first on line 2)" in console




# The authoring trial's stuck points: front matter, placeholders, the nav -----------------------

def test_front_matter_that_is_not_valid_yaml_stops_the_build_at_its_line(project):
    page = project / "docs" / "practice.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "description: Exercises under test.", "description: Practice: exercises under test."),
        encoding="utf-8")
    console = failed_build(project)
    assert "docs/practice.md:2: the front matter (between the two '---' lines) cannot be read, " \
           "so the page would show it as text" in console
    assert 'put text containing \': \' or \'#\' inside quotes; for example: description: "A ' \
           'title: and more"' in console


def test_quoted_front_matter_with_a_colon_builds_and_shows_no_heading(project):
    page = project / "docs" / "practice.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "description: Exercises under test.", 'description: "Practice: exercises under test."'),
        encoding="utf-8")
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project / "site" / "practice.html").read_text(encoding="utf-8")
    assert 'id="description' not in html
    assert '<meta name="description" content="Practice: exercises under test.">' in html


def test_a_placeholder_left_in_a_page_is_refused_but_a_mention_of_it_is_not(project):
    (project / "docs" / "index.md").write_text(
        "# Home\n\nStubs start with `TODO:`, as in:\n\n```yaml\nfeedback: \"TODO: why\"\n```\n\n"
        "## TODO: a heading to write\n", encoding="utf-8")
    message = load_error(project)
    assert message.startswith("docs/index.md:9: a stub's placeholder is still here: "
                              "'## TODO: a heading to write'. What to do: replace this "
                              "placeholder (the text starting with 'TODO:') with your own words")


def test_a_left_over_nav_entry_is_named_with_its_line_in_mkdocs_yml(project):
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").split("\n")
    at = lines.index("- Practice: practice.md") + 1
    lines.insert(at, "- Gone: practice/gone.md")
    config.write_text("\n".join(lines), encoding="utf-8")
    message = load_error(project)
    assert message.startswith(f"mkdocs.yml:{at + 1}: the nav lists the page 'practice/gone.md', "
                              "but there is no file docs/practice/gone.md")
    assert "What to do: delete this line from the nav" in message


def test_a_key_written_twice_in_mkdocs_yml_is_named_at_its_line(project):
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "site_name: Again\n", encoding="utf-8")
    message = load_error(project)
    line = text.count("\n") + 1
    assert message.startswith(f"mkdocs.yml:{line}: the key 'site_name' is written twice in the "
                              "same block")
