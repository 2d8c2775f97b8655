"""One body, one actor: a story's names of one body that the knowledge base links to the same entry
("Pakistan Muslim League-Nawaz" and "PML-N", "1Malaysia Development Berhad" and "1MDB", "Volkswagen" and
"VW") are one entity, though the grouping, which reads only the text, kept them apart. Issue 14 asks
that the same knowledge-base entry be the same actor across a corpus; within one story it is so
already.

Only bodies: two people the grouping kept apart may be two of one family that one entry answers for (a
father and his son of one name), while a body is linked by one of its own names or acronyms, never by a
surname. Only links that are this very body (kb_link.KBLink.kb_id is None for a Phoenix entry filing
several bodies under one code).

The merged entity keeps the id of the first named, its mentions are those of all, its name the longest
name of them ("Golden State Warriors", not "Warriors"), and a country or sector the first lacks comes from
the others. Ids are then numbered again in order of first mention, and relations follow them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ...model import Entity, Relation


def merge_same_bodies(
    entities: Iterable[Entity], relations: Iterable[Relation]
) -> tuple[tuple[Entity, ...], tuple[Relation, ...]]:
    """The entities with every body that shares its knowledge-base entry with an earlier one merged into
    it, numbered E1, E2, ... again, and the relations between the new ids (a relation of a body to itself
    dropped)."""
    entities, relations = list(entities), tuple(relations)
    first: dict[str, int] = {}  # kb id -> index of the first body linked to it
    into: dict[str, str] = {}  # old id -> old id of the entity it joins
    merged: list[Entity] = []
    for e in entities:
        if e.type == "ORG" and e.kb_id is not None:
            if e.kb_id in first:
                i = first[e.kb_id]
                into[e.id] = merged[i].id
                merged[i] = _joined(merged[i], e)
                continue
            first[e.kb_id] = len(merged)
        merged.append(e)
    if not into:
        return tuple(entities), relations
    merged.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
    new_id = {e.id: f"E{n}" for n, e in enumerate(merged, start=1)}
    new_id.update({old: new_id[target] for old, target in into.items()})
    out = tuple(dataclasses.replace(e, id=new_id[e.id]) for e in merged)
    moved = (
        Relation(new_id[r.subject], r.predicate, new_id[r.object], r.sentence)
        for r in relations
        if r.subject in new_id and r.object in new_id
    )
    return out, tuple(dict.fromkeys(r for r in moved if r.subject != r.object))


def _joined(kept: Entity, other: Entity) -> Entity:
    name = max((kept.name, other.name), key=len)
    country, country_source = kept.country, kept.country_source
    if country is None:
        country, country_source = other.country, other.country_source
    sector, sector_source = kept.sector, kept.sector_source
    if sector is None:
        sector, sector_source = other.sector, other.sector_source
    return dataclasses.replace(
        kept,
        name=name,
        mentions=tuple(sorted({*kept.mentions, *other.mentions}, key=lambda m: (m.start, m.end))),
        country=country,
        country_source=country_source,
        sector=sector,
        sector_source=sector_source,
        titles=tuple(dict.fromkeys((*kept.titles, *other.titles))),
        aliases=tuple(dict.fromkeys((*kept.aliases, *other.aliases))),
    )
