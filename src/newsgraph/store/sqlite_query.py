"""Read queries of the SQLite store. Each returns plain dict rows with the keys `Store` documents."""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterator, Sequence
from typing import Any

from ..corpus.names import name_matches, query_keys
from ..errors import ConfigError
from .base import TABLES, Row
from .query_common import (
    ACTOR_COLS,
    event_filters,
    event_row,
    export_event_row,
    json_list,
    search_words,
)


def fts_query(words: str) -> str:
    """User words as an FTS5 query: every word must occur; quotes and operators are not syntax here."""
    tokens = search_words(words)
    return " ".join(f'"{t}"' for t in tokens)


def counts(c: sqlite3.Connection) -> dict[str, int]:
    out = {}
    for name, table in (
        ("documents", "documents"),
        ("actors", "actors"),
        ("events", "events"),
        ("mentions", "mentions"),
        ("quotes", "quotes"),
        ("failures", "failures"),
    ):
        out[name] = c.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    return out


def actors(c: sqlite3.Connection, name: str | None, country: str | None, limit: int) -> list[Row]:
    where, args = [], []
    if name:
        where.append("(name LIKE ? OR names LIKE ?)")
        args += [f"%{name}%", f"%{name}%"]
    if country:
        where.append("country = ?")
        args.append(country.upper())
    sql = f"SELECT {ACTOR_COLS} FROM actors"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY documents DESC, id LIMIT ?"
    return [dict(r) for r in c.execute(sql, (*args, limit))]


def find_actors(c: sqlite3.Connection, query: str) -> list[Row]:
    row = c.execute(f"SELECT {ACTOR_COLS} FROM actors WHERE id=?", (query,)).fetchone()
    if row is not None:
        return [dict(row)]
    keys = tuple(query_keys(query))
    marks = ",".join("?" * len(keys))
    rows = (
        c.execute(
            f"SELECT {ACTOR_COLS}, names FROM actors WHERE id IN "
            f"(SELECT actor_id FROM actor_keys WHERE key IN ({marks})) ORDER BY documents DESC, id",
            keys,
        ).fetchall()
        if keys
        else []
    )
    hits = [r for r in rows if name_matches(query, r["type"], tuple(json.loads(r["names"])))]
    return [{k: r[k] for k in ACTOR_COLS.split(", ")} for r in hits]


def _names(c: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r[0]: r[1] for r in c.execute(f"SELECT id, name FROM actors WHERE id IN ({marks})", tuple(ids))}


def _event_rows(c: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Row]:
    """Events with their actors' names and reporting documents filled in."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    roles: dict[str, dict[str, list[str]]] = {i: {"source": [], "target": []} for i in ids}
    actor_ids: set[str] = set()
    for r in c.execute(
        f"SELECT event_id, actor_id, role FROM event_actors "
        f"WHERE event_id IN ({marks}) AND role != 'location'",
        ids,
    ):
        roles[r[0]][r[2]].append(r[1])
        actor_ids.add(r[1])
    docs: dict[str, list[str]] = {i: [] for i in ids}
    for r in c.execute(
        f"SELECT DISTINCT event_id, doc_id FROM mentions WHERE event_id IN ({marks}) ORDER BY doc_id", ids
    ):
        docs[r[0]].append(r[1])
    actor_ids |= {r["location"] for r in rows if r["location"]}
    name = _names(c, sorted(actor_ids))
    return [event_row(r, roles[r["id"]], docs[r["id"]], name) for r in rows]


def _actor_event_ids(
    c: sqlite3.Connection,
    actor: str,
    roles: tuple[str, ...],
    type: str | None,
    since: str | None,
    until: str | None,
    country: str | None,
    limit: int,
) -> list[str]:
    """An actor's events, newest first, read from the (actor_id, date, type) index of event_actors.

    The index is walked in date order and the walk stops after `limit` distinct events, so the time does
    not grow with the number of events an actor has (one in six documents, for the busiest).
    """
    sql = (
        f"SELECT event_id FROM event_actors ea WHERE actor_id = ? AND role IN ({','.join('?' * len(roles))})"
    )
    where, filters = event_filters("?", "", "ea.event_id", type, since, until, country)
    sql += where + " ORDER BY date DESC"
    args: list[Any] = [actor, *roles, *filters]
    seen: dict[str, None] = {}
    for (event_id,) in c.execute(sql, args):
        seen[event_id] = None
        if len(seen) >= limit:
            break
    return list(seen)


def _events_by_ids(c: sqlite3.Connection, ids: list[str]) -> list[Row]:
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: r for r in c.execute(f"SELECT * FROM events WHERE id IN ({marks})", ids)}
    return _event_rows(c, [rows[i] for i in ids if i in rows])


def events(
    c: sqlite3.Connection,
    actor: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
    country: str | None,
    limit: int,
) -> list[Row]:
    if actor:
        ids = _actor_event_ids(c, actor, ("source", "target"), type, since, until, country, limit)
        return _events_by_ids(c, ids)
    where, args = event_filters("?", "e.", "e.id", type, since, until, country)
    sql = "SELECT e.* FROM events e WHERE 1" + where + " ORDER BY e.date DESC LIMIT ?"
    return _event_rows(c, c.execute(sql, (*args, limit)).fetchall())


def quotes(c: sqlite3.Connection, speaker: str | None, search: str | None, limit: int) -> list[Row]:
    sql = (
        "SELECT q.doc_id AS document, q.quote_id AS id, q.kind, q.speaker, a.name AS speaker_name, "
        'q.speaker_text, q.cue, q.start, q."end", q.text FROM quotes q LEFT JOIN actors a ON a.id = q.speaker'
    )
    where: list[str] = []
    args: list[Any] = []
    if search:
        where.append("q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
        args.append(fts_query(search))
    if speaker:
        where.append("q.speaker = ?")
        args.append(speaker)
    if where:
        sql += " WHERE " + " AND ".join(where)
    # Newest first, in the order the speaker index already holds them (no sort of all their quotes).
    sql += " ORDER BY q.rowid DESC LIMIT ?"
    return [dict(r) for r in c.execute(sql, (*args, limit))]


def search(c: sqlite3.Connection, words: str, limit: int) -> list[Row]:
    sql = (
        'SELECT s.doc_id AS document, s.idx AS sentence, s.start, s."end", s.text, d.title '
        "FROM sentences_fts f JOIN sentences s ON s.rowid = f.rowid JOIN documents d ON d.id = s.doc_id "
        "WHERE sentences_fts MATCH ? ORDER BY f.rank LIMIT ?"
    )
    return [dict(r) for r in c.execute(sql, (fts_query(words), limit))]


def actor(c: sqlite3.Connection, actor_id: str, limit: int) -> Row | None:
    row = c.execute("SELECT * FROM actors WHERE id=?", (actor_id,)).fetchone()
    if row is None:
        return None
    out: Row = {k: row[k] for k in ACTOR_COLS.split(", ")}
    out["aliases"] = json.loads(row["names"])
    out["titles"] = json.loads(row["titles"])
    rels = c.execute(
        "SELECT subject, predicate, object, count(*) AS mentions, count(DISTINCT doc_id) AS documents "
        "FROM relations WHERE subject = ? GROUP BY subject, predicate, object UNION ALL "
        "SELECT subject, predicate, object, count(*), count(DISTINCT doc_id) "
        "FROM relations WHERE object = ? AND subject != ? GROUP BY subject, predicate, object "
        "ORDER BY 5 DESC LIMIT ?",
        (actor_id, actor_id, actor_id, limit),
    ).fetchall()
    name = _names(c, sorted({r[0] for r in rels} | {r[2] for r in rels}))
    out["relations"] = [
        {
            "subject": name.get(r[0], r[0]),
            "predicate": r[1],
            "object": name.get(r[2], r[2]),
            "documents": r[4],
            "mentions": r[3],
        }
        for r in rels
    ]
    for role in ("source", "target"):
        ids = _actor_event_ids(c, actor_id, (role,), None, None, None, None, limit)
        out[f"events_as_{role}"] = _events_by_ids(c, ids)
    out["quotes"] = quotes(c, actor_id, None, limit)
    return out


def rows(c: sqlite3.Connection, table: str) -> Iterator[Row]:
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    if table == "documents":
        sql = "SELECT id, url, title, source, published, origin, added, data FROM documents ORDER BY id"
        for r in c.execute(sql):
            data = json.loads(zlib.decompress(r["data"]))
            yield {k: r[k] for k in ("id", "url", "title", "source", "published", "origin", "added")} | {
                "text": data["text"],
                "entities": len(data["entities"]),
                "events": len(data["events"]),
                "quotes": len(data["quotes"]),
            }
    elif table == "actors":
        for r in c.execute("SELECT * FROM actors ORDER BY id"):
            row = dict(r)
            row["names"], row["titles"] = json_list(row.pop("names")), json_list(row.pop("titles"))
            yield row
    elif table == "events":
        yield from _export_events(c)
    elif table == "quotes":
        for r in c.execute(
            "SELECT q.doc_id AS document, q.quote_id AS id, q.kind, q.speaker, a.name AS speaker_name, "
            'q.speaker_text, q.cue, q.sentence, q.start, q."end", q.text FROM quotes q '
            "LEFT JOIN actors a ON a.id = q.speaker ORDER BY q.doc_id, q.start"
        ):
            yield dict(r)
    elif table == "relations":
        for r in c.execute(
            "SELECT subject, predicate, object, count(*) AS mentions, count(DISTINCT doc_id) AS documents "
            "FROM relations GROUP BY subject, predicate, object ORDER BY subject, predicate, object"
        ):
            yield dict(r)
    else:
        for r in c.execute("SELECT * FROM entities ORDER BY doc_id, entity_id"):
            row = dict(r)
            row["titles"], row["aliases"] = json_list(row["titles"]), json_list(row["aliases"])
            yield row


def _export_events(c: sqlite3.Connection) -> Iterator[Row]:
    """Every corpus event with its actors' ids and attributes, documents and first evidence sentence."""
    roles: dict[str, dict[str, list[str]]] = {}
    for r in c.execute("SELECT event_id, actor_id, role FROM event_actors ORDER BY event_id, actor_id"):
        roles.setdefault(r[0], {}).setdefault(r[2], []).append(r[1])
    evidence: dict[str, tuple[str, int]] = {}
    docs: dict[str, list[str]] = {}
    for r in c.execute("SELECT event_id, doc_id, sentence FROM mentions ORDER BY event_id, doc_id, sentence"):
        evidence.setdefault(r[0], (r[1], r[2]))
        if r[1] not in docs.setdefault(r[0], []):
            docs[r[0]].append(r[1])
    for e in c.execute("SELECT * FROM events ORDER BY date, id").fetchall():
        doc_id, idx = evidence.get(e["id"], ("", -1))
        sent = c.execute("SELECT text FROM sentences WHERE doc_id=? AND idx=?", (doc_id, idx)).fetchone()
        yield export_event_row(e, roles.get(e["id"], {}), docs.get(e["id"], []), sent[0] if sent else None)
