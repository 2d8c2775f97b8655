"""Cue sites, adjusted with what only the neighbouring sites and the clause around them tell: a cue in a
relative clause reports the phrase it describes, a cue coordinated after a content ends it, and a
content sheds the reporter's asides. `find_cues` is what the quotes stage reads."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .cues import CueSite, cue_sites
from .framing import trimmed, without_asides

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..base import Parsed


def find_cues(parsed: Parsed) -> list[CueSite]:
    """Every reporting cue of the parsed text, in text order."""
    doc = parsed.doc
    out = [_relative(doc, c) for c in cue_sites(doc, parsed.tokens)]
    out = [replace(c, content=without_asides(doc, c.content)) for c in out]
    shared: dict[int, int | None] = {}  # coordinated cue -> the source it shares with the first cue
    out = [_before_coordinated(doc, c, out, shared) for c in out]
    return [
        replace(c, subject=shared[c.cue_start]) if c.subject is None and c.cue_start in shared else c
        for c in out
    ]


def _relative(doc: Doc, site: CueSite) -> CueSite:
    """'the explosion that the mayor described as "an attack"', 'the goal it vowed to meet': a cue in a
    relative clause with its own source reports the phrase it describes, antecedent and clause together
    (the attribution corpora's reading; the cue stands inside). Free relatives ('what X called Y') keep
    their complement: measured, taking the whole clause lost more than it won."""
    verb = doc[site.verb]
    if site.subject is None or site.content is None or verb.pos_ != "VERB":
        return site  # only a cue that reports something takes the phrase along
    subject = doc[site.subject]
    if subject.head.i != verb.i or subject.tag_ in ("WDT", "WP", "WP$") or subject.lower_ == "that":
        return site  # 'the man who said X': the antecedent is the source, the content is X
    first = doc[verb.left_edge.i]
    if (
        first.tag_ == "WRB"
        or first.pos_ == "ADP"
        or any(
            c.dep_ in ("ccomp", "dobj", "dative") and c.tag_ not in ("WDT", "WP") and c.lower_ != "that"
            for c in verb.children
        )
    ):
        return site  # 'the place where X said Y', 'a case in which X argued that Y': Y is reported
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or verb.head.i > verb.i:
        return site
    span = trimmed(doc, verb.head.left_edge.i, verb.right_edge.i)
    return replace(site, content=span) if span is not None else site


def _before_coordinated(
    doc: Doc, site: CueSite, sites: list[CueSite], shared: dict[int, int | None]
) -> CueSite:
    """'X said A and warned B': a cue coordinated after the content ends it; B is the second cue's, and
    X the source of both (spaCy often hangs 'warned' on A's verb, where it finds no subject)."""
    if site.content is None:
        return site
    cs, ce = site.content
    for other in sites:
        if other is site or not cs < other.cue_start < ce:
            continue  # tested before the verb is looked up: this runs for every pair of cue sites
        verb = doc[other.verb]
        if (
            verb.dep_ != "conj"
            or verb.head.i == site.verb
            or verb.tag_ == "VB"  # "urged X to threaten A or declare B": one infinitive content
            or any(c.dep_ == "mark" for c in verb.children)  # "said A and that B": both are reported
            # "said A heard a shot and that a shell was found", "asked why X was cited or why it was named by
            # Y": a passive conjunct goes on with A rather than start a report of its own
            or any(c.dep_ == "nsubjpass" for c in verb.children)
        ):
            continue
        first = verb.left_edge.i
        while first - 1 > site.verb and (doc[first - 1].dep_ in ("cc", "punct") or doc[first - 1].is_space):
            first -= 1
        words = doc.char_span(cs, ce, alignment_mode="expand")
        if words is not None and words.start <= first - 1:
            shared[other.cue_start] = site.subject
            return replace(site, content=trimmed(doc, words.start, first - 1))
    return site
