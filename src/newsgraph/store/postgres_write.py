"""The PostgreSQL store's writes of one linked document (the SQLite store's, in PostgreSQL's dialect).

Called inside the store's write transaction, which holds the advisory lock: nothing here commits.
"""

from __future__ import annotations

from ..corpus import Linked
from . import records as rec
from .postgres_query import Conn


def write(c: Conn, linked: Linked, digest: str, origin: str | None) -> None:
    """Insert a linked document's rows: its text, sentences, actors, entities, relations, quotes, events."""
    doc = linked.document
    c.execute(
        "INSERT INTO documents VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
        rec.document_row(linked, digest, origin),
    )
    cur = c.cursor()
    cur.executemany(
        'INSERT INTO sentences (doc_id, idx, start, "end", text) VALUES (%s, %s, %s, %s, %s)',
        rec.sentence_rows(doc),
    )
    for actor, keys in rec.actor_rows(linked):
        c.execute(
            "INSERT INTO actors (id, type, name, country, sector, geonameid, lat, lon, names, titles) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET "
            "name=excluded.name, country=excluded.country, sector=excluded.sector, "
            "geonameid=excluded.geonameid, lat=coalesce(actors.lat, excluded.lat), "
            "lon=coalesce(actors.lon, excluded.lon), names=excluded.names, titles=excluded.titles",
            actor,
        )
        cur.executemany("INSERT INTO actor_keys VALUES (%s, %s) ON CONFLICT DO NOTHING", keys)
    cur.executemany(
        "UPDATE actors SET documents=documents+1, mentions=mentions+%s WHERE id=%s",
        rec.actor_count_rows(linked),
    )
    cur.executemany(
        "INSERT INTO entities VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)", rec.entity_rows(linked)
    )
    cur.executemany("INSERT INTO relations VALUES (%s, %s, %s, %s, %s)", rec.relation_rows(linked))
    cur.executemany(
        'INSERT INTO quotes (doc_id, quote_id, kind, start, "end", text, speaker, speaker_text, cue, '
        "sentence) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
        rec.quote_rows(linked),
    )
    write_events(c, linked)


def write_events(c: Conn, linked: Linked) -> None:
    """A document's events: new corpus events with their actors, or another report of a stored one."""
    doc = linked.document
    touched: set[str] = set()
    for le in linked.events:
        if le.new:
            c.execute(
                "INSERT INTO events (id, key, type, date, vague, mode, contexts, location) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
                rec.event_row(le),
            )
            c.cursor().executemany(
                "INSERT INTO event_actors VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                rec.event_actor_rows(le),
            )
        else:
            c.execute(
                "UPDATE events SET mode=coalesce(mode, %s), location=coalesce(location, %s) WHERE id=%s",
                (le.event.mode, le.location, le.corpus_id),
            )
        c.execute(
            "INSERT INTO mentions VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
            "ON CONFLICT (doc_id, local_id) DO UPDATE SET event_id=excluded.event_id, "
            "sentence=excluded.sentence, trigger_start=excluded.trigger_start, "
            "trigger_end=excluded.trigger_end, trigger=excluded.trigger, date=excluded.date, "
            "modality=excluded.modality, negated=excluded.negated, "
            "attributed_to=excluded.attributed_to, confidence=excluded.confidence",
            rec.mention_row(doc, le),
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
