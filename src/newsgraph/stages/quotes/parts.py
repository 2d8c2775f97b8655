"""The pieces of a content that its own cue interrupts.

'"A," he said, "B."' and 'The test, he said, was the biggest' report one thing in two pieces. Attribution
corpora (PolNeAR, PARC) annotate one discontinuous content from A to B, and so does the quotes stage by
default: one utterance, one quote, its outer edges free of marks and cue, its `fragments` the pieces
without marks or cue (the output contract's QUOTE.fragments). With `--quote-parts`
(`quote_parts=True`) the stage gives the part before the cue phrase and the part after it as two quotes
of the same speaker and cue, so that no quote's text holds the cue (on PolNeAR dev this costs 0.062
content F1 against its A-to-B spans, and a short part such as a subject is dropped). Quoted stretches
that the reporter's own sentences keep apart are split in either mode.
"""

from __future__ import annotations

import re

from ..base import Parsed

#: A part shorter than this ('The test' of 'The test, he said, was ...') is a fragment, kept only when
#: it is all that the cue reports (the same bound as a quote without a cue, quotes.MIN_UNCUED_WORDS).
MIN_PART_WORDS = 4
# What separates a part from the cue phrase inside the content ('A," he said, "B', 'A, he said, B').
_SPLIT_EDGE = " \t\n\u00a0,;:—–-―\"“”'‘’`«»()"
# Dependents of a cue that belong to its source phrase when they stand before it ('he has not said').
_SOURCE_DEPS = ("nsubj", "aux", "auxpass", "neg", "advmod")
# Dependents after a cue that are the content, not the cue phrase ('said, "B"', 'said B').
_NOT_PHRASE = ("punct", "ccomp", "conj", "parataxis", "cc", "xcomp", "advcl")


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def cue_phrase(parsed: Parsed, cue_at: int) -> tuple[int, int] | None:
    """Char span of a cue with its source and what it takes along ('Smith said on Friday', 'said Smith,
    a lawyer', 'according to the ministry')."""
    doc = parsed.doc
    span = doc.char_span(cue_at, cue_at + 1, alignment_mode="expand")
    if span is None:
        return None
    verb = span[0]
    # a passive cue with no agent ('the bridge is expected to open', 'X was blamed for the delays')
    # names no source: its subject and its complement are the claim, only the verb group is the cue
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    before = [c.left_edge.i for c in verb.children if c.dep_ in _SOURCE_DEPS and c.i < verb.i]
    after = [
        c.right_edge.i for c in verb.children if c.i > verb.i and c.dep_ not in _NOT_PHRASE and not passive
    ]
    first, last = min([verb.i, *before]), max([verb.i, *after])
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def pieces_around_cue(
    parsed: Parsed, start: int, end: int, cue_at: int, segments: list[tuple[int, int]] | None
) -> list[tuple[int, int]] | None:
    """The spans of content [start, end) before and after its cue phrase (at cue_at), edges trimmed of
    marks and punctuation, every piece of a word or more; None when the cue does not stand inside it.
    `segments`, for a direct quote, are its quoted stretches: its pieces are made of them, so the
    reporter's words after the cue ('," he said. He did not say more. "B."') belong to neither piece."""
    if not start < cue_at < end:
        return None
    phrase = cue_phrase(parsed, cue_at)
    if phrase is None:
        return None
    text = parsed.text
    left_end, right_start = min(phrase[0], end), max(phrase[1], start)
    if segments is not None:
        left_end = max([start] + [b for _, b in segments if b <= phrase[0]])
        right_start = min([end] + [a for a, _ in segments if a >= phrase[1]])
    pieces = []
    for a, b in ((start, left_end), (right_start, end)):
        while a < b and (text[a] in _SPLIT_EDGE or text[a] in ".!?…"):
            a += 1
        while b > a and text[b - 1] in _SPLIT_EDGE:
            b -= 1
        if _words(text[a:b]) >= 1:
            pieces.append((a, b))
    return pieces


def parts_without_cue(
    parsed: Parsed, start: int, end: int, cue_at: int, segments: list[tuple[int, int]] | None
) -> list[tuple[int, int]] | None:
    """The parts view (`--quote-parts`): the pieces around the cue, a piece under MIN_PART_WORDS words
    dropped unless it is all there is."""
    pieces = pieces_around_cue(parsed, start, end, cue_at, segments)
    if not pieces:
        return pieces
    text = parsed.text
    kept = [p for p in pieces if _words(text[p[0] : p[1]]) >= MIN_PART_WORDS]
    return kept or [max(pieces, key=lambda p: p[1] - p[0])]
