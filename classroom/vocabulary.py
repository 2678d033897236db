"""The closed vocabularies in exercises/index.yml, and the exercise order it fixes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import AuthoringError
from .yamlfile import Fields, read_yaml

from .contract import ID_PATTERN, ID_RULE  # noqa: F401  (re-exported for loaders)


@dataclass(frozen=True)
class Term:
    """One entry of a closed vocabulary, with the one-line definition learners are shown."""
    id: str
    label: str
    definition: str
    note: str = ""  # OCEBM level for the evidence ladder, DISCERN question for the checklist


@dataclass(frozen=True)
class Concept:
    id: str
    title: str
    subgroup: str
    subgroup_title: str
    priority: bool
    definition: str

    @property
    def citation(self) -> str:
        """How feedback names the concept: its title, then its IHC 2022 subgroup (number, title)."""
        group = "" if self.subgroup_title == self.title else f": {self.subgroup_title}"
        return f"Key concept: {self.title} (IHC Key Concepts 2022, group {self.subgroup}{group})"


@dataclass(frozen=True)
class Index:
    path: str
    exercise_ids: tuple[str, ...]
    claim_kinds: dict[str, Term]
    evidence_levels: dict[str, Term]
    missing_info_answers: dict[str, Term]
    missing_info: dict[str, Term]
    concepts: dict[str, Concept]


_SECTIONS = ["exercises", "claim_kinds", "evidence_levels", "missing_info_answers", "missing_info",
             "ihc_subgroups", "concepts"]


def _terms(fields: Fields, section: str, note_field: str | None = None) -> dict[str, Term]:
    terms: dict[str, Term] = {}
    for position, entry in enumerate(fields.items(section), start=1):
        label = entry.get("id", f"entry {position}") if isinstance(entry, dict) else f"entry {position}"
        item = Fields(entry, fields.path, item=f"{section}: {label}")
        item.only(["id", "label", "definition"] + ([note_field] if note_field else []))
        term_id = _identifier(item, "id")
        if term_id in terms:
            raise item.error("id", f"the id '{term_id}' is used twice in {section}",
                             "give each entry its own id")
        terms[term_id] = Term(term_id, item.text("label"), item.text("definition"),
                              item.text(note_field) if note_field else "")
    return terms


def _identifier(fields: Fields, field: str) -> str:
    value = fields.text(field)
    if not ID_PATTERN.fullmatch(value):
        raise fields.error(field, f"'{value}' is not a usable id", ID_RULE)
    return value


def load_index(path: Path, root: Path) -> Index:
    shown = path.relative_to(root).as_posix()
    fields = Fields(read_yaml(path, shown), shown, what="the index")
    fields.only(_SECTIONS)
    subgroups = {str(number): str(title) for number, title in fields.mapping("ihc_subgroups").items()}
    concepts: dict[str, Concept] = {}
    for position, entry in enumerate(fields.items("concepts"), start=1):
        label = entry.get("id", f"entry {position}") if isinstance(entry, dict) else f"entry {position}"
        item = Fields(entry, shown, item=f"concepts: {label}")
        item.only(["id", "title", "subgroup", "priority", "definition"])
        concept_id = _identifier(item, "id")
        subgroup = item.choice("subgroup", list(subgroups))
        concepts[concept_id] = Concept(concept_id, item.text("title"), subgroup,
                                       subgroups[subgroup], item.boolean("priority"),
                                       item.text("definition"))
    order = fields.items("exercises", required=False)
    seen: set[str] = set()
    for position, exercise_id in enumerate(order, start=1):
        if not isinstance(exercise_id, str) or not ID_PATTERN.fullmatch(exercise_id):
            raise AuthoringError(shown, f"entry {position} of the list, {exercise_id!r}, is not "
                                        "an exercise folder name", ID_RULE, field="exercises")
        if exercise_id in seen:
            raise AuthoringError(shown, f"'{exercise_id}' is listed twice",
                                 "list each exercise once", field="exercises")
        seen.add(exercise_id)
    return Index(path=shown, exercise_ids=tuple(order),
                 claim_kinds=_terms(fields, "claim_kinds"),
                 evidence_levels=_terms(fields, "evidence_levels", "ocebm"),
                 missing_info_answers=_terms(fields, "missing_info_answers"),
                 missing_info=_terms(fields, "missing_info", "source"),
                 concepts=concepts)
