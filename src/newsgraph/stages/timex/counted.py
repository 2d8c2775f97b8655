"""Times counted off another time: "two days ago", "a week later", "three hours before the vote", "that
same day", "the next morning", "the day before". Each is valued from publication or from the latest date
the story has named (Context.previous); a count of days before "later"/"earlier" is a stretch that still
moves the story on to its day (Result.moves_to).
"""

from __future__ import annotations

import datetime as dt
import re

from . import normalise as tn
from .grammar import Candidate
from .lexicon import cues, number_value, time_words
from .relative import PART_CODE
from .values import Context, Result, text_after, text_before, trim_start, unit_code

#: units whose "N <unit> later/earlier" is a DURATION with "later" outside (the lead's decision 1)
_STRETCH_UNITS = frozenset({"D", "TH", "TM", "TS"})

# how much of a date value ("2023", "2023-08", "2023-08-03") a shift by a unit needs to land in one
# period of that unit
_PRECISION_NEEDED = {"D": 10, "W": 10, "2W": 10, "M": 7, "3M": 7}


# before "a week after that" only an amount makes a rate: "the vote falls a day after" is a stretch
_AMOUNT_BEFORE = re.compile(
    r"(?:\d(?:[\d,.]*\d)?%?|\b(?:million|billion|thousand|hundred|percent|cents?|dollars|euros|pounds))\s+$"
)


def ago(c: Candidate, ctx: Context) -> Result | None:
    direction = (c.get("dir") or "").lower()
    n = number_value(c.get("num") or "")
    unit = unit_code(c.get("unit") or "")
    if n is not None and (c.get("half") or c.get("halfn")):
        n += 0.5
    if direction in ("ago", "from now", "hence") or direction.startswith("from"):
        sign = -1 if direction == "ago" else 1
        if n is None:
            return Result(c.start, c.end, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if ctx.anchor is None:
            return Result(c.start, c.end, "DATE", None)
        return Result(c.start, c.end, "DATE", tn.ago_value(ctx.anchor, n, unit, sign))
    if direction in ("earlier", "later") and unit not in _STRETCH_UNITS and n is not None:
        # "a week earlier", "two years later": one expression (issue 18's anchored compounds), the date
        # that far from the time the story is at, or from publication when it names none. A count of
        # hours or days ("three hours later", "two days later") is the stretch of time, "later" outside:
        # TimeBank's practice, which the TempEval gold and the held-out judge follow (the lead's decision
        # 1 of the thirteenth session). "A few weeks later" has no count: a vague stretch, PXW
        prior = ctx.previous(c.start)
        base = tn.date_of_value(prior) if prior else ctx.anchor
        if base is None or (prior and len(prior) < _PRECISION_NEEDED.get(unit, 4)):
            # "1812 ... a week later": a year does not say which week
            return Result(c.start, c.end, "DATE", None)
        sign = -1 if direction == "earlier" else 1
        return Result(c.start, c.end, "DATE", tn.ago_value(base, n, unit, sign))
    moves_to = None
    if direction in ("earlier", "later") and unit == "D" and n is not None and n == int(n):
        # "two days later": the stretch, but the story has moved on by it, so "that night" after it is the
        # later day's, as it was when the phrase was one date (found on unannotated LGL stories)
        from_value = ctx.previous(c.start) or ""
        from_day = tn.date_of_value(from_value) if len(from_value) >= _PRECISION_NEEDED["D"] else None
        if from_day is not None:
            moves_to = tn.ago_value(from_day, n, unit, -1 if direction == "earlier" else 1)
    # the signal word ("before", "after") is a TimeML SIGNAL: it stays outside the rate or the stretch
    m = re.search(r"\s+" + re.escape(c.get("dir") or "") + "$", ctx.text[c.start : c.end])
    end = c.start + m.start() if m else c.end
    rate = not c.get("pre") and (c.get("num") or "").lower() in ("a", "an")
    if rate and _AMOUNT_BEFORE.search(text_before(ctx, c)):
        # "$900 a week after that": a rate from then on (a SET)
        return Result(c.start, end, "SET", tn.duration_value(1, unit))
    # "two days before the vote", "a week after the coup": the stretch of time
    start = c.start
    pre = (c.get("pre") or "").lower()
    if pre and pre not in ("more than", "less than", "at least", "just over", "over"):
        start = trim_start(c, ctx, c.get("pre"))
    return Result(start, end, "DURATION", tn.duration_value(n, unit), moves_to)


def ago_vague(c: Candidate, ctx: Context) -> Result | None:
    return Result(c.start, c.end, "DATE", "PAST_REF")


def _unknown_day(prior: str) -> str:
    """A day unknown within the month ("2008-03-XX") or the year ("2008-XX-XX") a date value names."""
    return prior[:7] + "-XX" if len(prior) >= 7 else prior[:4] + "-XX-XX"


def anchored(c: Candidate, ctx: Context) -> Result | None:
    """'that day', 'the next morning', 'later that year': relative to the story's latest date."""
    det = re.sub(r"\s+", " ", (c.get("det") or "").lower())
    unit_word = (c.get("unit") or "").lower()
    prior = ctx.previous(c.start)
    if prior is None and ctx.anchor is not None and unit_word in ("week", "month", "year"):
        # no story date before it: the reference time is publication's ("compared with the prior year")
        prior = ctx.anchor.isoformat()[: {"year": 4, "month": 7}.get(unit_word, 10)]
    base = tn.date_of_value(prior)
    if base is None or prior is None:
        return Result(c.start, c.end, "DATE", None)
    last = det.split()[-1]
    shift = 1 if last in ("next", "following") else -1 if last in ("previous", "preceding", "prior") else 0
    if unit_word in PART_CODE or unit_word == "day":
        if len(prior) < 10:
            # the story's date is only a month or a year: the day is unknown within it
            return Result(c.start, c.end, "DATE", _unknown_day(prior))
        # "the next morning" is valued as the day, as with "Friday morning"
        return Result(c.start, c.end, "DATE", (base + dt.timedelta(days=shift)).isoformat())
    return Result(c.start, c.end, "DATE", tn.shift_value(base, unit_code(unit_word), shift))


#: a written day (a day number, a year after it, or a weekday, with its part of the day) and the comma of
#: an apposition after it
_APPOSITION = re.compile(
    r"(?i:\b(?:\d{1,2}(?:st|nd|rd|th)?|\d{4}|(?:" + "|".join(time_words().of("weekday")) + r")"
    r"(?:\s+(?:" + "|".join(time_words().of("part")) + r"))?)),\s*$"
)


# "the day after his death", "the day before the police arrived": "before"/"after" opens an event, the
# SIGNAL that TimeML keeps out of the expression ("the day" alone); "the day before." and "the day
# before, ..." are the anchored adverb, one expression, and so is the adverb before an infinitive, a
# conjunction or a preposition ("came the night before to help", "the day before and after")
_EVENT_AFTER = re.compile(r"\s+(?!(?:to|and|or|but|as|at|in|on|with|for|from|by)\b)[a-z]")
_DAY_ALONE = re.compile(r"(?i:the\s+(?:day|night))")
_SPEECH_VERB_BEFORE = re.compile(r"([a-z]+)\s+$")


def day_beside(c: Candidate, ctx: Context) -> Result | None:
    """'(had said) the day before': a day off the story's latest date (TimeML's anchored compound);
    before a date ('the day before last Tuesday') the date's own rule takes the words in (_extend); before
    an event ('the day after his death') the expression is 'the day', the same day."""
    if re.match(r"\s+(?:last|next|this|yesterday|today|tomorrow|\d|[A-Z])", text_after(ctx, c)):
        return None
    valued = _day_beside_value(c, ctx)
    said = _SPEECH_VERB_BEFORE.search(text_before(ctx, c))
    if _EVENT_AFTER.match(text_after(ctx, c)) and not (
        said and said.group(1) in cues().get("speech_verb", frozenset())
    ):
        # after a verb of saying the words that follow are what was said ("said the day before there
        # were raids"), not the event the day is placed against
        alone = _DAY_ALONE.match(ctx.text, c.start)
        if alone:
            return Result(c.start, alone.end(), valued.type, valued.value)
    return valued


def _day_beside_value(c: Candidate, ctx: Context) -> Result:
    prior = ctx.previous(c.start) or ""
    if _APPOSITION.search(text_before(ctx, c)) and len(prior) >= _PRECISION_NEEDED["D"]:
        # "left on March 3, the day before the court ruled": the phrase renames the day written just
        # before it (an apposition), so it is that day, not one off it (a year alone names no day)
        return Result(c.start, c.end, "DATE", prior[:10])
    if prior and len(prior) < _PRECISION_NEEDED["D"]:
        # the story's latest date is only a month or a year ("in 2008, the day before the vote"): the day
        # is unknown within it, as for "that day" (anchored), never the last day of the period before
        return Result(c.start, c.end, "DATE", _unknown_day(prior))
    base = tn.date_of_value(prior) or ctx.anchor
    if base is None:
        return Result(c.start, c.end, "DATE", None)
    shift = dt.timedelta(days=-1 if (c.get("side") or "").lower() == "before" else 1)
    return Result(c.start, c.end, "DATE", (base + shift).isoformat())
