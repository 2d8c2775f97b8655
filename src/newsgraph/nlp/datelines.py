"""Datelines: where a story says it was filed ("NAIROBI, Kenya (AP) —", "MINSK 1996-08-30").

One detector for every stage that reads them: the places stage marks the dateline's place as a place, the
entities stage takes the dateline's country as the story's home. Each finds the same datelines here and
keeps the ones its question trusts (`Dateline.delimiter`, `Dateline.at_line_start`): a sports headline
("SOCCER - ROMANIA BEAT LITHUANIA") is shaped like a dateline with a hyphen, so a story's home country
does not take a hyphen's; a dated place is a dateline only on a line of its own.

A dateline is a place in capitals (one to four words, accented capitals too: "OSNABRÜCK"), an optional
", State" or ", Country" qualifier, an optional agency in brackets, then a delimiter: a dash, a hyphen
between spaces, an underscore (AP's wire style), a date (the month written out or as the wires abbreviate
it: "Sept. 26", "Aug 15"), or, at the start of a line only, a colon (South Asian papers: "KARACHI: The
..."). It stands at the start of the text, of a line, or of a sentence near the top ("... supporters.
HARWINTON — ...": after a headline run into the story).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from ..lexicons.timex import time_words

Delimiter = Literal["dash", "hyphen", "underscore", "date", "colon", "agency"]

# Capital letters, the Latin alphabets' accented ones too ("OSNABRÜCK", "GORZÓW", "ŁÓDŹ").
_UPPER = "A-Z" + "".join(chr(c) for c in range(0xC0, 0x250) if chr(c).isupper())
# The place: words in capitals (with dots, apostrophes and hyphens: "ST. LOUIS", "AL-AIN").
_PLACE = rf"[{_UPPER}][{_UPPER}.'\-]+(?:[ \t][{_UPPER}][{_UPPER}.'\-]+){{0,3}}"
# A state or country after a comma: "Calif.", "New Jersey", "Kenya", "Österreich".
_QUALIFIER = rf"[{_UPPER}](?:[^\W\d_]|\.)+(?:[ \t][{_UPPER}](?:[^\W\d_]|\.)+)?"
# An agency in brackets: "(AP)", "(Reuters)".
_AGENCY = r"\([^()\n]{1,40}\)"
# The delimiters: a dash, a hyphen between spaces (a sports headline has one too), a date as the wires
# write it numerically ("1996-08-30"). Shared by the detector and by `lead_in_end`, which skips them.
_DASH = r"—|–|--"
_HYPHEN = r"(?<=[ \t])-(?=[ \t])"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"


@functools.cache
def _month_names() -> frozenset[str]:
    """Every way a dateline writes a month: full names and the wires' abbreviations ("Aug", "Sept")."""
    return frozenset(word.capitalize() for word in time_words().of("month"))


def _month_pattern() -> str:
    """A month as a dateline writes it: "August", "Aug", "Aug." (longest first, so "Sept" is not "Sep")."""
    names = sorted(_month_names(), key=len, reverse=True)
    return r"(?:" + "|".join(names) + r")\b\.?"


@functools.cache
def _pattern() -> re.Pattern[str]:
    month = _month_pattern()
    return re.compile(
        # At the start of a line (or of the text), or of a sentence ending in . ! ? (a quote may close it).
        r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”]\s))[ \t]*"
        rf"(?P<place>{_PLACE})(?:[ \t]*,[ \t]*(?P<qualifier>{_QUALIFIER}))?"
        rf"[ \t]*(?:(?P<agency>{_AGENCY})[ \t]*)?"
        rf"(?:(?P<dash>{_DASH})|(?P<hyphen>{_HYPHEN})|(?P<underscore>_)"
        rf"|(?P<date>,?[ \t]+(?:{_ISO_DATE}|(?:{month})[ \t]+\d))|(?P<colon>:(?=[ \t]))"
        r"|(?(agency)|(?!)))",
        re.MULTILINE,
    )


# How far into a story its datelines are looked for: the dateline, or a headline and the dateline.
REACH = 600


@dataclass(frozen=True)
class Dateline:
    start: int  # the place's span
    end: int
    qualifier: str | None  # "Kenya" of "NAIROBI, Kenya (AP) —" (never a date's month)
    agency: bool  # an agency in brackets stands before the delimiter: "(AP)", "(Reuters)"
    delimiter: Delimiter  # "agency": nothing follows the agency's bracket ("WASHINGTON (AP) The ...")
    at_line_start: bool  # at the start of the text or of a line, not after a sentence
    # What follows the delimiter opens a sentence, a capital then small letters ("BRANDON - City council
    # voted"), not a headline in capitals ("SOCCER - ROMANIA BEAT LITHUANIA").
    then_sentence: bool = False


@functools.cache
def _lead_in_pattern() -> re.Pattern[str]:
    month = _month_pattern()
    return re.compile(
        rf"{_PLACE}(?:[ \t]*,[ \t]*(?!{month}){_QUALIFIER})?"
        rf"(?:,?[ \t]+(?:{_ISO_DATE}|(?:{month})[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?))?"
        rf"[ \t]*(?:{_AGENCY}[ \t]*)?(?:(?:{_DASH}|_)|{_HYPHEN})?[ \t]*"
    )


def lead_in_end(text: str, dateline: Dateline) -> int:
    """Where the story's own words start after `dateline`: past its qualifier, date, agency and delimiter
    ("NAIROBI, March 4 (Reuters) - Kenya ..." -> the offset of "Kenya"). What a sentence reports starts
    there, not in the dateline the parse took into the sentence."""
    m = _lead_in_pattern().match(text, dateline.start)
    return m.end() if m is not None else dateline.end


def find_datelines(text: str, reach: int = REACH) -> list[Dateline]:
    """The datelines within the first `reach` characters of `text`, in text order."""
    return list(_datelines(text, reach))


# Five stages and helpers ask for the datelines of one article's text: read once (the last few texts kept).
@functools.lru_cache(maxsize=8)
def _datelines(text: str, reach: int) -> tuple[Dateline, ...]:
    head = text[:reach]
    out = []
    for m in _pattern().finditer(head):
        kind: Delimiter = next(
            (k for k in ("dash", "hyphen", "underscore", "date", "colon") if m.group(k) is not None),
            "agency",
        )
        qualifier = m.group("qualifier")
        if qualifier is not None and qualifier.split()[0].rstrip(".") in _month_names():
            qualifier = None  # "LONDON, August (Reuters) -": a date's month, not a state's or country's
        start, end = m.span("place")
        at_line_start = m.start() == 0 or head[m.start() - 1] == "\n"
        if kind == "colon" and not at_line_start:
            continue  # "... said. UPDATE: ...": a label in a sentence's place, not where a story was filed
        sentence = _SENTENCE_OPENS.match(text, m.end()) is not None
        out.append(
            Dateline(start, end, qualifier, m.group("agency") is not None, kind, at_line_start, sentence)
        )
    return tuple(out)


# A sentence's first words after a delimiter: a capitalised word, then small letters within two words.
_SENTENCE_OPENS = re.compile(r"[ \t]*[\"“'‘]?[A-Z0-9][\w'’.,-]*(?:[ \t]+[A-Z0-9][\w'’.,-]*)?[ \t]+[a-z]")
