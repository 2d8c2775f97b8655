"""Values of calendar expressions that name a period by its unit alone, as business and policy news does
("the quarter", "the year-ago quarter", "for the fiscal year", "in the month", "year-end"), and of years
written out in words ("nineteen eighty-four").

TimeML values such an expression as the period it refers to: the nearest explicit period of the same
unit earlier in the document ("third-quarter profit ... in the quarter" is that third quarter), else the
period the document's reference time (publication) makes current: the latest finished quarter or month
in a past-tense clause, the current one otherwise.
"""

from __future__ import annotations

import re

from ...lexicons.timex import timex_rule_words
from . import normalise as tn
from .grammar import Candidate
from .lexicon import month_number, number_value, time_words
from .relative import sports_context
from .values import Context, Result, decade_named_before, text_after, text_before

_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_MONTH = re.compile(r"(\d{4})-(\d\d)(?:-\d\d)?(?:T.*)?")
_FISCAL = re.compile(r"FY(\d{4})")
_HALF_OR_QUARTER = re.compile(r"\d{4}-(?:Q[1-4]|H[12])")
_YEARISH = re.compile(r"(\d{4})(?:-(?:\d\d|Q\d|H\d|[A-Z]{2})(?:-\d\d)?)?(?:T.*)?")

# "the year" and "the month" are periods only after a preposition of time ("in the year", "for the
# month"); elsewhere they are mostly nouns ("the year of the dragon", "the month before the vote")
_PERIOD_PREP = re.compile(
    r"(?i:\b(?:in|for|during|over|through|throughout|until|till|by|since|(?:earlier|later|early|late)\s+in|"
    r"first\s+\w+\s+months\s+of)\s+)$"  # "the first eight months of the year": merged (document.py)
)
_NOT_A_PERIOD_AFTER = re.compile(
    r"(?i:\s*(?:of|before|after|when|that|which|in\s+which|ago|earlier|later|to\s+date|since|long)\b)"
)
_YEAR_AGO = timex_rule_words().year_ago_adjectives  # lexicons/timex_rule_words.tsv
# "the quarter ended Sept. 30": the period that a date closes
_ENDED = re.compile(
    r"\s+(?:that\s+)?(?P<verb>(?i:ended|ending|ends|to))\s+(?P<mon>[A-Z][a-z]+)\.?\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?"
)


def _adjective(c: Candidate) -> str:
    return re.sub(r"\s+", " ", (c.get("adj") or "").lower())


def anaphoric(c: Candidate, ctx: Context) -> Result | None:
    unit = re.sub(r"\s+", " ", (c.get("unit") or "").lower())
    adj = _adjective(c)
    if adj == "full" and not _full_year(c, ctx):
        return None
    if c.get("num"):
        # "the year 2000", "the fiscal year 1998", "full year 2019": the number names the period
        if unit not in ("year", "fiscal year") or adj not in ("", "full"):
            return None
        value = tn.year_value(int(c.get("num") or 0))
        return Result(c.start, c.end, "DATE", f"FY{value}" if value and unit != "year" else value)
    after, before = text_after(ctx, c), text_before(ctx, c)
    if _NOT_A_PERIOD_AFTER.match(after) and not adj:
        return None
    if unit in ("year", "month") and not adj and not _PERIOD_PREP.search(before):
        return None
    if unit == "period" and not adj:
        return None  # "the period" alone is any stretch of time; "the latest period" is a reporting period
    if unit in ("quarter", "period") and sports_context(ctx, c):
        return None  # the quarters of a game
    year_ago = adj in _YEAR_AGO or bool(c.get("yrel"))
    closing = _closing_date(c, ctx)
    if closing is not None and unit != "period":
        year, month = closing
        closed = {
            "quarter": f"{year}-Q{(month - 1) // 3 + 1}",
            "month": tn.month_value(year, month),
            "fiscal year": f"FY{year}",  # a fiscal year is named by the year it ends in
        }
        return Result(c.start, c.end, "DATE", closed.get(unit, tn.year_value(year)))
    if unit == "fiscal year":
        return Result(c.start, c.end, "DATE", _fiscal_year(c, ctx, year_ago))
    if unit == "year":
        named = _year(c, ctx)
        if named is None:
            return Result(c.start, c.end, "DATE", None)
        return Result(c.start, c.end, "DATE", tn.year_value(named - (1 if year_ago else 0)))
    if unit == "month":
        return Result(c.start, c.end, "DATE", _month(c, ctx, year_ago))
    half = ctx.latest(c.start, _HALF_OR_QUARTER) if unit == "period" else None
    if half and half[5] == "H" and adj != "current":
        # "the first half ... the same period last year": the period repeats the nearest one named, a half
        return Result(c.start, c.end, "DATE", f"{int(half[:4]) - (1 if year_ago else 0)}{half[4:]}")
    if (
        unit == "period"
        and adj in ("same", "comparable")
        and not year_ago
        and not ctx.latest(c.start, _QUARTER)
    ):
        # "the same period" repeats a period named before; without a quarter to repeat it is unknown
        return Result(c.start, c.end, "DATE", None)
    return Result(c.start, c.end, "DATE", _quarter(c, ctx, year_ago, adj == "current"))


def _full_year(c: Candidate, ctx: Context) -> bool:
    """'the full year', 'full year 2019', 'full-year profit': the reporting year. Not 'a full year' (a
    stretch of time), 'his full year of service', 'the full quarter'."""
    if (c.get("unit") or "").lower() != "year" or _NOT_A_PERIOD_AFTER.match(text_after(ctx, c)):
        return False
    hyphen = "-" in ctx.text[c.start : c.end]
    return bool(c.get("the") or c.get("num") or hyphen)


def _closing_date(c: Candidate, ctx: Context) -> tuple[int, int] | None:
    """The year and month of the date a period is said to end on ("the quarter ended Sept. 30")."""
    m = _ENDED.match(ctx.text, c.end)
    if m is None or m.group("mon").lower() not in time_words().of("month"):
        return None
    month = month_number(m.group("mon"))
    if m.group("year"):
        return int(m.group("year")), month
    if ctx.anchor is None:
        return None
    if m.group("verb").lower() == "ended":
        # a period that has ended: the latest such month up to publication
        return (ctx.anchor.year if month <= ctx.anchor.month else ctx.anchor.year - 1), month
    return tn.month_year(ctx.anchor, month, ctx.direction(c.start, c.end)), month


def _quarter(c: Candidate, ctx: Context, year_ago: bool, current: bool) -> str | None:
    explicit = ctx.latest(c.start, _QUARTER)
    if explicit and not current:
        m = _QUARTER.fullmatch(explicit)
        assert m is not None
        year, q = int(m.group(1)), int(m.group(2))
    elif ctx.anchor is None:
        return None
    else:
        year, q = ctx.anchor.year, tn.quarter_of(ctx.anchor)
        if not current and ctx.direction(c.start, c.end) in ("past", "none"):
            # results are reported for a quarter that has ended: the latest finished one
            year, q = (year - 1, 4) if q == 1 else (year, q - 1)
    return f"{year - (1 if year_ago else 0)}-Q{q}"


def _month(c: Candidate, ctx: Context, year_ago: bool) -> str | None:
    explicit = ctx.latest(c.start, _MONTH)
    if explicit:
        year, month = int(explicit[:4]), int(explicit[5:7])
    elif ctx.anchor is None:
        return None
    else:
        year, month = ctx.anchor.year, ctx.anchor.month
        if ctx.direction(c.start, c.end) == "past":
            year, month = tn.add_months(year, month, -1)
    return tn.month_value(year - (1 if year_ago else 0), month)


def _year(c: Candidate, ctx: Context) -> int | None:
    explicit = ctx.latest(c.start, _YEARISH)
    if explicit:
        return int(explicit[:4])
    return ctx.anchor.year if ctx.anchor else None


def _fiscal_year(c: Candidate, ctx: Context, year_ago: bool) -> str | None:
    explicit = ctx.latest(c.start, _FISCAL)
    if explicit:
        year = int(explicit[2:])
    elif ctx.anchor is None:
        return None
    else:
        year = ctx.anchor.year
    return f"FY{year - (1 if year_ago else 0)}"


def year_end(c: Candidate, ctx: Context) -> Result | None:
    """'by year-end': the year (TimeML marks its end in `mod`): the one the sentence names, else
    publication's."""
    year = ctx.sentence_year(c.start)
    if year is None and ctx.anchor is not None:
        year = ctx.anchor.year
    return Result(c.start, c.end, "DATE", tn.year_value(year) if year is not None else None)


# "the decade before the war", "the decade since 2000", "the decade of the 1960s": a stretch or a name, not
# the decade just named
_NOT_THE_DECADE_AFTER = re.compile(r"(?i:\s*(?:before|after|since|of|that|which|when|to|from|long|ago)\b)")


def decade_anaphoric(c: Candidate, ctx: Context) -> Result | None:
    """'the decade' after a decade written out just before it is that decade, as 'the quarter' is the
    quarter named before it (TimeML's anaphoric periods); alone it stays untagged."""
    if _NOT_THE_DECADE_AFTER.match(text_after(ctx, c)):
        return None
    value = decade_named_before(c, ctx)
    return Result(c.start, c.end, "DATE", value) if value else None


_PERIOD = re.compile(r"\d{4}(?:-(?:Q[1-4]|H[12]|\d\d))?")


def year_ago_adjective(c: Candidate, ctx: Context) -> Result | None:
    """'year-earlier earnings': the period the story reports on, a year back: the latest quarter, half,
    month or year named before it ("in the first nine months of 2004, against year-earlier sales" is
    1995-H1), else the latest finished quarter, as "the year-ago quarter" takes."""
    named = ctx.latest(c.start, _PERIOD)
    if named is not None:
        return Result(c.start, c.end, "DATE", f"{int(named[:4]) - 1}{named[4:]}")
    return Result(c.start, c.end, "DATE", _quarter(c, ctx, True, False))


_YEAR_PREP = re.compile(r"(?i:\b(?:in|of|since|until|till|by|from|to|during|before|after|through)\s+)$")
_COUNT_AFTER = re.compile(r"(?i:\s*(?:-|[a-z]+s\b|percent\b|%))")


def spelled_year(c: Candidate, ctx: Context) -> Result | None:
    """'nineteen eighty-four' is 1984, 'two thousand and three' 2003; a number of things is no year."""
    if not _YEAR_PREP.search(text_before(ctx, c)) or _COUNT_AFTER.match(text_after(ctx, c)):
        return None
    if c.get("mil"):
        rest = number_value(c.get("rest2") or "0")
        year = 2000 + int(rest) if rest is not None else None
    else:
        century = number_value(c.get("cent") or "")
        words = re.sub(r"(?i:\boh\b)", "", c.get("rest") or "").strip()
        rest = 0.0 if words.lower() == "hundred" else number_value(words)
        year = int(century) * 100 + int(rest) if century is not None and rest is not None else None
    if year is None or not tn.year_ok(year):
        return None
    return Result(c.start, c.end, "DATE", tn.year_value(year))
