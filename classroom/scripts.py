"""The page script: the parts in classroom/scripts/ and each kind's kind.js, joined into one
classic script (pages opened from disk cannot load ES modules), with the contract's limits
and the words of the site's language written at its top."""

from __future__ import annotations

from pathlib import Path

from .contract import script_preamble
from .kinds import KINDS
from .words import table

FOLDER = Path(__file__).resolve().parent / "scripts"
SCRIPT_PATH = "assets/javascripts/exercises.js"
PROJECTOR_PATH = "assets/javascripts/projector.js"  # a few lines, for the case pages only
CLASS_ALSO_PATH = "assets/javascripts/class-also.js"  # the answer key's, in class mode
# What a page holds that each script works on.
_NEEDS = {SCRIPT_PATH: ("data-exercise=", "data-my-answers"), PROJECTOR_PATH: ("data-case=",),
          CLASS_ALSO_PATH: ("data-class-also",)}
BEFORE_KINDS = ["core.js", "store.js", "kinds.js"]
AFTER_KINDS = ["exercise.js", "my-answers.js", "class-boxes.js", "class.js",
               "class-follow.js", "class-appeal.js", "start.js"]


def scripts_needed(html: str) -> list[str]:
    """The scripts of ours a page's content needs: the page script where there is an exercise or
    My answers, the projector's where there is a case text. Other pages (home, glossary, sources,
    the teachers' guide) load no script of ours: quicker on a phone."""
    return [path for path, marks in _NEEDS.items() if any(mark in html for mark in marks)]


def theme_bundle(theme_dirs: list[str]) -> str:
    """The theme's own script bundle, as a path in the site (its name carries a content hash),
    so overrides/main.html can load it deferred in a tag of its own."""
    for folder in map(Path, theme_dirs):
        found = sorted(folder.glob("assets/javascripts/bundle.*.min.js"))
        if found:
            return found[0].relative_to(folder).as_posix()
    raise LookupError("the theme has no assets/javascripts/bundle.*.min.js: is it Material?")


def projector_script() -> str:
    return "(() => {\n" + (FOLDER / "projector.js").read_text(encoding="utf-8") + "})();\n"


def page_script(language: str = "en") -> str:
    parts = [(FOLDER / name).read_text(encoding="utf-8") for name in BEFORE_KINDS]
    parts += [kind.script() for kind in KINDS.values()]
    parts += [(FOLDER / name).read_text(encoding="utf-8") for name in AFTER_KINDS]
    # The class page's words (cp_*) travel in its own script, not in every learner's page.
    words = {"language": language, "words": {key: text for key, text in table(language).items()
                                             if not key.startswith("cp_")}}
    return ("// Weighing Health Claims: the exercises and My answers. Built from classroom/scripts/\n"
            "// and classroom/kinds/*/kind.js; edit those, not this file.\n"
            + script_preamble(words) + "\n".join(parts) + "})();\n")
