"""The class page's own script (loaded on that page only, so learners' pages stay light): the
shared helpers of the page script, the words, and classroom/classmode/class-page.js."""

from __future__ import annotations

from pathlib import Path

from ..contract import script_preamble
from ..scripts import FOLDER as SCRIPTS
from ..words import table

SCRIPT_PATH = "assets/javascripts/class-page.js"
HERE = Path(__file__).parent
# The board and its refresh; then each section's own file (a new section adds one line here);
# who is in the class and the way in.
PARTS = ["class-page.js", "class-students.js", "class-items.js", "class-marks.js",
         "class-reports.js", "class-checkup.js", "class-people.js",
         "class-appeals.js",  # disagreements with the key
         "class-measuring.js"]  # the test before and after the lessons


def _joined(banner: str, word_prefix: str, parts: list[str], language: str) -> str:
    """The page script's shared helpers (core.js), the words starting with `word_prefix`, then
    `parts` from this folder, as one classic script."""
    words = {"language": language, "words": {key: value for key, value in table(language).items()
                                             if key.startswith(word_prefix)}}
    return (f"// Weighing Health Claims: {banner}. Built from classroom/scripts/core.js and\n"
            f"// classroom/classmode/ {', '.join(parts)}; edit those, not this file.\n"
            + script_preamble(words) + (SCRIPTS / "core.js").read_text(encoding="utf-8") + "\n"
            + "\n".join((HERE / name).read_text(encoding="utf-8") for name in parts) + "})();\n")


def class_page_script(language: str = "en") -> str:
    # Only the class page's own words (cp_*): the learners' words stay in their script.
    return _joined("the teacher's class page", "cp_", PARTS, language)


def class_also_script(language: str = "en") -> str:
    """The answer key's few lines: in class mode, the answers accepted for this class."""
    return _joined("the answer key in class mode", "cp_also", ["class-also.js"], language)
