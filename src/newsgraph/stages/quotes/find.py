"""The quotes stage: direct quotations and reported speech, each with its speaker resolved to an entity.

Two finders meet here. Quotation marks give direct quotes (quotes_marks), which quotes_attach pairs with
their cues and speakers; reporting cues on the parse give reported speech and the speakers of quotes
(quotes_cues). An interrupted content ("A," he said, "B.") is one quote from A to B by default, as
attribution corpora such as PolNeAR annotate it; with `parts` (`run_parts`) it is given as its parts before
and after the cue phrase (quotes_parts), so that no quote's text holds the cue. Cues outside quotation
marks with no quote in their content give `indirect` quotes; a cue inside a quotation is part of that
quote and gives none, and so is reported speech whose cue stands in another quote's content ("X said
that Y believes Z" is what X said). Title-Case headline lines are read by their shape instead of
their parse (quotes_headline).

Lengths are bounded: a marked quote never crosses a paragraph and is dropped beyond
quotes_marks.MAX_QUOTE_CHARS (unbalanced marks cannot swallow the text), so are unmarked block quotes and
headline lines, reported content stays inside its sentence, and an interrupted quote joins parts at most
INTERRUPTION_CHARS apart.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ...lexicons.quotes import quote_words
from ...model import Quote, QuoteKind
from ...nlp.datelines import find_datelines, lead_in_end
from ..base import Parsed, Results
from ..common import EntityIndex
from .attach import INTERRUPTION_CHARS, MIN_UNCUED_WORDS, Found, Layout, attach, speaker_of, words
from .headline import headline_quote, is_headline
from .marks import MAX_QUOTE_CHARS, find_segments, paragraphs
from .parts import cue_phrase, parts_without_cue, pieces_around_cue
from .sites import find_cues
from .speaker import Speaker, resolve_span

_WORDS = quote_words()  # the word lists this module uses, from lexicons/quote_words.tsv

#: Reported content can be one word ("endorsed Clinton"), but a bare pronoun object reports nothing.
MIN_REPORTED_WORDS = 1
#: The last guard: no quote, however found (a sentence the parser never ended), is longer than this.
MAX_FOUND_CHARS = 2 * MAX_QUOTE_CHARS + INTERRUPTION_CHARS

# Objects that report nothing on their own ("said so", "denied that"). A personal pronoun is what a stance
# is about ("attacked them", "defended it") and is kept: attribution corpora annotate it as the content.
_BARE = _WORDS.bare_objects
_NEW_SENTENCE = re.compile(r"[.!?…][\"”’'\s]*\s[\"“‘'(]?\w")
_LINE_LABEL = re.compile(r"[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \u00a0]+(\S)")


def _dateline_lead_ins(text: str) -> list[tuple[int, int]]:
    return [(d.start, lead_in_end(text, d)) for d in find_datelines(text)]


def _past_lead_in(start: int, lead_ins: list[tuple[int, int]]) -> int:
    """A reported content the parse began inside a dateline ("March 4 (Reuters) - Kenya recalled ...":
    the sentence takes in the dateline) starts with the story's own words."""
    return next((end for s, end in lead_ins if s <= start < end), start)


def _speaker_past_lead_in(text: str, speaker: Speaker, lead_ins: list[tuple[int, int]]) -> Speaker:
    """A source the parse began inside a dateline ("April 9 - The town council voted ...": the subject's
    phrase takes in the dateline) is written from the story's own first word."""
    start = _past_lead_in(speaker.start, lead_ins) if speaker.start >= 0 else speaker.start
    if start == speaker.start or start >= speaker.end:
        return speaker
    while start < speaker.end and text[start].isspace():
        start += 1
    return replace(speaker, text=text[start : speaker.end], start=start)


def _indirect(
    parsed: Parsed, index: EntityIndex, layout: Layout, used: set[int], lead_ins: list[tuple[int, int]]
) -> list[Found]:
    """Reported speech: cues outside quotation marks whose content takes in no quote."""
    out = []
    for site in layout.sites:  # a cue inside a quotation is part of that quote, not the text's own
        if site.content is None or site.cue_start in used:
            continue
        cs, ce = site.content
        cs = _past_lead_in(cs, lead_ins)
        if cs >= ce or layout.overlapping(cs, ce):
            continue  # handled with the quotes
        content = parsed.text[cs:ce]
        if words(content) < MIN_REPORTED_WORDS or content.lower() in _BARE:
            continue
        out.append(
            Found(cs, ce, "indirect", speaker_of(parsed, index, site), site.cue_text, -1, site.cue_start)
        )
    return out


def _outermost(found: list[Found]) -> list[Found]:
    """Reported speech whose cue stands inside another quote's content is part of that content ("X said
    that Y believes Z" reports one thing, what X said), as attribution corpora annotate it; it is dropped.
    Quotation marks are kept whatever surrounds them."""
    # a direct quote's marks leave out what stands between its stretches ('"A," X said, speaking of Y.
    # "B."'): a cue there reports in the text's voice, not in the quote's
    spans = sorted((f.start, f.end, f.cue_at) for f in found if f.cue_at >= 0 and f.kind != "direct")
    starts = [s[0] for s in spans]
    out = []
    for f in found:
        if f.kind == "indirect" and f.cue_at >= 0:
            k = bisect.bisect_right(starts, f.cue_at)
            if any(
                s < f.cue_at < e and not (f.start <= c < f.end) and (s, e) != (f.start, f.end)
                for s, e, c in spans[max(0, k - 20) : k]
            ):
                continue
        out.append(f)
    return out


def _covered(paras: list[tuple[int, int]], found: list[Found]) -> set[int]:
    """Indices of the paragraphs that some found quote overlaps."""
    starts = [p[0] for p in paras]
    out: set[int] = set()
    for f in found:
        first = max(0, bisect.bisect_right(starts, f.start) - 1)
        last = bisect.bisect_left(starts, f.end) - 1
        out.update(k for k in range(first, last + 1) if paras[k][0] < f.end and f.start < paras[k][1])
    return out


def _labelled_lines(parsed: Parsed, index: EntityIndex, taken: list[Found]) -> list[Found]:
    """Headlines and transcripts that name the source first: 'Smith: The plan will fail', 'SMITH: Well'."""
    text = parsed.text
    paras = paragraphs(text)
    covered = _covered(paras, taken)
    out = []
    for k, (p_start, p_end) in enumerate(paras):
        m = _LINE_LABEL.match(text, p_start, p_end)
        if m is None or k in covered:
            continue
        start, end = m.start(2), p_end
        while end > start and text[end - 1] in " \t\u00a0.":
            end -= 1
        if words(text[start:end]) < MIN_UNCUED_WORDS or end - start > MAX_QUOTE_CHARS:
            continue
        speaker = resolve_span(index, text, m.start(1), m.end(1))
        out.append(Found(start, end, "direct", speaker, ":"))
    return out


def _headlines(parsed: Parsed, index: EntityIndex, found: list[Found]) -> list[Found]:
    """Title-Case headline lines are read by their shape (quotes_headline), not by their parse, which
    takes the capitalised words for one long name: what the parse found inside them is replaced."""
    text = parsed.text
    lines = [(a, b) for a, b in paragraphs(text) if is_headline(text[a:b])]
    if not lines:
        return found
    starts = [a for a, _ in lines]

    def in_headline(f: Found) -> bool:
        k = bisect.bisect_right(starts, f.start) - 1
        return k >= 0 and f.end <= lines[k][1]

    out = [f for f in found if not in_headline(f)]
    for a, b in lines:
        h = headline_quote(text, a, b, index)
        if h is not None:
            kind: QuoteKind = "direct" if h.kind == "direct" else "mixed" if h.kind == "mixed" else "indirect"
            out.append(Found(h.start, h.end, kind, h.speaker, h.cue, -1, h.cue_at))
    return out


def _block_quotes(
    parsed: Parsed, index: EntityIndex, layout: Layout, taken: list[Found], used: set[int]
) -> list[Found]:
    """'The governor added:' closing a paragraph, and the next paragraph is what he said, without marks."""
    text = parsed.text
    paras = paragraphs(text)
    covered = _covered(paras, taken)
    out = []
    for k, (p_start, p_end) in enumerate(paras[:-1]):
        if not text[p_start:p_end].rstrip(" \t\u00a0").endswith(":"):
            continue
        last_sentence = parsed.sentence_index(p_end - 1)
        in_paragraph = layout.sites_from(p_start, p_end - 1)
        cue = in_paragraph[-1] if in_paragraph else None
        n_start, n_end = paras[k + 1]
        if cue is None or parsed.sentence_index(cue.cue_start) != last_sentence:
            continue
        if (cue.content is not None and cue.content[0] < n_start) or n_end - n_start > MAX_QUOTE_CHARS:
            continue
        if text[n_start] in "\"“”«'‘`" or k + 1 in covered:
            continue
        out.append(Found(n_start, n_end, "direct", speaker_of(parsed, index, cue), cue.cue_text, k + 1))
        used.add(cue.cue_start)
    return out


def _balanced(text: str, f: Found) -> Found:
    """A mixed quote that ends (or starts) with its quoted part takes that part's mark along, so that
    its text does not open a quotation it never closes."""
    inner = text[f.start : f.end]
    if (sum(inner.count(m) for m in '“”"«»') + inner.count("''")) % 2 == 0:
        return f
    for mark in ("''", "”", '"', "»"):
        if text.startswith(mark, f.end):
            return replace(f, end=f.end + len(mark))
    for mark in ("''", "“", '"', "«"):
        if f.start >= len(mark) and text.startswith(mark, f.start - len(mark)):
            return replace(f, start=f.start - len(mark))
    return f


def _without_cue(parsed: Parsed, layout: Layout, f: Found) -> list[Found]:
    """An interrupted content as its parts before and after the cue phrase (quotes_parts): `run_parts`."""
    if not f.start < f.cue_at < f.end:
        return [f]
    segs = [(g.start, g.end) for g in (layout.segs[i] for i in layout.overlapping(f.start, f.end))]
    spans = parts_without_cue(parsed, f.start, f.end, f.cue_at, segs if f.kind == "direct" else None)
    if spans is None:
        return [f]
    # A part wholly inside one quoted stretch is direct speech, whatever the whole utterance was.
    return [
        replace(f, start=a, end=b, kind="direct" if any(s <= a and b <= e for s, e in segs) else f.kind)
        for a, b in spans
    ]


def _fragments(parsed: Parsed, layout: Layout, f: Found) -> tuple[tuple[int, int], ...] | None:
    """An interrupted content's pieces without marks or cue (contract: QUOTE.fragments); None for a
    content in one piece."""
    if not f.start < f.cue_at < f.end:
        return None
    segs = [(g.start, g.end) for g in (layout.segs[i] for i in layout.overlapping(f.start, f.end))]
    pieces = pieces_around_cue(parsed, f.start, f.end, f.cue_at, segs if f.kind == "direct" else None)
    if not pieces or len(pieces) < 2:
        return None
    return tuple((max(a, f.start), min(b, f.end)) for a, b in pieces)


def _narrated_between(parsed: Parsed, layout: Layout, f: Found) -> bool:
    """A direct quote whose quoted stretches are apart by more than the cue phrase ('"A," she said on
    Monday. She took no questions. "B."'): the reporter's own sentence is no part of the utterance."""
    if f.kind != "direct" or not f.start < f.cue_at < f.end:
        return False
    phrase = cue_phrase(parsed, f.cue_at)
    if phrase is None:
        return False
    segs = [(g.start, g.end) for g in (layout.segs[i] for i in layout.overlapping(f.start, f.end))]
    before = [b for _, b in segs if b <= phrase[0]]
    after = [a for a, _ in segs if a >= phrase[1]]
    if not before or not after:
        return False
    text = parsed.text
    if any(ch.isalnum() for ch in text[max(before) : phrase[0]]):
        return True
    # what the cue's own sentence adds after it (', clapping.', ', speaking of X.') frames the utterance
    # and leaves it whole; a sentence after that is the reporter's own
    return _NEW_SENTENCE.search(text, phrase[1], min(after)) is not None


def find_quotes(parsed: Parsed, results: Results, parts: bool = False) -> tuple[Quote, ...]:
    """The document's quotes. A content that the cue interrupts ("A," she said, "B." / "The tax, she said,
    would hurt farmers.") is one quote from A to B by default: one utterance, its clause whole, as PolNeAR
    annotates it; its start and end still leave out the marks and the cue around it. Quoted stretches that
    the reporter's own sentences keep apart are parts in any case (_narrated_between). With `parts`, it is
    one quote per part, so that no quote's text holds the cue (parts under four words are dropped, so a
    clause can lose its subject: "would hurt farmers")."""
    index = EntityIndex(results.entities)
    segs = find_segments(parsed.text)
    sites = find_cues(parsed)
    layout = Layout(segs, sites)
    lead_ins = _dateline_lead_ins(parsed.text)  # once per document: _indirect and the speakers below
    quoted, used = attach(parsed, index, layout)
    quoted += _block_quotes(parsed, index, layout, quoted, used)
    found = _outermost(quoted + _indirect(parsed, index, layout, used, lead_ins))
    found = _headlines(parsed, index, found)
    found += _labelled_lines(parsed, index, found)
    found = [
        part
        for f in found
        for part in (
            _without_cue(parsed, layout, f) if parts or _narrated_between(parsed, layout, f) else [f]
        )
    ]
    found.sort(key=lambda f: (f.start, -f.end))
    out: list[Quote] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if f.kind == "mixed":
            f = _balanced(parsed.text, f)
        f = replace(f, speaker=_speaker_past_lead_in(parsed.text, f.speaker, lead_ins))
        if (f.start, f.end) in seen or not 0 < f.end - f.start <= MAX_FOUND_CHARS:
            continue
        seen.add((f.start, f.end))
        out.append(
            Quote(
                id=f"Q{len(out) + 1}",
                kind=f.kind,
                start=f.start,
                end=f.end,
                text=parsed.text[f.start : f.end],
                speaker=f.speaker.entity,
                speaker_text=f.speaker.text,
                cue=f.cue,
                sentence=parsed.sentence_index(f.start),
                fragments=None if parts else _fragments(parsed, layout, f),
            )
        )
    return tuple(out)


def run(parsed: Parsed, results: Results) -> Results:
    return results.replace(quotes=find_quotes(parsed, results))


def run_parts(parsed: Parsed, results: Results) -> Results:
    """The stage with interrupted contents given as their parts (`--quote-parts`)."""
    return results.replace(quotes=find_quotes(parsed, results, parts=True))
