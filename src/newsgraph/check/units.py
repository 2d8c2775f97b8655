"""Units the claim check compares: a source sentence or an atomic claim, with its features."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Document, Entity
from .features import (
    NAME_KINDS,
    Frame,
    Number,
    antonyms,
    content_lemmas,
    entity_keys,
    frames,
    is_named,
    name_entities,
    numbers,
    word_classes,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan


@dataclass(frozen=True)
class Slot:
    """A title or role with the name it takes ("ambassador" "to" United States): another name in the same
    slot of the same noun is an incompatible statement about it."""

    noun: str  # lemma, lower case
    prep: str
    keys: frozenset[str]
    phrase: str  # from the noun to the end of the name, as written


@dataclass(frozen=True)
class Unit:
    """A stretch of one text (`doc_id`, offsets) and what it says, in comparable form."""

    doc_id: str
    start: int
    end: int
    text: str
    lemmas: frozenset[str]  # content lemmas, lower case
    words: tuple[tuple[str, str, str], ...]  # (lemma, surface, part of speech) of the content words
    entities: tuple[tuple[Entity, frozenset[str]], ...]  # named entities and their keys
    numbers: tuple[Number, ...]
    dates: tuple[tuple[str, str | None], ...]  # (text, TIMEX3 value) of the time expressions
    classes: tuple[tuple[str, str], ...]  # (class, lemma) of closed-class words
    frames: tuple[Frame, ...]  # the events: verb, polarity, named agents and patients
    slots: tuple[Slot, ...] = ()  # a noun's named complement: "ambassador to the United States"
    #: (word, lemma) of the words that have antonyms (lexicons/check_antonyms.tsv), function words too
    #: ("before", "more", "up"): content words alone miss "fewer" for "more".
    polar: tuple[tuple[str, str], ...] = ()

    # Cached: alignment and comparison read a source sentence's keys once per claim (and per actor).
    @functools.cached_property
    def keys(self) -> frozenset[str]:
        return frozenset(k for _, ks in self.entities for k in ks)

    # Cached: the coverage and the aligned share of a claim leave its names' words aside, the share once per
    # aligned sentence.
    @functools.cached_property
    def name_words(self) -> frozenset[str]:
        """The words of the names it gives, case-folded ("Wagner group" -> wagner, group)."""
        return frozenset(w.casefold() for e, _ in self.entities for w in e.name.split())

    # Cached: the antonym comparison reads a source sentence's once per claim word.
    @functools.cached_property
    def polar_words(self) -> frozenset[str]:
        """The words and lemmas of `polar`, as one set."""
        return frozenset(f for p in self.polar for f in p)


def keyed_entities(document: Document) -> list[tuple[Entity, frozenset[str]]]:
    """The entities the text names, with their keys: the same for every unit of the document."""
    return [(e, entity_keys(e)) for e in name_entities(document)]


def unit(
    document: Document,
    doc: SpacyDoc,
    start: int,
    end: int,
    entities: Sequence[tuple[Entity, frozenset[str]]] | None = None,
) -> Unit:
    """The unit of `document` from `start` to `end`; `entities`: its `keyed_entities`, when the caller
    makes many units of one document (read once, not once per sentence)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:  # only for empty stretches
        span = doc[0:0]
    timexes = [t for t in document.timexes if start <= t.start and t.end <= end]
    in_timex = frozenset(tok.i for tok in span for t in timexes if t.start <= tok.idx < t.end)
    words = [t for t in content_lemmas(span) if t.i not in in_timex]
    ents = []
    named: dict[int, tuple[str, frozenset[str]]] = {}
    for e, keys in keyed_entities(document) if entities is None else entities:
        inside = [m for m in e.mentions if start <= m.start and m.end <= end]
        if inside:  # a pronoun or description counts too: the entity is named elsewhere in the text
            ents.append((e, keys))
            for m in inside:
                shown = m.text if m.kind in NAME_KINDS else e.name
                for tok in span:
                    if m.start <= tok.idx < m.end:
                        named[tok.i] = (shown, keys)
    classes = word_classes()
    table = antonyms()
    return Unit(
        doc_id=document.id,
        start=start,
        end=end,
        text=document.text[start:end],
        lemmas=frozenset(t.lemma_.lower() for t in words) | frozenset(t.lower_ for t in words),
        words=tuple((t.lemma_.lower(), t.text, t.pos_) for t in words),
        entities=tuple(ents),
        numbers=tuple(numbers(span, in_timex)),
        dates=tuple((t.text, t.value) for t in timexes),
        classes=tuple((classes[t.lower_], t.lower_) for t in span if t.lower_ in classes),
        frames=tuple(frames(span, {**_descriptions(document, doc, start, end), **named})),
        slots=tuple(_slots(span, named)),
        polar=tuple(
            (t.lower_, t.lemma_.lower())
            for t in span
            if t.i not in in_timex and (t.lower_ in table or t.lemma_.lower() in table)
        ),
    )


#: The key of an actor the text names only by a description ("the police", "two men"): its head noun.
#: It lets a claim's roles be compared with the sources' ("the men arrested the police" swaps them), but it
#: is no name: it never makes an actor "absent" or "another actor" (compare.py reads names only there).
DESCRIPTION = "desc:"


def _descriptions(
    document: Document, doc: SpacyDoc, start: int, end: int
) -> dict[int, tuple[str, frozenset[str]]]:
    """Token index -> (phrase, key) of the nominal mentions of actors the text never names, in the span."""
    out: dict[int, tuple[str, frozenset[str]]] = {}
    for e in document.entities:
        if is_named(e):
            continue
        for m in e.mentions:
            if m.kind != "nominal" or not (start <= m.start and m.end <= end):
                continue
            phrase = doc.char_span(m.start, m.end, alignment_mode="expand")
            if phrase is None:
                continue
            key = frozenset({DESCRIPTION + phrase.root.lemma_.lower()})
            for tok in phrase:
                out[tok.i] = (m.text, key)
    return out


def _slots(span: SpacySpan, named: dict[int, tuple[str, frozenset[str]]]) -> list[Slot]:
    out = []
    for t in span:
        if t.i not in named or t.dep_ != "pobj" or t.head.dep_ != "prep":
            continue
        noun = t.head.head
        if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_:  # a noun, not part of a name
            continue
        last = max(t.subtree, key=lambda x: x.i)
        phrase = span.doc.text[noun.idx : last.idx + len(last.text)]
        out.append(Slot(noun.lemma_.lower(), t.head.lower_, named[t.i][1], phrase))
    return out


def sentence_units(document: Document, doc: SpacyDoc) -> list[Unit]:
    """One unit per sentence, its offsets trimmed of surrounding white space (evidence quotes read clean)."""
    out = []
    entities = keyed_entities(document)
    for s, e in document.sentences:
        text = document.text[s:e]
        if text.strip():
            start = s + len(text) - len(text.lstrip())
            out.append(unit(document, doc, start, start + len(text.strip()), entities))
    return out


def claim_units(document: Document, doc: SpacyDoc) -> list[Unit]:
    """One unit per atomic claim (`claim_spans`) of a claim text."""
    entities = keyed_entities(document)
    return [unit(document, doc, s, e, entities) for s, e in claim_spans(doc)]


def claim_spans(doc: SpacyDoc) -> list[tuple[int, int]]:
    """Atomic claims: the sentences, each cut before a coordinated clause with its own subject
    ("Wagner left Mali and the junta expelled the UN" is two claims)."""
    spans: list[tuple[int, int]] = []
    for sent in doc.sents:
        bounds = [(sent.start_char, sent.start_char)]  # (end of the previous clause, start of the next)
        for t in sent:
            clause = t.dep_ == "conj" and t.head == sent.root and t.pos_ in ("VERB", "AUX")
            if clause and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
                left = min(t.subtree, key=lambda x: x.i)
                cc = [c for c in sent.root.children if c.dep_ == "cc" and c.i < left.i]
                bounds.append((cc[-1].idx if cc else left.idx, left.idx))
        bounds.append((sent.end_char, sent.end_char))
        for (_, a), (b, _) in itertools.pairwise(bounds):
            text = doc.text[a:b]
            stripped = text.strip(" ,;")
            if any(ch.isalnum() for ch in stripped):
                lead = len(text) - len(text.lstrip(" ,;"))
                spans.append((a + lead, a + lead + len(stripped)))
    return spans
