"""The store's writes, for every engine: put a document (link it against the corpus, insert its rows),
delete one, and the lookups actor and event linking asks the store. A document's events, and the corpus
events its reports join, re-date or leave, are sql_events.py's.

Everything here runs inside the dialect's write transaction, which holds the store's write lock: nothing
here commits.
"""

from __future__ import annotations

from ..corpus import ActorProfile, EventSlot, Linked, Lookups, link_document
from ..corpus.events import day_window
from ..model import Document
from . import records as rec
from . import sql_persons as persons
from .base import PutStatus, content_hash
from .dialect import Dialect
from .sql_events import describe, event_taken, recluster, recount, write_events


def put(db: Dialect, doc: Document, origin: str | None) -> PutStatus:
    """Store one document unless the same content is stored; a stored one with its id or url but other
    content is replaced. A success clears the failure recorded for `origin`."""
    digest = content_hash(doc)
    stored = db.all(
        "SELECT id, hash FROM documents WHERE id=? UNION "
        "SELECT id, hash FROM documents WHERE url=? ORDER BY id",
        (doc.id, doc.url),
    )
    if any(r["hash"] == digest for r in stored):
        status: PutStatus = "unchanged"
    else:
        keys: frozenset[str] = frozenset()
        for r in stored:
            keys |= persons.person_keys_of(db, r["id"])
            delete(db, r["id"], settle=False)
        place(db, doc, digest, origin, keys)
        status = "replaced" if stored else "added"
    if origin:
        db.execute("DELETE FROM failures WHERE origin=?", (origin,))
    return status


def place(
    db: Dialect, doc: Document | None, digest: str, origin: str | None, keys: frozenset[str] = frozenset()
) -> None:
    """Write `doc` (None: only settle after a delete) with its persons decided over every stored entity
    they share a surname key with, and re-link the stored documents whose persons that changes (issue 14:
    one actor per person whatever the order documents came in)."""
    settled = persons.plan_persons(db, doc, keys)
    for s in settled.moved:
        delete(db, s.document.id, settle=False)
    if doc is not None:
        write(
            db, link_document(doc, lookups(db), persons.decided_for(doc, settled.plan, None)), digest, origin
        )
    for s in settled.moved:
        write(db, link_document(s.document, lookups(db), s.decided), s.digest, s.origin)
    persons.refresh_actors(db, settled.plan, settled.kb_actors)


def lookups(db: Dialect) -> Lookups:
    """What linking a document needs to know of the stored corpus. Candidates come in id order, so two
    engines (and two runs) link a document the same way."""

    def actors_by_keys(keys: frozenset[str]) -> list[ActorProfile]:
        if not keys:
            return []
        in_keys, args = db.in_list("key", sorted(keys))
        # The cursor's own rows, not dicts: a common name key can bring back hundreds of actors. Each
        # row brings its knowledge-base entry along (when it is filed under exactly one `KB:` key), so
        # the candidates cost one query, not a second one over actor_keys for their entries.
        rows = db.execute(
            "SELECT a.*, (SELECT CASE WHEN count(*) = 1 THEN min(k.key) END FROM actor_keys k "
            "WHERE k.actor_id = a.id AND k.key >= ? AND k.key < ?) AS kb_key FROM actors a "
            f"WHERE a.id IN (SELECT actor_id FROM actor_keys WHERE {in_keys}) ORDER BY a.id",
            ("KB:", "KB;", *args),
        )
        return [persons.profile_from_row(r, r["kb_key"][3:] if r["kb_key"] else None) for r in rows]

    def events_by_key(key: str, day: str | None) -> list[EventSlot]:
        window = day_window(day)
        if window is None:
            sql = "SELECT id, date, vague FROM events WHERE key=? AND (date IS NULL OR date=?) ORDER BY id"
            rows = db.execute(sql, (key, day))
        else:
            sql = "SELECT id, date, vague FROM events WHERE key=? AND date BETWEEN ? AND ? ORDER BY id"
            rows = db.execute(sql, (key, *window))
        return [EventSlot(r["id"], r["date"], bool(r["vague"])) for r in rows]

    def actor_taken(ident: str) -> bool:
        return db.execute("SELECT 1 AS taken FROM actors WHERE id=?", (ident,)).fetchone() is not None

    return Lookups(actors_by_keys, actor_taken, events_by_key, lambda ident: event_taken(db, ident))


def write(db: Dialect, linked: Linked, digest: str, origin: str | None) -> None:
    """Insert a linked document's rows: its text, sentences, actors, entities, relations, quotes, events."""
    doc = linked.document
    db.execute(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rec.document_row(linked, digest, origin)
    )
    db.executemany(
        'INSERT INTO sentences (doc_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
        rec.sentence_rows(doc),
    )
    for actor, keys in rec.actor_rows(linked):
        # A known actor takes the newest name and attributes, but keeps the first coordinates it had.
        db.execute(
            "INSERT INTO actors (id, type, name, country, sector, geonameid, lat, lon, names, titles) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name=excluded.name, "
            "country=excluded.country, sector=excluded.sector, geonameid=excluded.geonameid, "
            "lat=coalesce(actors.lat, excluded.lat), lon=coalesce(actors.lon, excluded.lon), "
            "names=excluded.names, titles=excluded.titles",
            actor,
        )
        db.executemany("INSERT INTO actor_keys VALUES (?, ?) ON CONFLICT DO NOTHING", keys)
        entry = [k for k, _ in keys if k.startswith("KB:")]
        if entry and actor[0] not in linked.new_actors:
            # An actor is one knowledge-base entry: the key of an id its record has since replaced (a
            # store written before an upgrade) goes, so that lookups read the entry from one key. (A new
            # actor has no stored keys: nothing to ask of the database.)
            db.execute(
                "DELETE FROM actor_keys WHERE actor_id = ? AND key >= ? AND key < ? AND key <> ?",
                (actor[0], "KB:", "KB;", entry[0]),
            )
    persons.mark_kb_linked(db, linked)
    db.executemany(
        "UPDATE actors SET documents=documents+1, mentions=mentions+? WHERE id=?",
        rec.actor_count_rows(linked),
    )
    db.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rec.entity_rows(linked)
    )
    db.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?)", rec.relation_rows(linked))
    db.executemany(
        'INSERT INTO quotes (doc_id, quote_id, kind, start, "end", text, speaker, speaker_text, cue, '
        "sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rec.quote_rows(linked),
    )
    write_events(db, linked)


def delete(db: Dialect, doc_id: str, settle: bool = True) -> bool:
    """Remove a document and its records; events and actors no other document supports go with it. With
    `settle`, the persons it named are decided again without it (a surname it made ambiguous may now
    belong to one person)."""
    if db.one("SELECT 1 AS found FROM documents WHERE id=?", (doc_id,)) is None:
        return False
    keys = persons.person_keys_of(db, doc_id) if settle else frozenset()
    _remove(db, doc_id)
    if settle:
        place(db, None, "", None, keys)
    return True


def _remove(db: Dialect, doc_id: str) -> None:
    actors = db.all(
        "SELECT actor_id, sum(mentions) AS n FROM entities WHERE doc_id=? "
        "GROUP BY actor_id ORDER BY actor_id",
        (doc_id,),
    )
    events = sorted(
        r["event_id"] for r in db.all("SELECT DISTINCT event_id FROM mentions WHERE doc_id=?", (doc_id,))
    )
    keys = sorted(
        {
            r["key"]
            for r in db.all(
                "SELECT DISTINCT e.key FROM mentions m JOIN events e ON e.id = m.event_id WHERE m.doc_id=?",
                (doc_id,),
            )
        }
    )
    for table in ("sentences", "entities", "relations", "quotes", "mentions"):
        db.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))
    db.execute("DELETE FROM documents WHERE id=?", (doc_id,))
    if events:
        recount(db, events)
        in_events, args = db.in_list("id", events)
        gone = f"SELECT id FROM events WHERE {in_events} AND num_mentions = 0"
        db.execute(f"DELETE FROM event_actors WHERE event_id IN ({gone})", args)
        db.execute(f"DELETE FROM events WHERE id IN ({gone})", args)
        # The reports left may belong elsewhere now (a vague one whose precise day went with the document).
        recluster(db, keys)
        # What the events left say came partly from the reports that went.
        in_events, args = db.in_list("id", events)
        for r in db.all(f"SELECT id FROM events WHERE {in_events} ORDER BY id", args):
            describe(db, r["id"])
    if actors:
        db.executemany(
            "UPDATE actors SET documents=documents-1, mentions=mentions-? WHERE id=?",
            [(r["n"], r["actor_id"]) for r in actors],
        )
        in_actors, args = db.in_list("id", [r["actor_id"] for r in actors])
        orphans = f"SELECT id FROM actors WHERE {in_actors} AND documents <= 0"
        db.execute(f"DELETE FROM actor_keys WHERE actor_id IN ({orphans})", args)
        db.execute(f"DELETE FROM actors WHERE id IN ({orphans})", args)
