"""Calendar arithmetic for TIMEX3 values: pure functions from an anchor date and a parsed expression.

Every function returns None rather than guessing when the date does not exist (Feb 30) or the year is
out of the range a news article can mean; the caller keeps the expression with a null value.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal

Direction = Literal["past", "future", "present", "none"]

MIN_YEAR = 1000
MAX_YEAR = 2999

SEASON_ORDER = ("SP", "SU", "FA", "WI")  # chronological; winter = December and after


def parse_anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        anchor = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    # an anchor at the edge of the calendar would overflow date arithmetic; no news is dated there
    return anchor if year_ok(anchor.year) else None


_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def day_of(value: str | None) -> dt.date | None:
    """The day a value begins with ("2023-08-03", "2023-08-03TNI"); None for a coarser one ("2023-08")."""
    return parse_anchor(value[:10]) if value and _FULL_DATE.match(value) else None


STORY_WEEK = 7  # days from publication within which a day named earlier is one of the story's own days


def in_story_week(day: dt.date | None, published: dt.date | None) -> bool:
    """Whether a day named earlier in the text is one of the story's own days, within a week of
    publication's; an older date is background ('founded on May 3, 1990')."""
    return day is not None and published is not None and abs((day - published).days) <= STORY_WEEK


def year_ok(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def make_date(year: int, month: int, day: int) -> dt.date | None:
    if not year_ok(year):
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def day_value(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def date_of_value(value: str | None) -> dt.date | None:
    """The date a value's leading year, month and day name, the 1st where the month or the day is missing
    ("2023" 2023-01-01, "2023-08" 2023-08-01, "2023-08-03TNI" 2023-08-03); None without a year."""
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?", value)
    if not m:
        return None
    return make_date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


def month_value(year: int, month: int) -> str | None:
    return f"{year:04d}-{month:02d}" if year_ok(year) and 1 <= month <= 12 else None


def year_value(year: int) -> str | None:
    return f"{year:04d}" if year_ok(year) else None


def week_value(d: dt.date) -> str:
    # ISO 8601 and the output contract write two-digit weeks (1998-W08); the TempEval gold writes some
    # unpadded (2000-W7), and the scorer reads both as the same week.
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + k
    return n // 12, n % 12 + 1


def expand_two_digit_year(yy: int, anchor: dt.date | None) -> int:
    """'98 -> 1998, '05 -> 2005: the century that puts the year nearest the anchor (or 2000)."""
    ref = anchor.year if anchor else 2000
    base = ref - ref % 100
    options = (base - 100 + yy, base + yy, base + 100 + yy)
    return min(options, key=lambda y: abs(y - ref))


# ---------------------------------------------------------------- underspecified dates


def weekday_date(anchor: dt.date, weekday: int, direction: Direction, strict: bool = False) -> dt.date:
    """The date of ISO `weekday` nearest the anchor in `direction`.

    Past (and no cue) looks back, future and present look ahead; the anchor's own weekday is the
    anchor itself unless `strict` ("last Friday", "next Friday").
    """
    delta = weekday - anchor.isoweekday()
    if direction in ("future", "present"):
        if delta < 0 or (strict and delta == 0):
            delta += 7
    elif delta > 0 or (strict and delta == 0):
        delta -= 7
    return anchor + dt.timedelta(days=delta)


# How much a candidate on the wrong side of the anchor costs, by tense: the tense parse is often wrong,
# and news dates cluster near publication, so distance counts too ("the Jan. 14 deadline", said Jan. 5).
_SIDE_WEIGHTS: dict[str, tuple[float, float]] = {
    "past": (1.0, 4.0),
    "future": (4.0, 1.0),
    "present": (3.0, 1.0),
    "none": (1.0, 2.0),
}


def _pick(anchor: dt.date, candidates: list[dt.date], direction: Direction) -> dt.date | None:
    w_past, w_future = _SIDE_WEIGHTS[direction]
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c - anchor).days * (w_future if c > anchor else -w_past))


def month_year(anchor: dt.date, month: int, direction: Direction, strict: bool = False) -> int:
    """The year of a month named without one: the month nearest the anchor, weighted by tense.

    `strict` ("last October", "next April") takes the nearest one strictly on the tense's side.
    """
    if strict:
        year = anchor.year
        if direction in ("future", "present"):
            return year + 1 if month <= anchor.month else year
        return year - 1 if month >= anchor.month else year
    if month == anchor.month:
        return anchor.year
    if direction == "past":
        # "the law took effect in October": a past verb points at the latest October up to publication
        return anchor.year if month <= anchor.month else anchor.year - 1
    if direction == "future":
        # "the law takes effect in June" (said in August): a future verb points at the next June
        return anchor.year if month >= anchor.month else anchor.year + 1
    candidates = [dt.date(anchor.year + k, month, 15) for k in (-1, 0, 1) if year_ok(anchor.year + k)]
    mid = anchor.replace(day=15)
    best = _pick(mid, candidates, direction)
    return best.year if best else anchor.year


def day_month_date(anchor: dt.date, month: int, day: int, direction: Direction) -> dt.date | None:
    """A day and month without a year: the occurrence nearest the anchor, weighted by tense."""
    candidates = [c for c in (make_date(anchor.year + k, month, day) for k in (-1, 0, 1)) if c]
    return _pick(anchor, candidates, direction)


def season_value(anchor: dt.date, season: str, offset: int | None, direction: Direction) -> str:
    """'last summer' (offset -1), 'this winter' (0), 'next spring' (+1), or a bare season by tense.

    Seasons are numbered year * 4 + position so that 'the previous summer' is simple arithmetic.
    """
    year, code = season_of(anchor)
    current = year * 4 + SEASON_ORDER.index(code)
    target = SEASON_ORDER.index(season)
    if offset == 0 or (offset is None and target == current % 4):
        index = anchor.year * 4 + target if offset == 0 else current
    else:
        back = offset == -1 or (offset is None and direction in ("past", "none"))
        index = current - 1 if back else current + 1
        while index % 4 != target:
            index += -1 if back else 1
    return f"{index // 4}-{season}"


def season_of(d: dt.date) -> tuple[int, str]:
    """(year, code) of the meteorological season holding `d`; winter belongs to the year it starts in."""
    m = d.month
    if m in (3, 4, 5):
        return d.year, "SP"
    if m in (6, 7, 8):
        return d.year, "SU"
    if m in (9, 10, 11):
        return d.year, "FA"
    return (d.year if m == 12 else d.year - 1), "WI"


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


# ---------------------------------------------------------------- relative to the anchor


def shift_value(anchor: dt.date, unit: str, k: int) -> str | None:
    """The calendar unit holding the anchor moved by k: 'last week' -> W-1, 'next month' -> M+1."""
    if unit == "D":
        return day_value(anchor + dt.timedelta(days=k))
    if unit == "W":
        return week_value(anchor + dt.timedelta(weeks=k))
    if unit == "WE":
        return week_value(anchor + dt.timedelta(weeks=k)) + "-WE"
    if unit == "M":
        y, m = add_months(anchor.year, anchor.month, k)
        return month_value(y, m)
    if unit == "3M":
        y, m = add_months(anchor.year, (quarter_of(anchor) - 1) * 3 + 1, 3 * k)
        return f"{y:04d}-Q{(m - 1) // 3 + 1}" if year_ok(y) else None
    if unit == "Y":
        return year_value(anchor.year + k)
    if unit == "10Y":
        decade = anchor.year // 10 + k
        return f"{decade:03d}" if decade > 0 else None
    if unit == "100Y":
        century = anchor.year // 100 + k
        return f"{century:02d}" if century > 0 else None
    return None


def ago_value(anchor: dt.date, n: float, unit: str, sign: int = -1) -> str | None:
    """'two days ago' -> the day; 'six weeks ago' -> that week; '41 years ago' -> the year."""
    try:
        return _ago_value(anchor, n, unit, sign)
    except (OverflowError, ValueError):
        return None  # "a million days ago": before any calendar date


def _ago_value(anchor: dt.date, n: float, unit: str, sign: int) -> str | None:
    k = sign * n
    if unit in ("TS", "TM", "TH"):
        return day_value(anchor)
    if unit == "D":
        return day_value(anchor + dt.timedelta(days=round(k)))
    if unit in ("W", "2W"):
        weeks = k * (2 if unit == "2W" else 1)
        return week_value(anchor + dt.timedelta(weeks=round(weeks)))
    if unit in ("M", "3M"):
        months = round(k * (3 if unit == "3M" else 1))
        y, m = add_months(anchor.year, anchor.month, months)
        return month_value(y, m)
    years = {"Y": 1, "10Y": 10, "100Y": 100}.get(unit)
    if years is None:
        return None
    if unit == "Y" and k != round(k):
        # "a year and a half later": a month's granularity, as "18 months later" has
        y, m = add_months(anchor.year, anchor.month, round(k * 12))
        return month_value(y, m)
    return year_value(anchor.year + round(k * years))


# ---------------------------------------------------------------- durations


_SMALLER = {
    "Y": ("M", 12),
    "M": ("D", 30),
    "W": ("D", 7),
    "D": ("TH", 24),
    "TH": ("TM", 60),
    "TM": ("TS", 60),
}


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: (3, 'D') -> P3D, (2, 'TH') -> PT2H, (None, 'Y') -> PXY, (5.5, 'TH') -> PT5H30M."""
    mult = 1
    if unit[0].isdigit():  # fortnight, quarter, decade, century: a multiple of a base unit
        digits = unit.rstrip("YMWD")
        mult, unit = int(digits), unit[len(digits) :]
    time = unit.startswith("T")
    letter = unit[-1]
    if n is None:
        return f"PT{'X'}{letter}" if time else f"PX{letter}"
    total = n * mult
    if total != int(total) and unit in _SMALLER:
        whole = int(total)
        small_unit, factor = _SMALLER[unit]
        rest = round((total - whole) * factor)
        if whole == 0:
            return duration_value(rest, small_unit)
        head = duration_value(whole, unit)
        tail = duration_value(rest, small_unit)
        if small_unit.startswith("T") and not time:
            return head + tail[1:]
        return head + tail[2:] if time else head + tail[1:]
    amount = int(total)
    return f"PT{amount}{letter}" if time else f"P{amount}{letter}"


# ---------------------------------------------------------------- holidays


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return dt.date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        delta = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=delta + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    delta = (last.isoweekday() - weekday) % 7
    return last - dt.timedelta(days=delta + 7 * (-n - 1))


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The date of a holiday rule (see lexicons/timex_holidays.tsv) in `year`."""
    if not year_ok(year):
        return None
    kind, *args = rule.split()
    if kind == "fixed":
        month, day = (int(x) for x in args[0].split("-"))
        return make_date(year, month, day)
    if kind == "nth":
        return nth_weekday(year, int(args[1]), int(args[0]), int(args[2]))
    if kind in ("easter", "easterweek"):
        return easter(year) + dt.timedelta(days=int(args[0]) if args else 0)
    if kind == "election":
        monday = nth_weekday(year, 11, 1, 1)
        return monday + dt.timedelta(days=1)
    return None


def holiday_value(rule: str, anchor: dt.date, direction: Direction, offset: int | None) -> str | None:
    """A holiday named without a year: this year's, or the previous/next one by `offset` or tense."""
    this = holiday_date(rule, anchor.year)
    if this is None:
        return None
    year = anchor.year
    if offset == -1:
        year = year if this < anchor else year - 1
    elif offset == 1:
        year = year if this > anchor else year + 1
    elif offset is None:
        if direction in ("past", "none") and this > anchor + dt.timedelta(days=31):
            year -= 1
        elif direction in ("future", "present") and this < anchor - dt.timedelta(days=31):
            year += 1
    d = holiday_date(rule, year)
    if d is None:
        return None
    return week_value(d) if rule.startswith("easterweek") else d.isoformat()
