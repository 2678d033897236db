"""Search finds words from each case text, served over HTTP and opened from disk."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("word, page_title", [
    ("macrophages", "Iskitim treatment centre (Russia)"),
    ("Mardaleishvili", "Mardaleishvili Medical Center (Georgia)"),
])
def test_search_finds_a_case_text(context, page, base_url, word, page_title):
    page.goto(base_url + "index.html")
    search = page.locator("input.md-search__input")
    result = page.locator(".md-search-result__item h1", has_text=page_title)
    search.fill(word)
    # Search answers once its index has loaded (it says "Initializing search" until then).
    result.first.wait_for(timeout=30000)
    assert context.traffic.outside == []
    assert context.traffic.console_errors == []
