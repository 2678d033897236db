"""Every page works with no internet: nothing leaves the machine, nothing fails, no console errors."""

from __future__ import annotations

from support import sign_in_as_teacher


def visit(page, url: str) -> None:
    """Open `url` and wait until every request the page has started is answered or has failed,
    so what it asks for (the search index, the favicon) is counted on this page."""
    pending = set()

    def started(request):
        pending.add(request)

    def ended(request):
        pending.discard(request)

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    page.goto(url, wait_until="load")
    while pending:
        page.wait_for_timeout(20)  # lets Playwright deliver the events that empty the set
    page.remove_listener("request", started)
    page.remove_listener("requestfinished", ended)
    page.remove_listener("requestfailed", ended)


def test_every_page_stays_on_this_machine(context, page, pages, base_url):
    sign_in_as_teacher(context, base_url)  # the teachers' pages too
    for path in pages:
        visit(page, base_url + path)
    traffic = context.traffic
    assert traffic.outside == [], f"requests left the machine: {traffic.outside}"
    assert traffic.failed == [], f"requests failed: {traffic.failed}"
    assert traffic.console_errors == [], f"console errors: {traffic.console_errors}"
