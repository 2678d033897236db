"""Author text never runs as script, and a made-up case says so."""

from __future__ import annotations


import pytest
import yaml

from support import build_site
from fixture_project import starter_project

ATTACKS = ('<script>window.pwned = "script"</script> '
           '<img src="nowhere.png" onerror="window.pwned = \'img\'"> '
           '[Click me](javascript:window.pwned=\'link\') '
           '[Or me](&#106;avascript:window.pwned=\'entity\') '
           'Plain **bold** words {: onclick="window.pwned=\'attr\'" }')


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A project whose intro and case fields hold script, and whose second case is made up."""
    project = starter_project(tmp_path_factory.mktemp("hostile"))
    exercise = project / "exercises" / "starter-open" / "exercise.yml"
    data = exercise.read_text(encoding="utf-8")
    exercise.write_text(data.replace("kind: open\n", "kind: open\nintro: " +
                                     yaml.safe_dump(ATTACKS, width=1000).split("\n...")[0]
                                     + "\n"), encoding="utf-8")
    cases = project / "exercises" / "cases"
    case = yaml.safe_load((cases / "iskitim.yml").read_text(encoding="utf-8"))
    case["publisher"] = '<script>window.pwned = "publisher"</script>Clinic & Co'
    case["country"] = '<img src=x onerror="window.pwned=\'country\'">Russia'
    case["title"] = '<script>window.pwned = "title"</script>Iskitim'
    (cases / "iskitim.yml").write_text(yaml.safe_dump(case, allow_unicode=True),
                                       encoding="utf-8")
    made_up = cases / "mardaleishvili.yml"
    made_up.write_text(made_up.read_text(encoding="utf-8") + "real: false\n", encoding="utf-8")
    for name in ("iskitim", "mardaleishvili"):
        (project / "docs" / f"{name}.md").write_text(f"# {name}\n\n<!-- whc:case {name} -->\n",
                                                     encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] += [{"Iskitim": "iskitim.md"}, {"Made up": "mardaleishvili.md"}]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def open_page(page, url: str) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    return dialogs


def test_script_in_an_intro_does_not_run_and_shows_as_text(page, hostile):
    dialogs = open_page(page, (hostile / "practice.html").as_uri())
    for link in page.locator("article a", has_text="Click me").all() + page.locator(
            "article a", has_text="Or me").all():
        link.click()  # were they links, this would run them
    assert dialogs == [] and page.evaluate("typeof window.pwned") == "undefined"
    text = page.locator("article").inner_text()
    assert '<script>window.pwned = "script"</script>' in text
    assert "<img src=\"nowhere.png\" onerror=" in text
    assert "[Click me](javascript:window.pwned='link')" in text
    assert page.locator("article strong", has_text="bold").count() == 1  # Markdown still works
    assert page.locator("article [onclick], article script:not([src]):not([type])").count() == 0


def test_script_in_case_fields_does_not_run_and_shows_as_text(page, hostile):
    dialogs = open_page(page, (hostile / "iskitim.html").as_uri())
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert dialogs == [] and page.evaluate("typeof window.pwned") == "undefined"
    box = page.locator(".admonition.info").inner_text()
    assert '<script>window.pwned = "publisher"</script>Clinic & Co' in box
    assert "<img src=x onerror=\"window.pwned='country'\">Russia" in box
    answer_key = open_page(page, (hostile / "answer-key.html").as_uri())
    assert answer_key == [] and page.evaluate("typeof window.pwned") == "undefined"


def test_a_made_up_case_says_so_and_a_real_one_says_real(page, hostile):
    page.goto((hostile / "mardaleishvili.html").as_uri())
    note = page.locator(".admonition.note")
    assert note.locator(".admonition-title").inner_text() == "A made-up case for practice"
    assert "real clinic's web page" not in note.inner_text()
    page.goto((hostile / "iskitim.html").as_uri())
    assert page.locator(".admonition.note .admonition-title").inner_text() == "A real clinic"


