"""Small repairs to the theme's HTML that its templates offer no setting for."""

from __future__ import annotations

# Material's search box is a dialog without a name, so a screen reader announces only
# "dialog" (axe and Lighthouse: aria-dialog-name).
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = ('<div class="md-search" data-md-component="search" role="dialog" '
                        'aria-label="Search the module">')


def name_search_dialog(html: str) -> str:
    return html.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG)
