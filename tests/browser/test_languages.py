"""A second language is a new table of words, not a code change: a copy of the module whose
mkdocs.yml names another language and which has that table shows its words, in the page's
HTML and in what the page script writes."""

from __future__ import annotations

import yaml

from support import build_site
from fixture_project import STARTER, make_project


def test_a_new_words_table_and_the_theme_language_translate_the_exercises(tmp_path, browser):
    project = make_project(tmp_path, {"starter-choice": STARTER / "choice"})
    words = project / "classroom" / "words"
    table = yaml.safe_load((words / "en.yml").read_text(encoding="utf-8"))
    table["language"] = "fr"
    table["words"].update({"check": "Vérifier", "right": "Juste.", "not_quite": "Pas tout à fait."})
    (words / "fr.yml").write_text(yaml.safe_dump(table, allow_unicode=True), encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["language"] = "fr"
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    page = browser.new_page()
    page.goto((project / "site" / "practice.html").as_uri())
    check = page.locator("[data-action='check']")
    assert check.inner_text() == "Vérifier"
    page.locator("[data-item] input").first.check()
    check.click()
    first_verdict = page.locator(".whc-feedback__verdict").first.inner_text()
    assert first_verdict in ("Juste.", "Pas tout à fait.")
    page.close()
