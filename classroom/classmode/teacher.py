"""The teacher's PIN and sessions, and the brake on guessing it. The PIN is kept hashed in the
data folder, so it stays the same across restarts until the teacher makes a new one (D11);
TEACHER_PIN, when set, is used instead. The browser on the laptop itself needs no PIN, and it
is there that the teacher reads the PIN for other devices (never in the terminal, D3).
Sessions are kept in memory only: a restart asks for the PIN again."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
import secrets
import threading
import time
from pathlib import Path

SESSION_HOURS = 10
FREE_TRIES = 3          # wrong PINs from one device before each further try must wait
LONGEST_WAIT = 300.0    # seconds; the wait doubles with each wrong PIN up to this
FORGET_AFTER = 3600.0   # seconds after the last wrong PIN that a device's count is forgotten
CLASS_FREE_TRIES = 20   # wrong PINs from all devices together before every device must wait (N3)
PIN_FILE = "teacher-pin.json"
ROUNDS = 200_000        # PBKDF2 rounds of the kept hash


def new_pin() -> str:
    return f"{secrets.randbelow(10**6):06d}"


def pin_hash(pin: str, salt: str) -> str:
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), ROUNDS).hex()


def _wait(wrong: int, last: float, free: int, now: float) -> float:
    if wrong < free:
        return 0.0
    return max(0.0, last + min(LONGEST_WAIT, 2.0 ** (wrong - free + 1)) - now)


class Teacher:
    def __init__(self, pin: str | None, pin_file: Path | None = None, own_addresses=()):
        """`pin` known this run (TEACHER_PIN, or one just made), or None to check PINs against
        the hash kept in `pin_file`; `own_addresses` are this computer's (no PIN from them)."""
        self.pin = pin
        self._pin_file = pin_file
        self._kept = None if pin else json.loads(pin_file.read_text(encoding="utf-8"))
        self._own = set(own_addresses)
        self._sessions: dict[str, float] = {}
        self._wrong: dict[str, tuple[int, float]] = {}  # device -> (wrong tries, last try)
        self._wrong_all = (0, 0.0)                     # every device's together
        self._lock = threading.Lock()

    @classmethod
    def for_folder(cls, folder: Path, pin: str | None, own_addresses=()) -> "Teacher":
        """TEACHER_PIN if given; else the PIN kept (hashed) in the data folder; else a new one,
        kept there."""
        if pin:
            return cls(pin, own_addresses=own_addresses)
        if (folder / PIN_FILE).exists():
            try:
                return cls(None, folder / PIN_FILE, own_addresses)
            except (ValueError, KeyError, OSError):
                pass  # an unreadable file: a new PIN replaces it
        teacher = cls(new_pin(), folder / PIN_FILE, own_addresses)
        teacher._keep(teacher.pin)
        return teacher

    def _keep(self, pin: str) -> None:
        salt = secrets.token_hex(16)
        kept = {"salt": salt, "pbkdf2_sha256": pin_hash(pin, salt)}
        if self._pin_file:
            partial = self._pin_file.with_suffix(".tmp")
            partial.write_text(json.dumps(kept), encoding="utf-8")
            os.replace(partial, self._pin_file)
        self._kept = kept

    def make_new_pin(self, keep_session: str | None = None) -> str:
        """A new PIN, kept hashed; every other browser signed in must type it."""
        pin = new_pin()
        self._keep(pin)
        with self._lock:
            self.pin = pin
            self._sessions = {token: end for token, end in self._sessions.items()
                              if token == keep_session}
        return pin

    def is_here(self, address: str | None) -> bool:
        """A request from this computer itself (loopback, or one of its own addresses)."""
        try:
            return ipaddress.ip_address(address or "").is_loopback or address in self._own
        except ValueError:
            return False

    def _right(self, pin: str) -> bool:
        if self.pin:
            return hmac.compare_digest(pin.encode(), self.pin.encode())
        return hmac.compare_digest(pin_hash(pin, self._kept["salt"]), self._kept["pbkdf2_sha256"])

    def wait_before_trying(self, device: str, now: float | None = None) -> float:
        """Seconds this device must still wait before its next PIN is even looked at: its own
        wrong tries, or those of all devices together (many addresses guessing at once)."""
        now = time.time() if now is None else now
        with self._lock:
            wrong, last = self._wrong.get(device, (0, 0.0))
            wrong_all, last_all = self._wrong_all
        if now - last_all > FORGET_AFTER:
            wrong_all = 0
        return max(_wait(wrong, last, FREE_TRIES, now),
                   _wait(wrong_all, last_all, CLASS_FREE_TRIES, now))

    def log_in(self, device: str, pin: str, now: float | None = None) -> str | None:
        """A new session token for the right PIN; None (and a longer wait) for a wrong one."""
        now = time.time() if now is None else now
        if self._right(pin):
            return self.session(device, now)
        with self._lock:
            wrong, _ = self._wrong.get(device, (0, 0.0))
            self._wrong[device] = (wrong + 1, now)
            wrong_all, last_all = self._wrong_all
            self._wrong_all = (1 if now - last_all > FORGET_AFTER else wrong_all + 1, now)
            for other, (_, last) in list(self._wrong.items()):  # keep the table small
                if now - last > FORGET_AFTER:
                    del self._wrong[other]
        return None

    def session(self, device: str, now: float | None = None) -> str:
        """A new session token (the PIN was right, or the browser is on this computer)."""
        now = time.time() if now is None else now
        token = secrets.token_urlsafe(32)
        with self._lock:
            self._wrong.pop(device, None)
            self._sessions[token] = now + SESSION_HOURS * 3600
        return token

    def is_session(self, token: str | None, now: float | None = None) -> bool:
        now = time.time() if now is None else now
        with self._lock:
            return bool(token) and self._sessions.get(token, 0) > now

    def log_out(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)
