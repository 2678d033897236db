"""Read an author's YAML file strictly: syntax errors and repeated keys become AuthoringErrors."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

import yaml

from .errors import AuthoringError


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C parser is 10x faster
    """A safe loader that refuses a key written twice in one mapping (PyYAML keeps the last)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice (first on line {seen[key]})",
                key_node.start_mark)
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, shown_as: str) -> Any:
    """Parse one YAML file; `shown_as` is the path printed in messages (relative to the project)."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise AuthoringError(shown_as, "the file does not exist",
                             "create it, or remove the reference to it") from None
    except UnicodeDecodeError:
        raise AuthoringError(shown_as, "the file is not UTF-8 text",
                             "save it as UTF-8 in your editor") from None
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = f" on line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise AuthoringError(shown_as, f"the YAML cannot be read{line}: {error.problem}",
                             "check the indentation and quoting there; put text containing "
                             "': ' or '#' inside quotes") from None
    except yaml.YAMLError as error:
        raise AuthoringError(shown_as, f"the YAML cannot be read: {error}",
                             "check the file's syntax") from None


class Fields:
    """Checks one mapping from an author's file: known keys only, required ones present, types right."""

    def __init__(self, data: Any, path: str, item: str | None = None, what: str = "this entry"):
        self.path, self.item = path, item
        if not isinstance(data, dict):
            raise AuthoringError(path, f"{what} should be a set of 'field: value' lines, "
                                       f"but it is {_describe(data)}",
                                 "write it as fields, one per line, like 'title: ...'", item=item)
        self.data = data

    def error(self, field: str | None, problem: str, fix: str) -> AuthoringError:
        return AuthoringError(self.path, problem, fix, item=self.item, field=field)

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
