"""The student edition (`make pack` writes it beside the full zip) holds no teachers' page, no
answer key and no word of any key of the check-up, in any file; it still works from disk."""

from __future__ import annotations

import zipfile

import pytest

from classroom.pack import FOLDER, pack_student_edition
from classroom.project import Module
from support import ROOT

MODULE = Module.load(ROOT)


@pytest.fixture(scope="module")
def student_zip(tmp_path_factory):
    archive = tmp_path_factory.mktemp("students") / "students.zip"
    assert pack_student_edition(ROOT / "mkdocs.yml", archive) is not None
    return archive


def every_key_text() -> list[str]:
    """Every check-up key text, and the answer key's own wording of any practice item."""
    texts = []
    for exercise in MODULE.exercises.values():
        if exercise.assessment:
            texts += list(exercise.not_claims.values())
            for item in exercise.items:
                texts += exercise.handler.key_texts(item)
    return [text for text in texts if len(text) > 20]


def test_no_teachers_page_is_in_the_student_edition(student_zip):
    names = zipfile.ZipFile(student_zip).namelist()
    assert f"{FOLDER}/index.html" in names and f"{FOLDER}/practice/iskitim.html" in names
    assert not [name for name in names if "/teachers/" in name]
    for name in names:
        if name.endswith((".html", ".js", ".json")):
            text = zipfile.ZipFile(student_zip).read(name).decode("utf-8", errors="ignore")
            assert "teachers/answer-key" not in text, name
            assert "Start here as a teacher" not in text, name


def test_no_byte_of_the_student_edition_holds_a_check_up_key(student_zip):
    texts = every_key_text()
    assert texts, "the module has a check-up whose key must stay out"
    zipped = zipfile.ZipFile(student_zip)
    for name in zipped.namelist():
        content = zipped.read(name).decode("utf-8", errors="ignore")
        leaked = [text for text in texts if text in content]
        assert not leaked, f"{name} holds {leaked[0]!r}"


def test_the_student_edition_works_from_disk(context, student_zip, tmp_path):
    zipfile.ZipFile(student_zip).extractall(tmp_path)
    page = context.new_page()
    page.goto((tmp_path / FOLDER / "index.html").as_uri())
    assert page.locator("nav").get_by_text("For teachers").count() == 0
    page.locator("article a[href='practice/my-answers.html']").first.click()
    assert "My answers" in page.title()
    assert context.traffic.outside == [] and context.traffic.failed == []
