"""Finding time expressions: the regex rules of rules.py run over the text, compiled once.

Spans follow TimeML 1.2.1: determiners and modifiers that are part of the expression are inside ("last
week", "early December", "at least 72 hours", "about five hours", "the past six months"; extents.py
takes in those before a rule's head), prepositions are outside ("on [Friday]"), and an expression
anchored by another ("March this year", "midnight Friday", "a week earlier") is one span. Each rule only
finds a span and names its parts; values.py, relative.py, counted.py, durations.py and anaphora.py turn
the parts into a TIMEX3 type and value.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .lexicon import holidays, phrases, time_words
from .rules import RULES, B, E, pieces


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: str
    parts: tuple[tuple[str, str], ...]

    def get(self, name: str) -> str | None:
        return next((v for k, v in self.parts if k == name), None)


# a clock time may end a range written with a hyphen ("from 4-5 p.m.", "10 a.m.-noon"): no score then
_HYPHEN_START = r"(?<![\w$#@.])(?:(?<!-)|(?<=m-|\.-|\d-))"
# the second month of a hyphenated range ("February-April 2010") may follow a hyphen; values.month and
# values.month_year keep it only after a month
_MONTH_START = r"(?:(?<![\w$#@.-])|(?<=[a-z]-)|(?<=[a-z]\.-))"
_START_OF = dict.fromkeys(("time_ampm", "time_word"), _HYPHEN_START) | dict.fromkeys(
    ("month", "month_year"), _MONTH_START
)
_CLOCK_RULES = frozenset({"time_ampm", "time_word"})
_DATE_AFTER = re.compile(r"\s?,?\s+[A-Z][a-z]{2,8}\.?\s+\d")  # ", March 21" after a weekday


_DIGITS = tuple("0123456789")
_UNITS = (
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "centur",
)
_REL = ("last", "next", "this", "past", "coming", "previous", "following", "current")

# Words a paragraph must hold (one from each group, lower case) for a rule to be worth running there:
# a cheap substring test spares most paragraphs most rules. The groups here mirror the alternations written
# into the rules (rules.py: UNIT, REL, DIR ...); the groups of the word classes the rules take from
# timex_words.tsv (months, parts of the day, seasons) come from that file too (`_word_triggers`), so a
# word added there is also looked for.
_MONTHS = ("<month>",)
_PARTS = ("<part>",)
_TRIGGERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "date_mdy": (_MONTHS, _DIGITS),
    "date_dmy": (_MONTHS, _DIGITS),
    "month_year": (_MONTHS, _DIGITS),
    "numeric": (("/", "."), _DIGITS),
    "iso": (("-",), _DIGITS),
    "month": (_MONTHS,),
    "fiscal": (("fiscal", "fy"),),
    "year": (_DIGITS,),
    "decade2": (("0s", "0's", "0’s"),),
    "weekday": (("day",),),
    "time_ampm": (("am", "a.m", "pm", "p.m"), _DIGITS),
    "time_24": ((":",),),
    "time_word": (("noon", "midnight", "midday"),),
    "time_inthe": (("in the",), _PARTS),
    "time_oclock": (("clock",),),
    "deictic": (("today", "tonight", "tomorrow", "yesterday"),),
    "this_part": (("this", "last"), _PARTS),
    "relative": (_REL, _UNITS),
    "within_unit": (("in the", "mid-"), ("day", "week", "month", "year")),
    "weekend": (("weekend",),),
    "ago": (("ago", "now", "hence", "earlier", "later", "before", "after"), _UNITS),
    "ago_vague": (("ago",),),
    "duration": (_UNITS,),
    "duration_adj": (("-",), _UNITS),
    "duration_long": (("-long", "-old"),),
    "duration_closed": (("long",),),
    "duration_rel": (("decade", "century"),),
    "vague_plural": (_UNITS,),
    "set_every": (("every", "each"),),
    "set_freq": (("once", "twice", "thrice", "times"),),
    "set_adverb": (("ly",),),
    "set_per": (("a ", "an ", "per "), _UNITS),
    "season": (("<season>",),),
    "quarter": (("quarter", "half"),),
    "week_of_month": (("week of",), _MONTHS),
    "quarter_q": (("q",),),
    "century": (("century",),),
    "day_beside": (("day before", "day after", "night before", "night after"),),
    "anchored": (("that", "same", "next", "following", "previous", "preceding", "prior"), _UNITS + _PARTS),
    "end_of": ((" of ",), ("end", "beginning", "start", "middle", "turn")),
    "anaphoric": (("the", "full"), ("quarter", "period", "year", "month")),
    "year_end": (("year",), ("end",)),
    "decade_anaphoric": (("decade",), ("0s", "0's", "0’s")),
    "year_ago_adj": (("year-ago", "year-earlier"),),
    "spelled_year": (("teen", "thousand"),),
}


def _word_triggers() -> dict[str, tuple[str, ...]]:
    """Placeholder -> the trigger words of a word class of timex_words.tsv (a month by its first three
    letters, which every form of it starts with)."""
    tw = time_words()
    return {
        "<month>": tuple(dict.fromkeys(w[:3] for w in tw.of("month"))),
        "<part>": tuple(tw.of("part")),
        "<season>": tuple(tw.of("season")),
    }


@functools.cache
def compiled() -> tuple[tuple[str, re.Pattern[str], tuple[tuple[str, ...], ...]], ...]:
    word_groups = _word_triggers()
    triggers = {
        name: tuple(
            tuple(w for group_word in group for w in word_groups.get(group_word, (group_word,)))
            for group in groups
        )
        for name, groups in _TRIGGERS.items()
    }
    triggers["phrase"] = (tuple({p.split()[0] for p in phrases()}),)
    triggers["holiday"] = (tuple({h.split()[0].lower() for h in holidays()}),)
    out = []
    for name, pattern in RULES:
        start = _START_OF.get(name, B)
        rx = re.compile(start + pattern.format(**pieces()) + (E if not pattern.endswith(E) else ""))
        out.append((name, rx, triggers[name]))
    return tuple(out)


@functools.cache
def _group_numbers() -> tuple[tuple[tuple[int, ...], ...], int]:
    """Each rule's trigger groups as numbers of the distinct groups, and how many there are."""
    number: dict[tuple[str, ...], int] = {}
    out = tuple(tuple(number.setdefault(g, len(number)) for g in groups) for _, _, groups in compiled())
    return out, len(number)


def find_all(text: str) -> list[Candidate]:
    """Every rule's matches, overlapping ones included (the caller chooses).

    Rules run paragraph by paragraph, and only where their trigger words occur; an expression never
    spans a blank line.
    """
    out = []
    rules = compiled()
    groups_of, n_groups = _group_numbers()
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", text):
        lowered = para.group().lower()
        # whether the paragraph holds a word of each group, tested when a rule first asks (rules share
        # groups: the digits, the units, the months)
        held: list[bool | None] = [None] * n_groups
        for (name, rx, groups), numbers in zip(rules, groups_of, strict=True):
            runs = True
            for group, g in zip(groups, numbers, strict=True):
                hit = held[g]
                if hit is None:
                    hit = held[g] = any(w in lowered for w in group)
                if not hit:
                    runs = False
                    break
            if not runs:
                continue
            for m in rx.finditer(text, para.start(), para.end()):
                parts = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
                if name in _CLOCK_RULES and m.group("wd") and _DATE_AFTER.match(text, m.end()):
                    # "3:15 a.m. Sunday, April 12": the weekday opens the written date, not the clock time
                    end = max(m.end(k) for k, _ in parts if k != "wd")
                    out.append(Candidate(m.start(), end, name, tuple(p for p in parts if p[0] != "wd")))
                    continue
                out.append(Candidate(m.start(), m.end(), name, parts))
    return out


def choose(cands: list[Candidate]) -> list[Candidate]:
    """Non-overlapping candidates, longest first, then earlier rules; returned in text order."""
    order = {name: i for i, (name, _) in enumerate(RULES)}
    ranked = sorted(cands, key=lambda c: (-(c.end - c.start), order[c.rule], c.start))
    taken: list[Candidate] = []
    for c in ranked:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)
