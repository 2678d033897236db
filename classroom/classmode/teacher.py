"""The teacher's PIN and sessions, and the brake on guessing it. Kept in memory only: a restart
makes a new PIN (unless TEACHER_PIN is set) and asks for it again."""

from __future__ import annotations

import hmac
import secrets
import threading
import time

SESSION_HOURS = 10
FREE_TRIES = 3          # wrong PINs from one device before each further try must wait
LONGEST_WAIT = 300.0    # seconds; the wait doubles with each wrong PIN up to this
FORGET_AFTER = 3600.0   # seconds after the last wrong PIN that a device's count is forgotten


def new_pin() -> str:
    return f"{secrets.randbelow(10**6):06d}"


class Teacher:
    def __init__(self, pin: str):
        self.pin = pin
        self._sessions: dict[str, float] = {}
        self._wrong: dict[str, tuple[int, float]] = {}  # device -> (wrong tries, last try)
        self._lock = threading.Lock()

    def wait_before_trying(self, device: str, now: float | None = None) -> float:
        """Seconds this device must still wait before its next PIN is even looked at."""
        now = time.time() if now is None else now
        with self._lock:
            wrong, last = self._wrong.get(device, (0, 0.0))
        if wrong < FREE_TRIES:
            return 0.0
        return max(0.0, last + min(LONGEST_WAIT, 2.0 ** (wrong - FREE_TRIES + 1)) - now)

    def log_in(self, device: str, pin: str, now: float | None = None) -> str | None:
        """A new session token for the right PIN; None (and a longer wait) for a wrong one."""
        now = time.time() if now is None else now
        if hmac.compare_digest(pin.encode(), self.pin.encode()):
            token = secrets.token_urlsafe(32)
            with self._lock:
                self._wrong.pop(device, None)
                self._sessions[token] = now + SESSION_HOURS * 3600
            return token
        with self._lock:
            wrong, _ = self._wrong.get(device, (0, 0.0))
            self._wrong[device] = (wrong + 1, now)
            for other, (_, last) in list(self._wrong.items()):  # keep the table small
                if now - last > FORGET_AFTER:
                    del self._wrong[other]
        return None

    def is_session(self, token: str | None, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        with self._lock:
            return bool(token) and self._sessions.get(token, 0) > now

    def log_out(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)
