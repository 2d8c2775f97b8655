"""Limits of the claim check endpoint: how big a request may be and how often one client may ask.

A check parses the claim and its sources with spaCy (tens to hundreds of milliseconds each), so an open
endpoint without limits would let one client keep every worker busy.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass

from fastapi import HTTPException, Request


@dataclass(frozen=True)
class CheckLimits:
    claim_chars: int = 2000
    documents: int = 10
    per_minute: int = 30


CHECK_LIMITS = CheckLimits()
_WINDOW = 60.0  # seconds


class RateLimiter:
    """The checks each client asked for in the last minute. One per app (create_app makes it), not one
    per process: two apps, or the tests' many apps, do not share their clients' counts."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._recent: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str, now: float | None = None) -> bool:
        """Count one check of `client` unless it has had `per_minute` in the last minute."""
        now = time.monotonic() if now is None else now
        with self._lock:
            times = self._recent.setdefault(client, deque())
            while times and now - times[0] > _WINDOW:
                times.popleft()
            if len(times) >= self.per_minute:
                return False
            times.append(now)
            # Forget the clients whose last check is a minute old, so the table does not grow with every
            # address that ever asked.
            if len(self._recent) > 1:
                for other in [c for c, t in self._recent.items() if not t or now - t[-1] > _WINDOW]:
                    del self._recent[other]
            return True


def check_rate(request: Request) -> None:
    """429 when this client has asked more than the app's limit of checks in the last minute."""
    limiter: RateLimiter = request.app.state.check_rate
    client = request.client.host if request.client else "unknown"
    if not limiter.allow(client):
        raise HTTPException(429, f"more than {limiter.per_minute} checks a minute from this client; wait")
