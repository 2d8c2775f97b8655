"""The explorer's read queries (`newsgraph serve`): pages with totals, actors and events by id with names,
one document by id, places, and what an actor page shows. Written once for every engine, as sql_query.py.

Event rows here carry actor ids with their names (`{"id", "name"}`), so a page can link them, and each
report's document, local event id and evidence sentence, so a page can open the sentence it rests on.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from typing import Any

from ..model import Document
from .base import EventFilter, Row
from .dialect import Dialect
from .sql_query import ACTOR_COLS, QUOTE_SELECT, event_filters, like_pattern, quote_filter
from .sql_query import names as actor_names

#: The most reports listed per event in a page (an event may be reported by hundreds of documents).
MAX_REPORTS = 5


def actor_page(
    db: Dialect, name: str | None, country: str | None, type_: str | None, limit: int, offset: int
) -> tuple[list[Row], int]:
    where: list[str] = []
    args: list[Any] = []
    if name:
        where.append(f"(name {db.like} ? ESCAPE '\\' OR names {db.like} ? ESCAPE '\\')")
        args += [like_pattern(name), like_pattern(name)]
    if country:
        where.append("country = ?")
        args.append(country.upper())
    if type_:
        where.append("type = ?")
        args.append(type_)
    clause = f" WHERE {' AND '.join(where)}" if where else ""
    total = db.one(f"SELECT count(*) AS n FROM actors{clause}", args)
    rows = db.all(
        f"SELECT {ACTOR_COLS} FROM actors{clause} ORDER BY documents DESC, id LIMIT ? OFFSET ?",
        (*args, limit, offset),
    )
    return rows, int(total["n"]) if total else 0


def actors_by_id(db: Dialect, ids: Sequence[str]) -> list[Row]:
    if not ids:
        return []
    in_ids, args = db.in_list("id", ids)
    return db.all(f"SELECT {ACTOR_COLS} FROM actors WHERE {in_ids} ORDER BY id", args)


def _modality(modality: str | None, prefix: str) -> tuple[str, list[Any]]:
    if not modality:
        return "", []
    return (
        f" AND EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = {prefix} AND m.modality = ?)",
        [modality],
    )


def event_page(
    db: Dialect, actor: str | None, where: EventFilter, modality: str | None, limit: int, offset: int
) -> tuple[list[Row], int]:
    if actor:
        conditions, args = event_filters(where, "ea")
        extra, extra_args = _modality(modality, "ea.event_id")
        roles = "ea.role IN ('source', 'target')"
        base = f"FROM event_actors ea WHERE ea.actor_id = ? AND {roles}{conditions}{extra}"
        params = (actor, *args, *extra_args)
        total = db.one(f"SELECT count(DISTINCT ea.event_id) AS n {base}", params)
        ids = db.all(
            f"SELECT ea.event_id AS id, max(ea.date) AS date {base} GROUP BY ea.event_id "
            "ORDER BY max(ea.date) DESC NULLS LAST, ea.event_id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
    else:
        conditions, args = event_filters(where, "e")
        extra, extra_args = _modality(modality, "e.id")
        base = f"FROM events e WHERE true{conditions}{extra}"
        params = (*args, *extra_args)
        total = db.one(f"SELECT count(*) AS n {base}", params)
        ids = db.all(
            f"SELECT e.id {base} ORDER BY e.date DESC NULLS LAST, e.id LIMIT ? OFFSET ?",
            (*params, limit, offset),
        )
    return events_by_id(db, [r["id"] for r in ids]), int(total["n"]) if total else 0


def events_by_id(db: Dialect, ids: list[str]) -> list[Row]:
    """Events in the order of `ids`, with actor ids and names, and their first reports."""
    if not ids:
        return []
    in_ids, args = db.in_list("id", ids)
    found = {r["id"]: r for r in db.all(f"SELECT * FROM events WHERE {in_ids}", args)}
    in_events, event_args = db.in_list("event_id", ids)
    roles: dict[str, dict[str, list[str]]] = {i: {"source": [], "target": []} for i in ids}
    for r in db.all(
        f"SELECT event_id, actor_id, role FROM event_actors WHERE {in_events} AND role != 'location' "
        "ORDER BY actor_id",
        event_args,
    ):
        roles[r["event_id"]][r["role"]].append(r["actor_id"])
    reports: dict[str, list[Row]] = {i: [] for i in ids}
    confidence: dict[str, float] = {}
    for r in db.all(
        'SELECT m.event_id, m.doc_id, m.local_id, m.sentence, m.modality, m.confidence, s.start, s."end", '
        f"s.text FROM mentions m LEFT JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sentence "
        f"WHERE m.{in_events} ORDER BY m.doc_id, m.local_id",
        event_args,
    ):
        confidence[r["event_id"]] = max(confidence.get(r["event_id"], 0.0), float(r["confidence"]))
        if len(reports[r["event_id"]]) < MAX_REPORTS:
            reports[r["event_id"]].append(
                {
                    "document": r["doc_id"],
                    "event": r["local_id"],
                    "modality": r["modality"],
                    "start": r["start"],
                    "end": r["end"],
                    "evidence": r["text"],
                }
            )
    actor_ids = {a for v in roles.values() for ids_ in v.values() for a in ids_}
    actor_ids |= {r["location"] for r in found.values() if r["location"]}
    names = actor_names(db, sorted(actor_ids))

    def ref(actor_id: str) -> dict[str, str]:
        return {"id": actor_id, "name": names.get(actor_id, actor_id)}

    return [
        {
            "id": i,
            "date": found[i]["date"],
            "type": found[i]["type"],
            "mode": found[i]["mode"],
            "contexts": json.loads(found[i]["contexts"] or "[]"),
            "source": [ref(a) for a in roles[i]["source"]],
            "target": [ref(a) for a in roles[i]["target"]],
            "location": ref(found[i]["location"]) if found[i]["location"] else None,
            "num_sources": found[i]["num_sources"],
            "num_mentions": found[i]["num_mentions"],
            "confidence": round(confidence.get(i, 0.0), 3),
            "reports": reports[i],
        }
        for i in ids
        if i in found
    ]


def actor_events(db: Dialect, actor: str, limit: int) -> list[Row]:
    """The actor's events as source or target, newest first (for its network and timeline)."""
    rows = db.all(
        "SELECT event_id FROM event_actors WHERE actor_id = ? AND role IN ('source', 'target') "
        "GROUP BY event_id ORDER BY max(date) DESC NULLS LAST, event_id LIMIT ?",
        (actor, limit),
    )
    return events_by_id(db, [r["event_id"] for r in rows])


def actor_relations(db: Dialect, actor: str, limit: int) -> list[Row]:
    """Relations the actor is part of: the other actor's id and name, and the direction from this actor."""
    rows = db.all(
        "SELECT 'out' AS direction, predicate, object AS other, count(*) AS mentions FROM relations "
        "WHERE subject = ? GROUP BY predicate, object UNION ALL "
        "SELECT 'in', predicate, subject, count(*) FROM relations WHERE object = ? AND subject != ? "
        "GROUP BY predicate, subject ORDER BY 4 DESC, 3 LIMIT ?",
        (actor, actor, actor, limit),
    )
    names = {r["id"]: r["name"] for r in actors_by_id(db, sorted({r["other"] for r in rows}))}
    return [r | {"other_name": names.get(r["other"], r["other"])} for r in rows]


def actor_event_counts(db: Dialect, actor: str) -> dict[str, int]:
    rows = db.all(
        "SELECT type, count(DISTINCT event_id) AS n FROM event_actors WHERE actor_id = ? "
        "AND role IN ('source', 'target') GROUP BY type ORDER BY type",
        (actor,),
    )
    return {r["type"]: int(r["n"]) for r in rows}


def actor_documents(db: Dialect, actor: str, limit: int) -> list[Row]:
    return db.all(
        "SELECT d.id, d.title, d.published, d.source FROM documents d WHERE d.id IN "
        "(SELECT doc_id FROM entities WHERE actor_id = ?) ORDER BY d.published DESC NULLS LAST, d.id LIMIT ?",
        (actor, limit),
    )


def document(db: Dialect, doc_id: str) -> Document | None:
    row = db.one("SELECT data FROM documents WHERE id = ?", (doc_id,))
    if row is None:
        return None
    return Document.from_dict(json.loads(zlib.decompress(row["data"])))


def places(db: Dialect, limit: int, offset: int) -> tuple[list[Row], int]:
    where = "WHERE type IN ('GPE', 'LOC') AND lat IS NOT NULL AND lon IS NOT NULL"
    total = db.one(f"SELECT count(*) AS n FROM actors {where}")
    rows = db.all(
        f"SELECT id, name, type, country, lat, lon, documents FROM actors {where} "
        "ORDER BY documents DESC, id LIMIT ? OFFSET ?",
        (limit, offset),
    )
    return rows, int(total["n"]) if total else 0


def quote_page(
    db: Dialect, speaker: str | None, search: str | None, limit: int, offset: int
) -> tuple[list[Row], int]:
    clause, args = quote_filter(db, speaker, search)
    total = db.one(f"SELECT count(*) AS n FROM quotes q{clause}", args)
    rows = db.all(
        f"{QUOTE_SELECT}{clause} ORDER BY q.{db.quote_seq} DESC LIMIT ? OFFSET ?", (*args, limit, offset)
    )
    return rows, int(total["n"]) if total else 0


#: Sentence matches are counted up to this many: counting every match of a common word costs as much as
#: ranking them, and "more than 10,000" is all a reader needs to know.
SEARCH_COUNT_CAP = 10_000


def search_page(db: Dialect, words: str, limit: int, offset: int) -> tuple[list[Row], int]:
    """Sentences holding the words, best first (the engine's own ranking, among the RANK_WINDOW newest
    matches), and how many there are (at most SEARCH_COUNT_CAP)."""
    total = db.one(*db.sentence_count(words, SEARCH_COUNT_CAP))
    rows = db.all(*db.sentence_search(words, offset + limit))[offset:]
    return rows, int(total["n"]) if total else 0


def document_labels(db: Dialect, ids: Sequence[str]) -> dict[str, str]:
    """What to call each document in a table: its title, else the name of the file it came from (its
    origin), else its id. A plain-text file has no title and a content-hash id, which tells a reader
    nothing."""
    if not ids:
        return {}
    in_ids, args = db.in_list("id", sorted(set(ids)))
    labels = {}
    for r in db.all(f"SELECT id, title, origin FROM documents WHERE {in_ids}", args):
        origin = (r["origin"] or "").rstrip("/")
        labels[r["id"]] = r["title"] or origin.rsplit("/", 1)[-1] or r["id"]
    return labels
