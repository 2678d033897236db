"""Small repairs to the HTML of a built page that the theme and extensions offer no setting for."""

from __future__ import annotations

import re

# Material's search box is a dialog without a name, so a screen reader announces only
# "dialog" (axe and Lighthouse: aria-dialog-name).
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = ('<div class="md-search" data-md-component="search" role="dialog" '
                        'aria-label="Search the module">')


def name_search_dialog(html: str) -> str:
    return html.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG)


_ABBR = re.compile(r'<abbr title="[^"]*">(?P<term>[^<]*)</abbr>')


def first_tooltips_only(html: str) -> str:
    """Keep a glossary tooltip on the first use of each term on a page, plain text after that.

    A dotted underline on every "CP" of a long clinic text is noise to a reader, and each
    tooltip costs the browser work when the page opens (Lighthouse: total blocking time).
    """
    seen: set[str] = set()

    def keep_first(match: re.Match) -> str:
        term = match.group("term")
        if term in seen:
            return term
        seen.add(term)
        return match.group(0)

    return _ABBR.sub(keep_first, html)
