"""The class page's before-and-after test in real Chromium, on a small site with two fixture
forms: the teacher types paper rows with the keyboard only (name, Enter, letters, Enter), a
wrong row is refused with a message and the cursor back in the letters, the report and the item
figures are drawn, and axe-core finds nothing."""

from __future__ import annotations

import yaml
import pytest
from playwright.sync_api import expect

from fixture_project import ROOT, make_project
from support import axe_violations, build_site, call, class_server, open_class_page, teacher_cookie

FORMS = ROOT / "tests" / "fixtures" / "forms"
KEY = "".join("abc"[n % 3] for n in range(1, 19))  # the fixture forms' key: b, c, a, ...
WRONG = "".join("abc"[(n + 1) % 3] for n in range(1, 19))  # every letter one past the key


@pytest.fixture(scope="module")
def forms_site(tmp_path_factory):
    """(the built site, its project): the two forms and the class page."""
    folder = tmp_path_factory.mktemp("forms-site")
    project = make_project(folder / "project", {"test-form-a": FORMS / "form-a",
                                                "test-form-b": FORMS / "form-b"})
    (project / "docs" / "teachers").mkdir(exist_ok=True)
    (project / "docs" / "teachers" / "class.md").write_text(
        "# The class page\n\n<!-- whc:class-page -->\n", encoding="utf-8")
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"].append({"Class": "teachers/class.md"})
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    result = build_site(folder / "site", project / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    return folder / "site", project


def test_paper_rows_are_typed_with_the_keyboard_and_join_the_report(browser, forms_site, tmp_path):
    site, project = forms_site
    with class_server(site, tmp_path, project) as server:
        given = call(server.url, "api/teacher/occasions", {"label": "pre", "exercise": "test-form-a"},
                     teacher_cookie(server.url))
        assert given[0] == 201
        teacher = open_class_page(browser.new_context(), server.url)
        occasion = teacher.get_by_label("Occasion the answers were given at:")
        expect(occasion).to_have_value(str(given[1]["id"]))
        name = teacher.get_by_label("Student's name:")
        letters = teacher.get_by_label("Letters, one per question:")
        entered = teacher.locator("[data-measure-entered]")
        name.focus()
        rows = [("Ann", KEY), ("Ben", KEY[:9] + WRONG[9:]), ("Cat", "-" * 18), ("Dan", KEY.upper()),
                ("Eve", " ".join([KEY[:6], KEY[6:12], KEY[12:]]))]
        for student, typed in rows:
            teacher.keyboard.type(student)
            teacher.keyboard.press("Enter")
            expect(letters).to_be_focused()
            teacher.keyboard.type(typed)
            teacher.keyboard.press("Enter")
            expect(entered).to_contain_text(f"Saved: {student}")
            expect(name).to_be_focused()
        expect(entered).to_have_text("Saved: Eve, 18 of 18 questions answered.")
        # A row of the wrong length is refused, says why, and keeps what was typed.
        teacher.keyboard.type("Fay")
        teacher.keyboard.press("Enter")
        teacher.keyboard.type("abcd")
        teacher.keyboard.press("Enter")
        expect(entered).to_have_text("Type one letter for each of the 18 questions (or '-' for a "
                                     "blank one); these are 4.")
        expect(letters).to_be_focused()
        expect(letters).to_have_attribute("aria-invalid", "true")
        expect(letters).to_have_value("abcd")
        # The five rows join the report: Ann, Dan, Eve all right, Ben 9 (a pass), Cat none:
        # 63 of 90 answers right = 70%; four of five pass = 80%.
        report = teacher.locator("[data-measure-report] table")
        expect(report.get_by_role("row", name="Students")).to_contain_text("5")
        expect(report.get_by_role("row", name="All concepts")).to_contain_text("70%")
        expect(report.get_by_role("row", name="Passed (9 or more of 18)")).to_contain_text("80%")
        expect(teacher.locator("[data-measure-occasions]")).to_contain_text("5")
        items = teacher.locator("[data-measure-items] table")
        # Five sittings: facility, but no correlation to be read as if it meant something.
        expect(items.first.locator("caption")).to_contain_text("from 5 sittings")
        expect(items.first.locator("caption")).to_contain_text("need at least 10 sittings")
        expect(items.first.get_by_role("columnheader")).to_have_text(
            ["Question", "Facility", "What to check"])
        assert axe_violations(teacher) == []


def test_a_student_hands_in_a_form_and_sees_its_key_only_once_released(browser, forms_site,
                                                                       tmp_path):
    site, project = forms_site
    with class_server(site, tmp_path, project) as server:
        student = browser.new_context().new_page()
        student.goto(server.url + "practice.html")
        student.get_by_label("Your name, as your teacher calls you (first name and initial):") \
            .fill("Zoe K")
        student.get_by_role("button", name="Join the class").click()
        student.locator(".whc-join").wait_for(state="detached")
        form = student.locator(".whc-exercise").first
        form.get_by_text("Option b of question 1, form A.").click()
        form.get_by_role("button", name="Hand in").click()
        expect(form).to_contain_text("This test is not open now")
        teacher = teacher_cookie(server.url)
        _, given, _ = call(server.url, "api/teacher/occasions",
                           {"label": "pre", "exercise": "test-form-a"}, teacher)
        form.get_by_role("button", name="Hand in").click()
        expect(form).to_contain_text("Handed in. Your teacher will tell you when the results")
        assert "Why option b of question 1 is right." not in student.content()
        call(server.url, f"api/teacher/occasions/{given['id']}", {"open": False, "released": True},
             teacher)
        student.reload()
        expect(student.locator(".whc-exercise").first).to_contain_text(
            "Why option b of question 1 is right.")
