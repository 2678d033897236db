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


@pytest.fixture(scope="module", params=["light", "dark"])
def reader(request, browser, server):
    """One tab per colour scheme, signed in as the teacher (so the teachers' pages open too)."""
    context = browser.new_context(color_scheme=request.param)
    sign_in_as_teacher(context, server)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", PAGES)
def test_no_violations(reader, server, path):
    reader.goto(server + path)
    assert axe_violations(reader) == []
