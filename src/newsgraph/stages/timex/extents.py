"""TimeML 1.2.1 extents: the determiner and the modifiers of a time expression belong to it.

The TimeML guidelines put a modifier that changes or qualifies the time inside the TIMEX3 and record it
in `mod`: "the past six months", "early Monday", "late Friday", "the early 1990s" (START/END/MID),
"later this evening", "nearly thirty years", "about 7:45 a.m.", "over a month", "more than ten years ago"
(APPROX, MORE_THAN, LESS_THAN, EQUAL_OR_MORE ...). Prepositions ("on", "in", "for", "since") stay
outside. The rules that find an expression find its head; `widen` then takes in the words before it
that TimeML counts as part of it, and `timeml_mod` reads the `mod` off the finished extent (a modifier
may come from the head's own rule, "late November", "post-1959", "the end of August", or from `widen`).
"""

from __future__ import annotations

import re

from ...lexicons.timex import timex_rule_words
from .lexicon import alternation, cues
from .normalise import day_of
from .values import Result

_WORDS = timex_rule_words()  # the word lists (lexicons/timex_rule_words.tsv) the modifiers come from

_THE = re.compile(r"(?i:\bthe\s+)$")
# "the past six months", "the next few days": a stretch counted back or forward from the reference time
_COUNTED_FROM_NOW = re.compile(r"(?i:" + alternation(_WORDS.counted_from_now) + r")\b")
# START / END / MID of a named period: "early Monday", "late 1998", "mid-1990s", "early this year"
_POSITION = re.compile(r"(?i:\b" + alternation(_WORDS.timeml_positions) + r"(?:\s+|-))$")
# "late on Friday", "early on March 3": the position reaches over "on" to a day (one expression, END/START)
_POSITION_ON = re.compile(r"(?i:\b" + alternation(_WORDS.timeml_positions) + r"\s+on\s+)$")
# "later this evening", "earlier that day": the comparative qualifies a deictic or anaphoric period
_COMPARATIVE = re.compile(r"(?i:\b" + alternation(_WORDS.timeml_comparatives) + r"\s+)$")
_DEICTIC_HEAD = re.compile(
    r"(?i:this|that|today|tonight|tomorrow|yesterday|the\s+same|the\s+next|the\s+following)\b"
)
# approximators and bounds before a count of time or a clock time: APPROX, MORE_THAN, LESS_THAN ...
_QUANTIFIER = re.compile(r"(?i:\b" + alternation(_WORDS.timeml_quantifiers) + r"\s+)$")
_NUMBER = (
    r"\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half"
)
_COUNT_HEAD = re.compile(r"(?i:" + _NUMBER + r"|several|a\s+few|a\s+couple)")
# "some" and "over" say "about"/"more than" only before a number ("some days", "over the years" are
# other words)
_NUMBER_HEAD = re.compile(r"(?i:" + _NUMBER + ")")
# "$72 billion over 10 years", "cut 5% over six years": after an amount, "over" is the preposition
# that spreads it across the time, not "more than"
_AMOUNT_BEFORE = re.compile(r"(?i:(?:\d|%|\b(?:million|billion|trillion|percent|dollars|euros))\s*)$")
# "just over an hour later", "over a year ago": a point counted back or on bounds its count
_COUNTED_POINT_AFTER = re.compile(r"(?i:\s+(?:ago|later|earlier)\b)")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+$")


def widen(results: list[Result], text: str) -> list[Result]:
    """Each expression with the determiner and modifiers before it that TimeML puts inside; an expression
    never grows into the one before it."""
    out: list[Result] = []
    for r in results:
        floor = out[-1].end if out else 0
        start = _modified_start(r, text, floor)
        out.append(Result(start, r.end, r.type, r.value) if start != r.start else r)
    return out


def _modified_start(r: Result, text: str, floor: int) -> int:
    head = text[r.start : r.end]
    window = max(floor, r.start - 30)
    start = r.start
    if r.type in ("DATE", "TIME"):
        m = _COMPARATIVE.search(text, window, start)
        if m and _DEICTIC_HEAD.match(head):
            start = m.start()
        else:
            m = _POSITION.search(text, window, start)
            if m is None and day_of(r.value) is not None:
                m = _POSITION_ON.search(text, window, start)
            if m:
                start = m.start()
    if r.type in ("DURATION", "TIME") or (r.type == "DATE" and head.lower().endswith(" ago")):
        m = _QUANTIFIER.search(text, window, start)
        if m and _COUNT_HEAD.match(head):
            word = " ".join(m.group().lower().split())
            number_only = word in _WORDS.number_only_quantifiers
            after_amount = number_only and _AMOUNT_BEFORE.search(text, window, m.start())
            spread = word == "over" and not _over_bounds(r, text, m.start())
            if (not number_only or _NUMBER_HEAD.match(head)) and not after_amount and not spread:
                start = m.start()
    if r.type in ("DURATION", "DATE") and _COUNTED_FROM_NOW.match(text, start):
        m = _THE.search(text, window, start)
        if m:
            start = m.start()
    return start


def _over_bounds(r: Result, text: str, over: int) -> bool:
    """Whether "over" before a count of time is "more than" (TimeML's MORE_THAN, inside the expression):
    after a preposition or a verb of lasting ("for over a month", "lasted over an hour"), or before a point
    counted back or on ("over a year ago"). After any other word it is the preposition that spreads a
    thing across the time ("claimed 5,000 lives over two decades"), which TimeML leaves outside."""
    if text[r.start : r.end].lower().endswith(" ago") or _COUNTED_POINT_AFTER.match(text, r.end):
        return True
    before = _WORD_BEFORE.search(text, max(0, over - 30), over)
    return before is not None and before.group(1).lower() in cues().get("over_bound_after", frozenset())


# the modifier words an extent may start with, each read to its TIMEX3 mod (lexicons/timex_rule_words.tsv)
_LEADING_THE = re.compile(r"(?i:the\s+)")


def _first(words: dict[str, str], after: str) -> re.Pattern[str]:
    """One of `words` at the start of an extent (captured as `w`), followed by `after`."""
    return re.compile(r"(?P<w>(?i:" + alternation(words) + "))" + after)


_BOUND_LAST = re.compile(r"\s(?P<w>(?i:" + alternation(_WORDS.trailing_bounds) + "))$")
_SUFFIX = re.compile(r"-(?P<w>(?i:" + alternation(_WORDS.count_suffixes) + r"))\b")
_BOUND_AGO = re.compile(r"\s(?P<w>(?i:" + alternation(_WORDS.trailing_bounds) + r"))\s+(?i:ago)$")
_QUANTIFIER_FIRST = _first(_WORDS.timeml_quantifiers, r"\s+")
_POSITIONS_FIRST = (
    (_first(_WORDS.timeml_positions, r"(?:\s+|-)"), _WORDS.timeml_positions),  # "early Monday", "mid-1990"
    (_first(_WORDS.part_of_positions, r"\s+of\b"), _WORDS.part_of_positions),  # "the end of August"
    (_first(_WORDS.prefix_positions, r"-(?=\d)"), _WORDS.prefix_positions),  # "post-1959"
)


def timeml_mod(extent: str, timex_type: str) -> str | None:
    """The TIMEX3 `mod` of an expression whose extent starts with a modifier, or None.

    A quantifier gives a duration its own mod ("nearly thirty years" LESS_THAN) and a point, a date or a
    clock time, the point's comparative ("about 7:45 a.m." APPROX); a set takes none. A bound written
    after a duration gives it its mod too ("two years or less" EQUAL_OR_LESS)."""
    if timex_type == "DURATION" and (m := _BOUND_LAST.search(extent)):
        return _WORDS.trailing_bounds[_key(m)]
    if timex_type == "DURATION" and (m := _SUFFIX.search(extent)):
        return _WORDS.count_suffixes[_key(m)]  # "20-plus years", "a decade-plus" MORE_THAN
    if timex_type == "DATE" and (m := _BOUND_AGO.search(extent)):
        return _WORDS.point_mods.get(_WORDS.trailing_bounds[_key(m)])  # "a month or so ago" APPROX
    body = extent[m.end() :] if (m := _LEADING_THE.match(extent)) else extent
    m = _QUANTIFIER_FIRST.match(body)
    if m and timex_type != "SET":
        word = _key(m)
        if word not in _WORDS.number_only_quantifiers or _NUMBER_HEAD.match(body, m.end()):
            mod = _WORDS.timeml_quantifiers[word]
            return mod if timex_type == "DURATION" else _WORDS.point_mods.get(mod)
    if timex_type in ("DATE", "TIME"):
        for pattern, mods in _POSITIONS_FIRST:
            if m := pattern.match(body):
                return mods[_key(m)]
    return None


def _key(m: re.Match[str]) -> str:
    """The matched modifier as the word lists write it: lower case, words one space apart."""
    return " ".join(m.group("w").lower().split())
