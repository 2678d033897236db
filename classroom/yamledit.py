"""Add an entry to a block list in a YAML file an author keeps (mkdocs.yml's nav, the index),
leaving every other line, comments included, as it was. Files are read as nodes only, so no
tag (mkdocs.yml's !ENV, say) is run."""

from __future__ import annotations

from pathlib import Path

import yaml


class EditError(Exception):
    """A list the scaffold cannot add to by itself, told in plain words."""


def compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=yaml.SafeLoader)


def value_of(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
    if not isinstance(mapping, yaml.MappingNode):
        return None
    return next((value for name, value in mapping.value if name.value == key), None)


def last_line(node: yaml.Node) -> int:
    """The 0-based line on which `node` ends (its last scalar's line, not the next entry's)."""
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.value:
        node = node.value[-1][1] if isinstance(node, yaml.MappingNode) else node.value[-1]
    end = node.end_mark
    return end.line if end.column or end.line == node.start_mark.line else end.line - 1


def insert_entry(path: Path, text: str, node: yaml.SequenceNode, entry: str,
                 after: yaml.Node | None = None, before: yaml.Node | None = None,
                 then: str = "") -> None:
    """Write '- entry' (and an indented `then` line under it) into the list `node` of the file
    `path` whose text is `text`: after the entry `after`, else before the entry `before`, else
    at the end; an empty '[]' becomes a block list."""
    lines = text.split("\n")
    if node.flow_style or not node.value:
        if node.value:
            raise EditError(f"{path.name}: write the list at line {node.start_mark.line + 1} one "
                            "entry per line, then run the command again")
        line = lines[node.start_mark.line]
        indent = " " * (len(line) - len(line.lstrip()) + 2)
        lines[node.start_mark.line] = (line[:node.start_mark.column].rstrip() + "\n" + indent
                                       + f"- {entry}" + (f"\n{indent}    {then}" if then else ""))
    else:
        if after is not None:
            at, like = last_line(after) + 1, after
        elif before is not None:
            at, like = before.start_mark.line, before
        else:
            at, like = last_line(node.value[-1]) + 1, node.value[-1]
        indent = " " * (like.start_mark.column - 2)
        lines[at:at] = [f"{indent}- {entry}"] + ([f"{indent}    {then}"] if then else [])
    path.write_text("\n".join(lines), encoding="utf-8")
