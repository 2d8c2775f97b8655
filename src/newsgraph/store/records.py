"""The rows a linked document writes, in table column order, for every backend.

The stores differ in SQL dialect (placeholders, upserts, text search), not in what they store: both
build their INSERT parameters here, so a new column or a changed value is one edit, not one per backend.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from typing import Any

from ..corpus import Linked, LinkedEvent
from ..model import Document, Entity

Params = tuple[Any, ...]


def document_row(linked: Linked, digest: str, origin: str | None) -> Params:
    """documents: id, url, title, source, published, origin, hash, data (zlib JSON), added."""
    doc = linked.document
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    data = zlib.compress(json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8"), 3)
    return (doc.id, doc.url, doc.title, doc.source, doc.published, origin, digest, data, now)


def sentence_rows(doc: Document) -> list[Params]:
    """sentences: doc_id, idx, start, end, text."""
    return [(doc.id, i, s, e, doc.text[s:e]) for i, (s, e) in enumerate(doc.sentences)]


def actor_rows(linked: Linked) -> list[tuple[Params, list[Params]]]:
    """Per canonical actor: its actors row (id, type, name, country, sector, geonameid, lat, lon, names,
    titles; lat/lon from the first of its entities that has them) and its actor_keys rows (key, id)."""
    by_actor = _entities_by_actor(linked)
    out = []
    for a in linked.actors:
        ents = by_actor.get(a.id, [])
        lat = next((e.lat for e in ents if e.lat is not None), None)
        lon = next((e.lon for e in ents if e.lon is not None), None)
        row = (a.id, a.type, a.name, a.country, a.sector, a.geonameid, lat, lon)
        out.append(((*row, json.dumps(a.names), json.dumps(a.titles)), [(k, a.id) for k in a.keys]))
    return out


def actor_count_rows(linked: Linked) -> list[Params]:
    """(mentions, actor id) for each actor this document adds one document and its mentions to."""
    return [(sum(len(e.mentions) for e in ents), actor) for actor, ents in _entities_by_actor(linked).items()]


def entity_rows(linked: Linked) -> list[Params]:
    """entities: doc_id, entity_id, actor_id, name, type, country, sector, country_source, sector_source,
    kb_id, titles, aliases, mentions."""
    doc = linked.document
    return [
        (
            doc.id,
            e.id,
            linked.actor_of[e.id],
            e.name,
            e.type,
            e.country,
            e.sector,
            e.country_source,
            e.sector_source,
            e.kb_id,
            json.dumps(e.titles),
            json.dumps(e.aliases),
            len(e.mentions),
        )
        for e in doc.entities
    ]


def relation_rows(linked: Linked) -> list[Params]:
    """relations: doc_id, subject, predicate, object (actor ids), sentence."""
    doc, actor_of = linked.document, linked.actor_of
    return [
        (doc.id, actor_of[r.subject], r.predicate, actor_of[r.object], r.sentence)
        for r in doc.relations
        if r.subject in actor_of and r.object in actor_of
    ]


def quote_rows(linked: Linked) -> list[Params]:
    """quotes: doc_id, quote_id, kind, start, end, text, speaker (actor id), speaker_text, cue, sentence."""
    doc, actor_of = linked.document, linked.actor_of
    return [
        (
            doc.id,
            x.id,
            x.kind,
            x.start,
            x.end,
            x.text,
            actor_of.get(x.speaker or ""),
            x.speaker_text,
            x.cue,
            x.sentence,
        )
        for x in doc.quotes
    ]


def event_row(le: LinkedEvent) -> Params:
    """events (a new corpus event): id, key, type, date, vague, mode, contexts, location."""
    v = le.event
    return (le.corpus_id, le.key, v.type, le.date, int(le.vague), v.mode, json.dumps(v.contexts), le.location)


def event_actor_rows(le: LinkedEvent) -> list[Params]:
    """event_actors: event_id, actor_id, role, date, type (the event's, copied for the actor index)."""
    roles = [(a, "source") for a in le.sources] + [(a, "target") for a in le.targets]
    if le.location:
        roles.append((le.location, "location"))
    return [(le.corpus_id, a, role, le.date, le.event.type) for a, role in roles]


def mention_row(doc: Document, le: LinkedEvent) -> Params:
    """mentions (this document's report of the event): doc_id, local_id, event_id, sentence, trigger start,
    end and text, date, modality, negated, attributed_to, confidence."""
    v = le.event
    return (
        doc.id,
        v.id,
        le.corpus_id,
        v.sentence,
        v.trigger.start,
        v.trigger.end,
        v.trigger.text,
        v.date,
        v.modality,
        int(v.negated),
        le.attributed_to,
        v.confidence,
    )


def _entities_by_actor(linked: Linked) -> dict[str, list[Entity]]:
    by_actor: dict[str, list[Entity]] = {}
    for e in linked.document.entities:
        by_actor.setdefault(linked.actor_of[e.id], []).append(e)
    return by_actor
