"""Names in the sentence a dateline opens, read without the dateline ("LIMA - Teodoro Quispe said ...").

The statistical model reads a dateline's capitals, its delimiter and the name after it as one name ("LIMA
- Teodoro Quispe" ORG), or misses the name ("LIMA, Peru - Teodoro Quispe said": no entity), while the
same sentence without the dateline gives the person. Wire stories open on a person's name as often as not,
and that first sentence says who the story is about. So the sentence the story's dateline opens is read
again from where its own words start (datelines.lead_in_end), by the components that name things (the
token vectors, the entity recogniser, the gazetteer): a name of the model's that ran from the dateline
into the sentence is cut at the dateline, one read as a person over the same words is a person, and the
names read so are added where the model had none (the model's other names stay: without the dateline it
reads some worse). A headline in capitals after a sports line's hyphen ("SOCCER - ROMANIA BEAT
LITHUANIA") is no story's sentence and is left alone. Only a sentence that opens on a capitalised word
other than a function word ("LIMA - Teodoro", not "LIMA - The") is read again: the model misreads the
names it opens on; one short extra pass per such story.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .datelines import find_datelines, lead_in_end
from .gazetteer import COMPONENT as GAZETTEER

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

COMPONENT = "newsgraph_dateline_lead"
# The components a name needs, in pipeline order.
_NAMING = ("tok2vec", "ner", GAZETTEER)


class DatelineLead:
    """The component (see the module docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        datelines = [d for d in find_datelines(doc.text) if d.at_line_start]
        if not datelines or not doc.has_annotation("SENT_START"):
            return doc
        start = lead_in_end(doc.text, datelines[0])
        first = doc.char_span(start, len(doc.text), alignment_mode="expand")
        if first is None or not len(first):
            return doc
        if _headline(first) or not first[0].is_title or first[0].is_stop:
            return doc  # (a sentence opening "The ...", "In ...": the model's reading of the names after)
        end = first[0].sent.end_char
        if end - start < 2:
            return doc
        lead = self._names(doc.text[start:end])
        moved = (
            doc.char_span(start + e.start_char, start + e.end_char, e.label_, kb_id=e.kb_id_) for e in lead
        )
        new = [s for s in moved if s is not None]
        # A model name that ran from the dateline into the sentence ("LIMA - Teodoro Quispe") is cut at
        # the dateline; one the sentence read alone finds a person over the same words is the person's
        # ("LIMA — Teodoro Quispe" ORG; not a place read as a body, "Penrith" of "The Penrith Panthers");
        # every other name of the model's stays, and the sentence read alone adds those it missed
        # (without the dateline the model reads some names worse: "The Penrith Panthers" as "Penrith").
        same = {(n.start, n.end): n for n in new if n.label_ == "PERSON"}
        kept = [same.get((e.start, e.end), e) for e in doc.ents if not e.start_char < start < e.end_char]
        cut = (_cut(e, start) for e in doc.ents if e.start_char < start < e.end_char)
        kept += [e for e in cut if e is not None]
        doc.ents = sorted(_no_overlaps(kept, new), key=lambda s: s.start)
        return doc

    def _names(self, text: str) -> tuple[Span, ...]:
        lead = self.nlp.make_doc(text)
        for name, proc in self.nlp.pipeline:
            if name in _NAMING:
                lead = proc(lead)
        return tuple(lead.ents)


def _headline(rest: Span) -> bool:
    """What follows is a headline in capitals, not a story's sentence: "SOCCER - ROMANIA BEAT LITHUANIA"
    has a dateline's shape."""
    words = [t for t in rest[:6] if t.is_alpha][:2]
    return bool(words) and all(t.is_upper and len(t.text) > 1 for t in words)


def _cut(ent: Span, at: int) -> Span | None:
    """The words of `ent` before the character `at` (up to its last word there), with its label, or None."""
    from spacy.tokens import Span

    words = [t for t in ent if t.idx + len(t.text) <= at and t.is_alpha]
    return Span(ent.doc, ent.start, words[-1].i + 1, label=ent.label_, kb_id=ent.kb_id_) if words else None


def _no_overlaps(kept: list[Span], new: list[Span]) -> list[Span]:
    """`kept` and each of `new` that overlaps none of them."""
    out = list(kept)
    for e in new:
        if not any(e.start < k.end and k.start < e.end for k in kept):
            out.append(e)
    return out


def add_dateline_lead(nlp: Language) -> None:
    """Add the component last (after the gazetteer)."""
    from spacy.language import Language

    if COMPONENT in nlp.pipe_names:
        return
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT)(lambda nlp, name: DatelineLead(nlp))
    nlp.add_pipe(COMPONENT, last=True)
