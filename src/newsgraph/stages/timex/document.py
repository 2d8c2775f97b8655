"""Document-level passes over the valued expressions: what one expression's value takes from the others
once all are found (expressions.run calls them in order).

- the second day of a range takes its first day's year ("March 1-2");
- a schedule under a later year named before it runs on from that year in calendar order;
- "the first six months of 1996" is one expression, the half (quarter) of that year;
- "year-earlier" takes the period just named, a year back ("the first six months of 1996 ... year-earlier");
- a possessive weekday takes the day the document's other mentions of it agree on.
"""

from __future__ import annotations

import re

from . import values as val

_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
# the gap and second day of "March 1-2", "June 5 to 9"
_RANGE_END_DAY = re.compile(r"\s*(?:and|or|to|through|-|–)\s*\d{1,2}")


_DAY_ONLY = re.compile(r"\d{1,2}")
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|(?i:\bnext\s+year\b)")
_SCHEDULE_GAP = 150  # characters between two lines of a schedule
_SCHEDULE_LOOKBACK = 400  # how far before its first line a schedule's year may be named


def schedule_years(found: list[val.Result], text: str) -> list[val.Result]:
    """A schedule (three or more days without a year, each a line or so after the last) under a later year
    named just before it ("a tour starting on May 13 next year ... May 14 Practice ... June 5-9 First
    test") runs on from that year in calendar order, whatever each line's own tense reading gave."""
    out = list(found)
    i = 0
    while i < len(out):
        if not _yearless_day(out[i], text):
            i += 1
            continue
        run, k = [i], i + 1
        while k < len(out) and out[k].start - out[run[-1]].end <= _SCHEDULE_GAP:
            # a line's other expressions ("three days", "one-day international") do not end the schedule
            if _yearless_day(out[k], text):
                run.append(k)
            elif out[k].type == "DATE" and _WRITTEN_YEAR.search(text, out[k].start, out[k].end):
                break
            k += 1
        if len(run) >= 3:
            seed = next(
                (
                    r
                    for r in reversed(out[:i])
                    if r.value and _WRITTEN_YEAR.search(text, r.start, r.end) and r.value[:4].isdigit()
                ),
                None,
            )
            value, seed_value = out[i].value or "", (seed.value or "") if seed else ""
            if (
                seed
                and out[i].start - seed.end <= _SCHEDULE_LOOKBACK
                and int(seed_value[:4]) > int(value[:4])
            ):
                year, previous = int(seed_value[:4]), seed_value[5:10]
                for k in run:
                    r = out[k]
                    month_day = (r.value or "")[5:10]
                    year += 1 if previous and month_day < previous else 0
                    out[k] = val.Result(r.start, r.end, r.type, f"{year}{(r.value or '')[4:]}")
                    previous = month_day
        i = run[-1] + 1
    return out


def _yearless_day(r: val.Result, text: str) -> bool:
    """A day written by its number without its year ("May 14", the "9" of "June 5-9"; not "Friday")."""
    if r.type != "DATE" or not r.value or not _FULL_DATE.fullmatch(r.value):
        return False
    extent = text[r.start : r.end]
    return any(ch.isdigit() for ch in extent) and not _WRITTEN_YEAR.search(extent)


def range_ends_share_year(found: list[val.Result], text: str) -> list[val.Result]:
    """'March 1-2': the second day is in the first one's year, however that year was found (a schedule's
    heading can date the first end, which its own tense weighting would not)."""
    out: list[val.Result] = []
    for r in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.value
            and r.value
            and _FULL_DATE.fullmatch(last.value)
            and _FULL_DATE.fullmatch(r.value)
            and _DAY_ONLY.fullmatch(text, r.start, r.end)
            and _RANGE_END_DAY.fullmatch(text, last.end, r.end)
            and last.value[5:7] == r.value[5:7]
            and last.value[:4] != r.value[:4]
        ):
            r = val.Result(r.start, r.end, r.type, last.value[:4] + r.value[4:])
        out.append(r)
    return out


_WEEKDAY = re.compile(r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")


def possessive_weekdays(found: list[val.Result], text: str) -> list[val.Result]:
    """'Monday's encounter' takes the day the document's other bare mentions of Monday agree on: the
    possessive reads a thing already done (tense.direction_at), which a debate still ahead is not, and a
    story names one Monday ("debates Monday at Hofstra ... use Monday's encounter")."""
    values: dict[str, set[str]] = {}
    for r in found:
        if r.value and _WEEKDAY.fullmatch(text, r.start, r.end) and not _POSSESSIVE_AFTER.match(text, r.end):
            values.setdefault(text[r.start : r.end].lower(), set()).add(r.value)
    out = []
    for r in found:
        if _WEEKDAY.fullmatch(text, r.start, r.end) and _POSSESSIVE_AFTER.match(text, r.end):
            others = values.get(text[r.start : r.end].lower(), set())
            if len(others) == 1:
                r = val.Result(r.start, r.end, r.type, next(iter(others)))
        out.append(r)
    return out


# "the first six months of 1996": the half (quarter) of that year, one expression (TimeML 1.2.1)
_PART_OF_YEAR = {"six": "H1", "6": "H1", "three": "Q1", "3": "Q1"}
_FIRST_MONTHS = re.compile(rf"(?i:(?:the\s+)?first\s+(?P<count>{'|'.join(_PART_OF_YEAR)})\s+months)")
_OF_GAP = re.compile(r"\s+of\s+")


def first_months_of(found: list[val.Result], text: str) -> list[val.Result]:
    out: list[val.Result] = []
    for r in found:
        last = out[-1] if out else None
        if (
            last is not None
            and r.type == "DATE"
            and r.value is not None
            and re.fullmatch(r"\d{4}", r.value)
            and (first := _FIRST_MONTHS.fullmatch(text, last.start, last.end))
            and _OF_GAP.fullmatch(text, last.end, r.start)
        ):
            part = _PART_OF_YEAR[first["count"].lower()]
            out[-1] = val.Result(last.start, r.end, "DATE", f"{r.value}-{part}")
            continue
        out.append(r)
    return out


_YEAR_AGO_ADJECTIVE = re.compile(r"(?i:year-(?:ago|earlier))")
_PERIOD = re.compile(r"\d{4}-(?:Q[1-4]|H[12]|\d\d)")


def year_ago_adjectives(found: list[val.Result], text: str) -> list[val.Result]:
    """'year-earlier earnings' after "the first six months of 1996": the half just merged, a year back
    (the adjective's handler ran before the merge and saw only the year)."""
    out: list[val.Result] = []
    for r in found:
        if _YEAR_AGO_ADJECTIVE.fullmatch(text, r.start, r.end):
            named = next((p.value for p in reversed(out) if p.value and _PERIOD.fullmatch(p.value)), None)
            if named is not None:
                r = val.Result(r.start, r.end, r.type, f"{int(named[:4]) - 1}{named[4:]}")
        out.append(r)
    return out
