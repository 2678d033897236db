"""The data folder as the teacher knows it: opened with one plain line when it cannot be used
(full, read-only, damaged, newer), held by one server at a time (a lock file naming the server
that holds it), and left whole on stopping (one file holds the class, WAL checkpointed)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from .schema import SchemaTooNew
from .store import ClassStore

LOCK_NAME = "server.lock"

try:  # POSIX: a lock the system releases when the process ends, even when it is killed
    import fcntl
except ImportError:  # Windows
    fcntl = None
    import msvcrt


class DataFolderError(ValueError):
    """The data folder cannot be used; the message names it and says what to do."""


def trouble(error: Exception) -> tuple[str, str]:
    """(what is wrong, what to do) for an error from the data folder, in plain words."""
    text = str(error).lower()
    if "full" in text or getattr(error, "errno", None) == 28:
        return "the disk is full", "free some space on this computer"
    if "readonly" in text or "read-only" in text or isinstance(error, PermissionError):
        return ("the data folder cannot be written to", "choose a folder you can write to, "
                "e.g. DATA=classroom-data")
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return ("class.sqlite3 in the data folder is damaged", "move that file elsewhere (keep it) and start "
                "again, or choose another folder, e.g. DATA=classroom-data-new")
    if "unable to open" in text or "i/o" in text or isinstance(error, FileNotFoundError):
        return ("the data folder cannot be reached (was a drive removed?)", "check the folder is there, or "
                "choose another, e.g. DATA=classroom-data")
    return str(error), "check the folder, or choose another, e.g. DATA=classroom-data"


class FolderLock:
    """`server.lock` in the data folder, locked while this server runs; it says which server
    holds the folder (process and address), for a second one to tell the teacher."""

    def __init__(self, folder: Path, address: str = ""):
        self.path = folder / LOCK_NAME
        self._file = open(self.path, "a+", encoding="utf-8")
        try:
            if fcntl:
                fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                self._file.seek(0)
                msvcrt.locking(self._file.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            self._file.seek(0)
            holder = self._file.read().strip() or "another process"
            self._file.close()
            raise DataFolderError(
                f"The data folder {folder} is in use by another server ({holder}). Stop that "
                "one first (Ctrl+C in its window), or give this one another folder, e.g. "
                "DATA=classroom-data-2.") from None
        self._file.seek(0)
        self._file.truncate()
        self._file.write(f"process {os.getpid()}" + (f", {address}" if address else ""))
        self._file.flush()

    def release(self) -> None:
        if self._file.closed:
            return
        self._file.seek(0)
        self._file.truncate()  # no stale holder named once this server has stopped
        self._file.flush()
        if fcntl:
            fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()


def open_data_folder(folder: Path, address: str = "") -> tuple[ClassStore, FolderLock]:
    """The class's store in `folder`, held by this server; DataFolderError in one line when the
    folder cannot be used."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = FolderLock(folder, address)
    except OSError as error:
        why, then = trouble(error)
        raise DataFolderError(f"Class mode cannot use the data folder {folder}: {why}. "
                              f"Please {then}.") from None
    try:
        return ClassStore(folder), lock
    except SchemaTooNew as error:
        lock.release()
        raise DataFolderError(str(error)) from None
    except (sqlite3.Error, OSError) as error:
        lock.release()
        why, then = trouble(error)
        raise DataFolderError(f"Class mode cannot use the data folder {folder}: {why}. "
                              f"Please {then}.") from None
