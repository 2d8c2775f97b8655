"""Direct quotations found by their quotation marks, robust to the marks real news gets wrong.

Marks are classified as opening or closing by what surrounds them rather than by their glyph, because
copy-edited text mixes straight and curly marks and sometimes types a closing mark where an opening one
belongs. A paragraph is the unit: a quote never crosses a paragraph break (a paragraph that leaves the
closing mark off and reopens in the next gives one quote per paragraph), a closing mark with no opening
one is ignored (it must not open a quote that runs to the end of the text), and a quote longer than
`MAX_QUOTE_CHARS` is dropped as a mark error rather than trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

#: The longest stretch taken as one quotation. Real quotes in news stay far below this (a long
#: paragraph of speech is about 1,000 characters); anything longer comes from unbalanced marks.
MAX_QUOTE_CHARS = 2500

# Double marks only: single marks (' and ’) double as apostrophes, and in news they only appear
# nested inside a double-quoted quote or in headlines. Two apostrophes ('') and `` are the double
# marks of some wire and newspaper archives.
_MARK = re.compile(r"''|``|[\"“”«»„‟]")
_OPENING = frozenset({"“", "«", "„", "‟", "``"})
_CLOSING = frozenset({"”", "»"})
# Characters that may stand between a word and an opening mark, or after a closing mark.
_BEFORE_OPEN = frozenset(" \t\n\u00a0([{—–-―/:;")
_AFTER_CLOSE = frozenset(" \t\n\u00a0)]}—–-―/:;.,!?…")


@dataclass(frozen=True)
class Segment:
    """The text between an opening and a closing mark (marks excluded, outer spaces trimmed)."""

    start: int
    end: int
    paragraph: int
    closed: bool  # False when the paragraph ended before any closing mark

    @property
    def length(self) -> int:
        return self.end - self.start


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Offsets of the non-blank lines of the text (news paragraphs are lines)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _role(text: str, i: int, mark: str, inside: bool) -> str:
    """'open' or 'close' for the mark at i, judged by its neighbours first and its glyph second."""
    before = text[i - 1] if i > 0 else "\n"
    j = i + len(mark)
    after = text[j] if j < len(text) else "\n"
    left_space = before in _BEFORE_OPEN
    right_space = after in _AFTER_CLOSE
    if left_space and not right_space:
        return "open"
    if right_space and not left_space:
        return "close"
    if mark in _OPENING:
        return "open"
    if mark in _CLOSING:
        return "close"
    return "close" if inside else "open"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _family(mark: str) -> str:
    return {
        "“": "curly",
        "”": "curly",
        "„": "curly",
        "‟": "curly",
        "«": "angle",
        "»": "angle",
        "``": "two",
    }.get(mark, "two" if mark == "''" else "straight")


def _segments_in(text: str, p_start: int, p_end: int, index: int) -> Iterator[Segment]:
    open_at: int | None = None
    open_family = ""
    nested: str | None = None  # family of an inner quote in another style ("... “Shark Tank.” ...")
    for m in _MARK.finditer(text, p_start, p_end):
        mark = m.group()
        family = _family(mark)
        if nested is not None:
            if family == nested and _role(text, m.start(), mark, True) == "close":
                nested = None
            continue
        role = _role(text, m.start(), mark, open_at is not None)
        if role == "open":
            if open_at is not None:
                if family != open_family:
                    nested = family
                    continue
                # An opening mark of the same style while a quote is open: the earlier quote lost its
                # closing mark. End it here rather than nest.
                s, e = _trim(text, open_at, m.start())
                if e > s:
                    yield Segment(s, e, index, False)
            open_at, open_family = m.end(), family
        elif open_at is not None:
            s, e = _trim(text, open_at, m.start())
            if e > s:
                yield Segment(s, e, index, True)
            open_at = None
        # else: a stray closing mark; ignored so that it cannot swallow the text after it
    if open_at is not None:
        s, e = _trim(text, open_at, p_end)
        if e > s:
            yield Segment(s, e, index, False)


def find_segments(text: str) -> list[Segment]:
    """Every quoted stretch of the text, in order, bounded by paragraph and by `MAX_QUOTE_CHARS`."""
    out = []
    for index, (p_start, p_end) in enumerate(paragraphs(text)):
        for seg in _segments_in(text, p_start, p_end, index):
            if seg.length <= MAX_QUOTE_CHARS:
                out.append(seg)
    return out
