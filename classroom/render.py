"""Render the module's data to the Markdown and HTML that pages hold, through Jinja templates."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .contract import limits
from .kinds.base import FOLDER as KINDS_FOLDER
from .words import say

_TEMPLATES = Path(__file__).parent / "templates"

# Characters that Markdown or an enabled extension could read as markup; written as character
# references they stay literal text, while abbreviations (glossary tooltips) still match the words.
_LITERAL = str.maketrans({c: f"&#{ord(c)};" for c in "&<>\"'\\`*_[]{}!~^=+:|#"})


def literal(text: str) -> str:
    """Text that reaches the reader character for character, inside Markdown or HTML."""
    return text.translate(_LITERAL)


def json_for_script(data: object) -> Markup:
    """JSON safe to place inside <script type="application/json">: no '</script' can end it."""
    return Markup(json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def slug(text: str) -> str:
    """A stable, readable HTML id for a term or title."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader([_TEMPLATES, KINDS_FOLDER]), undefined=StrictUndefined,
                      autoescape=select_autoescape(["html"], default_for_string=False), keep_trailing_newline=True, trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["literal"] = literal
    env.filters["attr"] = lambda text: html.escape(str(text), quote=True)
    env.filters["json_for_script"] = json_for_script
    env.filters["slug"] = slug
    env.globals["say"] = say
    env.globals["limits"] = env.globals["contract"] = limits()  # the scripts' CONTRACT
    return env


ENVIRONMENT = _environment()


def render(template: str, **context: object) -> str:
    return ENVIRONMENT.get_template(template).render(**context)
