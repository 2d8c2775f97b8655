"""The store's read queries, for every engine. Each returns plain dict rows with the keys `Store`
documents.

Dates sort NULLS LAST when newest first and NULLS FIRST when oldest first (SQLite's own order, spelled
out for PostgreSQL), so both engines list the same rows the same way.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..corpus.names import name_matches, query_keys
from ..errors import ConfigError
from .base import EventFilter, Row
from .dialect import Dialect

ACTOR_COLS = "id, name, type, country, sector, documents, mentions"

#: The longest name a query takes (a name, an alias, an id): longer ones are refused, not searched.
MAX_NAME_CHARS = 200


def like_pattern(value: str) -> str:
    """A LIKE pattern that matches `value` literally inside a longer text (% and _ are not wildcards);
    use it with `ESCAPE '\\'`."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def check_name(value: str, what: str = "name") -> str:
    """`value` if it is short enough to be a name; ConfigError otherwise."""
    if len(value) > MAX_NAME_CHARS:
        raise ConfigError(f"the {what} is {len(value):,} characters long; give at most {MAX_NAME_CHARS}")
    return value


def counts(db: Dialect) -> dict[str, int]:
    row = db.one(
        "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM actors) AS actors, "
        "(SELECT count(*) FROM events) AS events, (SELECT count(*) FROM mentions) AS mentions, "
        "(SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM failures) AS failures"
    )
    assert row is not None  # a select without FROM has one row
    return {k: int(v) for k, v in row.items()}


def actors(db: Dialect, name: str | None, country: str | None, limit: int) -> list[Row]:
    where: list[str] = []
    args: list[Any] = []
    if name:
        pattern = like_pattern(check_name(name))
        where.append(f"(name {db.like} ? ESCAPE '\\' OR names {db.like} ? ESCAPE '\\')")
        args += [pattern, pattern]
    if country:
        where.append("country = ?")
        args.append(country.upper())
    sql = f"SELECT {ACTOR_COLS} FROM actors"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY documents DESC, id LIMIT ?"
    return db.all(sql, (*args, limit))


def find_actors(db: Dialect, query: str) -> list[Row]:
    check_name(query, "actor name")
    row = db.one(f"SELECT {ACTOR_COLS} FROM actors WHERE id=?", (query,))
    if row is not None:
        return [row]
    keys = sorted(query_keys(query))
    if not keys:
        return []
    in_keys, args = db.in_list("key", keys)
    rows = db.execute(
        f"SELECT {ACTOR_COLS}, names FROM actors WHERE id IN "
        f"(SELECT actor_id FROM actor_keys WHERE {in_keys}) ORDER BY documents DESC, id",
        args,
    )
    hits = [r for r in rows if name_matches(query, r["type"], tuple(json.loads(r["names"])))]
    return [{k: r[k] for k in ACTOR_COLS.split(", ")} for r in hits]


def names(db: Dialect, ids: Sequence[str]) -> dict[str, str]:
    """Actor names by id, to show actors by name."""
    if not ids:
        return {}
    in_ids, args = db.in_list("id", ids)
    return {r["id"]: r["name"] for r in db.execute(f"SELECT id, name FROM actors WHERE {in_ids}", args)}


def event_filters(where: EventFilter, prefix: str) -> tuple[str, list[Any]]:
    """The `AND ...` conditions of an event query and their arguments; `prefix` is the alias of the
    table queried: events (`e`) or event_actors (`ea`), which both hold the event's type and date."""
    sql, args = "", []
    if where.type:
        sql += f" AND {prefix}.type = ?"
        args.append(where.type)
    if where.since:
        sql += f" AND {prefix}.date >= ?"
        args.append(where.since)
    if where.until:
        sql += f" AND {prefix}.date <= ?"
        args.append(where.until)
    if where.country:
        event_id = f"{prefix}.event_id" if prefix == "ea" else f"{prefix}.id"
        sql += (
            " AND EXISTS (SELECT 1 FROM event_actors x JOIN actors a ON a.id = x.actor_id "
            f"WHERE x.event_id = {event_id} AND a.country = ?)"
        )
        args.append(where.country)
    return sql, args


def _event_rows(db: Dialect, rows: Sequence[Any]) -> list[Row]:
    """Events (rows of the events table, as the cursor gives them) with their actors' names and reporting
    documents filled in."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    in_ids, args = db.in_list("event_id", ids)
    roles: dict[str, dict[str, list[str]]] = {i: {"source": [], "target": []} for i in ids}
    actor_ids: set[str] = set()
    for r in db.execute(
        f"SELECT event_id, actor_id, role FROM event_actors WHERE {in_ids} AND role != 'location'", args
    ):
        roles[r["event_id"]][r["role"]].append(r["actor_id"])
        actor_ids.add(r["actor_id"])
    docs: dict[str, list[str]] = {i: [] for i in ids}
    for r in db.execute(
        f"SELECT DISTINCT event_id, doc_id FROM mentions WHERE {in_ids} ORDER BY doc_id", args
    ):
        docs[r["event_id"]].append(r["doc_id"])
    actor_ids |= {r["location"] for r in rows if r["location"]}
    name = names(db, sorted(actor_ids))
    return [
        {
            "id": r["id"],
            "date": r["date"],
            "type": r["type"],
            "mode": r["mode"],
            "source": [name.get(a, a) for a in sorted(roles[r["id"]]["source"])],
            "target": [name.get(a, a) for a in sorted(roles[r["id"]]["target"])],
            "location": name.get(r["location"]) if r["location"] else None,
            "num_sources": r["num_sources"],
            "num_mentions": r["num_mentions"],
            "documents": docs[r["id"]],
        }
        for r in rows
    ]


def _actor_event_ids(
    db: Dialect, actor: str, roles: Sequence[str], where: EventFilter, limit: int
) -> list[str]:
    """An actor's events, newest first, read from the (actor_id, date, type) index of event_actors.

    An event has at most one row per role for an actor, so `limit` times the number of roles rows hold
    `limit` distinct events: the database stops there instead of reading all the actor's events (one in
    six documents, for the busiest).
    """
    in_roles, role_args = db.in_list("role", roles)
    conditions, filters = event_filters(where, "ea")
    sql = (
        f"SELECT event_id FROM event_actors ea WHERE actor_id = ? AND {in_roles}{conditions} "
        "ORDER BY ea.date DESC NULLS LAST LIMIT ?"
    )
    seen: dict[str, None] = {}
    for r in db.execute(sql, (actor, *role_args, *filters, limit * len(roles))):
        seen[r["event_id"]] = None
    return list(seen)[:limit]


def _events_by_ids(db: Dialect, ids: list[str]) -> list[Row]:
    if not ids:
        return []
    in_ids, args = db.in_list("id", ids)
    rows = {r["id"]: r for r in db.execute(f"SELECT * FROM events WHERE {in_ids}", args)}
    return _event_rows(db, [rows[i] for i in ids if i in rows])


def events(db: Dialect, actor: str | None, where: EventFilter, limit: int) -> list[Row]:
    if actor:
        return _events_by_ids(db, _actor_event_ids(db, actor, ("source", "target"), where, limit))
    conditions, args = event_filters(where, "e")
    sql = f"SELECT e.* FROM events e WHERE true{conditions} ORDER BY e.date DESC NULLS LAST LIMIT ?"
    return _event_rows(db, db.execute(sql, (*args, limit)).fetchall())


#: A quote as the query commands show it, with its speaker's name; quotes are aliased `q`.
QUOTE_SELECT = (
    "SELECT q.doc_id AS document, q.quote_id AS id, q.kind, q.speaker, a.name AS speaker_name, "
    'q.speaker_text, q.cue, q.start, q."end", q.text FROM quotes q LEFT JOIN actors a ON a.id = q.speaker'
)


def quote_filter(db: Dialect, speaker: str | None, search: str | None) -> tuple[str, list[Any]]:
    """The WHERE clause ("" for none) keeping the quotes of `speaker` (a canonical actor id) that hold
    every word of `search`, and its arguments."""
    where: list[str] = []
    args: list[Any] = []
    if search:
        match, match_args = db.quote_match(search)
        where.append(match)
        args += match_args
    if speaker:
        where.append("q.speaker = ?")
        args.append(speaker)
    return (f" WHERE {' AND '.join(where)}" if where else ""), args


def quotes(db: Dialect, speaker: str | None, search: str | None, limit: int) -> list[Row]:
    clause, args = quote_filter(db, speaker, search)
    # Newest first, in the order the speaker index already holds them (no sort of all their quotes).
    return db.all(f"{QUOTE_SELECT}{clause} ORDER BY q.{db.quote_seq} DESC LIMIT ?", (*args, limit))


def search(db: Dialect, words: str, limit: int) -> list[Row]:
    return db.all(*db.sentence_search(words, limit))


def actor(db: Dialect, actor_id: str, limit: int) -> Row | None:
    row = db.one("SELECT * FROM actors WHERE id=?", (actor_id,))
    if row is None:
        return None
    out: Row = {k: row[k] for k in ACTOR_COLS.split(", ")}
    out["aliases"] = json.loads(row["names"])
    out["titles"] = json.loads(row["titles"])
    rels = db.execute(
        "SELECT subject, predicate, object, count(*) AS mentions, count(DISTINCT doc_id) AS documents "
        "FROM relations WHERE subject = ? GROUP BY subject, predicate, object UNION ALL "
        "SELECT subject, predicate, object, count(*), count(DISTINCT doc_id) "
        "FROM relations WHERE object = ? AND subject != ? GROUP BY subject, predicate, object "
        "ORDER BY 5 DESC LIMIT ?",
        (actor_id, actor_id, actor_id, limit),
    ).fetchall()
    name = names(db, sorted({r["subject"] for r in rels} | {r["object"] for r in rels}))
    out["relations"] = [
        {
            "subject": name.get(r["subject"], r["subject"]),
            "predicate": r["predicate"],
            "object": name.get(r["object"], r["object"]),
            "documents": r["documents"],
            "mentions": r["mentions"],
        }
        for r in rels
    ]
    for role in ("source", "target"):
        ids = _actor_event_ids(db, actor_id, (role,), EventFilter(), limit)
        out[f"events_as_{role}"] = _events_by_ids(db, ids)
    out["quotes"] = quotes(db, actor_id, None, limit)
    return out
