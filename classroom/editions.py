"""The student edition: the module without the teachers' pages, so that a USB stick for
students holds no answer key and no check-up key.

`make pack` writes it beside the full edition. The build leaves out every page under
teachers/, the nav section that lists them, every Markdown section whose heading carries the
class `.teachers-only` (e.g. `## Start here as a teacher { #teachers .teachers-only }`), and
turns the remaining links to teachers' pages into plain text.
"""

from __future__ import annotations

import re

TEACHERS_FOLDER = "teachers/"
EDITION_VARIABLE = "WHC_EDITION"  # "student" builds the student edition
_HEADING = re.compile(r"^(?P<level>#{1,6})\s")
_TEACHERS_ONLY = re.compile(r"\{[^}]*\.teachers-only\b[^}]*\}\s*$")
_LINK_TO_TEACHERS = re.compile(r"\[(?P<text>[^\]]+)\]\((?P<target>(?:\.\./)*teachers/[^)\s]*)\)")


def is_teachers_page(path: str) -> bool:
    return path.startswith(TEACHERS_FOLDER)


def nav_without_teachers(nav: list) -> list:
    """The nav with every entry that leads to a teachers' page (and sections left empty) removed."""
    kept = []
    for entry in nav:
        if isinstance(entry, str):
            if not is_teachers_page(entry):
                kept.append(entry)
            continue
        (title, target), = entry.items()
        if isinstance(target, list):
            target = nav_without_teachers(target)
            if target:
                kept.append({title: target})
        elif not is_teachers_page(target):
            kept.append(entry)
    return kept


def for_students(markdown: str) -> str:
    """A page's Markdown without its teachers-only sections and links to teachers' pages."""
    lines, kept, cut_below = markdown.split("\n"), [], None
    for line in lines:
        heading = _HEADING.match(line)
        if heading and cut_below is not None and len(heading.group("level")) <= cut_below:
            cut_below = None
        if heading and cut_below is None and _TEACHERS_ONLY.search(line):
            cut_below = len(heading.group("level"))
        if cut_below is None:
            kept.append(line)
    return _LINK_TO_TEACHERS.sub(lambda match: match.group("text"), "\n".join(kept))
