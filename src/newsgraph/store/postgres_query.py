"""Read queries of the PostgreSQL store: the SQLite store's queries (sqlite_query.py) in PostgreSQL's
dialect, returning the same dict rows. Dates sort NULLS LAST when newest first and NULLS FIRST when oldest
first, which is SQLite's order, so both backends list the same rows the same way."""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator, Sequence
from typing import Any

import psycopg

from ..corpus.names import name_matches, query_keys
from ..errors import ConfigError
from .base import TABLES, Row
from .postgres_schema import TS_CONFIG
from .query_common import (
    ACTOR_COLS,
    event_filters,
    event_row,
    export_event_row,
    json_list,
    search_words,
)

Conn = psycopg.Connection[dict[str, Any]]


def ts_words(words: str) -> str:
    """User words for plainto_tsquery: every word must occur; quotes and operators are not syntax here."""
    tokens = search_words(words)
    return " ".join(tokens)


def counts(c: Conn) -> dict[str, int]:
    row = c.execute(
        "SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM actors) AS actors, "
        "(SELECT count(*) FROM events) AS events, (SELECT count(*) FROM mentions) AS mentions, "
        "(SELECT count(*) FROM quotes) AS quotes, (SELECT count(*) FROM failures) AS failures"
    ).fetchone()
    assert row is not None
    return {k: int(v) for k, v in row.items()}


def actors(c: Conn, name: str | None, country: str | None, limit: int) -> list[Row]:
    where: list[str] = []
    args: list[Any] = []
    if name:
        # ILIKE: SQLite's LIKE ignores case too.
        where.append("(name ILIKE %s OR names ILIKE %s)")
        args += [f"%{name}%", f"%{name}%"]
    if country:
        where.append("country = %s")
        args.append(country.upper())
    sql = f"SELECT {ACTOR_COLS} FROM actors"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY documents DESC, id LIMIT %s"
    return c.execute(sql, (*args, limit)).fetchall()


def find_actors(c: Conn, query: str) -> list[Row]:
    row = c.execute(f"SELECT {ACTOR_COLS} FROM actors WHERE id=%s", (query,)).fetchone()
    if row is not None:
        return [row]
    keys = sorted(query_keys(query))
    if not keys:
        return []
    rows = c.execute(
        f"SELECT {ACTOR_COLS}, names FROM actors WHERE id IN "
        "(SELECT actor_id FROM actor_keys WHERE key = ANY(%s)) ORDER BY documents DESC, id",
        (keys,),
    ).fetchall()
    hits = [r for r in rows if name_matches(query, r["type"], tuple(json.loads(r["names"])))]
    return [{k: r[k] for k in ACTOR_COLS.split(", ")} for r in hits]


def _names(c: Conn, ids: Sequence[str]) -> dict[str, str]:
    if not ids:
        return {}
    return {
        r["id"]: r["name"] for r in c.execute("SELECT id, name FROM actors WHERE id = ANY(%s)", (list(ids),))
    }


def _event_rows(c: Conn, rows: list[Row]) -> list[Row]:
    """Events with their actors' names and reporting documents filled in."""
    ids = [r["id"] for r in rows]
    if not ids:
        return []
    roles: dict[str, dict[str, list[str]]] = {i: {"source": [], "target": []} for i in ids}
    actor_ids: set[str] = set()
    for r in c.execute(
        "SELECT event_id, actor_id, role FROM event_actors WHERE event_id = ANY(%s) AND role != 'location'",
        (ids,),
    ):
        roles[r["event_id"]][r["role"]].append(r["actor_id"])
        actor_ids.add(r["actor_id"])
    docs: dict[str, list[str]] = {i: [] for i in ids}
    for r in c.execute(
        "SELECT DISTINCT event_id, doc_id FROM mentions WHERE event_id = ANY(%s) ORDER BY doc_id", (ids,)
    ):
        docs[r["event_id"]].append(r["doc_id"])
    actor_ids |= {r["location"] for r in rows if r["location"]}
    name = _names(c, sorted(actor_ids))
    return [event_row(r, roles[r["id"]], docs[r["id"]], name) for r in rows]


def _actor_event_ids(
    c: Conn,
    actor: str,
    roles: tuple[str, ...],
    type: str | None,
    since: str | None,
    until: str | None,
    country: str | None,
    limit: int,
) -> list[str]:
    """An actor's events, newest first, read from the (actor_id, date, type) index of event_actors.

    An event has at most one row per role for an actor, so `limit` times the number of roles rows hold
    `limit` distinct events; the database stops there instead of reading all the actor's events.
    """
    where, filters = event_filters("%s", "ea.", "ea.event_id", type, since, until, country)
    sql = (
        "SELECT event_id FROM event_actors ea WHERE actor_id = %s AND role = ANY(%s)"
        + where
        + " ORDER BY date DESC NULLS LAST LIMIT %s"
    )
    seen: dict[str, None] = {}
    for r in c.execute(sql, (actor, list(roles), *filters, limit * len(roles))):
        seen[r["event_id"]] = None
    return list(seen)[:limit]


def _events_by_ids(c: Conn, ids: list[str]) -> list[Row]:
    if not ids:
        return []
    rows = {r["id"]: r for r in c.execute("SELECT * FROM events WHERE id = ANY(%s)", (ids,))}
    return _event_rows(c, [rows[i] for i in ids if i in rows])


def events(
    c: Conn,
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
    where, args = event_filters("%s", "e.", "e.id", type, since, until, country)
    sql = "SELECT e.* FROM events e WHERE true" + where + " ORDER BY e.date DESC NULLS LAST LIMIT %s"
    return _event_rows(c, c.execute(sql, (*args, limit)).fetchall())


def quotes(c: Conn, speaker: str | None, search: str | None, limit: int) -> list[Row]:
    sql = (
        "SELECT q.doc_id AS document, q.quote_id AS id, q.kind, q.speaker, a.name AS speaker_name, "
        'q.speaker_text, q.cue, q.start, q."end", q.text FROM quotes q LEFT JOIN actors a ON a.id = q.speaker'
    )
    where: list[str] = []
    args: list[Any] = []
    if search:
        where.append(f"q.tsv @@ plainto_tsquery('{TS_CONFIG}', %s)")
        args.append(ts_words(search))
    if speaker:
        where.append("q.speaker = %s")
        args.append(speaker)
    if where:
        sql += " WHERE " + " AND ".join(where)
    # Newest first, in the order the (speaker, id) index already holds them.
    sql += " ORDER BY q.id DESC LIMIT %s"
    return c.execute(sql, (*args, limit)).fetchall()


def search(c: Conn, words: str, limit: int) -> list[Row]:
    sql = (
        'SELECT s.doc_id AS document, s.idx AS sentence, s.start, s."end", s.text, d.title '
        f"FROM sentences s JOIN documents d ON d.id = s.doc_id, plainto_tsquery('{TS_CONFIG}', %s) query "
        "WHERE s.tsv @@ query ORDER BY ts_rank(s.tsv, query) DESC, s.doc_id, s.idx LIMIT %s"
    )
    return c.execute(sql, (ts_words(words), limit)).fetchall()


def actor(c: Conn, actor_id: str, limit: int) -> Row | None:
    row = c.execute("SELECT * FROM actors WHERE id=%s", (actor_id,)).fetchone()
    if row is None:
        return None
    out: Row = {k: row[k] for k in ACTOR_COLS.split(", ")}
    out["aliases"] = json.loads(row["names"])
    out["titles"] = json.loads(row["titles"])
    rels = c.execute(
        "SELECT subject, predicate, object, count(*) AS mentions, count(DISTINCT doc_id) AS documents "
        "FROM relations WHERE subject = %s GROUP BY subject, predicate, object UNION ALL "
        "SELECT subject, predicate, object, count(*), count(DISTINCT doc_id) "
        "FROM relations WHERE object = %s AND subject != %s GROUP BY subject, predicate, object "
        "ORDER BY 5 DESC LIMIT %s",
        (actor_id, actor_id, actor_id, limit),
    ).fetchall()
    name = _names(c, sorted({r["subject"] for r in rels} | {r["object"] for r in rels}))
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
        ids = _actor_event_ids(c, actor_id, (role,), None, None, None, None, limit)
        out[f"events_as_{role}"] = _events_by_ids(c, ids)
    out["quotes"] = quotes(c, actor_id, None, limit)
    return out


def rows(c: Conn, table: str) -> Iterator[Row]:
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    if table == "documents":
        sql = "SELECT id, url, title, source, published, origin, added, data FROM documents ORDER BY id"
        for r in c.execute(sql):
            data = json.loads(zlib.decompress(r.pop("data")))
            yield r | {
                "text": data["text"],
                "entities": len(data["entities"]),
                "events": len(data["events"]),
                "quotes": len(data["quotes"]),
            }
    elif table == "actors":
        for r in c.execute("SELECT * FROM actors ORDER BY id"):
            r["names"], r["titles"] = json_list(r.pop("names")), json_list(r.pop("titles"))
            yield r
    elif table == "events":
        yield from _export_events(c)
    elif table == "quotes":
        yield from c.execute(
            "SELECT q.doc_id AS document, q.quote_id AS id, q.kind, q.speaker, a.name AS speaker_name, "
            'q.speaker_text, q.cue, q.sentence, q.start, q."end", q.text FROM quotes q '
            "LEFT JOIN actors a ON a.id = q.speaker ORDER BY q.doc_id, q.start"
        )
    elif table == "relations":
        yield from c.execute(
            "SELECT subject, predicate, object, count(*) AS mentions, count(DISTINCT doc_id) AS documents "
            "FROM relations GROUP BY subject, predicate, object ORDER BY subject, predicate, object"
        )
    else:
        for r in c.execute("SELECT * FROM entities ORDER BY doc_id, entity_id"):
            r["titles"], r["aliases"] = json_list(r["titles"]), json_list(r["aliases"])
            yield r


def _export_events(c: Conn) -> Iterator[Row]:
    """Every corpus event with its actors' ids and attributes, documents and first evidence sentence."""
    roles: dict[str, dict[str, list[str]]] = {}
    for r in c.execute("SELECT event_id, actor_id, role FROM event_actors ORDER BY event_id, actor_id"):
        roles.setdefault(r["event_id"], {}).setdefault(r["role"], []).append(r["actor_id"])
    evidence: dict[str, str | None] = {}
    docs: dict[str, list[str]] = {}
    for r in c.execute(
        "SELECT m.event_id, m.doc_id, s.text FROM mentions m LEFT JOIN sentences s "
        "ON s.doc_id = m.doc_id AND s.idx = m.sentence ORDER BY m.event_id, m.doc_id, m.sentence"
    ):
        evidence.setdefault(r["event_id"], r["text"])
        if r["doc_id"] not in docs.setdefault(r["event_id"], []):
            docs[r["event_id"]].append(r["doc_id"])
    for e in c.execute("SELECT * FROM events ORDER BY date NULLS FIRST, id").fetchall():
        yield export_event_row(e, roles.get(e["id"], {}), docs.get(e["id"], []), evidence.get(e["id"]))
