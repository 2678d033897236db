"""How much one student or one device may ask of the laptop, so that nobody can fill its disk
or slow the class (F5): per student, events a minute and bytes stored in a lesson; per device,
joins a minute. The limits are in contract.py. Counted in memory only: a device's address is
never stored.
"""

from __future__ import annotations

import json
import math
import threading
import time

from ..contract import DEVICE_JOINS_PER_MINUTE, STUDENT_BYTES_PER_LESSON, STUDENT_EVENTS_PER_MINUTE

FORGET_AFTER = 10_000     # remembered students and devices before the idle ones are forgotten


class Bucket:
    """`per_minute` on average, and as many at once: a token bucket."""

    def __init__(self, per_minute: int, now: float):
        self.capacity, self.rate = per_minute, per_minute / 60
        self.tokens, self.when = float(per_minute), now

    def take(self, count: int, now: float, counted: bool = True) -> float:
        """0 when `count` may go now (and they are counted, if `counted`); else the seconds to
        wait."""
        self.tokens = min(self.capacity, self.tokens + (now - self.when) * self.rate)
        self.when = now
        if count <= self.tokens:
            self.tokens -= count if counted else 0
            return 0.0
        return (min(count, self.capacity) - self.tokens) / self.rate

    def idle(self, now: float) -> bool:
        return self.tokens + (now - self.when) * self.rate >= self.capacity


class Quotas:
    """Every student's and device's buckets, shared by the server's threads."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self._lock = threading.Lock()
        self._students: dict[str, Bucket] = {}
        self._devices: dict[str, Bucket] = {}

    def _take(self, buckets: dict, key: str, per_minute: int, count: int,
              counted: bool = True) -> int:
        """Whole seconds to wait before `count` more may go (0: they go now)."""
        with self._lock:
            now = self.clock()
            if len(buckets) > FORGET_AFTER:
                for idle in [k for k, bucket in buckets.items() if bucket.idle(now)]:
                    del buckets[idle]
            bucket = buckets.setdefault(key, Bucket(per_minute, now))
            return math.ceil(bucket.take(count, now, counted))

    def join(self, device: str) -> int:
        return self._take(self._devices, device, DEVICE_JOINS_PER_MINUTE, 1)

    def events(self, student: str, count: int) -> int:
        return self._take(self._students, student, STUDENT_EVENTS_PER_MINUTE, count)

    def events_wait(self, student: str) -> int:
        """Whole seconds before this student may send one more event (0: now); counts nothing."""
        return self._take(self._students, student, STUDENT_EVENTS_PER_MINUTE, 1, counted=False)


def answers_size(events: list) -> int:
    """The UTF-8 bytes these events' answers take once stored (as store.add_events writes them)."""
    return sum(len(json.dumps(event.get("items"), ensure_ascii=False,
                              separators=(",", ":")).encode("utf-8"))
               for event in events if isinstance(event, dict))


def over_lesson_quota(stored: int, events: list) -> bool:
    return stored + answers_size(events) > STUDENT_BYTES_PER_LESSON
