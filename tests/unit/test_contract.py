"""The contract between Python and the page scripts is written once, in classroom/contract.py:
every data-* attribute a template writes or a script reads is declared there, every declared
one is used, and both scripts start from the one preamble that carries CONTRACT."""

from __future__ import annotations

import re
from pathlib import Path

from classroom import contract
from classroom.classmode.page import class_page_script
from classroom.scripts import page_script
from support import ROOT

PACKAGE = ROOT / "classroom"
# Where the two sides meet: templates, the kinds' widgets, and every script.
SCANNED = ["templates/**/*", "kinds/*/*.html", "scripts/*.js", "kinds/*/kind.js",
           "classmode/*.js"]
THEMES = ["data-md-"]  # Material's own attributes: the theme's contract, not ours
ATTRIBUTE = re.compile(r"\bdata-[a-z][a-z0-9-]*")
DATASET = re.compile(r"\bdataset\.([a-zA-Z][a-zA-Z0-9]*)")


def scanned_files() -> list[Path]:
    files = {path for pattern in SCANNED for path in PACKAGE.glob(pattern) if path.is_file()}
    files |= {path for path in (ROOT / "overrides").rglob("*") if path.is_file()}
    return sorted(files)


def attributes_used():
    """(file:line, attribute) for each data-* attribute named in a template or script, as
    data-x-y or as dataset.xY."""
    for path in scanned_files():
        shown = path.relative_to(ROOT).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            for match in ATTRIBUTE.finditer(line):
                yield f"{shown}:{number}", match.group(0)
            for match in DATASET.finditer(line):
                name = re.sub(r"[A-Z]", lambda upper: "-" + upper.group(0).lower(),
                              match.group(1))
                yield f"{shown}:{number}", f"data-{name}"


def declared(attribute: str) -> bool:
    if attribute.endswith("-"):  # a prefix a script completes, as in "[data-class-" + name
        return any(name.startswith(attribute) for name in contract.ATTRIBUTES)
    return attribute in contract.ATTRIBUTES or attribute.startswith(tuple(THEMES))


def test_every_data_attribute_in_templates_and_scripts_is_declared_in_the_contract():
    undeclared = [f"{place}: {attribute}" for place, attribute in attributes_used()
                  if not declared(attribute)]
    assert not undeclared, ("declare these in classroom/contract.py ATTRIBUTES:\n"
                            + "\n".join(undeclared))


def test_every_declared_attribute_is_used_somewhere():
    used = {attribute for _, attribute in attributes_used()}
    unused = sorted(set(contract.ATTRIBUTES) - used)
    assert not unused, f"declared in classroom/contract.py but used nowhere: {unused}"


def test_both_scripts_start_with_the_one_preamble_and_end_their_scope():
    for script in (page_script("en"), class_page_script("en")):
        body = script[script.index("(() => {"):]
        assert body.startswith(contract.script_preamble({})[:contract.script_preamble(
            {}).index("const WORDS")])
        assert script.rstrip().endswith("})();")


def test_the_contract_carries_every_shared_name():
    shared = contract.limits()
    assert shared["classCookie"] == contract.CLASS_COOKIE
    assert shared["apiPrefix"] == "/api/"
    assert shared["storageKeys"]["answers"] == contract.STORAGE_PREFIX
    assert shared["feedbackModes"] == list(contract.FEEDBACK_MODES)
    assert set(shared["verdicts"]) == {"right", "partly", "wrong", "unanswered", "answered"}
