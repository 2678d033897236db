"""Author text is made safe before it reaches a page: only page, anchor, web and mail
addresses survive, and no tag or attribute does."""

from __future__ import annotations

import re

import markdown
import pytest

from classroom.safety import is_safe_address, safe_markdown


@pytest.mark.parametrize("address, safe", [
    ("../cases/iskitim.md", True), ("#top", True), ("https://example.org", True),
    ("mailto:a@b.org", True), ("javascript:alert(1)", False), ("JavaScript:alert(1)", False),
    (" java\tscript:alert(1)", False), ("&#106;avascript:alert(1)", False),
    ("data:text/html,<script>", False), ("vbscript:x", False), ("<javascript:x>", False)])
def test_only_page_anchor_web_and_mail_addresses_are_safe(address, safe):
    assert is_safe_address(address) is safe


@pytest.mark.parametrize("text", [
    "[x](\n  javascript:alert(1))", "[r]: javascript:alert(1)\n\nSee [r].",
    "[r]:\n  javascript:alert(1)\n\nSee [r].", "![i](data:text/html,x)",
    "<a href='javascript:alert(1)'>a</a>", "<svg onload=alert(1)>", "--8<-- \"mkdocs.yml\"",
    "Text {: onclick=\"alert(1)\" }"])
def test_no_link_tag_or_attribute_survives_from_unsafe_markdown(text):
    html = markdown.markdown(safe_markdown(text), extensions=["attr_list", "md_in_html"])
    assert "<a " not in html and "<img" not in html and "<svg" not in html
    assert re.search(r"<[^>]*\sonclick=", html) is None  # as text it may show, as an attribute not


def test_ordinary_markdown_is_kept():
    text = "Read the [case](../cases/iskitim.md) **first**, see `<b>` and <https://example.org>."
    assert safe_markdown(text) == text
