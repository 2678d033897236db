"""Reading level of the student-facing pages of a built site (Flesch-Kincaid grade).

Only the module's own prose counts: quotations from the clinic texts, exercise widgets and
code are left out, since their wording is not ours to simplify.

    python -m classroom.readability site/          # every lesson page, and the median
"""

from __future__ import annotations

import statistics
import sys
from html.parser import HTMLParser
from pathlib import Path

STUDENT_PAGES = "lessons/*.html"
TARGET_MEDIAN = 10.0
_SKIPPED_TAGS = {"blockquote", "q", "code", "pre", "script", "style", "nav", "header", "footer"}
_SKIPPED_CLASSES = {"whc-exercise", "whc-case", "headerlink", "admonition-title"}
_PROSE_TAGS = {"p", "li", "td", "dd", "h1", "h2", "h3"}


class _ProseParser(HTMLParser):
    """Collects the text of prose elements inside <article>, minus skipped parts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool]] = []  # (tag, skipped)
        self.in_article = 0
        self.sentences: list[str] = []
        self.current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "img", "input", "hr", "meta", "link"):
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES)
        self.stack.append((tag, skipped))
        if tag == "article":
            self.in_article += 1

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == "article":
                self.in_article -= 1
            if open_tag in _PROSE_TAGS:
                self._flush()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self.in_article and not any(skipped for _, skipped in self.stack):
            self.current.append(data)

    def _flush(self):
        text = " ".join("".join(self.current).split())
        if text:
            # A list item or heading without a full stop still ends a sentence for the formula.
            self.sentences.append(text if text[-1] in ".!?:" else text + ".")
        self.current = []


def prose_of(html: str) -> str:
    parser = _ProseParser()
    parser.feed(html)
    parser._flush()
    return " ".join(parser.sentences)


def grades(site_dir: Path) -> dict[str, float]:
    import textstat  # a test-time dependency, pinned at 0.7.3 (later ones fetch data online)
    return {path.relative_to(site_dir).as_posix():
            textstat.flesch_kincaid_grade(prose_of(path.read_text(encoding="utf-8")))
            for path in sorted(site_dir.glob(STUDENT_PAGES))}


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0] if argv else "site")
    measured = grades(site_dir)
    if not measured:
        print(f"No lesson pages in {site_dir}: run 'make build' first.", file=sys.stderr)
        return 1
    for page, grade in measured.items():
        print(f"{grade:5.1f}  {page}")
    median = statistics.median(measured.values())
    print(f"{median:5.1f}  median (target ≤ {TARGET_MEDIAN:g})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
