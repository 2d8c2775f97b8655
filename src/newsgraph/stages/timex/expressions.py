"""The timex stage: every time expression with its TimeML TIMEX3 type and value, anchored on publication.

Detection is our own regex grammar (timex_grammar.py) rather than spaCy's DATE/TIME entities, which both
miss expressions and over-extend them; the parse is used only to read the tense of the verb governing a
bare weekday or month ("met on Wednesday" vs "will meet on Friday"). Values come from timex_values.py and
timex_relative.py; calendar arithmetic lives in timex_normalise.py. Without a publication date, values
that need one stay null rather than guessed.

Other stages ask `stages.common.time_of(timexes, start, end)` for the date of a clause or event.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ...model import Timex
from ..base import Parsed, Results
from . import anaphora as ana
from . import counted as cnt
from . import document as doc
from . import durations as dur
from . import relative as rel
from . import values as val
from . import years as yrs
from .extents import timeml_mod, widen
from .grammar import Candidate, choose, find_all
from .normalise import Direction, day_of, in_story_week, parse_anchor, week_value
from .tense import direction_at

Handler = Callable[[Candidate, val.Context], val.Result | None]

HANDLERS: dict[str, Handler] = {
    "date_mdy": val.date_md,
    "date_dmy": val.date_md,
    "month_year": val.month_year,
    "numeric": val.numeric,
    "iso": val.iso,
    "month": val.month,
    "fiscal": yrs.fiscal,
    "year": yrs.year,
    "decade2": yrs.decade2,
    "weekday": val.weekday,
    "time_ampm": val.time_ampm,
    "time_24": val.time_24,
    "time_word": val.time_word,
    "time_inthe": val.time_inthe,
    "time_oclock": val.time_oclock,
    "deictic": rel.deictic,
    "this_part": rel.this_part,
    "relative": rel.relative,
    "weekend": rel.weekend,
    "within_unit": rel.within_unit,
    "week_of_month": rel.week_of_month,
    "ago": cnt.ago,
    "ago_vague": cnt.ago_vague,
    "duration": dur.duration,
    "duration_adj": dur.duration_adj,
    "duration_long": dur.duration_long,
    "duration_closed": dur.duration_long,
    "duration_rel": dur.duration_rel,
    "vague_plural": dur.vague_plural,
    "set_every": dur.set_every,
    "set_freq": dur.set_freq,
    "set_adverb": dur.set_adverb,
    "set_per": dur.set_per,
    "phrase": rel.phrase,
    "season": rel.season,
    "quarter": rel.quarter,
    "quarter_q": rel.quarter_q,
    "holiday": rel.holiday,
    "century": rel.century,
    "anchored": cnt.anchored,
    "day_beside": cnt.day_beside,
    "end_of": rel.end_of,
    "anaphoric": ana.anaphoric,
    "year_end": ana.year_end,
    "decade_anaphoric": ana.decade_anaphoric,
    "year_ago_adj": ana.year_ago_adjective,
    "spelled_year": ana.spelled_year,
}

# "April 24 and 25": the second day is an expression of its own
_SECOND_DAY = re.compile(
    r"\s*(?:and|or|to|through|-|–)\s*(\d{1,2})(?![\d:.,]\d|\s*(?:a\.m|p\.m|am\b|pm\b|percent|%))\b"
)
# how far back a named year still dates a bare month or day (a heading and its schedule lines)
_RECENT_CHARS = 300
_DIGIT = re.compile(r"\d")
_YEAR_OR_MONTH = re.compile(r"\d{4}(?:-\d\d)?")
_SPECIFIC = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?(?:T.*)?$")


def run(parsed: Parsed, results: Results) -> Results:
    return results.replace(timexes=find_timexes(parsed))


def find_timexes(parsed: Parsed) -> tuple[Timex, ...]:
    text = parsed.text
    directions: dict[tuple[int, int], Direction] = {}

    def direction(start: int, end: int) -> Direction:
        key = (start, end)
        if key not in directions:
            directions[key] = direction_at(parsed.doc, start, end, text)
        return directions[key]

    return resolve(text, parsed.article.published, direction, parsed.sentence_index)


def resolve(
    text: str,
    published: str | None,
    direction: Callable[[int, int], Direction],
    sentence_index: Callable[[int], int],
) -> tuple[Timex, ...]:
    """Find and value every expression of `text`; the tense and sentence lookups come from the caller
    (the spaCy parse in the pipeline, simple stand-ins in tests)."""
    anchor = parse_anchor(published)
    found: list[val.Result] = []

    def previous(offset: int) -> str | None:
        for r in reversed(found):
            if r.start < offset and r.moves_to:
                return r.moves_to
            if r.start < offset and r.value and _SPECIFIC.match(r.value) and r.type in ("DATE", "TIME"):
                return r.value
        return None

    def sentence_year(offset: int) -> int | None:
        sentence = sentence_index(offset)
        for r in reversed(found):
            if r.start >= offset:
                continue
            if sentence_index(r.start) != sentence:
                return None
            if r.type == "DATE" and r.value and _YEAR_OR_MONTH.fullmatch(r.value):
                year = int(r.value[:4])
                # "invited in July 1997, it will join on March 12": the tense overrules an earlier year
                ahead = anchor is not None and year < anchor.year
                if ahead and direction(offset, offset + 1) == "future":
                    return None
                # "lost the final last year, and will host it on September 28", "not before the end of the
                # year, after she steps down on March 3": a year named but not written dates the day
                # only in a past clause; elsewhere the day's own tense does
                written = _DIGIT.search(text, r.start, r.end)
                return year if written or direction(offset, offset + 1) == "past" else None
        return None

    def latest(offset: int, pattern: re.Pattern[str]) -> str | None:
        for r in reversed(found):
            if r.start < offset and r.value and pattern.fullmatch(r.value):
                return r.value
        return None

    def written_day(offset: int) -> str | None:
        for r in reversed(found):
            # a clock time's day is settled only after the loop (_date_clock): dates alone count here
            if r.start < offset and r.type == "DATE" and r.value and _FULL_DATE.match(r.value):
                extent = text[r.start : r.end]
                return r.value[:10] if any(ch.isdigit() for ch in extent) else None
        return None

    def recent_year(offset: int) -> int | None:
        for r in reversed(found):
            if r.start >= offset:
                continue
            if offset - r.end > _RECENT_CHARS:
                return None
            if r.type == "DATE" and r.value and _YEAR_OR_MONTH.fullmatch(r.value):
                return int(r.value[:4])
        return None

    ctx = val.Context(text, anchor, direction, previous, sentence_year, latest, written_day, recent_year)
    dayless: set[int] = set()
    candidates = find_all(text)
    for _ in range(3):
        # a longer candidate its rule rejects ("the last century" read as an ordinal century) must not hide
        # the shorter ones it overlapped: drop the rejected ones and choose again
        found.clear()
        dayless.clear()
        rejected: set[Candidate] = set()
        for c in _with_second_days(choose(candidates), text):
            result = HANDLERS[c.rule](c, ctx)
            if result is None or result.end <= result.start:
                rejected.add(c)
                continue
            if c.rule.startswith("time_") and not c.get("wd") and not c.get("rd"):
                dayless.add(len(found))
            found.append(_extend(result, text))
            doc.merge_first_months(found, text)
        if not rejected:
            break
        candidates = [c for c in candidates if c not in rejected]
    for i in sorted(dayless):
        found[i] = _date_clock(found, i, text, sentence_index, dayless)
    for step in (
        doc.range_ends_share_year,
        doc.schedule_years,
        doc.one_day_per_weekday,
        doc.one_year_per_month_name,
        doc.one_year_per_written_day,
        doc.clock_on_date,
    ):
        found[:] = step(found, text)
    found[:] = doc.speech_days(found, text, anchor)
    found[:] = widen(found, text)
    return tuple(_timex(r, text[r.start : r.end]) for r in found)


def _timex(r: val.Result, extent: str) -> Timex:
    return Timex(r.start, r.end, extent, r.type, r.value, timeml_mod(extent, r.type))


_WEEK_OF = re.compile(r"(?i:\bthe\s+week\s+of\s+)$")
# "11:20 a.m. (0920 GMT) Friday", "at 6 a.m. on Tuesday" (the abbreviation's period left outside the span)
_BETWEEN_TIME_AND_DAY = re.compile(r"\.?[\s(),:]*(?:\(?\d{3,4}\s+[A-Z]{2,4}\)?)?[\s(),]*(?:on\s+)?$")
_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")
_RANGE_GAP = re.compile(r"\.?\s*(?:and|to|until|till|through|-|–)\s*")


# "the day before last Tuesday", "the day after Christmas": an anchored compound, one expression a day off
# ("the day after Friday's vote" too: the vote is on that day)
_DAY_BESIDE = re.compile(r"(?i:\bthe\s+day\s+(before|after)\s+)$")
_PART_OF = re.compile(r"(?i:\b(?:the\s+)?(?:end|beginning|start|middle|close|turn)\s+of\s+(?:the\s+)?)$")
_PERIOD = re.compile(r"\d{2,4}(?:-\d\d|-Q\d|-H\d|-[A-Z]{2}|X)?|FY\d{4}")  # "19": a century


def _extend(r: val.Result, text: str) -> val.Result:
    """'the week of June 9' is the week holding that day; 'the end of August' is August, extended; 'the
    day before last Tuesday' is one day, the one before that Tuesday."""
    part = _PART_OF.search(text, max(0, r.start - 30), r.start)
    if part and r.type == "DATE" and r.value and _PERIOD.fullmatch(r.value):
        return val.Result(part.start(), r.end, r.type, r.value)
    side = _DAY_BESIDE.search(text, max(0, r.start - 20), r.start)
    if side and r.type == "DATE" and r.value and _FULL_DATE.fullmatch(r.value):
        d = parse_anchor(r.value)
        shift = dt.timedelta(days=-1 if side.group(1).lower() == "before" else 1)
        return val.Result(side.start(), r.end, "DATE", (d + shift).isoformat() if d else None)
    m = _WEEK_OF.search(text, max(0, r.start - 20), r.start)
    if m is None or r.value is None or not _FULL_DATE.fullmatch(r.value):
        return r
    d = parse_anchor(r.value)
    return val.Result(m.start(), r.end, "DATE", week_value(d) if d else None)


def _date_clock(
    found: list[val.Result],
    i: int,
    text: str,
    sentence_index: Callable[[int], int],
    dayless: set[int],
) -> val.Result:
    """A clock time without a day takes the day named next to it ('11:20 a.m. (0920 GMT) Friday'), the
    day of the other end of its range ('from 3 p.m. to 9 p.m. Monday'), or the day named earlier in its
    sentence; only then the publication date. A part of the day without a clock ('Late in the evening')
    also takes a day named in an earlier sentence, the latest, if that lies within a week of publication
    ('The shelling began yesterday. Late in the evening ...'): the story's day. A clock reading does not:
    in news it is as often a timestamp of the publication day ('1:21 p.m.' heading a live update after
    'on Sunday ...'), and issue 18's held-out own-B lost 4 values in one such article to that reading."""
    r = found[i]
    if r.value is None or "T" not in r.value:
        return r
    clock = r.value[r.value.index("T") :]
    day: str | None = None
    if i + 1 < len(found):
        nxt = found[i + 1]
        gap = text[r.end : nxt.start]
        beside = len(gap) <= 25 and _BETWEEN_TIME_AND_DAY.match(gap) is not None
        in_range = _RANGE_GAP.fullmatch(gap) is not None and nxt.type == "TIME"
        if in_range and i + 1 in dayless:
            # the other end lends its day only if it finds one itself, beside it ("10 a.m.-noon Saturday")
            resolved = _date_clock(found, i + 1, text, sentence_index, dayless)
            in_range, nxt = resolved.value != nxt.value, resolved
        if (beside or in_range) and nxt.value and _FULL_DATE.match(nxt.value):
            day = nxt.value[:10]
    if day is None:
        sentence = sentence_index(r.start)
        for prev in reversed(found[:i]):
            if prev.value and _FULL_DATE.match(prev.value):
                if sentence_index(prev.start) == sentence or (
                    _PART_OF_DAY.fullmatch(clock) and in_story_week(day_of(prev.value), day_of(r.value))
                ):
                    day = prev.value[:10]
                break
    return val.Result(r.start, r.end, r.type, day + clock) if day else r


_PART_OF_DAY = re.compile(r"T[A-Z]{2}")  # "TEV": a part of the day, no clock reading


_SECOND_YEAR = re.compile(r"\s*[-–]\s*(\d\d)(?![\d%]|[-/.,]\d|\s*(?:percent|%))")
_FIRST_DAY = re.compile(r"(\d{1,2}(?:st|nd|rd|th)?)\s*(?:-|–|\s(?:and|or|to|through)\s)\s*")


# "from 7 to 11 p.m.": the bare first hour of a range is a clock time with the same half of the day
_FIRST_HOUR = re.compile(
    r"(?i:\b(?:from|between)\s+)(\d{1,2})(?::([0-5]\d))?\s*(?:-|–|\s(?:to|until|till|and)\s)\s*$"
)


def _first_hour(m: re.Match[str], c: Candidate) -> Candidate:
    """The range's bare first hour, in the half of the day of its end unless it would come after the end
    ('from 10 to 2 p.m.' starts in the morning)."""
    ap = c.get("ap") or ""
    if int(m.group(1)) % 12 > int(c.get("h") or 0) % 12:
        ap = "a.m." if ap.lower().startswith("p") else "p.m."
    parts = (("h", m.group(1)), *((("mi", m.group(2)),) if m.group(2) else ()), ("ap", ap))
    return Candidate(m.start(1), m.end(2) if m.group(2) else m.end(1), c.rule, parts)


def _with_second_days(cands: list[Candidate], text: str) -> list[Candidate]:
    out: list[Candidate] = []
    for i, c in enumerate(cands):
        first_hour = (
            _FIRST_HOUR.search(text, max(0, c.start - 25), c.start) if c.rule == "time_ampm" else None
        )
        if first_hour and (not out or out[-1].end <= first_hour.start(1)):
            out.append(_first_hour(first_hour, c))
        first = _FIRST_DAY.match(text, c.start) if c.get("day0") else None
        if first:
            # "1-15 March", "between 3 and 5 April 2012": the first day is an expression of its own
            parts = tuple((k, v) for k, v in c.parts if k != "day0")
            first_parts = (*((k, v) for k, v in parts if k != "day"), ("day", first.group(1)))
            out.append(Candidate(c.start, first.end(1), "date_dmy", first_parts))
            c = Candidate(first.end(), c.end, c.rule, parts)
        out.append(c)
        nxt = cands[i + 1].start if i + 1 < len(cands) else len(text)
        end_year = _SECOND_YEAR.match(text, c.end) if c.rule == "year" and not c.get("s") else None
        if end_year and end_year.end() <= nxt and int(end_year.group(1)) > int(c.get("year") or 0) % 100:
            # "between 1992-95": the range's end is a year of its own, in the first one's century
            year = int(c.get("year") or 0) // 100 * 100 + int(end_year.group(1))
            out.append(Candidate(end_year.start(1), end_year.end(1), "year", (("year", str(year)),)))
        if c.rule != "date_mdy" or c.get("year"):
            continue
        m = _SECOND_DAY.match(text, c.end)
        if m and m.end() <= nxt:
            parts = (*((k, v) for k, v in c.parts if k not in ("day", "wd")), ("day", m.group(1)))
            out.append(Candidate(m.start(1), m.end(1), "date_mdy", parts))
    return out
