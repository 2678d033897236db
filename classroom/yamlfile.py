"""Read an author's YAML file strictly: syntax errors and repeated keys become AuthoringErrors."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from .errors import AuthoringError
from .textfile import lookalike_name, read_author_text


class LinedDict(dict):
    """A mapping read from YAML that remembers where it and each of its keys stand."""
    line: int | None = None
    lines: dict[Any, int]


class LinedList(list):
    """A sequence read from YAML that remembers where it and each of its entries stand."""
    line: int | None = None
    lines: list[int]


class LinedText(str):
    """Text read from YAML that remembers its line, so a message can point to it."""
    line: int | None = None


class _DuplicateKey(yaml.constructor.ConstructorError):
    """A key written twice in one mapping: where each copy stands."""

    def __init__(self, key: Any, first_line: int, mark: yaml.Mark):
        super().__init__(None, None, f"the key '{key}' appears twice (first on line {first_line})",
                         mark)
        self.key, self.first_line = key, first_line


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser is 10x faster
    """A safe loader that refuses a key written twice in one mapping (PyYAML keeps the last),
    keeps line numbers, and refuses prose cut short by an unquoted ' #'."""
    source_lines: list[str] = []


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise _DuplicateKey(key, seen[key], key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    mapping = LinedDict(loader.construct_mapping(node, deep=deep))
    mapping.line, mapping.lines = node.start_mark.line + 1, seen
    return mapping


def _construct_sequence(loader: _StrictLoader, node: yaml.SequenceNode, deep: bool = False):
    sequence = LinedList(loader.construct_sequence(node, deep=deep))
    sequence.line = node.start_mark.line + 1
    sequence.lines = [entry.start_mark.line + 1 for entry in node.value]
    return sequence


def _construct_text(loader: _StrictLoader, node: yaml.ScalarNode):
    text = LinedText(loader.construct_scalar(node))
    text.line = node.start_mark.line + 1
    if not node.style and " " in text.strip():  # unquoted (plain) prose: was it cut at ' #'?
        rest = loader.source_lines[node.end_mark.line][node.end_mark.column:]
        if rest[:1] in (" ", "\t") and rest.lstrip().startswith("#"):
            raise yaml.constructor.ConstructorError(
                None, None, "the text stops before ' #', because YAML reads everything after "
                "' #' as a comment, so the rest of the line is left out", node.end_mark)
    return text


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
                              _construct_sequence)
_StrictLoader.add_constructor("tag:yaml.org,2002:str", _construct_text)


def read_yaml(path: Path, shown_as: str) -> Any:
    """Parse one YAML file; `shown_as` is the path printed in messages (relative to the project).

    Mappings, lists and texts come back as LinedDict, LinedList and LinedText, which carry the
    line they stand on, so that Fields.error can say where a problem is."""
    try:
        text = read_author_text(path, shown_as)
    except FileNotFoundError:
        lookalike = lookalike_name(path.parent, path.name)
        if lookalike:
            raise AuthoringError(shown_as, f"the file does not exist, but '{lookalike}' is "
                                           "beside where it should be",
                                 f"rename '{lookalike}' to '{path.name}'") from None
        raise AuthoringError(shown_as, "the file does not exist",
                             "create it, or remove the reference to it") from None
    return parse_yaml(text, shown_as)


def parse_yaml(text: str, shown_as: str, first_line: int = 1) -> Any:
    """Parse YAML text that starts on line `first_line` of the file `shown_as` (a page's front
    matter starts on line 2); every problem is an AuthoringError at its line."""
    loader = _StrictLoader(text)
    loader.source_lines = text.split("\n")
    shift = first_line - 1
    try:
        return loader.get_single_data()
    except _DuplicateKey as error:
        raise AuthoringError(
            shown_as, f"the key '{error.key}' is written twice in the same block (first on "
                      f"line {error.first_line + shift})",
            "keep one of the two: rename one (every id must be different) or delete the one "
            "you do not want; if this line belongs to another entry, check the indentation of "
            "the lines above it", line=error.problem_mark.line + 1 + shift) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 + shift if mark else None
        column = f" (column {mark.column + 1})" if mark else ""
        problem = str(error.problem)
        if "'\\t'" in problem or "\t" in problem or (
                mark and mark.line < len(loader.source_lines)
                and "\t" in loader.source_lines[mark.line][:mark.column + 1]):
            raise AuthoringError(shown_as, "the YAML cannot be read: there is a tab on this line"
                                           f"{column}, and YAML allows only spaces for indenting",
                                 "replace the tab with spaces (two spaces per level)",
                                 line=line) from None
        if "' #'" in problem:
            raise AuthoringError(shown_as, f"{problem}{column}",
                                 "put the text in quotes, like: feedback: \"Some text # more\" "
                                 "(if the part after # is a note to yourself, still put the text "
                                 "before it in quotes)", line=line) from None
        raise AuthoringError(shown_as, f"the YAML cannot be read{column}: {problem}",
                             "check the indentation and quoting there; put text containing "
                             "': ' or '#' inside quotes", line=line) from None
    except yaml.YAMLError as error:
        raise AuthoringError(shown_as, f"the YAML cannot be read: {error}",
                             "check the file's syntax") from None
    finally:
        loader.dispose()


class Fields:
    """Checks one mapping from an author's file: known keys only, required ones present, types right."""

    def __init__(self, data: Any, path: str, item: str | None = None, what: str = "this entry"):
        self.path, self.item = path, item
        if not isinstance(data, dict):
            raise AuthoringError(path, f"{what} should be a set of 'field: value' lines, "
                                       f"but it is {_describe(data)}",
                                 "write it as fields, one per line, like 'title: ...'", item=item,
                                 line=getattr(data, "line", None))
        self.data = data

    def error(self, field: str | None, problem: str, fix: str) -> AuthoringError:
        return AuthoringError(self.path, problem, fix, item=self.item, field=field,
                              line=self.line_of(field))

    def line_of(self, field: str | None) -> int | None:
        """The line of `field` (or, failing that, of this entry) in the author's file."""
        lines = getattr(self.data, "lines", {})
        if field in lines:
            return lines[field]
        value = self.data.get(field) if field is not None else None
        if getattr(value, "line", None):
            return value.line
        if getattr(self.data, "line", None):
            return self.data.line
        # A mapping built in code from values read from the file: the first value's line.
        return next((v.line for v in self.data.values() if getattr(v, "line", None)), None)

    def only(self, allowed: list[str]) -> None:
        """Refuse keys the format does not know, suggesting the nearest known one."""
        for key in self.data:
            if key not in allowed:
                near = difflib.get_close_matches(str(key), allowed, n=1)
                hint = f"did you mean '{near[0]}'? " if near else ""
                raise self.error(str(key), "this field is not part of the format",
                                 f"{hint}allowed fields here are: {', '.join(allowed)}")

    def text(self, field: str, required: bool = True, default: str = "") -> str:
        value = self._get(field, required)
        if value is None:
            return default
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise self.error(field, f"this should be text, but it is {_describe(value)}",
                             "write it as text (put it in quotes if unsure)")
        if required and not value.strip():
            raise self.error(field, "this is empty", "write the text it needs")
        return value.strip()

    def choice(self, field: str, allowed: list[str], required: bool = True) -> str | None:
        raw = self.data.get(field)
        if isinstance(raw, bool) and "yes" in allowed and "no" in allowed:
            return "yes" if raw else "no"  # YAML reads an unquoted yes/no as true/false
        value = self.text(field, required=required, default="") or None
        if value is not None and value not in allowed:
            near = difflib.get_close_matches(value, allowed, n=1)
            hint = f"did you mean '{near[0]}'? " if near else ""
            raise self.error(field, f"'{value}' is not one of the allowed values",
                             f"{hint}use one of: {', '.join(allowed)}")
        return value

    def boolean(self, field: str, default: bool = False) -> bool:
        value = self._get(field, required=False)
        if value is None:
            return default
        if not isinstance(value, bool):
            raise self.error(field, f"this should be true or false, but it is {_describe(value)}",
                             "write true or false")
        return value

    def items(self, field: str, required: bool = True) -> list:
        value = self._get(field, required)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.error(field, f"this should be a list, but it is {_describe(value)}",
                             "write each entry on its own line starting with '- '")
        if required and not value:
            raise self.error(field, "the list is empty", "add at least one entry")
        return value

    def mapping(self, field: str, required: bool = True) -> dict:
        value = self._get(field, required)
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.error(field, f"this should be a set of 'name: value' lines, "
                                    f"but it is {_describe(value)}",
                             "write one 'name: value' line per entry, indented under the field")
        return value

    def _get(self, field: str, required: bool) -> Any:
        if field not in self.data or self.data[field] is None:
            if required:
                raise self.error(field, "this required field is missing",
                                 f"add a line '{field}: ...'")
            return None
        return self.data[field]


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the yes/no value {str(value).lower()}"
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{value}'"
