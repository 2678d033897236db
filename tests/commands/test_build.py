"""The strict build passes, and a broken link or a bad marker stops it with a clear message;
`make build` shows every warning, and switches `site` to a new build in one step."""

from __future__ import annotations

import shutil
import subprocess

import pytest
import yaml

from support import ROOT, build_site, free_port
from project_copy import make, make_ready


def copy_project(tmp_path):
    for name in ["docs", "exercises", "includes", "classroom", "hooks", "overrides", "mkdocs.yml"]:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path


def test_the_strict_build_passes(site):
    assert (site / "index.html").exists()
    assert (site / "search" / "search_index.js").exists()


def test_a_broken_link_fails_the_build(tmp_path):
    project = copy_project(tmp_path)
    with open(project / "docs" / "index.md", "a") as page:
        page.write("\nSee [the missing page](nowhere.md).\n")
    result = build_site(tmp_path / "out", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "nowhere.md" in result.stdout + result.stderr


def test_an_unknown_case_marker_fails_with_a_message_naming_the_page(tmp_path):
    project = copy_project(tmp_path)
    with open(project / "docs" / "index.md", "a") as page:
        page.write("\n<!-- whc:case atlantis -->\n")
    result = build_site(tmp_path / "out", project / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "docs/index.md" in output and "atlantis" in output and "iskitim" in output
    assert "Traceback" not in output


# The teacher's commands are strict too: `make build`, `make serve` and
# `make pack` show each MkDocs warning and stop, without MkDocs's progress lines.

def _break_link(project):
    with open(project / "docs" / "index.md", "a", encoding="utf-8") as page:
        page.write("\nSee [the missing page](nowhere.md).\n")
    return "nowhere.md"


def _name_a_missing_page_in_the_nav(project):
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"].append({"Lost": "lost-page.md"})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return "lost-page.md"


def _leave_a_page_out_of_the_nav(project):
    (project / "docs" / "stray.md").write_text("# Stray\n\nNot in the nav.\n", encoding="utf-8")
    return "stray.md"


@pytest.mark.parametrize("fault", [_break_link, _name_a_missing_page_in_the_nav,
                                   _leave_a_page_out_of_the_nav],
                         ids=["broken link", "nav names a missing page", "page not in nav"])
def test_make_build_shows_the_warning_and_fails(tmp_path, fault):
    project = make_ready(tmp_path)
    culprit = fault(project)
    result = subprocess.run(make(project, "build"), capture_output=True, text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert ("WARNING" in output or "ERROR" in output) and culprit in output  # ours or MkDocs's
    assert "The build stopped" in output and "Traceback" not in output
    assert "INFO" not in output  # no progress noise around the warning
    assert not (project / "site").exists()


def test_make_build_is_short_and_switches_site_to_a_new_build(tmp_path):
    project = make_ready(tmp_path)
    first = subprocess.run(make(project, "build"), capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "INFO" not in first.stdout + first.stderr
    assert len((first.stdout + first.stderr).strip().splitlines()) <= 3
    previous = (project / "site").resolve()
    second = subprocess.run(make(project, "build"), capture_output=True, text=True, timeout=300)
    assert second.returncode == 0, second.stdout + second.stderr
    current = (project / "site").resolve()
    assert current != previous and (current / "index.html").is_file()
    assert (previous / "index.html").is_file()  # kept for requests still reading it


@pytest.mark.parametrize("target", ["serve", "pack"])
def test_make_serve_and_make_pack_stop_on_a_warning(tmp_path, target):
    project = make_ready(tmp_path)
    _break_link(project)
    result = subprocess.run(make(project, target, f"PORT={free_port()}"), capture_output=True,
                            text=True, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "nowhere.md" in output and "The build stopped" in output
    assert "being served" not in output and not (project / "dist").exists()


# Switching builds: classroom/build.py.


