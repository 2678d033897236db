"""A text keyed in class, saved as an author's files, joins the module the way the guide says:
`make new-case` and `make new-exercise` (here the scaffold they run), the saved files copied
over the stubs, the placeholders filled in; then the strict build passes and the new exercise
holds the class's key."""

from __future__ import annotations

import json
import re

from classroom.classmode.pasted import author_files, new_text
from classroom.vocabulary import load_index
from fixture_project import starter_project
from support import build_site, fill_in_placeholders, scaffold

TEXT = """## Clear skin now
Our cream cures eczema in three days. It is 100% safe <script>alert(1)</script>.
Doctors trust us. Read [our results](javascript:alert(2)).
"""


def test_a_keyed_text_becomes_an_exercise_with_its_key(tmp_path):
    project = starter_project(tmp_path / "project")
    pasted = new_text("A cream advert", TEXT)
    pasted["key"] = {"s1": "benefit", "s2": "safety"}
    concept = next(iter(load_index(project / "exercises" / "index.yml", project).concepts))
    files = author_files(pasted, "cream-advert", concept)
    for arguments in (["case", "cream-advert"],
                      ["exercise", "cream-advert-claims", "mark-claims", "cream-advert"]):
        result = scaffold(project, *arguments)
        assert result.returncode == 0, result.stderr
    for path, text in files.items():
        if path.startswith("exercises/"):
            (project / path).write_text(text, encoding="utf-8")
            fill_in_placeholders(project / path)
    result = build_site(project / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    html = (project / "site" / "practice" / "cream-advert-claims.html").read_text(encoding="utf-8")
    key = json.loads(re.search(r"<script type=\"application/json\" data-key>(.*?)</script>",
                               html, re.S).group(1))
    assert {claim["sentence"]: claim["answer"] for claim in key["items"].values()} == pasted["key"]
    assert "<script>alert(1)</script>" not in html  # the pasted text stays text on the page too
    case = (project / "site" / "cases" / "cream-advert.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in case and 'href="javascript' not in case
