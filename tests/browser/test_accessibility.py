"""axe-core finds no WCAG 2.x A/AA violation (nor a best-practice one) on any page, light and dark.
One test per page and scheme, so a failure names its page and the pages share the workers."""

from __future__ import annotations

import pytest

from support import ROOT, axe_violations, sign_in_as_teacher

# Every page of the site, known before the build: one per Markdown file in docs/.
PAGES = sorted(path.relative_to(ROOT / "docs").with_suffix(".html").as_posix()
               for path in (ROOT / "docs").rglob("*.md"))


def test_every_built_page_is_checked(pages):
    assert set(pages) == set(PAGES)


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_violations(browser, server, scheme, path):
    context = browser.new_context(color_scheme=scheme)
    try:
        sign_in_as_teacher(context, server)  # the teachers' pages too
        page = context.new_page()
        page.goto(server + path)
        assert axe_violations(page) == []
    finally:
        context.close()
