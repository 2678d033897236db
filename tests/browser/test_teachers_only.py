"""While class mode is on, the teachers' pages (answer key included) and their search entries
reach only the browser signed in with the teacher PIN, or the browser on the laptop itself, which
signs in without it (as the class page does); a student gets a page that says so.
What any file a student can fetch holds: tests/commands/test_teachers_pages.py."""

from __future__ import annotations

from support import as_another_device, sign_in_as_teacher

KEY = "teachers/answer-key.html"


def test_a_student_gets_a_page_for_the_teacher_and_a_way_to_sign_in(context, page, server):
    as_another_device(context)
    response = page.goto(server + KEY)
    assert response.status == 403
    # The refusal, too, may not be framed, sniffed or followed by a referrer.
    headers = response.all_headers()
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY" and headers["referrer-policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    page.get_by_role("heading", name="This page is for the teacher").wait_for()
    page.get_by_role("link", name="Sign in on the class page").click()
    page.locator("[data-class-page]").wait_for()  # the class page itself is open to all


def test_the_signed_in_teacher_reads_the_key(context, page, server):
    sign_in_as_teacher(context, server)
    assert page.goto(server + KEY).status == 200
    assert page.locator("#key-checkup-questions").count() == 1


def test_after_signing_out_no_cached_copy_of_the_key_opens(browser, server):
    context = browser.new_context()  # no routes: the browser's own cache at work (F4)
    try:
        as_another_device(context)  # on the laptop, the key would sign in again by itself
        page = context.new_page()
        sign_in_as_teacher(context, server)
        for path in (KEY, "search/search_index.json"):
            assert page.goto(server + path).headers["cache-control"] == "no-store", path
        page.goto(server + KEY)
        page.get_by_role("heading", name="Answer key").first.wait_for()
        assert context.request.post(server + "api/teacher/logout", data={}).ok
        page.goto(server)
        page.goto(server + KEY)
        page.get_by_role("heading", name="This page is for the teacher").wait_for()
        assert page.get_by_role("heading", name="Answer key").count() == 0
    finally:
        context.close()


def test_a_fresh_browser_on_the_laptop_opens_the_key_without_the_class_page(browser, server):
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(server + KEY)  # refused at first: this browser holds no sign-in yet
        page.get_by_role("heading", name="Answer key").first.wait_for()
        assert page.locator("#key-checkup-questions").count() == 1
        assert page.get_by_role("heading", name="This page is for the teacher").count() == 0
    finally:
        context.close()
