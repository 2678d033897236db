"""A language the module has no table of words for stops the build with a message that names
the file to write (the browser side of a new language: tests/browser/test_languages.py)."""

from __future__ import annotations

import yaml

from fixture_project import STARTER, make_project
from support import build_site


def test_a_language_without_a_table_stops_the_build_with_a_message(tmp_path):
    project = make_project(tmp_path, {"starter-choice": STARTER / "choice"})
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["language"] = "de"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "classroom/words/de.yml: there is no table of words for the language 'de'" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
