"""Exercises: loaded from exercises/<id>/exercise.yml (what learners see) and key.yml (answers).

What an exercise holds depends on its kind; each kind loads its own items (classroom/kinds/).
Every check an author could trip over is made there or here, and each failure is one
AuthoringError that names the file, the item and the field, and says what to do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .cases import Case
from .errors import AuthoringError, Collector
from .forms import check_form, forms_problems, read_form
from .kinds import KINDS, Kind, kind_named
from .kinds.base import Context, Item
from .kinds.mark_claims import Sentence, text_version
from .textfile import lookalike_name
from .vocabulary import Index
from .yamlfile import Fields, read_yaml

EXERCISE_FIELDS = ["title", "kind", "case", "intro", "items", "from_paragraph", "to_paragraph",
                   "assessment", "form"]

__all__ = ["Exercise", "Item", "Sentence", "load_exercises"]


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    kind: str
    intro: str
    items: tuple[Item, ...]
    case: Case | None = None
    paragraphs: tuple[tuple[int, tuple[Sentence, ...]], ...] = ()  # mark-claims only
    not_claims: dict[str, str] = field(default_factory=dict)  # sentence id -> reason
    either: dict[str, dict] = field(default_factory=dict)  # sentence id -> {kinds, feedback}
    assessment: bool = False  # a check-up: its key stays on the teacher's laptop
    form: str = ""  # "A" or "B": a parallel form of the measuring test (classroom/forms.py)

    @property
    def handler(self) -> Kind:
        """The kind's code: its templates, key payload and scorer."""
        return kind_named(self.kind)

    @property
    def sentences(self) -> list[Sentence]:
        return [sentence for _, group in self.paragraphs for sentence in group]

    @property
    def text_version(self) -> str:
        return text_version(self)


def load_exercises(folder: Path, root: Path, index: Index, cases: dict[str, Case]) -> list[Exercise]:
    """Every exercise, in the order index.yml gives; any folder it does not list is an error.
    Every exercise is checked, and all the mistakes found are reported together."""
    problems = Collector()
    present = sorted(path.parent.name for path in folder.glob("*/exercise.yml"))
    for name in present:
        if name not in index.exercise_ids:
            problems.add(AuthoringError(f"exercises/{name}", "this exercise is not listed in the "
                                        "index", f"add '{name}' to the 'exercises:' list in "
                                        f"{index.path}, where it should come in order",
                                        field="exercises"))
    exercises = []
    for exercise_id in index.exercise_ids:
        with problems.attempt():
            exercises.append(load_exercise(folder / exercise_id, root, index, cases))
    for problem in forms_problems(exercises, index.path):
        problems.add(problem)
    problems.raise_if_any()
    return exercises


def load_exercise(folder: Path, root: Path, index: Index, cases: dict[str, Case]) -> Exercise:
    shown = folder.relative_to(root).as_posix()
    misnamed = lookalike_name(folder, "exercise.yml")
    if not (folder / "exercise.yml").exists() and misnamed:
        raise AuthoringError(f"{shown}/{misnamed}", "the exercise file must be called "
                             "exercise.yml", f"rename {misnamed} to 'exercise.yml'")
    if not (folder / "exercise.yml").exists():
        raise AuthoringError(index.path, f"the exercise '{folder.name}' is listed, but "
                                         f"{shown}/exercise.yml does not exist",
                             "create the folder with exercise.yml and key.yml, or remove the "
                             "entry from the list", field="exercises")
    learner = Fields(read_yaml(folder / "exercise.yml", f"{shown}/exercise.yml"),
                     f"{shown}/exercise.yml", what="the exercise file")
    key = Fields(read_yaml(folder / "key.yml", f"{shown}/key.yml"), f"{shown}/key.yml",
                 what="the key file")
    learner.only(EXERCISE_FIELDS)
    kind = KINDS[learner.choice("kind", list(KINDS))]
    case_id = learner.choice("case", sorted(cases), required=kind.on_a_case)
    key.only(kind.key_fields)
    context = Context(folder.name, learner, key, index, cases.get(case_id) if case_id else None)
    exercise = Exercise(id=folder.name, title=learner.text("title"), kind=kind.name,
                        intro=learner.text("intro", required=False), case=context.case,
                        assessment=learner.boolean("assessment"), form=read_form(learner),
                        **kind.load(context))
    check_form(exercise, learner, key, index)
    return exercise
