"""axe-core finds no WCAG 2.x A/AA violation (nor a best-practice one) on any page, light and dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from support import sign_in_as_teacher

AXE_RULES = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                 "wcag22aa", "best-practice"]},
           "resultTypes": ["violations"]}
AXE = Axe()


def violations(page) -> list[str]:
    results = AXE.run(page, options=AXE_RULES)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}× e.g. {v['nodes'][0]['target']})"
            for v in results.response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_violations_on_any_page(browser, server, pages, scheme):
    context = browser.new_context(color_scheme=scheme)
    sign_in_as_teacher(context, server)  # the teachers' pages too
    page = context.new_page()
    found = {}
    for path in pages:
        page.goto(server + path)
        if problems := violations(page):
            found[path] = problems
    context.close()
    assert found == {}
