"""Checks of the pages and of mkdocs.yml that MkDocs itself lets pass or explains poorly: front
matter it cannot read (MkDocs then shows it as text, a 'description: ...' heading), a stub's
placeholder, a key written twice in mkdocs.yml, a nav entry for a page that is gone."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .errors import AuthoringError
from .placeholders import placeholder_error, placeholder_lines
from .yamledit import compose, value_of
from .yamlfile import parse_yaml

# The front matter as MkDocs finds it (mkdocs.utils.meta.YAML_RE): between two '---' lines.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def page_problems(markdown: str, shown_as: str) -> list[AuthoringError]:
    """What is wrong in one page's front matter, and every placeholder left in it."""
    problems = []
    front = _FRONT_MATTER.match(markdown)
    if front:
        try:
            data = parse_yaml(front.group(1), shown_as, first_line=2)
        except AuthoringError as error:
            detail = error.problem.removeprefix("the YAML cannot be read").lstrip(" :")
            problems.append(AuthoringError(
                shown_as, f"the front matter (between the two '---' lines) cannot be read, so "
                          f"the page would show it as text ({detail})",
                f"{error.fix}; for example: description: \"A title: and more\"",
                line=error.line))
        else:
            if data is not None and not isinstance(data, dict):
                problems.append(AuthoringError(
                    shown_as, "the front matter (between the two '---' lines) should be "
                              "'name: value' lines", "write it like: description: \"...\"",
                    line=2))
    problems += [placeholder_error(shown_as, line, text)
                 for line, text in placeholder_lines(markdown)]
    return problems


def nav_problems(config: Path, shown_as: str = "mkdocs.yml") -> list[AuthoringError]:
    """Keys written twice in mkdocs.yml (MkDocs keeps the last in silence) and nav entries for
    pages that do not exist (MkDocs names neither the file nor the line)."""
    try:
        root = compose(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # MkDocs itself explains a config it cannot read
    problems = []
    for mapping in _mappings(root):
        seen: dict[str, int] = {}
        for key, _ in mapping.value:
            line = key.start_mark.line + 1
            if key.value in seen:
                problems.append(AuthoringError(
                    shown_as, f"the key '{key.value}' is written twice in the same block (first "
                              f"on line {seen[key.value]}); only the last would count",
                    "merge the two into one, or delete the one you do not want", line=line))
            seen.setdefault(key.value, line)
    docs_node = value_of(root, "docs_dir")
    docs = config.parent / (docs_node.value if isinstance(docs_node, yaml.ScalarNode) else "docs")
    for page in _nav_pages(value_of(root, "nav")):
        if "://" not in page.value and not (docs / page.value).is_file():
            problems.append(AuthoringError(
                shown_as, f"the nav lists the page '{page.value}', but there is no file "
                          f"{docs.name}/{page.value}",
                "delete this line from the nav (if the page was removed or merged into another), "
                "or correct the file name", line=page.start_mark.line + 1))
    return problems


def _mappings(node):
    if isinstance(node, yaml.MappingNode):
        yield node
        for _, value in node.value:
            yield from _mappings(value)
    elif isinstance(node, yaml.SequenceNode):
        for entry in node.value:
            yield from _mappings(entry)


def _nav_pages(node):
    """The scalar nodes of the nav that name a page (or a link)."""
    if isinstance(node, yaml.ScalarNode) and node.value:
        yield node
    elif isinstance(node, yaml.SequenceNode):
        for entry in node.value:
            yield from _nav_pages(entry)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _nav_pages(value)
