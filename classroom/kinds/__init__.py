"""The exercise kinds: one folder each, listed here once. Add a kind by adding its folder
(see base.py for what it holds) and one line below."""

from __future__ import annotations

from . import choice, evidence_level, mark_claims, missing_info, open
from .base import Kind

KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    mark_claims.KIND, evidence_level.KIND, missing_info.KIND, choice.KIND, open.KIND)}


class UnknownKind(ValueError):
    """A kind this version of the module does not know."""


def kind_named(name: str) -> Kind:
    """The kind called `name`; an unknown name is refused, never taken for another kind."""
    try:
        return KINDS[name]
    except KeyError:
        raise UnknownKind(f"'{name}' is not an exercise kind; the kinds are: "
                          f"{', '.join(KINDS)}") from None
