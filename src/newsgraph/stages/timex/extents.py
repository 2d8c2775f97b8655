"""TimeML 1.2.1 extents: the determiner and the modifiers of a time expression belong to it.

The TimeML guidelines put a modifier that changes or qualifies the time inside the TIMEX3 and record it
in `mod` (the contract has no `mod`, so only the extent shows it): "the past six months", "early
Monday", "late Friday", "the early 1990s" (START/END/MID), "later this evening", "nearly thirty years",
"about 9:30 a.m.", "over a month", "more than a decade ago" (APPROX, MORE_THAN, LESS_THAN,
EQUAL_OR_MORE ...). Prepositions ("on", "in", "for", "since") stay outside. The rules that find an
expression find its head; `widen` then takes in the words before it that TimeML counts as part of it.
"""

from __future__ import annotations

import re

from .values import Result

# "the" of "the past six months", "the last three weeks", "the next few days": a stretch counted back
# or forward from the reference time
_THE = re.compile(r"(?i:\bthe\s+)$")
_COUNTED_FROM_NOW = re.compile(r"(?i:past|last|next|coming|previous|following|first|final)\b")

# START / END / MID of a named period: "early Monday", "late 1998", "mid-1990s", "early this year"
_POSITION = re.compile(r"(?i:\b(?:early|late|mid)(?:\s+|-))$")
# "later this evening", "earlier that day": the comparative qualifies a deictic or anaphoric period
_COMPARATIVE = re.compile(r"(?i:\b(?:earlier|later)\s+)$")
_DEICTIC_HEAD = re.compile(
    r"(?i:this|that|today|tonight|tomorrow|yesterday|the\s+same|the\s+next|the\s+following)\b"
)

# approximators and bounds before a count of time or a clock time: APPROX, MORE_THAN, LESS_THAN ...
_QUANTIFIER = re.compile(
    r"(?i:\b(?:just\s+(?:over|under)|about|around|approximately|roughly|nearly|almost|some|over|under|"
    r"more\s+than|less\s+than|fewer\s+than|at\s+least|at\s+most|up\s+to|no\s+more\s+than|"
    r"no\s+less\s+than|close\s+to|well\s+over)\s+)$"
)
_COUNT_HEAD = re.compile(
    r"(?i:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half|a\s+half|several|a\s+few|a\s+couple)"
)
# "some" and "over" say "about"/"more than" only before a number ("some days", "over the years" are
# other words)
_NUMBER_HEAD = re.compile(
    r"(?i:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|half)"
)

# "$84 billion over 10 years", "cut 5% over six years": after an amount, "over" is the preposition
# that spreads it across the time, not "more than"
_AMOUNT_BEFORE = re.compile(r"(?i:(?:\d|%|\b(?:million|billion|trillion|percent|dollars|euros))\s*)$")


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
            if m:
                start = m.start()
    if r.type in ("DURATION", "TIME") or (r.type == "DATE" and head.lower().endswith(" ago")):
        m = _QUANTIFIER.search(text, window, start)
        if m and _COUNT_HEAD.match(head):
            word = m.group().split()[0].lower()
            after_amount = word in ("over", "under") and _AMOUNT_BEFORE.search(text, window, m.start())
            if (word not in ("some", "over", "under") or _NUMBER_HEAD.match(head)) and not after_amount:
                start = m.start()
    if r.type in ("DURATION", "DATE") and _COUNTED_FROM_NOW.match(text, start):
        m = _THE.search(text, window, start)
        if m:
            start = m.start()
    return start
