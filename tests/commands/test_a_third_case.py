"""Adding a case and an exercise never breaks a test (the authoring trial's stuck point S5: a
test expected the case list to begin with 'iskitim').

In a copy of the whole project, `make new-case` and `make new-exercise` add a third case whose
name sorts first, with a mark-claims exercise on it; the placeholders are replaced as an author
would; the strict build passes; and inside the copy the layers that read the set of cases and
exercises pass: tests/unit and tests/api, the worksheets (they print a sheet per case), the
built site's files (content, keys, student edition) and the scaffold's refusals (they list the
cases); under a minute on an idle machine. Left out, to keep it short: the
build, serve and pack tests (one build each, no case list), the authoring errors and the
scaffold's own builds (small projects of their own) and this test itself."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from project_copy import make, make_ready
from support import ROOT, build_site

CASE = "aaa-clinic"  # sorts before every real case
EXERCISE = f"{CASE}-claims"
TEXT = """## Aaa Children's Clinic
Our clinic offers a new therapy for children with cerebral palsy.
The therapy restores movement in most children after one course.
[[omitted: the clinic's address]]
Book now: places for this year are nearly gone.
"""
CLAIM = "The therapy restores movement in most children after one course."
LAYERS = ["tests/unit", "tests/api", "tests/commands/test_worksheets.py",
          "tests/commands/test_site.py",
          "tests/commands/test_scaffold.py::test_bad_requests_are_refused_in_plain_words_and_"
          "write_nothing"]


def fill_in(path: Path, replacements: dict[str, str]) -> None:
    """Replace whole lines that start with each key, as an author editing the stub would."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for start, line in replacements.items():
        at = next(n for n, text in enumerate(lines) if text.lstrip().startswith(start))
        lines[at] = lines[at][:len(lines[at]) - len(lines[at].lstrip())] + line
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    project = make_ready(tmp_path_factory.mktemp("third-case"), whole=True)
    shutil.copytree(ROOT / "tests", project / "tests",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pytest.ini", project / "pytest.ini")
    for command in ([f"NAME={CASE}", "new-case"],
                    [f"ID={EXERCISE}", "KIND=mark-claims", f"CASE={CASE}", "new-exercise"]):
        result = subprocess.run(make(project, *command), capture_output=True, text=True,
                                timeout=120)
        assert result.returncode == 0, result.stdout + result.stderr
    cases = project / "exercises" / "cases"
    (cases / f"{CASE}.txt").write_text(TEXT, encoding="utf-8")
    fill_in(cases / f"{CASE}.yml", {key: f"{key} {value}" for key, value in {
        "title:": '"Aaa Children\'s Clinic, Nowhere"', "publisher:": '"The clinic itself"',
        "country:": '"Nowhere (a made-up town)"', "offered:": '"A therapy for cerebral palsy"',
        "date_shown:": '"No date is shown on the page."',
        "omissions:": '"The clinic\'s address is left out."'}.items()})
    folder = project / "exercises" / EXERCISE
    fill_in(folder / "exercise.yml", {"intro:": 'intro: "Mark each sentence that makes a claim."'})
    fill_in(folder / "key.yml", {"quote:": f'quote: "{CLAIM}"',
                                 "feedback:": 'feedback: "It promises that most children improve, '
                                              'with no study to show it."'})
    return project


def test_the_new_case_and_exercise_are_placed_in_teaching_order(copy):
    nav = (copy / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(rf"cases/mardaleishvili\.md\n\s+- \"Aaa clinic\": cases/{CASE}\.md\n"
                     r"\s+- Practice:", nav), "the case goes last under Case studies"
    assert re.search(rf"practice/mardaleishvili-questions\.md\n\s+- \"Aaa clinic claims\": "
                     rf"practice/{EXERCISE}\.md\n\s+- .*practice/compare\.md", nav)
    index = (copy / "exercises" / "index.yml").read_text(encoding="utf-8")
    assert f"  - mardaleishvili-questions\n  - {EXERCISE}\n  - compare-clinics\n" in index


def test_a_third_case_builds_and_every_layer_that_reads_the_cases_passes(copy):
    built = build_site(copy / "site", copy / "mkdocs.yml")
    assert built.returncode == 0, built.stdout + built.stderr
    page = (copy / "site" / "practice" / f"{EXERCISE}.html").read_text(encoding="utf-8")
    assert f'data-exercise="{EXERCISE}"' in page and "TODO" not in page
    suite = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            *LAYERS], cwd=copy, capture_output=True, text=True, timeout=600)
    assert suite.returncode == 0, suite.stdout[-4000:] + suite.stderr[-2000:]
    assert re.search(r"\b(1[0-9]{2}|[2-9][0-9]{2}) passed", suite.stdout), suite.stdout[-500:]
