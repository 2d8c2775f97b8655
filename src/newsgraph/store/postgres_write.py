"""The PostgreSQL store's writes of one linked document (the SQLite store's, in PostgreSQL's dialect).

Called inside the store's write transaction, which holds the advisory lock: nothing here commits.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib

from ..corpus import Linked
from .postgres_query import Conn


def write(c: Conn, linked: Linked, digest: str, origin: str | None) -> None:
    """Insert a linked document's rows: its text, sentences, actors, entities, relations, quotes, events."""
    doc = linked.document
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    data = zlib.compress(json.dumps(doc.to_dict(), ensure_ascii=False).encode("utf-8"), 3)
    c.execute(
        "INSERT INTO documents VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
        (doc.id, doc.url, doc.title, doc.source, doc.published, origin, digest, data, now),
    )
    cur = c.cursor()
    cur.executemany(
        'INSERT INTO sentences (doc_id, idx, start, "end", text) VALUES (%s, %s, %s, %s, %s)',
        [(doc.id, i, s, e, doc.text[s:e]) for i, (s, e) in enumerate(doc.sentences)],
    )
    by_actor: dict[str, list] = {}
    for e in doc.entities:
        by_actor.setdefault(linked.actor_of[e.id], []).append(e)
    for a in linked.actors:
        ents = by_actor.get(a.id, [])
        lat = next((e.lat for e in ents if e.lat is not None), None)
        lon = next((e.lon for e in ents if e.lon is not None), None)
        c.execute(
            "INSERT INTO actors (id, type, name, country, sector, geonameid, lat, lon, names, titles) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET "
            "name=excluded.name, country=excluded.country, sector=excluded.sector, "
            "geonameid=excluded.geonameid, lat=coalesce(actors.lat, excluded.lat), "
            "lon=coalesce(actors.lon, excluded.lon), names=excluded.names, titles=excluded.titles",
            (
                a.id,
                a.type,
                a.name,
                a.country,
                a.sector,
                a.geonameid,
                lat,
                lon,
                json.dumps(a.names),
                json.dumps(a.titles),
            ),
        )
        cur.executemany(
            "INSERT INTO actor_keys VALUES (%s, %s) ON CONFLICT DO NOTHING", [(k, a.id) for k in a.keys]
        )
    cur.executemany(
        "UPDATE actors SET documents=documents+1, mentions=mentions+%s WHERE id=%s",
        [(sum(len(e.mentions) for e in ents), actor) for actor, ents in by_actor.items()],
    )
    cur.executemany(
        "INSERT INTO entities VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        [
            (
                doc.id,
                e.id,
                linked.actor_of[e.id],
                e.name,
                e.type,
                e.country,
                e.sector,
                json.dumps(e.titles),
                json.dumps(e.aliases),
                len(e.mentions),
            )
            for e in doc.entities
        ],
    )
    actor_of = linked.actor_of
    cur.executemany(
        "INSERT INTO relations VALUES (%s, %s, %s, %s, %s)",
        [
            (doc.id, actor_of[r.subject], r.predicate, actor_of[r.object], r.sentence)
            for r in doc.relations
            if r.subject in actor_of and r.object in actor_of
        ],
    )
    cur.executemany(
        'INSERT INTO quotes (doc_id, quote_id, kind, start, "end", text, speaker, speaker_text, cue, '
        "sentence) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        [
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
        ],
    )
    write_events(c, linked)


def write_events(c: Conn, linked: Linked) -> None:
    """A document's events: new corpus events with their actors, or another report of a stored one."""
    doc = linked.document
    touched: set[str] = set()
    for le in linked.events:
        v = le.event
        if le.new:
            c.execute(
                "INSERT INTO events (id, key, type, date, vague, mode, contexts, location) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                (
                    le.corpus_id,
                    le.key,
                    v.type,
                    le.date,
                    int(le.vague),
                    v.mode,
                    json.dumps(v.contexts),
                    le.location,
                ),
            )
            roles = [(a, "source") for a in le.sources] + [(a, "target") for a in le.targets]
            if le.location:
                roles.append((le.location, "location"))
            c.cursor().executemany(
                "INSERT INTO event_actors VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [(le.corpus_id, a, role, le.date, v.type) for a, role in roles],
            )
        else:
            c.execute(
                "UPDATE events SET mode=coalesce(mode, %s), location=coalesce(location, %s) WHERE id=%s",
                (v.mode, le.location, le.corpus_id),
            )
        c.execute(
            "INSERT INTO mentions VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (doc_id, local_id) DO UPDATE SET event_id=excluded.event_id, "
            "sentence=excluded.sentence, trigger_start=excluded.trigger_start, "
            "trigger_end=excluded.trigger_end, trigger=excluded.trigger, date=excluded.date, "
            "modality=excluded.modality, negated=excluded.negated, "
            "attributed_to=excluded.attributed_to, confidence=excluded.confidence",
            (
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
            ),
        )
        touched.add(le.corpus_id)
    recount(c, touched)


def recount(c: Conn, event_ids: set[str]) -> None:
    """Set the events' report and source counts from their mentions."""
    if event_ids:
        c.execute(
            "UPDATE events SET num_mentions=(SELECT count(*) FROM mentions WHERE event_id=events.id), "
            "num_sources=(SELECT count(DISTINCT doc_id) FROM mentions WHERE event_id=events.id) "
            "WHERE id = ANY(%s)",
            (sorted(event_ids),),
        )
