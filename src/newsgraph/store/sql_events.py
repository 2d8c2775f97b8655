"""The store's corpus events, for every engine: a document's event reports written as new events or as
further reports of stored ones, and the events of a key re-placed, re-described and re-counted whenever
its set of reports changes (a write or a delete), so that the events depend on the reports, not on the
order they came in (issue 12).

Everything here runs inside the dialect's write transaction (sql_write.py calls it): nothing here commits.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Collection
from dataclasses import replace
from typing import Any

from ..corpus import Linked, LinkedEvent
from ..corpus.events import Day, cluster_days, event_day, event_id
from ..model import Document
from . import records as rec
from .dialect import Dialect


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
        new_id = event_id(le.key, date, lambda ident: ident != le.corpus_id and event_taken(db, ident))
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
            if ident not in old and not event_taken(db, ident):
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


def event_taken(db: Dialect, ident: str) -> bool:
    """Whether a stored event has this id (linking asks it too, for the id of a new event)."""
    return db.execute("SELECT 1 AS taken FROM events WHERE id=?", (ident,)).fetchone() is not None


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
