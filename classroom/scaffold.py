"""Start a new case study or exercise: commented stub files, the index entry, a page with its
marker and the nav entry, each where teaching order puts it, for an author to fill in.

    python -m classroom.scaffold case NAME
    python -m classroom.scaffold exercise ID KIND [CASE [PAGE]]

(`make new-case NAME=...` and `make new-exercise ID=... KIND=... CASE=... PAGE=...` run these.)
Every text the author must write starts with PLACEHOLDER, which the build refuses, so a stub
builds only once its blanks are filled in.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from .cases import load_case
from .errors import AuthoringError
from .kinds import KINDS
from .placeholders import PLACEHOLDER
from .project import markers_in
from .render import render
from .sentences import split_sentences
from .vocabulary import ID_PATTERN, ID_RULE, load_index
from .yamledit import EditError, compose, insert_entry, value_of
from .yamlfile import read_yaml

ROOT = Path(__file__).resolve().parent.parent


class ScaffoldError(Exception):
    """A request the scaffold refuses, told in plain words."""


def new_case(root: Path, name: str) -> list[Path]:
    """Write a stub case NAME (text, context, page) and list its page last under Case studies
    in the nav; the written files."""
    _check_name(name, "NAME", "iskitim")
    context = root / "exercises" / "cases" / f"{name}.yml"
    page = root / "docs" / "cases" / f"{name}.md"
    for path in (context, page):
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root)} already exists: choose another NAME, "
                                "or edit that file")
    title = name.replace("-", " ").capitalize()
    context.parent.mkdir(parents=True, exist_ok=True)
    (context.parent / f"{name}.txt").write_text(
        f"## {PLACEHOLDER} the page's first heading (a heading starts with '## ')\n"
        f"{PLACEHOLDER} paste the clinic's text here, one paragraph per line, exactly as "
        "published. The guide (teachers/authoring.md) shows how to mark what you left out.\n",
        encoding="utf-8")
    context.write_text(f'''# A case study: the context shown above its text, which is in {name}.txt beside this file.
# Replace each text starting with {PLACEHOLDER} with your own words, keeping the quotes; the build
# refuses any text left starting with {PLACEHOLDER}. Guide: teachers/authoring.md
title: {_q(f"{PLACEHOLDER} {title}, Country")}
text: {name}.txt
publisher: "{PLACEHOLDER} who publishes the page"
country: "{PLACEHOLDER} country (city)"
offered: "{PLACEHOLDER} what the page offers, in plain words"
date_shown: "{PLACEHOLDER} the date the page shows, or: No date is shown on the page."
language: "English, as published."
omissions: "{PLACEHOLDER} what was left out, or: Nothing is left out."
# true: a real clinic's page. false: a made-up case for practice; its page and worksheet say so.
real: false
''', encoding="utf-8")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(_front_matter(f"{title}: a case study, with numbered paragraphs.")
                    + f"# {title}\n\n<!-- whc:case {name} -->\n", encoding="utf-8")
    _add_to_nav(root / "mkdocs.yml", "Case studies", title, f"cases/{name}.md")
    return [context.parent / f"{name}.txt", context, page, root / "mkdocs.yml"]


def new_exercise(root: Path, exercise_id: str, kind: str, case: str = "",
                 on_page: str = "") -> list[Path]:
    """Write a stub exercise (its blanks placeholders), list it in the index in teaching order,
    and show it on a new page under Practice (or at the end of the page `on_page`, a path
    inside docs/); the written files."""
    _check_name(exercise_id, "ID", "iskitim-evidence")
    if kind not in KINDS:
        raise ScaffoldError(f"KIND={kind or '(nothing)'} is not a kind of exercise: use one of "
                            f"{', '.join(KINDS)}")
    folder = root / "exercises" / exercise_id
    page = root / "docs" / (on_page or f"practice/{exercise_id}.md")
    index_path = root / "exercises" / "index.yml"
    index = load_index(index_path, root)
    if exercise_id in index.exercise_ids or folder.exists() or (page.exists() and not on_page):
        raise ScaffoldError(f"an exercise '{exercise_id}' already exists: choose another ID")
    docs = (root / "docs").resolve()
    if on_page and not (page.is_file() and page.suffix == ".md"
                        and page.resolve().is_relative_to(docs)):
        raise ScaffoldError(f"PAGE={on_page} is not a page: give the path of a page inside "
                            "docs/, for example PAGE=practice/iskitim.md")
    cases = sorted(p.stem for p in (root / "exercises" / "cases").glob("*.yml"))
    if case and case not in cases:
        raise ScaffoldError(f"CASE={case} is not a case: use one of {', '.join(cases)} "
                            "(or make one first with make new-case NAME=...)")
    if KINDS[kind].on_a_case and not case:
        raise ScaffoldError(f"{_a(kind)} {kind} exercise is about a case text: add CASE=, one "
                            f"of {', '.join(cases)}")
    sentence = ""
    if case:
        loaded = load_case(root / "exercises" / "cases" / f"{case}.yml", root)
        sentence = split_sentences(loaded.paragraphs[0].text)[0].strip()
    title = exercise_id.replace("-", " ").capitalize()
    learner, key = _stubs(kind, title, case, sentence, concept=next(iter(index.concepts)),
                          checklist=next(iter(index.missing_info), ""))
    order = TeachingOrder.read(root, index.exercise_ids)
    after, before = order.place(case, on_page and page.resolve().relative_to(docs).as_posix())
    folder.mkdir(parents=True)
    (folder / "exercise.yml").write_text(learner, encoding="utf-8")
    (folder / "key.yml").write_text(key, encoding="utf-8")
    _add_to_index(index_path, exercise_id, after, before)
    marker = f"## {title}\n\n<!-- whc:exercise {exercise_id} -->\n"
    if on_page:
        text = page.read_text(encoding="utf-8")
        page.write_text(text.rstrip("\n") + "\n\n" + marker, encoding="utf-8")
        return [folder / "exercise.yml", folder / "key.yml", index_path, page]
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(_front_matter(f"{title}: an exercise with feedback.")
                    + f"# {title}\n\n" + marker, encoding="utf-8")
    new_page = f"practice/{exercise_id}.md"
    pages_before, pages_after = order.pages_around(after, before)
    _add_to_nav(root / "mkdocs.yml", "Practice", title, new_page, pages_before, pages_after)
    return [folder / "exercise.yml", folder / "key.yml", index_path, page, root / "mkdocs.yml"]


class TeachingOrder:
    """The index's exercises with what decides where a new one belongs: its case, whether it
    is a check-up, and the page that shows it."""

    def __init__(self, ids: list[str], facts: dict[str, tuple[str, bool]], pages: dict[str, str]):
        self.ids, self.facts, self.pages = ids, facts, pages

    @classmethod
    def read(cls, root: Path, ids: list[str]) -> "TeachingOrder":
        facts = {}
        for exercise_id in ids:
            try:
                data = read_yaml(root / "exercises" / exercise_id / "exercise.yml", exercise_id)
            except AuthoringError:
                data = {}  # the build explains it; here it only places the new exercise
            data = data if isinstance(data, dict) else {}
            facts[exercise_id] = (str(data.get("case") or ""), data.get("assessment") is True)
        pages = {}
        for path in sorted((root / "docs").rglob("*.md")):
            for _, match in markers_in(path.read_text(encoding="utf-8", errors="replace")):
                if match.group("name") == "exercise":
                    pages.setdefault(match.group("argument") or "",
                                     path.relative_to(root / "docs").as_posix())
        return cls(list(ids), facts, pages)

    def place(self, case: str, on_page: str) -> tuple[str | None, str | None]:
        """(the id the new exercise follows, or the id it precedes): after the last exercise on
        its page, else after its case's last exercise, else after the last exercise on any case
        text, else before the first check-up, else at the end."""
        practice = [i for i in self.ids if not self.facts[i][1]]
        for candidates in ([i for i in self.ids if on_page and self.pages.get(i) == on_page],
                           [i for i in practice if case and self.facts[i][0] == case],
                           [i for i in practice if case and self.facts[i][0]]):
            if candidates:
                return candidates[-1], None
        checkups = [i for i in self.ids if self.facts[i][1]]
        return None, (checkups[0] if checkups else None)

    def pages_around(self, after: str | None, before: str | None) -> tuple[set[str], set[str]]:
        """The pages showing an exercise that comes before the new one, and after it."""
        at = self.ids.index(after) + 1 if after else (
            self.ids.index(before) if before else len(self.ids))
        return ({self.pages[i] for i in self.ids[:at] if i in self.pages},
                {self.pages[i] for i in self.ids[at:] if i in self.pages})


def _check_name(name: str, variable: str, example: str) -> None:
    if not name:
        raise ScaffoldError(f"give a name with {variable}=..., for example {variable}={example}")
    if not ID_PATTERN.fullmatch(name):
        raise ScaffoldError(f"{variable}={name} cannot be used: {ID_RULE} "
                            f"(for example {variable}={example})")


def _q(text: str) -> str:
    """Text as a double-quoted YAML value (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _a(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _front_matter(description: str) -> str:
    """A page's front matter, its text quoted so that a colon in it cannot break the page."""
    return f"---\ndescription: {_q(description)}\n---\n\n"


def _stubs(kind: str, title: str, case: str, sentence: str, concept: str,
           checklist: str) -> tuple[str, str]:
    """exercise.yml and key.yml for `kind`: commented, and valid as they stand. The kind's own
    part comes from its folder (classroom/kinds/<kind>/new-exercise.yml and new-key.yml)."""
    head = (f"# What learners see. The answers are in key.yml. Guide: teachers/authoring.md\n"
            f"title: {_q(title)}\nkind: {kind}\n" + (f"case: {case}\n" if case else "")
            + f"intro: \"{PLACEHOLDER} a one-line instruction shown above the exercise "
            "(Markdown), or delete this line\"\n")
    key_head = ("# The answers and the feedback learners see after Check. Every item names an\n"
                "# IHC concept: one of the ids under 'concepts:' in exercises/index.yml.\n"
                "items:\n")
    values = dict(quote=_q(sentence), concept=concept, checklist=checklist,
                  todo=PLACEHOLDER)
    return (head + render(KINDS[kind].template("new-exercise", "yml"), **values),
            key_head + render(KINDS[kind].template("new-key", "yml"), **values))


def _add_to_nav(config: Path, section: str, title: str, page: str,
                after: set[str] = frozenset(), before: set[str] = frozenset()) -> None:
    """Add 'title: page' to the nav section `section` (made at the end if missing): after the
    last entry showing a page in `after`, else before the first showing one in `before`, else
    last. The rest of mkdocs.yml, comments included, stays as it was."""
    text = config.read_text(encoding="utf-8")
    nav = value_of(compose(text), "nav")
    if nav is None:
        return  # no nav: MkDocs lists every page by itself
    entry = f"{_q(title)}: {page}"
    for item in nav.value:
        if isinstance(item, yaml.MappingNode) and len(item.value) == 1 and \
                item.value[0][0].value == section and isinstance(item.value[0][1],
                                                                 yaml.SequenceNode):
            entries = item.value[0][1]
            shows = [(e, _pages_of(e)) for e in entries.value]
            last_before = [e for e, pages in shows if pages & after]
            first_after = [e for e, pages in shows if pages & before]
            insert_entry(config, text, entries, entry,
                         after=last_before[-1] if last_before else None,
                         before=first_after[0] if first_after else None)
            return
    insert_entry(config, text, nav, f"{section}:", then=f"- {entry}")


def _pages_of(entry: yaml.Node) -> set[str]:
    if isinstance(entry, yaml.ScalarNode):
        return {entry.value}
    if isinstance(entry, yaml.SequenceNode):
        return set().union(*(_pages_of(e) for e in entry.value))
    if isinstance(entry, yaml.MappingNode):
        return set().union(*(_pages_of(value) for _, value in entry.value))
    return set()


def _add_to_index(path: Path, exercise_id: str, after: str | None, before: str | None) -> None:
    text = path.read_text(encoding="utf-8")
    node = value_of(compose(text), "exercises")
    if not isinstance(node, yaml.SequenceNode):
        raise ScaffoldError(f"{path}: 'exercises:' is not a list: add '- {exercise_id}' to it "
                            "by hand")
    at = {entry.value: entry for entry in node.value if isinstance(entry, yaml.ScalarNode)}
    insert_entry(path, text, node, exercise_id, after=at.get(after), before=at.get(before))


def main(argv: list[str]) -> int:
    usage = ("use: python -m classroom.scaffold case NAME\n"
             "  or: python -m classroom.scaffold exercise ID KIND [CASE [PAGE]]")
    try:
        if argv[:1] == ["case"] and len(argv) == 2:
            written = new_case(ROOT, argv[1])
            after = ("Next: paste the clinic's text into the .txt file, fill in the .yml, add a "
                     "row to docs/cases/index.md and a link on the home page if you want one, "
                     "then run make build.")
        elif argv[:1] == ["exercise"] and len(argv) in (3, 4, 5):
            written = new_exercise(ROOT, *argv[1:])
            after = ("Next: write the items in exercise.yml and their answers in key.yml, link "
                     "the page from docs/practice/index.md if you want, then run make build.")
        else:
            print(usage, file=sys.stderr)
            return 2
    except (ScaffoldError, EditError, AuthoringError) as error:
        print(f"Nothing was written. {error}", file=sys.stderr)
        return 1
    print("Written:\n" + "\n".join(f"  {p.relative_to(ROOT)}" for p in written) + "\n" + after)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
