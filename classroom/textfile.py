"""Read a file an author saved: UTF-8, with or without a byte-order mark, or a clear message."""

from __future__ import annotations

import difflib
from pathlib import Path

from .errors import AuthoringError

_BOM = "\ufeff"  # some editors (Notepad) start a UTF-8 file with it; it is not part of the text


def read_author_text(path: Path, shown_as: str) -> str:
    """The text of `path`; if it is not UTF-8, an AuthoringError naming the line of the first
    byte that is not (`shown_as` is the path printed in messages). Missing files raise
    FileNotFoundError, for the caller to explain."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise AuthoringError(
            shown_as, f"the file is not saved as UTF-8 (byte 0x{data[error.start]:02X} on this "
                      "line is not UTF-8; the file was probably saved as Windows-1252 or Latin-1)",
            "open it in your editor and save it as UTF-8 (in Notepad: File, Save as, "
            "Encoding: UTF-8)", line=line) from None
    return text.removeprefix(_BOM)


def lookalike_name(folder: Path, expected: str) -> str | None:
    """A file in `folder` whose name looks like `expected` but is not it (key.yaml, Key.yml,
    keys.yml for key.yml), or None."""
    if not folder.is_dir():
        return None
    names = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != expected)
    stem = expected.rsplit(".", 1)[0].casefold()
    for name in names:
        if name.rsplit(".", 1)[0].casefold() == stem and name.casefold().endswith(
                (".yml", ".yaml")):
            return name
    near = difflib.get_close_matches(expected.casefold(), [n.casefold() for n in names], n=1,
                                     cutoff=0.75)
    return next((name for name in names if near and name.casefold() == near[0]), None)


def misnamed_files(root: Path) -> list[AuthoringError]:
    """Exercise folders where exercise.yml or key.yml is missing but a look-alike is there."""
    errors = []
    for folder in sorted(p for p in (root / "exercises").iterdir() if p.is_dir()):
        for expected in ("exercise.yml", "key.yml"):
            if (folder / expected).exists():
                continue
            found = lookalike_name(folder, expected)
            if found:
                shown = (folder / found).relative_to(root).as_posix()
                errors.append(AuthoringError(
                    shown, f"the build looks for '{expected}' in this folder, not '{found}'",
                    f"rename '{found}' to '{expected}'"))
    return errors
