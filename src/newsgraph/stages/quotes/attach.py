"""Direct quotes and their attribution: each quoted segment with the cue next to it, the cue whose content
takes it in, a signature or transcript label, or the speaker carried over from the quote before it; and the
parts of an interrupted quote joined into one.

A cue right after a quote ("..., said X") or right before it ("X said: ...") is the quote's cue; a cue
whose content overlaps quotes makes them one `mixed` (or `direct`) quote; the rest take a dash signature
("― Name"), a transcript label ("NAME: ..."), or the speaker of the quote just before it in the same or
previous paragraph (quote-only paragraphs continue the last speaker). Parts of one utterance ("A," he
said, "B.") are joined when at most INTERRUPTION_CHARS apart.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...model import QuoteKind
from ..base import Parsed
from ..common import EntityIndex
from .cues import CueSite
from .marks import Segment, paragraphs
from .speaker import NO_SPEAKER, Speaker, resolve_introducer, resolve_site, resolve_span

#: How far (chars) a cue may stand after a quote's closing mark ('..."  Smith, a lawyer, said') or before
#: its opening mark ('Smith said: "...') to be taken as the quote's cue.
CUE_AFTER_CHARS = 120
CUE_BEFORE_CHARS = 60
#: A quote with fewer words and no cue is a scare quote or a title, not a quotation.
MIN_UNCUED_WORDS = 4
#: The longest interruption ('," said X, a lawyer at Y. "') inside one quote.
INTERRUPTION_CHARS = 300

# (two hyphens stand for a dash in plain-text copy: '"..." -- Name, title')
_SIGNATURE = re.compile(r"[\s\u00a0]*(?:[―—–]+|-{2,}(?=[\s\u00a0]*[A-Z]))[\s\u00a0]*([^\n―—–]{2,80})")
_LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,40}):\s")
# A signature closing a quote-only paragraph ('"..." ― Name'), whatever quotation marks stand before it.
_CLOSING_SIGNATURE = re.compile(
    r"[”\"»'’][\s\u00a0]*([―—–]+|-{2,})[\s\u00a0]*([A-Z][^\n―—–\"“”]{1,79}?)[\s\u00a0.]*$"
)
# What may stand between an introducing colon and the quote's first word.
_INTRO_GAP = re.compile(r"[\s\u00a0\"“«„'‘`]*$")


@dataclass(frozen=True)
class Found:
    """A quote as the finders give it, before it becomes a contract Quote."""

    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker
    cue: str | None
    paragraph: int = -1
    cue_at: int = -1  # where the quote's own cue starts; -1 when the speaker was carried over


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def speaker_of(parsed: Parsed, index: EntityIndex, site: CueSite) -> Speaker:
    return resolve_site(parsed.doc, index, site.verb, site.subject)


def _embedded(text: str, seg: Segment) -> bool:
    """True for a quote that runs on from a word ('called it a "disaster"'), not one that opens a sentence."""
    i = seg.start - 1
    while i >= 0 and (text[i].isspace() or text[i] in "\"“”«»„'`‘’"):
        if text[i] == "\n":
            return False
        i -= 1
    return i >= 0 and (text[i].isalnum() or text[i] in ")%")


def _ends_sentence_or_clause(text: str, seg: Segment) -> bool:
    return text[seg.end - 1] in ",.!?…—-"


class Layout:
    """Quoted segments and the cues outside them, by position, so that every lookup is a binary search
    (a text with a quotation mark around every word has as many segments as words)."""

    def __init__(self, segs: list[Segment], sites: list[CueSite]) -> None:
        self.segs = segs  # in text order, never overlapping
        self.starts = [s.start for s in segs]
        self.ends = [s.end for s in segs]
        self.sites = sorted((c for c in sites if not self.inside(c.cue_start)), key=lambda c: c.cue_start)
        self.site_starts = [c.cue_start for c in self.sites]

    def inside(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]

    def overlapping(self, start: int, end: int) -> range:
        """Indices of the segments overlapping [start, end)."""
        first = bisect.bisect_right(self.ends, start)
        last = bisect.bisect_left(self.starts, end)
        return range(first, max(first, last))

    def any_start_between(self, a: int, b: int) -> bool:
        i = bisect.bisect_right(self.starts, a)
        return i < len(self.starts) and self.starts[i] < b

    def sites_from(self, lo: int, hi: int) -> list[CueSite]:
        """Cues starting in [lo, hi]."""
        i, j = bisect.bisect_left(self.site_starts, lo), bisect.bisect_right(self.site_starts, hi)
        return self.sites[i:j]


def _adjacent_cue(parsed: Parsed, seg: Segment, layout: Layout) -> CueSite | None:
    """The cue standing right after the quote ('," Smith said') or right before it ('Smith said: "')."""
    text = parsed.text
    end_sentence = parsed.sentence_index(seg.end - 1)
    runs_on = text[seg.end - 1] in ",!?—-" or not seg.closed
    after: tuple[int, CueSite] | None = None
    before: tuple[int, CueSite] | None = None
    for site in layout.sites_from(seg.end, seg.end + CUE_AFTER_CHARS):
        gap = text[seg.end : site.cue_start]
        if "\n" in gap or layout.any_start_between(seg.end, site.cue_start):
            continue
        if (
            site.content is not None
            and site.cue_text.lower().endswith("ing")
            and site.content[0] >= max(site.cue_end, seg.end + 1)
        ):
            continue  # '"...," adding that X': the cue reports what follows it, not the quote
        same = parsed.sentence_index(site.cue_start) == end_sentence
        lower = re.match(r"[^\w]*[a-z]", gap) is not None
        # '"...." Smith said in a statement.' : a cue sentence with nothing else to report
        bare_cue = site.content is None and len(gap) <= CUE_BEFORE_CHARS
        if not (same or runs_on or lower or bare_cue):
            continue
        if after is None or site.cue_start < after[0]:
            after = (site.cue_start, site)
    if after is not None:
        return after[1]
    for site in layout.sites_from(seg.start - CUE_BEFORE_CHARS - 40, seg.start):
        if not seg.start - CUE_BEFORE_CHARS <= site.cue_end <= seg.start:
            continue
        gap = text[site.cue_end : seg.start]
        if layout.any_start_between(site.cue_end, seg.start):
            continue
        bare = re.sub(r"[\s\"“”«»„'`]+", "", gap)
        # 'X said:' may end its paragraph and the quote fill the next one
        if ("\n" in gap and bare != ":") or not (bare == "" or bare.endswith((":", ","))):
            continue
        if before is None or site.cue_end > before[0]:
            before = (site.cue_end, site)
    return before[1] if before else None


def _closing_signature(text: str, paras: list[tuple[int, int]], seg: Segment) -> re.Match[str] | None:
    """The signature that ends a paragraph made of quotation ('"A ... “B” ... C." ― Name'): it signs
    every quoted stretch of the paragraph, not only the last one."""
    if seg.paragraph >= len(paras):
        return None
    p_start, p_end = paras[seg.paragraph]
    if seg.start - p_start > 2:
        return None
    return _CLOSING_SIGNATURE.search(text, seg.end, p_end)


def _introducing_colon(text: str, seg: Segment) -> int | None:
    """Where the colon is that ends the words right before a quote ('X made this statement: "...'), across
    at most one paragraph break; None when something else stands there."""
    lo = max(0, seg.start - 8)
    gap = _INTRO_GAP.search(text, lo, seg.start)
    colon = (gap.start() if gap else seg.start) - 1
    if colon < 0 or text[colon] != ":" or text.count("\n", colon, seg.start) > 2:
        return None
    return colon


def _previous_reporter(layout: Layout, paras: list[tuple[int, int]], seg: Segment) -> CueSite | None:
    """The last cue with a source in the paragraph before a quote that opens its own paragraph."""
    if seg.paragraph == 0 or seg.paragraph >= len(paras) or seg.start - paras[seg.paragraph][0] > 2:
        return None
    p_start, _ = paras[seg.paragraph - 1]
    with_source = [c for c in layout.sites_from(p_start, seg.start) if c.subject is not None]
    return with_source[-1] if with_source else None


def _lead_in(parsed: Parsed, layout: Layout, i: int, start: int) -> int:
    """'With thousands of systems, "there is no single point of failure," X said': the unquoted words
    that open the quote's sentence are the speaker's too (the cue after the quote reports the sentence)."""
    text = parsed.text
    first = parsed.sentences[parsed.sentence_index(start)][0] if parsed.sentences else start
    if i > 0 and layout.ends[i - 1] > first:
        return start  # the sentence holds an earlier quote: its words are framed by that one
    lead = text[first:start]
    if first >= start or "\n" in lead or not any(ch.isalpha() for ch in lead):
        return start
    if lead.rstrip(" \u00a0\"“‘'`").endswith((":", "-", "—", "―", "–")) or layout.sites_from(first, start):
        return start  # 'X says: "...' or 'X, saying "...': the words before the quote introduce it
    return first


def _direct_or_mixed(text: str, start: int, end: int, quoted: list[Segment]) -> QuoteKind:
    outside = text[start:end]
    for q in sorted(quoted, key=lambda q: -q.start):
        outside = outside[: max(0, q.start - start)] + outside[q.end - start :]
    return "mixed" if words(outside) >= 3 else "direct"


def attach(parsed: Parsed, index: EntityIndex, layout: Layout) -> tuple[list[Found], set[int]]:
    """Quotes with their speakers, and the cues (by position) that they used up."""
    text = parsed.text
    segs = layout.segs
    outside = layout.sites
    paras = paragraphs(text)
    used: set[int] = set()
    found: list[Found] = []
    cued: dict[int, tuple[CueSite, int, int]] = {}  # segment -> cue, quote start, quote end

    # 1. A cue right next to a quote that opens a sentence.
    for i, seg in enumerate(segs):
        if _embedded(text, seg):
            continue
        site = _adjacent_cue(parsed, seg, layout)
        if site is None:
            continue
        start, end = seg.start, seg.end
        # 'X said that the cuts were "a disaster"' reports more than the quote; a cue after the quote
        # ('"...," X said') reports only the quote, whatever the parse hangs on it
        content = site.content
        if (
            content is not None
            and content[0] >= site.cue_end
            and content[0] < seg.end
            and seg.start < content[1]
        ):
            start, end = min(start, content[0]), max(end, content[1])
        elif site.cue_start >= seg.end:
            start = _lead_in(parsed, layout, i, start)
        cued[i] = (site, start, end)
        used.add(site.cue_start)

    # 2. A cue whose content takes in quotes ("said the plan was “a disaster”"): mixed, or direct.
    for site in outside:
        if site.content is None or site.cue_start in used:
            continue
        cs, ce = site.content
        hit = [i for i in layout.overlapping(cs, ce) if i not in cued]
        if not hit:
            continue
        for i in hit:
            cued[i] = (site, min(cs, segs[i].start), max(ce, segs[i].end))
        used.add(site.cue_start)

    by_site: dict[int, list[int]] = {}
    for j, (s2, _, _) in sorted(cued.items()):
        by_site.setdefault(s2.cue_start, []).append(j)

    # 3. Signatures, transcript labels, and the previous quote's speaker for the rest.
    last: tuple[Speaker, str | None, int] | None = None
    done: set[int] = set()
    for i, seg in enumerate(segs):
        if i in cued:
            site, start, end = cued[i]
            speaker = speaker_of(parsed, index, site)
            members = by_site[site.cue_start]
            if i in done:
                continue
            done.update(members)
            start = min(cued[j][1] for j in members)
            end = max(cued[j][2] for j in members)
            kind = _direct_or_mixed(text, start, end, [segs[j] for j in members])
            found.append(Found(start, end, kind, speaker, site.cue_text, seg.paragraph, site.cue_start))
            last = (speaker, site.cue_text, seg.paragraph)
            continue
        embedded = _embedded(text, seg)
        short = words(text[seg.start : seg.end]) < MIN_UNCUED_WORDS
        if embedded or (short and not _ends_sentence_or_clause(text, seg)):
            continue
        start = seg.start
        speaker, cue = NO_SPEAKER, None
        label = _LABEL.match(text, seg.start, seg.end)
        signature = _SIGNATURE.match(text, seg.end + (1 if seg.closed else 0))
        cue_at = -1
        if label is not None:
            speaker = resolve_span(index, text, label.start(1), label.end(1))
            cue, start, cue_at = ":", label.end(), label.start()
        elif signature is not None:
            speaker = resolve_span(index, text, signature.start(1), signature.end(1))
            cue = text[signature.start() : signature.start(1)].strip() or None
            cue_at = signature.start()
        elif (closing := _closing_signature(text, paras, seg)) is not None:
            speaker = resolve_span(index, text, closing.start(2), closing.end(2))
            cue, cue_at = closing.group(1), closing.start(1)
        elif (colon := _introducing_colon(text, seg)) is not None and (
            introducer := resolve_introducer(parsed.doc, index, colon)
        ).text is not None:
            speaker, cue, cue_at = introducer, ":", colon
        elif last is not None and last[2] >= seg.paragraph - 1:
            speaker, cue = last[0], last[1]
        else:
            # a quote-only paragraph after one that reports someone's words ('X said the plan failed.')
            site = _previous_reporter(layout, paras, seg)
            if site is not None:
                speaker, cue = speaker_of(parsed, index, site), site.cue_text
        if speaker.text is None and short:
            continue
        found.append(Found(start, seg.end, "direct", speaker, cue, seg.paragraph, cue_at))
        if speaker.text is not None:
            last = (speaker, cue, seg.paragraph)
    return _merge_interrupted(text, found), used


def _merge_interrupted(text: str, found: list[Found]) -> list[Found]:
    """Join the parts of an interrupted quote ("A," he said, "B.") into one quote from A to B."""
    found.sort(key=lambda f: f.start)
    out: list[Found] = []
    for f in found:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "direct"
            and f.kind == "direct"
            and prev.paragraph == f.paragraph
            and prev.speaker.text is not None
            and prev.speaker == f.speaker
            and f.cue_at in (-1, prev.cue_at)  # "A," he said, adding: "B" has two cues and stays two quotes
            and 0 <= f.start - prev.end <= INTERRUPTION_CHARS
        ):
            out[-1] = Found(prev.start, f.end, "direct", prev.speaker, prev.cue, prev.paragraph, prev.cue_at)
            continue
        out.append(f)
    return out
