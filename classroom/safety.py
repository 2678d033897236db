"""Author text (exercise intros, shared between schools) made safe to put into a page.

`safe_markdown` keeps ordinary Markdown (emphasis, lists, links to pages) and removes what could
run as script in a learner's browser: raw HTML shows as text, a link whose address is not a page,
an anchor, http(s) or mailto shows as text, and attribute lists (`{: onclick=...}`) and snippet
includes (`--8<--`) are written out as plain characters.
"""

from __future__ import annotations

import html
import re

_CODE = re.compile(r"(`+).*?(?<!`)\1(?!`)")  # an inline code span: left as written
_FENCE = re.compile(r"^\s*(```|~~~)")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^\s<>]+>")  # <https://...> stays a link
_INLINE_LINK = re.compile(r"\]\(")  # the start of a link's or an image's address: ](
_REFERENCE = re.compile(r"^ {0,3}\[[^\[\]]*\]:[ \t]*\n?[ \t]*(?P<address>\S+)", re.MULTILINE)
_SAFE_SCHEMES = ("http:", "https:", "mailto:")
_SCHEME = re.compile(r"[a-z][a-z0-9+.\-]*:")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f\\]+")  # browsers drop these inside an address


def safe_markdown(text: str) -> str:
    """Markdown that shows `text` with its raw HTML as text and its unsafe links as text."""
    lines = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            lines.append(line)
        else:  # inside a code block Markdown already shows everything as text
            lines.append(line if fenced else _safe_line(line))
    text = "\n".join(lines)
    # An address may start on the line after '](' or '[label]:', so these look across lines.
    text = _INLINE_LINK.sub(lambda match: match.group(0) if is_safe_address(
        text[match.end():]) else "]\\(", text)
    return _REFERENCE.sub(lambda match: match.group(0) if is_safe_address(
        match.group("address")) else "\\" + match.group(0).lstrip(" "), text)


def is_safe_address(address: str) -> bool:
    """True for a page, an anchor, http(s) or mailto: never javascript:, data:, vbscript:..."""
    plain = _INVISIBLE.sub("", html.unescape(address)).casefold().lstrip("<")
    return _SCHEME.match(plain) is None or plain.startswith(_SAFE_SCHEMES)


def _safe_line(line: str) -> str:
    """One line outside code blocks: no HTML tags or comments, no attribute lists."""
    return _outside(_CODE, line, _safe_prose)


def _safe_prose(text: str) -> str:
    return _outside(_AUTOLINK, text, _no_markup)


def _outside(pattern: re.Pattern, text: str, change) -> str:
    """`text` with `change` applied to every stretch outside the matches of `pattern`."""
    pieces, position = [], 0
    for match in pattern.finditer(text):
        pieces += [change(text[position:match.start()]), match.group(0)]
        position = match.end()
    return "".join(pieces + [change(text[position:])])


def _no_markup(text: str) -> str:
    # '&lt;' keeps '<script>' (and '--8<--') visible as characters; '\{' does the same for '{:'
    return text.replace("<", "&lt;").replace("{", "\\{")
