"""The class data's schema version (SQLite's `PRAGMA user_version`): a data folder is upgraded
step by step at start, after a copy of it is kept; one written by a newer version is refused.

The steps are `MIGRATIONS` in migrations.py, in order: a folder's version is the number of steps it
has had. To change the schema, append one step (a string of SQL); never edit a step that has
been released, since folders already past it will not run it again.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path


class SchemaTooNew(ValueError):
    """The data folder was written by a newer version of the module than this one."""


def version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def has_tables(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0


def kept_copy_name(path: Path, old: int) -> Path:
    return path.with_name(f"{path.name}.version-{old}-{time.strftime('%Y%m%d-%H%M%S')}.bak")


def upgrade(db: sqlite3.Connection, path: Path, steps: list[str]) -> Path | None:
    """Bring the file to the version of `steps`, each step in one transaction with its version.
    Returns the copy kept of a folder that had data before (None for a new or current one)."""
    old = version(db)
    if old > len(steps):
        raise SchemaTooNew(
            f"The class data in {path.parent} was written by a newer version of this module "
            f"(data version {old}; this one knows up to {len(steps)}). Serve it with the newer "
            "version, or choose another folder, e.g. DATA=classroom-data-new.")
    if old == len(steps):
        return None
    kept = None
    if has_tables(db):  # an older folder with data: keep it as it was before changing it
        kept = kept_copy_name(path, old)
        with sqlite3.connect(kept) as copy:
            db.backup(copy)
        copy.close()
    for number, step in enumerate(steps[old:], start=old + 1):
        try:
            db.executescript(f"BEGIN IMMEDIATE;\n{step}\nPRAGMA user_version = {number};\nCOMMIT;")
        except sqlite3.Error:
            if db.in_transaction:  # a step is all or nothing
                db.execute("ROLLBACK")
            raise
    return kept
