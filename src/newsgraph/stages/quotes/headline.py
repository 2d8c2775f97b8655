"""Attributions in Title-Case headlines ("Senator Says Plan Will Fail", "Plan Will Fail, Senator Says",
"Senator Hale: ‘The Plan Is Dead’").

spaCy reads a line of capitalised words as one long proper name, so the parse finds no cue there, or a
wrong one. A headline is read by its shape instead: a source then a lexicon verb in the headline's
present tense ('Says', 'Warns', 'Slams') then the content; the content then ', <source> Says'; or a label
and a colon. The cue word must be a verb of lexicons/reporting_cues.tsv, so the rules widen no lexicon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lexicons.quotes import cue_lexicon, quote_words
from ..common import EntityIndex
from .speaker import Speaker, resolve_span

_WORDS = quote_words()  # the word lists this module uses, from lexicons/quote_words.tsv

#: A headline is a short line: a paragraph longer than this is body text, however it is capitalised.
MAX_HEADLINE_CHARS = 200
#: Longest source before a cue word ('Former Secretary Of State Smith Says'), and longest label before a
#: colon ('Warren Hammers Wells Fargo CEO: ...').
MAX_SOURCE_WORDS = 5
MAX_LABEL_WORDS = 7
# Words a Title-Case headline leaves in lower case.
_SMALL = _WORDS.headline_small_words
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_TRAILING = " \t\u00a0."
_SAYS_AT_END = re.compile(
    r"^(?P<content>.+?),\s+(?P<source>(?:[A-Z][\w.'’-]*\s+){1,6})(?P<cue>[A-Z][a-z]+)\.?\s*$"
)
_LABEL = re.compile(r"^(?P<source>[A-Z][^:\n]{1,70}?):\s+(?P<content>\S.*)$")


@dataclass(frozen=True)
class HeadlineQuote:
    start: int
    end: int
    speaker: Speaker
    cue: str
    cue_at: int
    kind: str = "indirect"


_OPEN = "\"“‘'"
_CLOSE = "\"”’'"


def _quote(text: str, start: int, end: int, speaker: Speaker, cue: str, cue_at: int) -> HeadlineQuote:
    """A headline's content: direct when all of it stands in quotation marks (headlines use single ones),
    which are then left out; mixed when part of it does."""
    if end - start > 2 and text[start] in _OPEN and text[end - 1] in _CLOSE:
        inner = text[start + 1 : end - 1]
        if not any(ch in inner for ch in '“”‘"'):
            s, e = start + 1, end - 1
            while e > s and text[e - 1] in _TRAILING:
                e -= 1
            return HeadlineQuote(s, e, speaker, cue, cue_at, "direct")
    kind = "mixed" if any(ch in text[start:end] for ch in '“”‘"') else "indirect"
    return HeadlineQuote(start, end, speaker, cue, cue_at, kind)


def is_headline(line: str) -> bool:
    """A short line whose longer words are all capitalised, as headlines write them."""
    if len(line) > MAX_HEADLINE_CHARS:
        return False
    words = [w for w in _WORD.findall(line) if len(w) >= 4]
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[0].islower()) <= len(words) // 10


def _cue_lemma(word: str, after_plural: bool = False) -> str | None:
    """The lexicon verb a headline's present-tense word stands for ('Says' -> say, 'Denies' -> deny; 'Rip'
    only after a plural source, since a bare 'Post' or 'Tweet' is mostly a noun)."""
    w = word.lower()
    candidates = [w] if after_plural else []
    if w.endswith("ies"):
        candidates.append(w[:-3] + "y")
    if w.endswith("es"):
        candidates.append(w[:-2])
    if w.endswith("s"):
        candidates.append(w[:-1])
    lex = cue_lexicon()
    return next((c for c in candidates if c in lex), None)


def _trimmed_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    return end


def _content_words(text: str, start: int, end: int) -> int:
    return len(_WORD.findall(text[start:end]))


def headline_quote(text: str, start: int, end: int, index: EntityIndex) -> HeadlineQuote | None:
    """The attribution a headline line [start, end) states, if its shape shows one."""
    line = text[start:end]
    m = _SAYS_AT_END.match(line)
    if m is not None and _cue_lemma(m.group("cue")) is not None:
        c_end = start + m.end("content")
        speaker = resolve_span(index, text, start + m.start("source"), start + m.end("source"))
        if _content_words(text, start, c_end) >= 2:
            return _quote(text, start, c_end, speaker, m.group("cue"), start + m.start("cue"))
    m = _LABEL.match(line)
    if m is not None and len(_WORD.findall(m.group("source"))) <= MAX_LABEL_WORDS:
        c_start = start + m.start("content")
        c_end = _trimmed_end(text, c_start, end)
        if _content_words(text, c_start, c_end) >= 2:
            speaker = resolve_span(index, text, start, start + m.end("source"))
            return _quote(text, c_start, c_end, speaker, ":", start + m.end("source"))
    words = list(_WORD.finditer(line))
    for k, w in enumerate(words[1 : MAX_SOURCE_WORDS + 1], start=1):
        if w.group()[0].islower() and w.group() not in _SMALL:
            return None  # a lower-case word before any cue: not a source phrase
        before = words[k - 1].group().lower()
        plural = before.endswith("s") and not before.endswith("ss")
        if _cue_lemma(w.group(), plural) is None:
            continue
        c_start = start + w.end()
        while c_start < end and text[c_start] in " \t\u00a0:":
            c_start += 1
        c_end = _trimmed_end(text, c_start, end)
        if _content_words(text, c_start, c_end) < 2 or k > MAX_SOURCE_WORDS:
            return None
        speaker = resolve_span(index, text, start, start + words[k - 1].end())
        return _quote(text, c_start, c_end, speaker, w.group(), start + w.start())
    return None
