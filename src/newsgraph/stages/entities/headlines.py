"""Lines that are not story text, read by their shape: headlines, bylines and credit lines.

The model tags names in Title Case lines by their capitals, so a headline ("Governor Slams Plan In Fiery
Speech") gives fragments that are no one; and a credit line ("Jane Roe contributed to this report",
"Reporting by X; Editing by Y") or a byline ("By Jane Roe") names journalists, not actors of the story.
- A credit or byline's names are dropped before grouping (`drop_credit_names`).
- A headline (the text's first line, or its first sentence run into the story, when it has the shape)
  keeps its names only when they join an actor of the story text or the gazetteer knows them
  (`drop_headline_fragments`): "Obama" in a headline is Obama, "Slams Plan" is nothing.
A dateline's place stays ("BAMAKO, Mali (AP) —" names where a report comes from); its agency in
brackets is a credit.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from ...lexicons.names import gender_words
from ...lexicons.quotes import quote_words

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..base import Parsed


# What the two filters read of a mention (mentions.Candidate) and of a group of them (cluster.Cluster):
# typed by shape so that this module, which mentions.py imports, imports neither of them back.
class _Placed(Protocol):
    @property
    def start(self) -> int: ...


class _Grouped(Protocol):
    @property
    def kb(self) -> str | None: ...

    @property
    def mentions(self) -> Sequence[_Placed]: ...


_Mention = TypeVar("_Mention", bound=_Placed)
_Group = TypeVar("_Group", bound=_Grouped)

#: A headline has at least this many words and at most HEADLINE_MAX_WORDS.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 30
#: Share of its content words (small words aside) a Title Case line has capitalised.
TITLE_CASE_SHARE = 0.75
#: A byline ("By Jane Roe and John Doe, Associated Press") is at most this many words.
BYLINE_MAX_WORDS = 12

_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
# A dateline's agency credit: "BAMAKO, Mali (AP) —", "LONDON (Reuters) -" at the start of a line.
_DATELINE_CREDIT = re.compile(r"^[ \t]*[A-Z][^\n()]{0,60}(\([^()\n]{1,40}\))[ \t]*[-—–]", re.MULTILINE)


@dataclass(frozen=True)
class LineShapes:
    """Character spans of the text's headline lines and of its credit and byline lines, in text order."""

    headlines: tuple[tuple[int, int], ...]
    credits: tuple[tuple[int, int], ...]

    def in_headline(self, start: int) -> bool:
        return inside_spans(self.headlines, start)

    def in_credit(self, start: int) -> bool:
        return inside_spans(self.credits, start)


def inside_spans(spans: Sequence[tuple[int, int]], char: int) -> bool:
    """char is inside one of spans (sorted, not overlapping)."""
    return span_index(spans, char) is not None


def span_index(spans: Sequence[tuple[int, int]], char: int) -> int | None:
    """The index of the span of spans (sorted, not overlapping) that char is inside, else None."""
    i = bisect.bisect_left(spans, (char + 1, -1)) - 1  # the last span starting at or before char
    return i if i >= 0 and char < spans[i][1] else None


@functools.cache
def _credit_pattern() -> re.Pattern[str]:
    phrases = sorted(gender_words().credit_phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def is_headline(line: str) -> bool:
    """Title Case words, not a sentence: "Governor Slams Plan In Fiery Speech", "Keep the Receipts, Mayor"."""
    words = _WORD.findall(line)
    if not HEADLINE_MIN_WORDS <= len(words) <= HEADLINE_MAX_WORDS:
        return False
    small = quote_words().headline_small_words | gender_words().headline_small_words
    content = [w for w in words if w.lower() not in small]
    if len(content) < HEADLINE_MIN_WORDS:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper())
    if capitalised / len(content) < TITLE_CASE_SHARE:
        return False
    # A sentence of names ("Anna Berg met Paul Dufour.") has lower-case verbs: a line ended as a sentence
    # is a headline only when every content word is capitalised; an unended one may have a few that are not.
    lower = [w for w in content if w[:1].islower()]
    if line.rstrip().endswith((".", "!", "?")):
        return not lower
    return len(lower) <= len(words) // 4


def is_byline(line: str) -> bool:
    """`By Jane Roe and John Doe, Associated Press`, `(Reporting by X; Editing by Y)`: a short line that
    starts with a byline word and whose other words are names (capitalised, or joining words)."""
    stripped = line.strip().lstrip("(—–-― ").rstrip(")")
    lowered = stripped.lower()
    start = next((b for b in gender_words().byline_starts if lowered.startswith(f"{b} ")), None)
    if start is None:
        return False
    rest = _WORD.findall(stripped[len(start) :])
    joining = {"and", "by", "in", "of", "the", "for", "at", "editing", "writing", "reporting", "additional"}
    return (
        0 < len(rest) <= BYLINE_MAX_WORDS
        and rest[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in joining for w in rest)
    )


# Asked three times per article (names, headline fragments, actor heads): kept for the few articles in hand.
@functools.lru_cache(maxsize=4)
def line_shapes(parsed: Parsed) -> LineShapes:
    """Headline and byline lines of the text, and its credit sentences ("X contributed to this report")."""
    text = parsed.text
    headlines, credits = [], []
    pos, first = 0, True
    for line in text.split("\n"):
        if line.strip():
            span = (pos, pos + len(line))
            if is_byline(line):
                credits.append(span)
            elif first and is_headline(line):
                headlines.append(span)  # (only the first line: inside a text, Title Case is a table row)
            elif first and (opening := _opening_sentence(parsed, span)) is not None:
                headlines.append(opening)
            first = False
        pos += len(line) + 1
    credits.extend(m.span(1) for m in _DATELINE_CREDIT.finditer(text))
    pattern = _credit_pattern()
    for match in pattern.finditer(text):
        i = parsed.sentence_index(match.start())
        credits.append(parsed.sentences[i] if parsed.sentences else (match.start(), match.end()))
    return LineShapes(tuple(headlines), tuple(sorted(set(credits))))


def _opening_sentence(parsed: Parsed, line: tuple[int, int]) -> tuple[int, int] | None:
    """The first sentence of the text's first line when it has a headline's shape and the line goes on
    with the story ("Minister Backs Port Plan. The minister said on Monday ..."): a headline run into
    the text, as some sources print it."""
    if not parsed.sentences:
        return None
    start, end = parsed.sentences[0]
    if not line[0] <= start < end < line[1] or not parsed.text[end : line[1]].strip():
        return None
    sentence = parsed.text[start:end]
    # Ended as a sentence: a dateline ("NEW YORK (AP) --") opening the line is no headline.
    ended = sentence.rstrip().endswith((".", "!", "?")) and not _DATELINE_CREDIT.match(sentence)
    return (start, end) if ended and is_headline(sentence) else None


def drop_credit_names(parsed: Parsed, candidates: list[_Mention]) -> list[_Mention]:
    shapes = line_shapes(parsed)
    if not shapes.credits:
        return candidates
    return [c for c in candidates if not shapes.in_credit(c.start)]


def drop_headline_fragments(parsed: Parsed, clusters: list[_Group]) -> list[_Group]:
    """Clusters named only in headline lines and unknown to the gazetteer are fragments, not actors."""
    shapes = line_shapes(parsed)
    if not shapes.headlines:
        return clusters
    return [c for c in clusters if c.kb or not all(shapes.in_headline(m.start) for m in c.mentions)]
