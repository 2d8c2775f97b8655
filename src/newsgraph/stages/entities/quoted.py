"""Character spans inside double quotation marks, which the pronoun resolvers read (pronouns.py,
governed.py, gender.py): a speaker is no one their own quotation names, and a quoted pronoun is the
speaker's."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ...lexicons.names import gender_words

if TYPE_CHECKING:
    from ..base import Parsed

_WORDS = gender_words()

#: Lines a quotation may run over when the next line goes on without a quotation mark.
QUOTE_LINES = 6
_MARK_STARTS = frozenset(mark[0] for mark in _WORDS.quote_marks) | {"`", "'"}


def quoted_spans(parsed: Parsed) -> list[tuple[int, int]]:
    """Character spans inside double quotation marks. Curly marks say which way they face; straight marks
    and '' alternate. A quote ends with its paragraph, as a story's quote running over paragraphs opens
    each anew, unless the next line goes on without a mark of its own: text laid out a sentence a line
    (CoNLL) runs one quotation over several lines ('" We will ... . "' after '..., " said X . "').
    A quotation still open after QUOTE_LINES lines was a stray mark and is dropped."""
    return list(_quoted_spans(parsed.text))


#: The marks as one pattern, '' and `` before a single character: scanning a line left to right, a pair
#: is one mark and a lone ' or ` none. Three resolvers ask for a text's quotations in turn, and a scan a
#: character at a time in Python cost a tenth of the entities stage: hence the pattern and the cache.
_MARK = re.compile(
    "|".join(
        re.escape(m)
        for m in sorted(_WORDS.quote_marks, key=len, reverse=True)
        if len(m) == 1 or m in ("''", "``")
    )
)


@functools.lru_cache(maxsize=8)
def _quoted_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    pos = 0
    open_at: int | None = None
    open_lines = 0
    for line in text.split("\n"):
        if open_at is not None and (line.lstrip()[:1] in _MARK_STARTS or not line.strip()):
            open_at = None  # a new paragraph that opens its own quotation, or a blank line
        open_lines = open_lines + 1 if open_at is not None else 0
        if open_lines > QUOTE_LINES:
            open_at = None
        for found in _MARK.finditer(line):
            mark = found.group()
            opening = mark in ("“", "«", "„", "``") or (mark not in ("”", "»") and open_at is None)
            if opening and open_at is None:
                open_at = pos + found.end()
            elif not opening and open_at is not None:
                spans.append((open_at, pos + found.start()))
                open_at = None
        pos += len(line) + 1
    return tuple(spans)
