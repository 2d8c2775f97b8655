"""Values of relative, vague, duration and set expressions (see timex_values.py for the calendar ones)."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ...lexicons.timex import timex_rule_words
from . import normalise as tn
from .grammar import Candidate
from .lexicon import cues, holidays, month_number, phrases, time_words
from .values import Context, Result, decade_named_before, text_after, text_before, unit_code

_WORDS = timex_rule_words()  # the word lists this module uses, from lexicons/timex_rule_words.tsv

PART_CODE = _WORDS.part_codes


def deictic(c: Candidate, ctx: Context) -> Result | None:
    """today, tomorrow, yesterday, tonight: the day itself. A part of the day after it stays inside the extent
    but leaves the value the day ("yesterday evening" DATE 2023-08-02), as for a weekday (values.weekday)."""
    w = (c.get("w") or "").lower()
    if c.get("beside") and (c.get("w") or "x")[0].isupper():
        return None  # "The Day Before Yesterday": a title
    if ctx.text[c.start].isupper() and not re.search(
        r"(?:^|[.!?:\n][\s`'\"“‘(]*|[`'\"“‘(]\s*)$", text_before(ctx, c)
    ):
        return None  # "USA Today", "the Today show": a capitalised word inside a sentence is a name
    if ctx.anchor is None:
        return Result(c.start, c.end, "DATE", None)
    shift = {"yesterday": -1, "tomorrow": 1}.get(w, 0)
    # "the day before yesterday", "the day after tomorrow": one expression, a day further
    beside = (c.get("beside") or "").lower().split()
    shift += {"before": -1, "after": 1}.get(beside[-1], 0) if beside else 0
    return Result(c.start, c.end, "DATE", (ctx.anchor + dt.timedelta(days=shift)).isoformat())


def this_part(c: Candidate, ctx: Context) -> Result | None:
    rel, part = (c.get("rel") or "").lower(), (c.get("part") or "").lower()
    if rel == "last" and part != "night":
        return None  # "last morning" is not an expression news uses
    if ctx.anchor is None:
        return Result(c.start, c.end, "TIME", None)
    day = ctx.anchor - dt.timedelta(days=1 if rel == "last" else 0)
    return Result(c.start, c.end, "TIME", f"{day.isoformat()}T{PART_CODE[part]}")


def _rel_offset(rel: str) -> int:
    r = rel.lower().split()[-1]
    return {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(r, 0)


def relative(c: Candidate, ctx: Context) -> Result | None:
    rel = c.get("rel") or ""
    unit = unit_code(c.get("unit") or "")
    if c.get("plus") and not (c.get("the") or rel.lower() == "past"):
        # "-plus" bounds a stretch ("the past decade-plus"); a date ("last year-plus") ends before it
        c = Candidate(c.start, c.end - len(c.get("plus") or ""), c.rule, c.parts)
    # "earlier this week", "early next month": TimeML keeps the modifier inside (mod START/END/...)
    start = c.start
    r = rel.lower().split()[-1]
    # "the current quarter" is the one holding publication, a date like "this quarter" (article inside)
    if c.get("the") and r != "current":
        if r in ("previous", "following") or (r == "next" and _next_as_following(c, ctx)):
            # "the following week": relative to the time the story is at, not to publication
            # (without a story date before it, publication's: "compared with the previous year")
            base = tn.date_of_value(ctx.previous(c.start)) or ctx.anchor
            value = tn.shift_value(base, unit, _rel_offset(rel)) if base else None
            return Result(c.start, c.end, "DATE", value)
        # "the past year", "over the last week": a stretch of time, the article inside as TimeML has it
        if c.get("mod"):
            return None
        return Result(start, c.end, "DURATION", tn.duration_value(1, unit))
    if rel.lower() == "past" and not c.get("mod"):
        # "past week" is a stretch; "this past week" is the week just gone, a date as "this past weekend" is
        return Result(start, c.end, "DURATION", tn.duration_value(1, unit))
    if ctx.anchor is None:
        return Result(start, c.end, "DATE", None)
    return Result(start, c.end, "DATE", tn.shift_value(ctx.anchor, unit, _rel_offset(rel)))


# a preposition that makes "the next year" a stretch ahead ("over the next year", "in the next month")
_SPAN_PREP = re.compile(r"(?i:\b(?:over|in|for|during|within|throughout|through|into|of|until|by)\s+)$")


def _next_as_following(c: Candidate, ctx: Context) -> bool:
    """'the dam was begun in 1931 and finished the next year': without a preposition before it, in a
    past clause, 'the next year' is 'the following year', a date after the story's time, not a stretch
    ahead."""
    if _SPAN_PREP.search(text_before(ctx, c)):
        return False
    return ctx.direction(c.start, c.end) == "past"


def within_unit(c: Candidate, ctx: Context) -> Result | None:
    """ "Earlier in the week", "later in the month", "mid-week": a part of the week (month, year) holding
    publication, valued as that week, as "earlier this week" is (TimeML 1.2.1, the modifier inside)."""
    unit = (c.get("unit") or "").lower()
    if unit == "day":
        # "said on Friday she expected to vote later in the day": the story's day, the latest day named if it
        # lies within a week of publication, else publication's ("mid-day" is a clock time, not this)
        return None if c.get("mid") else Result(c.start, c.end, "DATE", _story_day(c, ctx))
    if ctx.anchor is None:
        return Result(c.start, c.end, "DATE", None)
    return Result(c.start, c.end, "DATE", tn.shift_value(ctx.anchor, unit_code(unit), 0))


def _story_day(c: Candidate, ctx: Context) -> str | None:
    if ctx.anchor is None:
        return None
    named = tn.day_of(ctx.previous(c.start))
    if named is not None and tn.in_story_week(named, ctx.anchor):
        return named.isoformat()
    return ctx.anchor.isoformat()


_OVER = re.compile(r"(?i:\b(?:over|throughout)\s+)$")


def weekend(c: Candidate, ctx: Context) -> Result | None:
    rel = (c.get("rel") or "").lower().split()[-1]
    if rel == "the" and _OVER.search(text_before(ctx, c)):
        # "over the weekend" names the stretch, as "over the past week" does: the TempEval data values it
        # as the two days (P2D) more often than as the weekend of a given week
        return Result(c.start, c.end, "DURATION", "P2D")
    if ctx.anchor is None:
        return Result(c.start, c.end, "DATE", None)
    if rel in ("last", "past"):
        k = -1
    elif rel in ("next", "coming"):
        k = 1
    else:
        k = 0
        if rel == "the" and ctx.direction(c.start, c.end) in ("past", "none") and ctx.anchor.isoweekday() < 6:
            k = -1  # "over the weekend" in a weekday story: the one just gone
    return Result(c.start, c.end, "DATE", tn.shift_value(ctx.anchor, "WE", k))


_COUNT_OR_UNIT = re.compile(
    r"(?i:\s+(?:\d|few|several|couple|many|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|"
    r"dozen|hundred|days?|weeks?|months?|years?|decades?|centur|hours?|minutes?))"
)


def phrase(c: Candidate, ctx: Context) -> Result | None:
    key = re.sub(r"\s+", " ", (c.get("p") or "").lower())
    typ, value = phrases()[key]
    if key == "now":
        before = text_before(ctx, c, 12)
        # discourse "Now, ..." opening a sentence and "until now" are not references to the present
        if ctx.text[c.start] == "N" or re.search(r"(?i:\b(?:until|till)\s*)$", before):
            return None
    if key in ("the past", "the future") and _COUNT_OR_UNIT.match(text_after(ctx, c)):
        return None  # "the past few days", "the past 24 hours": the start of a longer expression
    return Result(c.start, c.end, typ, value)


def season(c: Candidate, ctx: Context) -> Result | None:
    rel = (c.get("rel") or "").lower().split()[-1] if c.get("rel") else ""
    code = time_words().of("season")[(c.get("season") or "").lower()]
    year_text = c.get("year")
    if year_text:
        return Result(c.start, c.end, "DATE", f"{year_text}-{code}")
    yrel = (c.get("yrel") or "").lower()
    if yrel:
        # "the spring of next year": the year phrase is part of the expression and fixes its year
        if ctx.anchor is None:
            return Result(c.start, c.end, "DATE", None)
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(yrel, 0)
        return Result(c.start, c.end, "DATE", f"{year}-{code}" if tn.year_ok(year) else None)
    if rel in ("", "the"):
        # "prices fall", "the fall": a bare season word or "the" season is a season only after a preposition
        # of time, and never "the fall of Rome"
        preposition = _THE_SEASON_PREPOSITION if rel else _SEASON_PREPOSITION
        if not preposition.search(text_before(ctx, c)) or re.match(r"\s+of\b", text_after(ctx, c)):
            return None
    if ctx.anchor is None:
        return Result(c.start, c.end, "DATE", None)
    offset = {"last": -1, "past": -1, "next": 1, "coming": 1, "this": 0}.get(rel)
    return Result(
        c.start, c.end, "DATE", tn.season_value(ctx.anchor, code, offset, ctx.direction(c.start, c.end))
    )


# "since fall", "in spring", "until late summer", "throughout winter"
_SEASON_PREPOSITION = re.compile(r"(?i:\b(?:since|in|during|until|till|through|throughout)\s+)$")
# before "the" and a season: "in the fall", "over the summer", "throughout the spring"
_THE_SEASON_PREPOSITION = re.compile(
    r"(?i:\b(?:in|during|by|until|since|through|throughout|over|this|that|last|next)\s*)$"
)

_ORD = _WORDS.ordinals


_WORD = re.compile(r"[a-z][a-z-]*")


def sports_context(ctx: Context, c: Candidate) -> bool:
    """A game's words near the expression ("scored in the second half", "a fourth-quarter touchdown")."""
    near = ctx.text[max(0, c.start - 200) : c.end + 200].lower()
    sport = cues().get("sport", frozenset())
    return any(w in sport for w in _WORD.findall(near))


def quarter(c: Candidate, ctx: Context) -> Result | None:
    n = _ORD[(c.get("ord") or "").lower()]
    half = (c.get("unit") or "").lower() == "half"
    if not c.get("year") and not c.get("rel") and sports_context(ctx, c):
        return None  # the halves and quarters of a game, not of a year
    if half and n > 2:
        n = 2
    year_text, rel = c.get("year"), (c.get("rel") or "").lower()
    if year_text:
        year: int | None = int(year_text)
    elif ctx.anchor is None:
        year = None
    elif rel:
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(rel, 0)
    elif (context_year := ctx.sentence_year(c.start)) is not None:
        year = context_year  # "last year's third quarter", "in 1988, ... in the fourth quarter"
    else:
        # "profit fell in the fourth quarter", said in March: the latest fourth quarter, last year's
        year = ctx.anchor.year
        current = tn.quarter_of(ctx.anchor) if not half else (ctx.anchor.month - 1) // 6 + 1
        direction = ctx.direction(c.start, c.end)
        if direction == "past" and n > current:
            year -= 1
        elif direction == "future" and n < current:
            year += 1
    if year is None:
        return Result(c.start, c.end, "DATE", None)
    return Result(c.start, c.end, "DATE", f"{year}-{'H' if half else 'Q'}{n}")


def quarter_q(c: Candidate, ctx: Context) -> Result | None:
    year = c.get("year") or (str(ctx.anchor.year) if ctx.anchor else None)
    return Result(c.start, c.end, "DATE", f"{year}-{c.get('q')}" if year else None)


def holiday(c: Candidate, ctx: Context) -> Result | None:
    name = c.get("hol") or ""
    rule = next(
        (r for h, r in holidays().items() if re.fullmatch(re.escape(h).replace("'", "['’]"), name)), None
    )
    if rule is None or ctx.anchor is None:
        return Result(c.start, c.end, "DATE", None)
    rel = (c.get("rel") or "").lower()
    offset = {"last": -1, "next": 1, "this": 0}.get(rel) if rel else None
    context_year = ctx.sentence_year(c.start) if offset is None else None
    if context_year is not None:
        d = tn.holiday_date(rule, context_year)
        return Result(
            c.start,
            c.end,
            "DATE",
            (tn.week_value(d) if rule == "easterweek" else d.isoformat()) if d else None,
        )
    direction = ctx.direction(c.start, c.end) if offset is None else "none"
    return Result(c.start, c.end, "DATE", tn.holiday_value(rule, ctx.anchor, direction, offset))


def century(c: Candidate, ctx: Context) -> Result | None:
    ord_text = (c.get("ord") or "").lower()
    digits = re.match(r"\d+", ord_text)
    n = int(digits.group()) if digits else int(time_words().of("ordinal").get(ord_text, "0"))
    if not 1 <= n <= 30 or ord_text in ("last", "final"):
        return None  # "the last century" is relative: the relative rule values it
    return Result(c.start, c.end, "DATE", f"{n - 1:02d}")


def end_of(c: Candidate, ctx: Context) -> Result | None:
    rel = (c.get("rel") or "").lower()
    unit = unit_code(c.get("unit") or "")
    if rel == "the" and unit == "10Y" and (named := decade_named_before(c, ctx)):
        return Result(c.start, c.end, "DATE", named)  # "the 70's ... by the end of the decade"
    if ctx.anchor is None:
        return Result(c.start, c.end, "DATE", None)
    k = {"last": -1, "next": 1}.get(rel, 0)
    return Result(c.start, c.end, "DATE", tn.shift_value(ctx.anchor, unit, k))


def week_of_month(c: Candidate, ctx: Context) -> Result | None:
    """'the first week of March' is the ISO week holding March 4 (as ISO's first week of a year holds
    January 4, so that most of the month's first seven days fall in it), the second the week after; 'the
    last week of June' holds June 27, three days before the month's end. The year is the one written, or
    the month's nearest by the tense, as a bare month's."""
    m = month_number(c.get("mon") or "")
    if c.get("year"):
        year = int(c.get("year") or "0")
    elif ctx.anchor is None:
        return Result(c.start, c.end, "DATE", None)
    else:
        year = ctx.sentence_year(c.start) or tn.month_year(ctx.anchor, m, ctx.direction(c.start, c.end))
    ordinal = (c.get("ord") or "").lower()
    if ordinal in _WORDS.last_ordinals:
        day = calendar.monthrange(year, m)[1] - 3
    else:
        day = 4 + 7 * (_WORDS.ordinals[ordinal] - 1)
    return Result(c.start, c.end, "DATE", tn.week_value(dt.date(year, m, day)))
