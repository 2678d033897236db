"""The whole module's data, loaded and checked once, and the page markers it expands.

An author places content with a marker in a page, invisible in a plain Markdown viewer:
`<!-- whc:case iskitim -->`, `<!-- whc:exercise iskitim-evidence -->`, `<!-- whc:glossary -->`,
`<!-- whc:key-points -->`, `<!-- whc:answer-key -->`, `<!-- whc:my-answers -->`, and
`<!-- whc:jump-to -->` (links to each exercise on the page, for the top of a practice page).
An unknown marker, an exercise placed twice or never, stops the build.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from .cases import Case, load_cases
from .errors import AuthoringError, Collector
from .exercises import Exercise, load_exercises
from .glossary import Term, listed_once, load_glossary
from .keypoints import gather_key_points
from .contract import exercise_key, registry
from .pages import nav_problems, page_problems
from .placeholders import placeholders_in_exercises
from .render import literal, render
from .safety import safe_markdown
from .textfile import read_author_text
from .vocabulary import Index, load_index

_MARKER = re.compile(r"<!--\s*whc:(?P<name>[\w-]+)(?:\s+(?P<argument>[\w-]+))?\s*-->")
_FENCE = re.compile(r"^\s*(```|~~~)")
# A placeholder carries a secret made at each build, so no text an author writes can be one.
_RAW_HTML_KEY = secrets.token_hex(8)
_RAW_HTML = re.compile(rf"<!-- whc-html {_RAW_HTML_KEY} (?P<number>\d+) -->")
_LIKE_A_MARKER = re.compile(r"\s*<!--.*\bwhc\s*:.*", re.IGNORECASE)
MARKERS = ["case", "exercise", "glossary", "key-points", "answer-key", "my-answers", "jump-to",
           "class-page"]


@dataclass
class Module:
    root: Path
    index: Index
    cases: dict[str, Case]
    exercises: dict[str, Exercise]
    placements: dict[str, str]  # exercise id -> the docs/ page that shows it
    glossary: list[Term]
    _raw_html: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, root: Path) -> "Module":
        root = root.resolve()
        problems = Collector()  # every mistake of every file, reported together
        loaded: dict[str, object] = {}
        with problems.attempt():
            loaded["cases"] = load_cases(root / "exercises" / "cases", root)
        with problems.attempt():
            loaded["index"] = load_index(root / "exercises" / "index.yml", root)
        with problems.attempt():
            loaded["glossary"] = load_glossary(root / "includes" / "glossary.md", root)
        if "cases" in loaded and "index" in loaded:
            with problems.attempt():
                loaded["exercises"] = {ex.id: ex for ex in load_exercises(
                    root / "exercises", root, loaded["index"], loaded["cases"])}
        if "exercises" in loaded:
            with problems.attempt():
                loaded["placements"] = _placements(root / "docs", loaded["exercises"])
        for problem in placeholders_in_exercises(root) + nav_problems(root / "mkdocs.yml"):
            problems.add(problem)
        problems.raise_if_any()
        return cls(root=root, **loaded)

    def expand(self, markdown: str, page: str) -> str:
        """Replace every marker in one page's Markdown (page: its path inside docs/)."""
        lines = markdown.split("\n")
        for number, match in markers_in(markdown):
            lines[number] = self._expand_one(match, page)
        return "\n".join(lines)

    def insert_html(self, html: str) -> str:
        """Put the finished HTML of exercises and lists into a page Markdown has converted."""
        return _RAW_HTML.sub(lambda match: self._raw_html.pop(int(match.group("number"))), html)

    def _raw(self, html: str) -> str:
        """Keep finished HTML away from Markdown, which would only parse it again (slowly):
        a placeholder goes through Markdown and insert_html() swaps the HTML back in."""
        number = max(self._raw_html, default=0) + 1
        self._raw_html[number] = html
        return f"\n<!-- whc-html {_RAW_HTML_KEY} {number} -->\n"

    def _expand_one(self, match: re.Match, page: str) -> str:
        name, argument = match.group("name"), match.group("argument")
        if name not in MARKERS:
            raise AuthoringError(f"docs/{page}", f"the marker '{match.group(0)}' is not known",
                                 f"use one of: {', '.join('whc:' + m for m in MARKERS)}")
        if name == "case":
            if argument not in self.cases:
                raise AuthoringError(f"docs/{page}", f"the marker '{match.group(0)}' names no "
                                                     "known case",
                                     f"use one of: {', '.join(self.cases)}")
            return render("case.md", case=self.cases[argument])
        if name == "exercise":
            exercise = self.exercises[argument]  # _placements checked every id already
            intro = f"{safe_markdown(exercise.intro)}\n\n" if exercise.intro else ""
            return intro + self._raw(render("exercise.html", ex=exercise, index=self.index,
                                            key=exercise_key(exercise, self.index)))
        if name == "glossary":
            return render("glossary.md", terms=listed_once(self.glossary))
        if name == "jump-to":
            return self._raw(render("jump-to.html", exercises=[
                self.exercises[exercise_id] for exercise_id, shown_on in self.placements.items()
                if shown_on == page]))
        if name == "key-points":
            lessons = gather_key_points(self.root / "docs" / "lessons", self.root / "docs")
            return render("key-points.md", lessons=[
                {"title": lesson.title, "points": lesson.points,
                 "link": posixpath.relpath(lesson.page, posixpath.dirname(page) or ".")}
                for lesson in lessons])
        if name == "answer-key":
            return "\n".join(
                f"## {literal(ex.title)} {{ #key-{ex.id} }}\n" + self._raw(render(
                    "answer-key.html", ex=ex, index=self.index))
                for ex in self.exercises.values())
        if name == "class-page":  # the teacher's live view of the class (class mode)
            return self._raw(render("class-page.html"))
        return self._raw(render("my-answers.html", registry=self.registry(page)))

    def registry(self, from_page: str) -> dict:
        """What the My answers page on `from_page` needs: no answers, no feedback."""
        urls = {}
        for exercise_id, page in self.placements.items():
            target = posixpath.relpath(page[:-3] + ".html", posixpath.dirname(from_page) or ".")
            urls[exercise_id] = f"{target}#exercise-{exercise_id}"
        return registry(self.exercises.values(), urls, self.index)


def markers_in(markdown: str):
    """(line number, match) of each marker standing alone on a line outside fenced code.

    A marker inside a code example or in the middle of a sentence is text, not a marker.
    """
    fenced = False
    for number, line in enumerate(markdown.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and (match := _MARKER.fullmatch(line.strip())) and line == line.lstrip():
            yield number, match


def _marker_lookalikes(markdown: str):
    """(line, text) of each line outside fenced code that starts like a marker but is not one."""
    real = {number for number, _ in markers_in(markdown)}
    fenced = False
    for number, line in enumerate(markdown.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and number not in real and _LIKE_A_MARKER.fullmatch(line):
            yield number + 1, line.strip()


def _placements(docs: Path, exercises: dict[str, Exercise]) -> dict[str, str]:
    """Where each exercise is shown: every exercise exactly once, every marker a known exercise.
    Every page is read here first, so a page that is not UTF-8 or holds a misspelt marker is
    reported with its line (all such problems at once) before anything else is built."""
    placed: dict[str, str] = {}
    problems = Collector()
    for path in sorted(docs.rglob("*.md")):
        page = path.relative_to(docs).as_posix()
        with problems.attempt():
            markdown = read_author_text(path, f"docs/{page}")
        if problems.errors and problems.errors[-1].path == f"docs/{page}":
            continue
        for problem in page_problems(markdown, f"docs/{page}"):
            problems.add(problem)
        for line, text in _marker_lookalikes(markdown):
            problems.add(AuthoringError(
                f"docs/{page}", f"this line looks like a marker but is not one: '{text}'",
                "write a marker exactly like <!-- whc:exercise ID -->, alone on its line",
                line=line))
        for number, match in markers_in(markdown):
            name, line = match.group("name"), number + 1
            if name not in MARKERS:
                near = difflib.get_close_matches(name, MARKERS, n=1, cutoff=0.5)
                hint = f"did you mean 'whc:{near[0]}'? " if near else ""
                problems.add(AuthoringError(
                    f"docs/{page}", f"the marker '{match.group(0)}' is not known",
                    f"{hint}use one of: {', '.join('whc:' + m for m in MARKERS)}", line=line))
                continue
            if name != "exercise":
                continue
            exercise_id = match.group("argument") or ""
            if exercise_id not in exercises:
                near = difflib.get_close_matches(exercise_id, list(exercises), n=1)
                hint = f"did you mean '{near[0]}'? " if near else ""
                problems.add(AuthoringError(
                    f"docs/{page}", f"the marker '{match.group(0)}' names no exercise in "
                                    "exercises/index.yml",
                    f"{hint}check the spelling of the id, or add the exercise to the index",
                    line=line))
            elif exercise_id in placed:
                problems.add(AuthoringError(
                    f"docs/{page}", f"the exercise '{exercise_id}' is already shown on "
                                    f"docs/{placed[exercise_id]}",
                    "show each exercise on one page only (its saved answers belong to it)",
                    line=line))
            else:
                placed[exercise_id] = page
    problems.raise_if_any()  # a misspelt marker first: it explains an exercise shown nowhere
    for exercise_id in exercises:
        if exercise_id not in placed:
            raise AuthoringError("exercises/index.yml", f"the exercise '{exercise_id}' is "
                                                        "listed but no page shows it",
                                 f"put the marker <!-- whc:exercise {exercise_id} --> on the "
                                 "page where it belongs", field="exercises")
    return placed
