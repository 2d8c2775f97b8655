"""Event deduplication: one corpus event for all the articles that report the same happening.

Same PLOVER type, same canonical source and target actors, and the same day. An event without its own
full date is dated by its article's publication day and called vague; vague dates match within a day,
since a report published on the 4th often tells of something that happened on the 3rd. A report with
no day at all (no event date, no publication date) is merged only with reports in its own article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .ids import unused_id

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

#: How far apart two dates may be when one of them is vague.
VAGUE_DAYS = 1


@dataclass(frozen=True)
class EventSlot:
    """A stored corpus event as the deduplicator sees it."""

    id: str
    date: str | None
    vague: bool


def event_day(value: str | None, published: str | None) -> tuple[str | None, bool]:
    """(day, vague): the event's own full date, else the publication day marked vague."""
    if value and _FULL_DATE.match(value):
        return value[:10], False
    return published, True


def event_key(event_type: str, sources: Iterable[str], targets: Iterable[str]) -> str:
    """What two reports must share to be one event, as one indexable string."""
    return f"{event_type}|{','.join(sorted(set(sources)))}|{','.join(sorted(set(targets)))}"


def _days(value: str) -> int | None:
    try:
        return dt.date.fromisoformat(value).toordinal()
    except ValueError:
        return None


def day_window(value: str | None) -> tuple[str, str] | None:
    """The first and last day a report dated `value` can match (for an indexed range lookup)."""
    days = _days(value) if value else None
    if days is None:
        return None
    return (
        dt.date.fromordinal(days - VAGUE_DAYS).isoformat(),
        dt.date.fromordinal(days + VAGUE_DAYS).isoformat(),
    )


def same_day(a: str | None, a_vague: bool, b: str | None, b_vague: bool) -> bool:
    if a is None or b is None:
        # Undated reports of one actor pair doing one thing are taken as one event only among undated ones.
        return a is None and b is None
    if a == b:
        return True
    if not (a_vague or b_vague):
        return False
    da, db = _days(a), _days(b)
    return da is not None and db is not None and abs(da - db) <= VAGUE_DAYS


def pick_event(slots: Iterable[EventSlot], date: str | None, vague: bool) -> EventSlot | None:
    """The stored event this report is about: an exact day first, then the nearest vague match."""
    matches = [s for s in slots if same_day(s.date, s.vague, date, vague)]
    if not matches:
        return None
    exact = [s for s in matches if s.date == date]
    return min(exact or matches, key=lambda s: (s.vague, s.id))


def event_id(key: str, date: str | None, taken: Callable[[str], bool]) -> str:
    return unused_id("V", f"{key}|{date or ''}", taken)


Day = tuple[str | None, bool]  # (day, vague) of a report or an event


def cluster_days(reports: Iterable[Day]) -> dict[Day, Day]:
    """Which event each report of one key belongs to, as (day, vague) -> the event's (day, vague): a
    function of the set of reports alone, so the corpus is the same whatever order articles arrive in.

    Each precise day is one event. A vague report joins the precise event of its own day, else of the
    day before, else of the day after (within VAGUE_DAYS). Vague reports with no precise event near make
    one event per run of neighbouring days, dated by its first day. Undated reports are one event.
    """
    days = set(reports)
    precise = {d for d, vague in days if not vague and d is not None}
    out: dict[Day, Day] = {(d, False): (d, False) for d in precise}
    loose: list[tuple[int, str]] = []
    for day, vague in days:
        if day is None:
            out[(day, vague)] = (None, True)
            continue
        if not vague:
            continue
        n = _days(day)
        if n is None:
            out[(day, vague)] = (day, True)
            continue
        near = [n + k for j in range(1, VAGUE_DAYS + 1) for k in (-j, j)]
        target = next(
            (d for d in (day, *(dt.date.fromordinal(m).isoformat() for m in near)) if d in precise), None
        )
        if target is None:
            loose.append((n, day))
        else:
            out[(day, True)] = (target, False)
    first: str | None = None
    last = 0
    for n, day in sorted(loose):
        if first is None or n - last > VAGUE_DAYS:
            first = day
        out[(day, True)] = (first, True)
        last = n
    return out
