"""A dateline's place is a place, whatever the model typed it.

The model reads a dateline in capitals ("GRONINGEN, Netherlands 1996-08-30", "NEW YORK (Reuters) -") as
an organisation now and then, and the name then joins a body of the same name the story names: a sports
story's club ("Nice" beat Lens; "NICE 1996-08-30" filed it) or nothing at all ("EDMONTON" alone), and
the club or the body takes the dateline's mention, or the place is lost. The dateline's name mention goes
to the story's place of that name (a new one when there is none); the body keeps its other mentions, a
person made of the town's name does not.

A place's mention the model cut short inside a dateline ("SAO" of "SAO PAULO") is made the dateline's
whole place name. Datelines are the ones the story's home trusts (place_countries.trusted_dateline).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...nlp.datelines import find_datelines
from .cluster import Cluster
from .mentions import Candidate
from .place_countries import trusted_dateline

if TYPE_CHECKING:
    from ..base import Parsed

_PLACES = ("GPE", "LOC")


def dateline_places(parsed: Parsed, clusters: list[Cluster]) -> list[Cluster]:
    """The clusters with each dateline name mention of a body or person moved to a place cluster."""
    spans = [(d.start, d.end) for d in find_datelines(parsed.text) if trusted_dateline(d, parsed.text)]
    if not spans:
        return clusters
    out = list(clusters)
    for c in clusters:
        if c.type in _PLACES:
            continue
        moved = [
            m for m in c.mentions if m.kind == "name" and any(s <= m.start and m.end <= e for s, e in spans)
        ]
        if moved and c.type == "PERSON":
            # A person the model made of a dateline's town ("ST. PAUL, Minn. - Police in St. Paul") is
            # that town wherever its name is written; a body keeps its other mentions (a club: "Nice").
            keys = {m.key for m in moved}
            moved = [m for m in c.mentions if m.kind == "name" and m.key in keys]
        for m in moved:
            c.mentions.remove(m)
            place = next((p for p in out if p.type in _PLACES and any(n.key == m.key for n in p.names)), None)
            if place is None:
                place = Cluster("GPE")
                out.append(place)
            place.add(dataclasses.replace(m, type="GPE"))
            place.mentions.sort(key=lambda n: n.start)
    for c in out:
        if c.type in _PLACES:
            _whole_dateline(parsed, c, spans)
    return [c for c in out if c.mentions]


def _whole_dateline(parsed: Parsed, place: Cluster, spans: list[tuple[int, int]]) -> None:
    """A place's mention the model cut short inside a dateline ("SAO" of "SAO PAULO (Reuters) -") made
    the dateline's whole place name, which the gazetteer knows."""
    for i, m in enumerate(place.mentions):
        whole = next((s for s in spans if s[0] == m.start and m.end < s[1]), None)
        span = parsed.doc.char_span(*whole) if m.kind == "name" and whole is not None else None
        if span is not None:
            place.mentions[i] = Candidate.from_span(parsed, span, m.type, "name", m.kb)
