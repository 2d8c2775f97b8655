"""The store's writes, for every engine: put a document (link it against the corpus, insert its rows,
count its events' reports), delete one, and the lookups actor and event linking asks the store.

Everything here runs inside the dialect's write transaction, which holds the store's write lock: nothing
here commits.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

from ..corpus import ActorProfile, EventSlot, Linked, LinkedEvent, Lookups, link_document
from ..corpus.events import Day, cluster_days, day_window, event_day, event_id
from ..model import Document
from . import records as rec
from . import sql_persons as persons
from .base import PutStatus, content_hash
from .dialect import Dialect


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
        # The cursor's own rows, not dicts: a common name key can bring back hundreds of actors.
        rows = db.execute(
            f"SELECT * FROM actors WHERE id IN (SELECT actor_id FROM actor_keys WHERE {in_keys}) ORDER BY id",
            args,
        )
        profiles = [persons.profile_from_row(r) for r in rows]
        kb = persons.kb_entries(db, [p.id for p in profiles])
        return [replace(p, kb_id=kb.get(p.id)) for p in profiles]

    def events_by_key(key: str, day: str | None) -> list[EventSlot]:
        window = day_window(day)
        if window is None:
            sql = "SELECT id, date, vague FROM events WHERE key=? AND (date IS NULL OR date=?) ORDER BY id"
            rows = db.execute(sql, (key, day))
        else:
            sql = "SELECT id, date, vague FROM events WHERE key=? AND date BETWEEN ? AND ? ORDER BY id"
            rows = db.execute(sql, (key, *window))
        return [EventSlot(r["id"], r["date"], bool(r["vague"])) for r in rows]

    def taken(table: str) -> Callable[[str], bool]:
        sql = f"SELECT 1 AS taken FROM {table} WHERE id=?"
        return lambda ident: db.execute(sql, (ident,)).fetchone() is not None

    return Lookups(actors_by_keys, taken("actors"), events_by_key, taken("events"))


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
    persons.mark_kb_linked(db, linked)
    db.executemany(
        "UPDATE actors SET documents=documents+1, mentions=mentions+? WHERE id=?",
        rec.actor_count_rows(linked),
    )
    db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rec.entity_rows(linked))
    db.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?)", rec.relation_rows(linked))
    db.executemany(
        'INSERT INTO quotes (doc_id, quote_id, kind, start, "end", text, speaker, speaker_text, cue, '
        "sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rec.quote_rows(linked),
    )
    write_events(db, linked)


def write_events(db: Dialect, linked: Linked) -> None:
    """A document's events: new corpus events with their actors, or another report of a stored one."""
    doc = linked.document
    touched: set[str] = set()
    renamed: dict[str, str] = {}  # events a report of this document re-dated, by their old ids
    for le in linked.events:
        while le.corpus_id in renamed:
            le = replace(le, corpus_id=renamed[le.corpus_id], new=False)
        if le.new:
            db.execute(
                "INSERT INTO events (id, key, type, date, vague, mode, contexts, location) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rec.event_row(le),
            )
            db.executemany(
                "INSERT INTO event_actors VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                rec.event_actor_rows(le),
            )
        else:
            joined = join_event(db, doc, le)
            if joined.corpus_id != le.corpus_id:
                renamed[le.corpus_id] = joined.corpus_id
                touched = {renamed.get(i, i) for i in touched}
            le = joined
        # (doc_id, local_id) is the key: a repeated report replaces the earlier row.
        db.execute(
            "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (doc_id, local_id) DO UPDATE SET event_id=excluded.event_id, "
            "sentence=excluded.sentence, trigger_start=excluded.trigger_start, "
            "trigger_end=excluded.trigger_end, trigger=excluded.trigger, date=excluded.date, "
            "modality=excluded.modality, negated=excluded.negated, "
            "attributed_to=excluded.attributed_to, confidence=excluded.confidence",
            rec.mention_row(doc, le),
        )
        touched.add(le.corpus_id)
    recount(db, touched)
    recluster(db, {le.key for le in linked.events})


def _least(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def join_event(db: Dialect, doc: Document, le: LinkedEvent) -> LinkedEvent:
    """Another report of a stored event: what the event says becomes what all its reports say, whatever
    order they came in. Its day is a precise report's over a vague one, else the earliest; its mode and
    place the least of those given (no longer the first report's); its contexts all of theirs, sorted.
    An event whose day changes takes the id that day gives (ids are made from key and day), so the same
    reports make the same event id in any order. Returns `le` with the event's id and day after the
    join."""
    row = db.one("SELECT date, vague, mode, contexts, location FROM events WHERE id=?", (le.corpus_id,))
    assert row is not None  # linking found it in this transaction
    date, vague = event_day(le.event.date, doc.published)
    if (vague, date or "") < (bool(row["vague"]), row["date"] or ""):
        new_id = event_id(le.key, date, lambda ident: ident != le.corpus_id and _event_taken(db, ident))
        db.execute(
            "UPDATE events SET id=?, date=?, vague=? WHERE id=?", (new_id, date, int(vague), le.corpus_id)
        )
        db.execute(
            "UPDATE event_actors SET event_id=?, date=? WHERE event_id=?", (new_id, date, le.corpus_id)
        )
        db.execute("UPDATE mentions SET event_id=? WHERE event_id=?", (new_id, le.corpus_id))
        le = replace(le, corpus_id=new_id, date=date, vague=vague)
    else:
        le = replace(le, date=row["date"], vague=bool(row["vague"]))
    contexts = sorted({*json.loads(row["contexts"] or "[]"), *le.event.contexts})
    location = _least(row["location"], le.location)
    db.execute(
        "UPDATE events SET mode=?, contexts=?, location=? WHERE id=?",
        (_least(row["mode"], le.event.mode), json.dumps(contexts), location, le.corpus_id),
    )
    if location != row["location"]:
        db.execute("DELETE FROM event_actors WHERE event_id=? AND role='location'", (le.corpus_id,))
        db.execute(
            "INSERT INTO event_actors VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (le.corpus_id, location, "location", le.date, le.event.type),
        )
    return le


def recluster(db: Dialect, keys: Collection[str]) -> None:
    """Put every report of these event keys in the event `cluster_days` gives it: linking a document
    places its reports against what is stored, and a later report can change where earlier ones belong
    (a precise day that a vague report prefers, a day that joins two runs of vague reports). After this,
    the events of a key depend on its set of reports, not on their order."""
    for key in sorted(keys):
        reports = db.all(
            "SELECT m.doc_id, m.local_id, m.event_id, m.date AS own, d.published, e.date AS event_date, "
            "e.vague AS event_vague FROM mentions m "
            "JOIN events e ON e.id = m.event_id JOIN documents d ON d.id = m.doc_id WHERE e.key = ? "
            "ORDER BY m.doc_id, m.local_id",
            (key,),
        )
        day = {(r["doc_id"], r["local_id"]): event_day(r["own"], r["published"]) for r in reports}
        where = cluster_days(day.values())
        members: dict[Day, list[Any]] = {}
        for r in reports:
            members.setdefault(where[day[(r["doc_id"], r["local_id"])]], []).append(r)
        if all(
            (r["event_id"], r["event_date"], bool(r["event_vague"]))
            == (event_id(key, d, lambda i: False), d, v)
            for (d, v), rs in members.items()
            for r in rs
        ):
            continue  # every report is in the event its day gives, dated as it should be: nothing moves
        old = {r["event_id"] for r in reports}
        kept: set[str] = set()
        for (date, vague), rs in sorted(members.items(), key=lambda kv: (kv[0][0] or "", kv[0][1])):
            ident = event_id(key, date, lambda i: False)
            sources = sorted(
                {r["event_id"] for r in rs}, key=lambda i: (-sum(r["event_id"] == i for r in rs), i)
            )
            if ident not in old and not _event_taken(db, ident):
                model = sources[0]
                db.execute(
                    "INSERT INTO events (id, key, type, date, vague, mode, contexts, location) "
                    "SELECT ?, key, type, ?, ?, mode, contexts, location FROM events WHERE id=?",
                    (ident, date, int(vague), model),
                )
                db.execute(
                    "INSERT INTO event_actors SELECT ?, actor_id, role, ?, type FROM event_actors "
                    "WHERE event_id=? ON CONFLICT DO NOTHING",
                    (ident, date, model),
                )
            db.execute("UPDATE events SET date=?, vague=? WHERE id=?", (date, int(vague), ident))
            db.execute("UPDATE event_actors SET date=? WHERE event_id=?", (date, ident))
            for r in rs:
                if r["event_id"] != ident:
                    db.execute(
                        "UPDATE mentions SET event_id=? WHERE doc_id=? AND local_id=?",
                        (ident, r["doc_id"], r["local_id"]),
                    )
            kept.add(ident)
        recount(db, old | kept)
        gone = sorted(old - kept)
        if gone:
            in_gone, args = db.in_list("event_id", gone)
            db.execute(f"DELETE FROM event_actors WHERE {in_gone}", args)
            in_gone, args = db.in_list("id", gone)
            db.execute(f"DELETE FROM events WHERE {in_gone}", args)
        for ident in sorted(kept):
            describe(db, ident)


def describe(db: Dialect, ident: str) -> None:
    """Set an event's mode, place and contexts from all its reports (read back from their documents):
    the least mode and place given, every context (sorted when there are several reports)."""
    modes: set[str] = set()
    places: set[str] = set()
    contexts: set[str] = set()
    alone: list[str] = []
    rows = db.all(
        "SELECT m.local_id, d.id AS doc_id, d.data FROM mentions m JOIN documents d ON d.id = m.doc_id "
        "WHERE m.event_id = ?",
        (ident,),
    )
    documents: dict[str, Any] = {}  # a document reporting the event more than once is read once
    for r in rows:
        if r["doc_id"] not in documents:
            documents[r["doc_id"]] = json.loads(zlib.decompress(r["data"]))
        for v in documents[r["doc_id"]].get("events", []):
            if v["id"] != r["local_id"]:
                continue
            if v.get("mode"):
                modes.add(v["mode"])
            contexts.update(v.get("contexts") or [])
            alone = list(v.get("contexts") or [])  # one report's contexts stay in its order, as inserted
            if v.get("location"):
                a = db.one(
                    "SELECT actor_id FROM entities WHERE doc_id=? AND entity_id=?",
                    (r["doc_id"], v["location"]),
                )
                if a is not None:
                    places.add(a["actor_id"])
    row = db.one("SELECT type, date, location FROM events WHERE id=?", (ident,))
    assert row is not None
    location = min(places) if places else None
    db.execute(
        "UPDATE events SET mode=?, contexts=?, location=? WHERE id=?",
        (
            min(modes) if modes else None,
            json.dumps(alone if len(rows) == 1 else sorted(contexts)),
            location,
            ident,
        ),
    )
    if location != row["location"]:
        db.execute("DELETE FROM event_actors WHERE event_id=? AND role='location'", (ident,))
        if location is not None:
            db.execute(
                "INSERT INTO event_actors VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (ident, location, "location", row["date"], row["type"]),
            )


def _event_taken(db: Dialect, ident: str) -> bool:
    return db.one("SELECT 1 AS taken FROM events WHERE id=?", (ident,)) is not None


def recount(db: Dialect, event_ids: Collection[str]) -> None:
    """Set the events' report and source counts from their mentions."""
    if not event_ids:
        return
    in_ids, args = db.in_list("id", sorted(event_ids))
    db.execute(
        "UPDATE events SET num_mentions=(SELECT count(*) FROM mentions WHERE event_id=events.id), "
        f"num_sources=(SELECT count(DISTINCT doc_id) FROM mentions WHERE event_id=events.id) WHERE {in_ids}",
        args,
    )


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
