"""Key points: each lesson ends with a '!!! success "Key points"' block; one page gathers them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import AuthoringError

_TITLE = re.compile(r"^# (?P<title>.+)$", re.MULTILINE)
_BLOCK = re.compile(r'^!!! success "Key points"\n\n?(?P<body>(?:(?: {4}.*)?\n)+)', re.MULTILINE)


@dataclass(frozen=True)
class LessonPoints:
    page: str  # the lesson's path inside docs/
    title: str
    points: str  # the block's Markdown, indentation removed


def gather_key_points(lessons_dir: Path, docs_dir: Path) -> list[LessonPoints]:
    """The key points of every lesson page in lessons_dir, in file-name order."""
    gathered = []
    for path in sorted(lessons_dir.glob("[0-9]*.md")):
        page = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        title, block = _TITLE.search(text), _BLOCK.search(text + "\n")
        if not title or not block:
            raise AuthoringError(f"docs/{page}", "the lesson has no '# Title' line or no "
                                                 "'!!! success \"Key points\"' block",
                                 "end the lesson with that block: an indented list of its "
                                 "key points")
        body = "\n".join(line[4:] for line in block.group("body").splitlines()).strip()
        gathered.append(LessonPoints(page, title.group("title").strip(), body))
    return gathered
