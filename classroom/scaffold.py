"""Start a new case study or exercise: commented stub files, the index entry, a page with its
marker and the nav entry, so that the module builds at once and an author fills in the blanks.

    python -m classroom.scaffold case NAME
    python -m classroom.scaffold exercise ID KIND [CASE]

(`make new-case NAME=...` and `make new-exercise ID=... KIND=... CASE=...` run these.)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from .cases import load_case
from .errors import AuthoringError
from .kinds import KINDS
from .render import render
from .sentences import split_sentences
from .vocabulary import ID_PATTERN, ID_RULE, load_index

ROOT = Path(__file__).resolve().parent.parent


class ScaffoldError(Exception):
    """A request the scaffold refuses, told in plain words."""


def new_case(root: Path, name: str) -> list[Path]:
    """Write a stub case NAME (text, context, page) and list it in the nav; the written files."""
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
        "## Replace this line with the page's first heading (a heading starts with '## ')\n"
        "Replace this paragraph with the clinic's text, one paragraph per line, exactly as "
        "published. The guide (teachers/authoring.md) shows how to mark what you left out.\n",
        encoding="utf-8")
    context.write_text(f'''# A case study: the context shown above its text, which is in {name}.txt beside this file.
# Replace each quoted text with your own words (keep the quotes). Guide: teachers/authoring.md
title: "{title}, Country"
text: {name}.txt
publisher: "Who publishes the page"
country: "Country (city)"
offered: "What the page offers, in plain words"
date_shown: "The date the page shows, or: No date is shown on the page."
language: "English, as published."
omissions: "What was left out, or: Nothing is left out."
# true: a real clinic's page. false: a made-up case for practice; its page then says so.
real: false
''', encoding="utf-8")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\ndescription: {title}: a case study, with numbered paragraphs.\n---\n\n"
                    f"# {title}\n\n<!-- whc:case {name} -->\n", encoding="utf-8")
    _add_to_nav(root / "mkdocs.yml", "Case studies", title, f"cases/{name}.md")
    return [context.parent / f"{name}.txt", context, page, root / "mkdocs.yml"]


def new_exercise(root: Path, exercise_id: str, kind: str, case: str = "") -> list[Path]:
    """Write a stub exercise that loads as it is, list it in the index, show it on a new page
    under Practice in the nav; the written files."""
    _check_name(exercise_id, "ID", "iskitim-evidence")
    if kind not in KINDS:
        raise ScaffoldError(f"KIND={kind or '(nothing)'} is not a kind of exercise: use one of "
                            f"{', '.join(KINDS)}")
    folder = root / "exercises" / exercise_id
    page = root / "docs" / "practice" / f"{exercise_id}.md"
    index_path = root / "exercises" / "index.yml"
    index = load_index(index_path, root)
    if exercise_id in index.exercise_ids or folder.exists() or page.exists():
        raise ScaffoldError(f"an exercise '{exercise_id}' already exists: choose another ID")
    cases = sorted(p.stem for p in (root / "exercises" / "cases").glob("*.yml"))
    if case and case not in cases:
        raise ScaffoldError(f"CASE={case} is not a case: use one of {', '.join(cases)} "
                            "(or make one first with make new-case NAME=...)")
    if KINDS[kind].on_a_case and not case:
        raise ScaffoldError(f"a {kind} exercise is about a case text: add CASE=, one of "
                            f"{', '.join(cases)}")
    sentence = ""
    if case:
        loaded = load_case(root / "exercises" / "cases" / f"{case}.yml", root)
        sentence = split_sentences(loaded.paragraphs[0].text)[0].strip()
    title = exercise_id.replace("-", " ").capitalize()
    learner, key = _stubs(kind, title, case, sentence, concept=next(iter(index.concepts)),
                          checklist=next(iter(index.missing_info), ""))
    folder.mkdir(parents=True)
    (folder / "exercise.yml").write_text(learner, encoding="utf-8")
    (folder / "key.yml").write_text(key, encoding="utf-8")
    _append_to_list(index_path, "exercises", exercise_id)
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"---\ndescription: {title}: an exercise with feedback.\n---\n\n# {title}\n\n"
                    f"## {title}\n\n<!-- whc:exercise {exercise_id} -->\n", encoding="utf-8")
    _add_to_nav(root / "mkdocs.yml", "Practice", title, f"practice/{exercise_id}.md")
    return [folder / "exercise.yml", folder / "key.yml", index_path, page, root / "mkdocs.yml"]


def _check_name(name: str, variable: str, example: str) -> None:
    if not name:
        raise ScaffoldError(f"give a name with {variable}=..., for example {variable}={example}")
    if not ID_PATTERN.fullmatch(name):
        raise ScaffoldError(f"{variable}={name} cannot be used: {ID_RULE} "
                            f"(for example {variable}={example})")


def _q(text: str) -> str:
    """Text as a double-quoted YAML value (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _stubs(kind: str, title: str, case: str, sentence: str, concept: str,
           checklist: str) -> tuple[str, str]:
    """exercise.yml and key.yml for `kind`: commented, and valid as they stand. The kind's own
    part comes from its folder (classroom/kinds/<kind>/new-exercise.yml and new-key.yml)."""
    head = (f"# What learners see. The answers are in key.yml. Guide: teachers/authoring.md\n"
            f"title: {_q(title)}\nkind: {kind}\n" + (f"case: {case}\n" if case else "")
            + "intro: \"A one-line instruction shown above the exercise (Markdown).\"\n")
    key_head = ("# The answers and the feedback learners see after Check. Every item names an\n"
                "# IHC concept: one of the ids under 'concepts:' in exercises/index.yml.\n"
                "items:\n")
    values = dict(sentence=sentence, concept=concept, checklist=checklist)
    return (head + render(KINDS[kind].template("new-exercise", "yml"), **values),
            key_head + render(KINDS[kind].template("new-key", "yml"), **values))


def _add_to_nav(config: Path, section: str, title: str, page: str) -> None:
    """Add 'title: page' to the nav section `section` (made at the end if missing), keeping
    the rest of mkdocs.yml, comments included, as it was."""
    text = config.read_text(encoding="utf-8")
    root = yaml.compose(text, Loader=yaml.SafeLoader)  # nodes only: no tag is run
    nav = _value_of(root, "nav")
    if nav is None:
        return  # no nav: MkDocs lists every page by itself
    entry = f"{_q(title)}: {page}"
    for item in nav.value:
        if isinstance(item, yaml.MappingNode) and len(item.value) == 1 and \
                item.value[0][0].value == section and isinstance(item.value[0][1],
                                                                 yaml.SequenceNode):
            _append_to_sequence(config, text, item.value[0][1], entry)
            return
    _append_to_sequence(config, text, nav, f"{section}:", then=f"- {entry}")


def _append_to_list(path: Path, key: str, value: str) -> None:
    text = path.read_text(encoding="utf-8")
    node = _value_of(yaml.compose(text, Loader=yaml.SafeLoader), key)
    if not isinstance(node, yaml.SequenceNode):
        raise ScaffoldError(f"{path}: '{key}:' is not a list: add '- {value}' to it by hand")
    _append_to_sequence(path, text, node, value)


def _value_of(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(mapping, yaml.MappingNode):
        return None
    return next((value for name, value in mapping.value if name.value == key), None)


def _append_to_sequence(path: Path, text: str, node: yaml.SequenceNode, entry: str,
                        then: str = "") -> None:
    """Write '- entry' after the last entry of a block list (or in place of an empty '[]')."""
    lines = text.split("\n")
    if node.flow_style or not node.value:
        if node.value:
            raise ScaffoldError(f"{path}: write the list at line {node.start_mark.line + 1} one "
                                "entry per line, then run the command again")
        line = lines[node.start_mark.line]
        indent = " " * (len(line) - len(line.lstrip()) + 2)
        lines[node.start_mark.line] = (line[:node.start_mark.column].rstrip() + "\n" + indent
                                       + f"- {entry}" + (f"\n{indent}    {then}" if then else ""))
    else:
        last = node.value[-1]
        after = last.end_mark.line if last.end_mark.column else last.end_mark.line - 1
        while after > last.start_mark.line and not lines[after].strip():
            after -= 1
        indent = " " * (last.start_mark.column - 2)
        new = [f"{indent}- {entry}"] + ([f"{indent}    {then}"] if then else [])
        lines[after + 1:after + 1] = new
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str]) -> int:
    usage = ("use: python -m classroom.scaffold case NAME\n"
             "  or: python -m classroom.scaffold exercise ID KIND [CASE]")
    try:
        if argv[:1] == ["case"] and len(argv) == 2:
            written = new_case(ROOT, argv[1])
            after = ("Next: paste the clinic's text into the .txt file, fill in the .yml, add a "
                     "row to docs/cases/index.md and a link on the home page if you want one, "
                     "then run make build.")
        elif argv[:1] == ["exercise"] and len(argv) in (3, 4):
            written = new_exercise(ROOT, argv[1], argv[2], argv[3] if len(argv) == 4 else "")
            after = ("Next: write the items in exercise.yml and their answers in key.yml, link "
                     "the page from docs/practice/index.md if you want, then run make build.")
        else:
            print(usage, file=sys.stderr)
            return 2
    except (ScaffoldError, AuthoringError) as error:
        print(f"Nothing was written. {error}", file=sys.stderr)
        return 1
    print("Written:\n" + "\n".join(f"  {p.relative_to(ROOT)}" for p in written) + "\n" + after)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
