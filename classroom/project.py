"""The whole module's data, loaded and checked once, and the page markers it expands.

An author places content with a marker in a page, invisible in a plain Markdown viewer:
`<!-- whc:case iskitim -->`, `<!-- whc:exercise iskitim-evidence -->`, `<!-- whc:glossary -->`,
`<!-- whc:key-points -->`, `<!-- whc:answer-key -->`, `<!-- whc:my-answers -->`.
An unknown marker, an exercise placed twice or never, stops the build.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from .cases import Case, load_cases
from .errors import AuthoringError
from .exercises import Exercise, load_exercises
from .glossary import Term, load_glossary
from .keypoints import gather_key_points
from .keys import exercise_key
from .render import literal, render
from .vocabulary import Index, load_index

_MARKER = re.compile(r"<!--\s*whc:(?P<name>[\w-]+)(?:\s+(?P<argument>[\w-]+))?\s*-->")
_FENCE = re.compile(r"^\s*(```|~~~)")
_RAW_HTML = re.compile(r"<!-- whc-html (?P<number>\d+) -->")
MARKERS = ["case", "exercise", "glossary", "key-points", "answer-key", "my-answers"]
KIND_NAMES = {"mark-claims": "Find the claims", "evidence-level": "Name the evidence",
              "missing-info": "What is missing?", "choice": "Questions", "open": "Your own answer"}


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
        cases = load_cases(root / "exercises" / "cases", root)
        index = load_index(root / "exercises" / "index.yml", root)
        exercises = {ex.id: ex for ex in load_exercises(root / "exercises", root, index, cases)}
        return cls(root=root, index=index, cases=cases, exercises=exercises,
                   placements=_placements(root / "docs", exercises),
                   glossary=load_glossary(root / "includes" / "glossary.md", root))

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
        return f"\n<!-- whc-html {number} -->\n"

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
            intro = f"{exercise.intro}\n\n" if exercise.intro else ""
            return intro + self._raw(render("exercise.html", ex=exercise, index=self.index,
                                            key=exercise_key(exercise, self.index)))
        if name == "glossary":
            return render("glossary.md", terms=self.glossary)
        if name == "key-points":
            lessons = gather_key_points(self.root / "docs" / "lessons", self.root / "docs")
            return render("key-points.md", lessons=[
                {"title": lesson.title, "points": lesson.points,
                 "link": posixpath.relpath(lesson.page, posixpath.dirname(page) or ".")}
                for lesson in lessons])
        if name == "answer-key":
            return "\n".join(
                f"## {literal(ex.title)} {{ #key-{ex.id} }}\n" + self._raw(render(
                    "answer-key.html", ex=ex, index=self.index, kinds=KIND_NAMES))
                for ex in self.exercises.values())
        return self._raw(render("my-answers.html", registry=self.registry(page)))

    def registry(self, from_page: str) -> dict:
        """What the My answers page needs to list and print answers: no answers, no feedback."""
        labels = {"evidence-level": self.index.evidence_levels,
                  "missing-info": self.index.missing_info_answers,
                  "mark-claims": self.index.claim_kinds}
        exercises = []
        for exercise in self.exercises.values():
            target = self.placements[exercise.id][:-3] + ".html"
            url = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
            items = [{"id": item.id, "version": item.version, "label": item.prompt,
                      "options": {o.id: o.text for o in item.options}}
                     for item in exercise.items]
            if exercise.kind == "mark-claims":
                items = [{"id": "text", "version": exercise.text_version, "label": "",
                          "options": {s.id: s.text.strip() for s in exercise.sentences}}]
            exercises.append({
                "id": exercise.id, "title": exercise.title, "kind": exercise.kind,
                "url": f"{url}#exercise-{exercise.id}", "items": items,
                "labels": {t.id: t.label for t in labels.get(exercise.kind, {}).values()}})
        return {"exercises": exercises}


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


def _placements(docs: Path, exercises: dict[str, Exercise]) -> dict[str, str]:
    """Where each exercise is shown: every exercise exactly once, every marker a known exercise."""
    placed: dict[str, str] = {}
    for path in sorted(docs.rglob("*.md")):
        page = path.relative_to(docs).as_posix()
        for _, match in markers_in(path.read_text(encoding="utf-8")):
            if match.group("name") != "exercise":
                continue
            exercise_id = match.group("argument") or ""
            if exercise_id not in exercises:
                raise AuthoringError(f"docs/{page}", f"the marker '{match.group(0)}' names no "
                                                     "exercise in exercises/index.yml",
                                     "check the spelling of the id, or add the exercise to "
                                     "the index")
            if exercise_id in placed:
                raise AuthoringError(f"docs/{page}", f"the exercise '{exercise_id}' is already "
                                                     f"shown on docs/{placed[exercise_id]}",
                                     "show each exercise on one page only (its saved answers "
                                     "belong to it)")
            placed[exercise_id] = page
    for exercise_id in exercises:
        if exercise_id not in placed:
            raise AuthoringError("exercises/index.yml", f"the exercise '{exercise_id}' is "
                                                        "listed but no page shows it",
                                 f"put the marker <!-- whc:exercise {exercise_id} --> on the "
                                 "page where it belongs", field="exercises")
    return placed
