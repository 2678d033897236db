"""The built site's files, read without a browser: the pages a teacher expects, nothing from
outside the machine, the teaching content's promises, and no key where students can read it
(pages, scripts, the search index, the student edition)."""

from __future__ import annotations

import json
import re
import statistics
import zipfile

from classroom.glossary import load_glossary
from classroom.keypoints import gather_key_points
from classroom.minify import OWN_ASSETS
from classroom.pack import FOLDER
from classroom.readability import TARGET_MEDIAN, grades
from support import ROOT, key_texts

# The one page that may hold the check-up's key: the teachers' answer key.
TEACHERS_KEY = "teachers/answer-key.html"


def check_ups(module) -> list:
    return [exercise for exercise in module.exercises.values() if exercise.assessment]


# Offline: every page is the machine's own

def test_the_site_has_the_pages_a_teacher_expects(pages):
    for expected in ["index.html", "cases/iskitim.html", "cases/mardaleishvili.html",
                     "teachers/running.html", "glossary.html", "sources.html"]:
        assert expected in pages


def test_no_page_links_to_fonts_analytics_or_a_cdn(site, pages):
    for path in pages:
        html = (site / path).read_text(encoding="utf-8")
        for needle in ["fonts.googleapis", "fonts.gstatic", "unpkg.com", "googletagmanager",
                       "Made with"]:
            assert needle not in html, f"{path} mentions {needle}"


def test_every_page_loads_the_themes_scripts_deferred_and_ours_only_where_needed(site, pages):
    for path in pages:
        html = (site / path).read_text(encoding="utf-8")
        tags = re.findall(r"<script [^>]*\bsrc=\"([^\"]+)\"([^>]*)>", html)
        sources = [source for source, _ in tags]
        assert all(" defer" in rest for _, rest in tags), path
        assert any("bundle." in source for source in sources), path
        for source in sources:  # each names a file the site has
            assert (site / path).parent.joinpath(source).resolve().is_file(), (path, source)
        assert any(s.endswith("exercises.js") for s in sources) == (
            "data-exercise=" in html or "data-my-answers" in html), path


def test_every_script_and_stylesheet_of_ours_is_shipped_minified(site):
    # The theme's files are already *.min.*; search's language helpers live under lunr/.
    ours = sorted(path.relative_to(site).as_posix() for path in (site / "assets").rglob("*")
                  if path.suffix in (".js", ".css") and ".min." not in path.name
                  and "lunr" not in path.parts)
    assert ours == sorted(OWN_ASSETS)
    for name in ours:
        text = (site / name).read_text(encoding="utf-8")
        assert not re.search(r"^\s*(//|/\*)", text, re.MULTILINE), f"{name} keeps its comments"


# The teaching content

def test_six_lessons_with_objectives_practice_and_key_points_gathered(site):
    lessons = gather_key_points(ROOT / "docs" / "lessons", ROOT / "docs")
    assert len(lessons) == 6
    for lesson in lessons:
        text = (ROOT / "docs" / lesson.page).read_text(encoding="utf-8")
        assert '!!! question "Questions this lesson answers"' in text
        assert '!!! abstract "Learning objectives"' in text
        assert "<!-- whc:exercise " in text
    gathered = (site / "lessons" / "key-points.html").read_text(encoding="utf-8")
    for lesson in lessons:
        assert lesson.title in gathered


def test_lessons_read_at_secondary_school_level(site):
    measured = grades(site)
    assert len(measured) >= 6
    assert statistics.median(measured.values()) <= TARGET_MEDIAN


def test_the_glossary_has_at_least_thirty_terms_shown_as_tooltips(site):
    terms = load_glossary(ROOT / "includes" / "glossary.md", ROOT)
    assert len({term.definition for term in terms}) >= 30
    lesson = (site / "lessons" / "05-research.html").read_text(encoding="utf-8")
    assert lesson.count("<abbr title=") >= 5


def test_every_doi_on_the_sources_page_is_a_link(site):
    html = (site / "sources.html").read_text(encoding="utf-8")
    dois = re.findall(r"10\.\d{4,9}/[^\s<\"]+", re.sub(r"<a [^>]*>", "", html))
    assert len(dois) >= 10
    for doi in set(dois):
        assert f'href="https://doi.org/{doi}"' in html


# The check-up's key stays with the teacher

def test_the_module_has_a_held_out_check_up_of_all_five_kinds(module):
    checkup = check_ups(module)
    assert sum(len(e.items) for e in checkup) >= 15
    assert {e.kind for e in checkup} == {"mark-claims", "evidence-level", "missing-info",
                                        "choice", "open"}


def test_no_page_script_or_search_index_holds_a_check_up_answer(site, module):
    texts = key_texts(check_ups(module))
    assert texts
    for path in site.rglob("*"):
        name = path.relative_to(site).as_posix()
        if not path.is_file() or path.suffix in (".map", ".gz") or name.startswith(TEACHERS_KEY):
            continue
        content = path.read_bytes().decode("utf-8", errors="ignore")
        leaked = [text for text in texts if text in content or text.replace("\"", "\\\"") in content]
        assert not leaked, f"{name} holds check-up key text: {leaked[0]!r}"


def test_the_teachers_answer_key_shows_the_check_up(site, module):
    answer_key = (site / TEACHERS_KEY).read_text(encoding="utf-8")
    for exercise in check_ups(module):
        assert f'id="key-{exercise.id}"' in answer_key


def test_no_answer_or_feedback_is_in_the_search_index(site, module):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    leaked = [secret for secret in key_texts(module.exercises.values(), shortest=1)
              if secret in indexed]
    assert leaked == []
    assert not any("answer-key" in doc["location"] for doc in index["docs"])
    assert "macrophages" in indexed  # the index does hold the case texts


def test_the_test_forms_page_holds_their_questions_but_not_their_keys_nor_a_search_entry(site, module):
    forms = [exercise for exercise in module.exercises.values() if exercise.form]
    assert sorted(exercise.form for exercise in forms) == ["A", "B"]
    assert all(exercise in check_ups(module) for exercise in forms)
    html = (site / "practice" / "test.html").read_text(encoding="utf-8")
    for exercise in forms:
        assert 'data-assessment' in html and f'id="exercise-{exercise.id}"' in html
        assert exercise.items[0].options[0].text.replace("'", "&#39;") in html
        leaked = [text for text in key_texts([exercise]) if text in html]
        assert leaked == [], leaked[0]
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert not any(doc["location"].startswith("practice/test.html") for doc in index["docs"])


# The student edition (`make pack`)

def test_no_teachers_page_is_in_the_student_edition(student_zip):
    names = zipfile.ZipFile(student_zip).namelist()
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/practice/iskitim.html" in names
    assert not [name for name in names if "/teachers/" in name]
    for name in names:
        if name.endswith((".html", ".js", ".json")):
            text = zipfile.ZipFile(student_zip).read(name).decode("utf-8", errors="ignore")
            assert "teachers/answer-key" not in text, name
            assert "Start here as a teacher" not in text, name


def test_the_student_edition_has_the_test_forms_without_their_keys(student_zip, module):
    archive = zipfile.ZipFile(student_zip)
    page = archive.read(f"{FOLDER}/practice/test.html").decode("utf-8")
    forms = [exercise for exercise in module.exercises.values() if exercise.form]
    assert all(f'id="exercise-{exercise.id}"' in page for exercise in forms)
    texts = key_texts(forms)
    for name in archive.namelist():
        if name.endswith((".html", ".js", ".json")):
            content = archive.read(name).decode("utf-8", errors="ignore")
            assert not [text for text in texts if text in content], name


def test_no_byte_of_the_student_edition_holds_a_check_up_key(student_zip, module):
    texts = key_texts(check_ups(module))
    assert texts, "the module has a check-up whose key must stay out"
    zipped = zipfile.ZipFile(student_zip)
    for name in zipped.namelist():
        content = zipped.read(name).decode("utf-8", errors="ignore")
        leaked = [text for text in texts if text in content]
        assert not leaked, f"{name} holds {leaked[0]!r}"
