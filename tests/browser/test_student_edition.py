"""The student edition (`make pack` writes it beside the full zip) works from disk and shows no
teachers' pages. Its files are read for keys in tests/commands/test_site.py."""

from __future__ import annotations

import zipfile

from classroom.pack import FOLDER


def test_the_student_edition_works_from_disk(context, student_zip, tmp_path):
    zipped = zipfile.ZipFile(student_zip)
    # the teacher's class page script is not shipped to students (no page of theirs uses it)
    assert not [name for name in zipped.namelist()
                if name.endswith(("class-page.js", "class-page.css", "class-also.js"))]
    zipped.extractall(tmp_path)
    page = context.new_page()
    page.goto((tmp_path / FOLDER / "index.html").as_uri())
    assert page.locator("nav").get_by_text("For teachers").count() == 0
    page.locator("article a[href='practice/my-answers.html']").first.click()
    assert "My answers" in page.title()
    assert context.traffic.outside == [] and context.traffic.failed == []
