"""Limits of the claim check endpoint: how big a request may be and how often one client may ask.

A check parses the claim and its sources with spaCy (tens to hundreds of milliseconds each), so an open
endpoint without limits would let one client keep every worker busy.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass

from fastapi import HTTPException, Request


@dataclass(frozen=True)
class CheckLimits:
    claim_chars: int = 2000
    documents: int = 10
    per_minute: int = 30


CHECK_LIMITS = CheckLimits()
_recent: dict[str, deque[float]] = defaultdict(deque)
_lock = threading.Lock()


def check_rate(request: Request, limits: CheckLimits = CHECK_LIMITS) -> None:
    """429 when this client has asked more than `per_minute` checks in the last minute."""
    client = request.client.host if request.client else "unknown"
    now = time.monotonic()
    with _lock:
        times = _recent[client]
        while times and now - times[0] > 60:
            times.popleft()
        if len(times) >= limits.per_minute:
            raise HTTPException(429, f"more than {limits.per_minute} checks a minute from this client; wait")
        times.append(now)
