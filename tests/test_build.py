"""The strict build passes, and a broken link or a bad marker stops it with a clear message."""

from __future__ import annotations

import shutil

from conftest import ROOT, build_site


def copy_project(tmp_path):
    for name in ["docs", "exercises", "includes", "classroom", "hooks", "mkdocs.yml"]:
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
