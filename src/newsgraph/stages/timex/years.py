"""Years written as numbers: whether a four-digit number is a year at all ("2000 troops", "Route 1985",
"1935 Orchard St.", "the 1600 block" are not), and the values of years, decades ("the '90s") and fiscal
years. Split from values.py, which holds the other rules' values."""

from __future__ import annotations

import re

from . import normalise as tn
from .grammar import Candidate
from .lexicon import cues
from .values import Context, Result, text_after, text_before


def fiscal(c: Candidate, ctx: Context) -> Result | None:
    fy = (c.get("fy") or "").lstrip("'")
    year = int(fy) if len(fy) == 4 else tn.expand_two_digit_year(int(fy), ctx.anchor)
    return Result(c.start, c.end, "DATE", f"FY{year}" if tn.year_ok(year) else None)


_COUNTED = re.compile(
    r"\s+(?:[a-z]+[^s\W]s\b|percent\b|per\s+cent\b|%|(?:people|police|men|women|children|personnel|staff)\b)"
)
_YEAR_PREP = re.compile(r"(?i:\b(?:in|since|until|till|during)\s+)$")
_YEAR_DETERMINER = re.compile(r"(?i:\b(?:the|its|his|her|their|our|this|that)\s+|['’]s\s+)$")


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
_NEXT_WORDS = re.compile(r"\s+([A-Z][\w.-]*)(?:\s+([A-Z][\w.-]*))?(?:\s+([A-Z][\w.-]*))?")


_TEMPORAL_PREP = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|during|before|after|of|to|and|through)\s*)$"
)


def _house_number_or_model(after: str) -> bool:
    """'1935 Orchard St.', 'a 2000 Ford Taurus', 'the 1600 block of': the number names a house, an address or
    a vehicle model."""
    cue = cues()
    address = _NEXT_WORD.match(after)
    if address is not None and address.group(1) in cue.get("address_noun", frozenset()):
        return True
    m = _NEXT_WORDS.match(after)
    if m is None:
        return False
    words = [w.lower() for w in m.groups() if w]
    return words[0] in cue.get("vehicle_make", frozenset()) or any(
        w in cue.get("street", ()) for w in words[1:]
    )


_LABEL_BEFORE = re.compile(r"(?:^|\s)([A-Za-z][a-z]*\.?)\s+$")


def year(c: Candidate, ctx: Context) -> Result | None:
    y = int(c.get("year") or 0)
    label = _LABEL_BEFORE.search(text_before(ctx, c, 20))
    if not c.get("s") and label and label.group(1).lower() in cues().get("number_label", frozenset()):
        return None  # "Route 1985", "Resolution 1244", "page 2003": a number that names a thing
    if (
        not c.get("s")
        and not _TEMPORAL_PREP.search(text_before(ctx, c))
        and _house_number_or_model(text_after(ctx, c, 40))
    ):
        return None
    counted = _COUNTED.match(text_after(ctx, c))
    if (
        not c.get("s")
        and counted
        and counted.group().strip().lower() not in cues().get("year_measure", frozenset())
        and not _YEAR_DETERMINER.search(text_before(ctx, c))
        and not _YEAR_PREP.search(text_before(ctx, c))
    ):
        return None  # "2000 troops": a count; "the 1992 protests", "in 1990 prices rose" are years
    if c.get("s"):
        return Result(c.start, c.end, "DATE", f"{y // 10:03d}X")
    return Result(c.start, c.end, "DATE", tn.year_value(y))


_AGE_OWNER = re.compile(r"(?i:\b(?:his|her|their|its|my|your|our)\s+(?:early\s+|mid-?\s*|late\s+)?)$")


def decade2(c: Candidate, ctx: Context) -> Result | None:
    """'the '80s', 'the 90's': a decade of the century before publication's unless that one has had it;
    'in his 90's' is an age, not a decade."""
    if c.get("dd2") and _AGE_OWNER.search(text_before(ctx, c)):
        return None
    d = int(c.get("dd") or c.get("dd2") or 0)
    century = 19 if ctx.anchor is None or d * 10 > ctx.anchor.year % 100 else ctx.anchor.year // 100
    return Result(c.start, c.end, "DATE", f"{century}{d}X")
