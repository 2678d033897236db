"""Search finds words from each case text, served over HTTP and opened from disk."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect


@pytest.mark.parametrize("word, page_title", [
    ("macrophages", "Iskitim treatment centre (Russia)"),
    ("Mardaleishvili", "Mardaleishvili Medical Center (Georgia)"),
])
def test_search_finds_a_case_text(context, page, base_url, word, page_title):
    page.goto(base_url + "index.html")
    search = page.locator("input.md-search__input")
    result = page.locator(".md-search-result__item h1", has_text=page_title)
    # Typed as a reader types, once search has loaded its index (until then it says
    # "Initializing search"): search reads keystrokes, not a value set by a script.
    search.click()
    expect(page.locator(".md-search-result__meta")).not_to_have_text("Initializing search",
                                                                     timeout=30000)
    search.press_sequentially(word)
    try:
        result.first.wait_for(timeout=30000)
    except PlaywrightTimeout:
        shown = page.locator(".md-search-result").inner_text()
        pytest.fail(f"no result titled {page_title!r} after 30 s; the search box shows: {shown!r}")
    assert context.traffic.outside == []
    assert context.traffic.console_errors == []
