"""The quotes stage: direct quotations and reported speech, each with its speaker resolved to an entity.

Two finders meet here. Quotation marks give direct quotes (quotes_marks); reporting cues on the parse
give reported speech and the speakers of quotes (quotes_cues). A cue whose content overlaps a quote is
that quote's attribution: the quote is `direct` when the content is only the quote, `mixed` when the cue
also reports unquoted words ("said that the plan was “a disaster”"). A quote with no cue of its own takes a
cue placed right after it ("..., said X") or right before it ("X said: ..."), a dash signature ("― Name")
or a transcript label ("NAME: ..."), and otherwise the speaker of the quote just before it in the same or
previous paragraph (quote-only paragraphs continue the last speaker). The contract's content never holds
the cue: an interrupted quote ("A," he said, "B.") or reported clause ("The test, X said, was the
biggest") gives its parts before and after the cue phrase as quotes of the same speaker and cue
(attribution corpora such as PolNeAR annotate one discontinuous content from A to B instead, which a
single span can only hold with the cue inside; dev F1 cost measured at about 0.06). Cues outside
quotation marks with no quote in their content give `indirect` quotes; a cue inside a quotation is part
of that quote and gives none, and so is reported speech whose cue stands in another quote's content
("X said that Y believes Z" is what X said). Title-Case headline lines are read by their shape instead of
their parse (quotes_headline).

Lengths are bounded: a marked quote never crosses a paragraph and is dropped beyond
quotes_marks.MAX_QUOTE_CHARS (unbalanced marks cannot swallow the text), so are unmarked block quotes and
headline lines, reported content stays inside its sentence, and an interrupted quote joins parts at most
INTERRUPTION_CHARS apart.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from ..model import Quote, QuoteKind
from ..pipeline import Parsed, Results
from .index import EntityIndex
from .quotes_cues import CueSite, find_cues
from .quotes_headline import headline_quote, is_headline
from .quotes_marks import MAX_QUOTE_CHARS, Segment, find_segments, paragraphs
from .quotes_parts import cue_phrase, parts_without_cue
from .quotes_speaker import NO_SPEAKER, Speaker, resolve, resolve_span

#: How far (chars) a cue may stand after a quote's closing mark ('..."  Smith, a lawyer, said') or before
#: its opening mark ('Smith said: "...') to be taken as the quote's cue.
CUE_AFTER_CHARS = 120
CUE_BEFORE_CHARS = 60
#: A quote with fewer words and no cue is a scare quote or a title, not a quotation.
MIN_UNCUED_WORDS = 4
#: Reported content can be one word ("endorsed Clinton"), but a bare pronoun object reports nothing.
MIN_REPORTED_WORDS = 1
#: The longest interruption ('," said X, a lawyer at Y. "') inside one quote.
INTERRUPTION_CHARS = 300
#: The last guard: no quote, however found (a sentence the parser never ended), is longer than this.
MAX_FOUND_CHARS = 2 * MAX_QUOTE_CHARS + INTERRUPTION_CHARS

# Objects that report nothing on their own ("said so", "denied that"). A personal pronoun is what a stance
# is about ("attacked them", "defended it") and is kept: attribution corpora annotate it as the content.
_BARE = frozenset({"this", "that", "so", "what", "which", "something", "nothing"})
_SIGNATURE = re.compile(r"[\s\u00a0]*[―—–]+[\s\u00a0]*([^\n―—–]{2,80})")
_LINE_LABEL = re.compile(r"[\"“]?([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}):[ \u00a0]+(\S)")
_LABEL = re.compile(r"([A-Z][A-Z.'\- ]{1,40}):\s")


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker
    cue: str | None
    paragraph: int = -1
    cue_at: int = -1  # where the quote's own cue starts; -1 when the speaker was carried over


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _speaker_of(parsed: Parsed, index: EntityIndex, site: CueSite) -> Speaker:
    if site.subject is None:
        return NO_SPEAKER
    return resolve(parsed.doc, index, parsed.doc[site.subject], parsed.doc[site.verb])


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


class _Layout:
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


def _adjacent_cue(parsed: Parsed, seg: Segment, layout: _Layout) -> CueSite | None:
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


def _previous_reporter(layout: _Layout, paras: list[tuple[int, int]], seg: Segment) -> CueSite | None:
    """The last cue with a source in the paragraph before a quote that opens its own paragraph."""
    if seg.paragraph == 0 or seg.paragraph >= len(paras) or seg.start - paras[seg.paragraph][0] > 2:
        return None
    p_start, _ = paras[seg.paragraph - 1]
    with_source = [c for c in layout.sites_from(p_start, seg.start) if c.subject is not None]
    return with_source[-1] if with_source else None


def _direct_or_mixed(text: str, start: int, end: int, quoted: list[Segment]) -> QuoteKind:
    outside = text[start:end]
    for q in sorted(quoted, key=lambda q: -q.start):
        outside = outside[: max(0, q.start - start)] + outside[q.end - start :]
    return "mixed" if _words(outside) >= 3 else "direct"


def _attach(parsed: Parsed, index: EntityIndex, layout: _Layout) -> tuple[list[_Found], set[int]]:
    """Quotes with their speakers, and the cues (by position) that they used up."""
    text = parsed.text
    segs = layout.segs
    outside = layout.sites
    paras = paragraphs(text)
    used: set[int] = set()
    found: list[_Found] = []
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
            speaker = _speaker_of(parsed, index, site)
            members = by_site[site.cue_start]
            if i in done:
                continue
            done.update(members)
            start = min(cued[j][1] for j in members)
            end = max(cued[j][2] for j in members)
            kind = _direct_or_mixed(text, start, end, [segs[j] for j in members])
            found.append(_Found(start, end, kind, speaker, site.cue_text, seg.paragraph, site.cue_start))
            last = (speaker, site.cue_text, seg.paragraph)
            continue
        embedded = _embedded(text, seg)
        short = _words(text[seg.start : seg.end]) < MIN_UNCUED_WORDS
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
        elif last is not None and last[2] >= seg.paragraph - 1:
            speaker, cue = last[0], last[1]
        else:
            # a quote-only paragraph after one that reports someone's words ('X said the plan failed.')
            site = _previous_reporter(layout, paras, seg)
            if site is not None:
                speaker, cue = _speaker_of(parsed, index, site), site.cue_text
        if speaker.text is None and short:
            continue
        found.append(_Found(start, seg.end, "direct", speaker, cue, seg.paragraph, cue_at))
        if speaker.text is not None:
            last = (speaker, cue, seg.paragraph)
    return _merge_interrupted(text, found), used


def _merge_interrupted(text: str, found: list[_Found]) -> list[_Found]:
    """Join the parts of an interrupted quote ("A," he said, "B.") into one quote from A to B."""
    found.sort(key=lambda f: f.start)
    out: list[_Found] = []
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
            out[-1] = _Found(prev.start, f.end, "direct", prev.speaker, prev.cue, prev.paragraph, prev.cue_at)
            continue
        out.append(f)
    return out


def _indirect(parsed: Parsed, index: EntityIndex, layout: _Layout, used: set[int]) -> list[_Found]:
    """Reported speech: cues outside quotation marks whose content takes in no quote."""
    out = []
    for site in layout.sites:  # a cue inside a quotation is part of that quote, not the text's own
        if site.content is None or site.cue_start in used:
            continue
        cs, ce = site.content
        if layout.overlapping(cs, ce):
            continue  # handled with the quotes
        content = parsed.text[cs:ce]
        if _words(content) < MIN_REPORTED_WORDS or content.lower() in _BARE:
            continue
        out.append(
            _Found(cs, ce, "indirect", _speaker_of(parsed, index, site), site.cue_text, -1, site.cue_start)
        )
    return out


def _outermost(found: list[_Found]) -> list[_Found]:
    """Reported speech whose cue stands inside another quote's content is part of that content ("X said
    that Y believes Z" reports one thing, what X said), as attribution corpora annotate it; it is dropped.
    Quotation marks are kept whatever surrounds them."""
    spans = sorted((f.start, f.end, f.cue_at) for f in found if f.cue_at >= 0)
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


def _covered(paras: list[tuple[int, int]], found: list[_Found]) -> set[int]:
    """Indices of the paragraphs that some found quote overlaps."""
    starts = [p[0] for p in paras]
    out: set[int] = set()
    for f in found:
        first = max(0, bisect.bisect_right(starts, f.start) - 1)
        last = bisect.bisect_left(starts, f.end) - 1
        out.update(k for k in range(first, last + 1) if paras[k][0] < f.end and f.start < paras[k][1])
    return out


def _labelled_lines(parsed: Parsed, index: EntityIndex, taken: list[_Found]) -> list[_Found]:
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
        if _words(text[start:end]) < MIN_UNCUED_WORDS or end - start > MAX_QUOTE_CHARS:
            continue
        speaker = resolve_span(index, text, m.start(1), m.end(1))
        out.append(_Found(start, end, "direct", speaker, ":"))
    return out


def _headlines(parsed: Parsed, index: EntityIndex, found: list[_Found]) -> list[_Found]:
    """Title-Case headline lines are read by their shape (quotes_headline), not by their parse, which
    takes the capitalised words for one long name: what the parse found inside them is replaced."""
    text = parsed.text
    lines = [(a, b) for a, b in paragraphs(text) if is_headline(text[a:b])]
    if not lines:
        return found
    starts = [a for a, _ in lines]

    def in_headline(f: _Found) -> bool:
        k = bisect.bisect_right(starts, f.start) - 1
        return k >= 0 and f.end <= lines[k][1]

    out = [f for f in found if not in_headline(f)]
    for a, b in lines:
        h = headline_quote(text, a, b, index)
        if h is not None:
            kind: QuoteKind = "direct" if h.kind == "direct" else "mixed" if h.kind == "mixed" else "indirect"
            out.append(_Found(h.start, h.end, kind, h.speaker, h.cue, -1, h.cue_at))
    return out


def _block_quotes(
    parsed: Parsed, index: EntityIndex, layout: _Layout, taken: list[_Found], used: set[int]
) -> list[_Found]:
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
        out.append(_Found(n_start, n_end, "direct", _speaker_of(parsed, index, cue), cue.cue_text, k + 1))
        used.add(cue.cue_start)
    return out


def _balanced(text: str, f: _Found) -> _Found:
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


def _without_cue(parsed: Parsed, layout: _Layout, f: _Found) -> list[_Found]:
    """An interrupted content as its parts before and after the cue phrase (quotes_parts): `run_parts`."""
    if not f.start < f.cue_at < f.end:
        return [f]
    segs = [(g.start, g.end) for g in (layout.segs[i] for i in layout.overlapping(f.start, f.end))]
    spans = parts_without_cue(parsed, f.start, f.end, f.cue_at, segs if f.kind == "direct" else None)
    return [f] if spans is None else [replace(f, start=a, end=b) for a, b in spans]


def _narrated_between(parsed: Parsed, layout: _Layout, f: _Found) -> bool:
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
    between = parsed.text[max(before) : phrase[0]] + parsed.text[phrase[1] : min(after)]
    return any(ch.isalnum() for ch in between)


def find_quotes(parsed: Parsed, results: Results, parts: bool = False) -> tuple[Quote, ...]:
    """The document's quotes. A content that the cue interrupts ("A," she said, "B." / "The tax, she said,
    would hurt farmers.") is one quote from A to B by default: one utterance, its clause whole, as PolNeAR
    annotates it; its start and end still leave out the marks and the cue around it. Quoted stretches that
    the reporter's own sentences keep apart are parts in any case (_narrated_between). With `parts`, it is
    one quote per part, so that no quote's text holds the cue (parts under four words are dropped, so a
    clause can lose its subject: "would hurt farmers")."""
    index = EntityIndex(results.entities)
    segs = find_segments(parsed.text)
    sites = find_cues(parsed.doc)
    layout = _Layout(segs, sites)
    quoted, used = _attach(parsed, index, layout)
    quoted += _block_quotes(parsed, index, layout, quoted, used)
    found = _outermost(quoted + _indirect(parsed, index, layout, used))
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
            )
        )
    return tuple(out)


def run(parsed: Parsed, results: Results) -> Results:
    return results.replace(quotes=find_quotes(parsed, results))


def run_parts(parsed: Parsed, results: Results) -> Results:
    """The stage with interrupted contents given as their parts (`--quote-parts`)."""
    return results.replace(quotes=find_quotes(parsed, results, parts=True))
