"""Whether the class's answers are being saved: when the data folder stops taking writes
mid-lesson (disk full, drive removed, file damaged), answers are refused (so they stay in the
students' browsers), the class page says why, and the terminal says so at most once a minute."""

from __future__ import annotations

import sys
import threading
import time

from .datafolder import trouble
from .store import FILE_NAME

NOTE_EVERY = 60.0  # seconds between lines in the terminal while saving fails


class Saving:
    def __init__(self, folder=None, out=None, clock=time.monotonic):
        self.folder, self.out, self.clock = folder, out, clock
        self._problem: tuple[str, str] | None = None
        self._noted = -NOTE_EVERY
        self._lock = threading.Lock()

    def failed(self, error: Exception) -> str:
        """Note a failed write; returns what the refused browser is told."""
        why, then = trouble(error)
        with self._lock:
            self._problem = (why, then)
            now = self.clock()
            noting, self._noted = now - self._noted >= NOTE_EVERY, \
                (now if now - self._noted >= NOTE_EVERY else self._noted)
        if noting:
            where = f" in {self.folder}" if self.folder else ""
            print(f"{time.strftime('%H:%M')} Answers are not being saved{where}: {why}. "
                  f"Please {then}. Students' browsers keep them and send them again.",
                  file=self.out or sys.stderr, flush=True)
        return (f"Your teacher's computer cannot save answers just now ({why}). They are kept "
                "in this browser and sent again.")

    def file_gone(self) -> bool:
        """The class file was removed (a drive pulled out, the folder deleted): SQLite would
        go on writing to a file nobody can open again, so nothing may be acknowledged."""
        return self.folder is not None and not (self.folder / FILE_NAME).exists()

    def worked(self) -> None:
        with self._lock:
            self._problem = None

    def status(self) -> dict:
        """What the class page shows: {"ok": true}, or why answers are not being saved."""
        with self._lock:
            problem = self._problem
        if problem is None:
            return {"ok": True}
        return {"ok": False, "why": problem[0], "then": problem[1]}
