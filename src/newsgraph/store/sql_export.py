"""The store's exports, for every engine: every stored document as the contract Document, and the flat
rows of each of TABLES with the keys `Store.rows` documents.

Rows are streamed where the engine allows it (SQLite reads them as they are yielded), so an export of a
large corpus does not hold a whole table as dicts.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterator
from typing import Any

from ..errors import ConfigError
from ..model import Document
from .base import TABLES, Row
from .dialect import Dialect


def json_list(value: str | None) -> list[Any]:
    return json.loads(value) if value else []


def documents(db: Dialect) -> Iterator[Document]:
    for r in db.stream("SELECT data FROM documents ORDER BY id"):
        yield Document.from_dict(json.loads(zlib.decompress(r["data"])))


def rows(db: Dialect, table: str) -> Iterator[Row]:
    if table not in TABLES:
        raise ConfigError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    if table == "documents":
        yield from _documents(db)
    elif table == "actors":
        for r in db.stream("SELECT * FROM actors ORDER BY id"):
            r["names"], r["titles"] = json_list(r.pop("names")), json_list(r.pop("titles"))
            yield r
    elif table == "events":
        yield from _events(db)
    elif table == "quotes":
        yield from db.stream(
            "SELECT q.doc_id AS document, q.quote_id AS id, q.kind, q.speaker, a.name AS speaker_name, "
            'q.speaker_text, q.cue, q.sentence, q.start, q."end", q.text FROM quotes q '
            "LEFT JOIN actors a ON a.id = q.speaker ORDER BY q.doc_id, q.start"
        )
    elif table == "relations":
        yield from db.stream(
            "SELECT subject, predicate, object, count(*) AS mentions, count(DISTINCT doc_id) AS documents "
            "FROM relations GROUP BY subject, predicate, object ORDER BY subject, predicate, object"
        )
    else:
        for r in db.stream("SELECT * FROM entities ORDER BY doc_id, entity_id"):
            r["titles"], r["aliases"] = json_list(r["titles"]), json_list(r["aliases"])
            yield r


def _documents(db: Dialect) -> Iterator[Row]:
    """Documents with their text and record counts, read from the stored contract document."""
    sql = "SELECT id, url, title, source, published, origin, added, data FROM documents ORDER BY id"
    for r in db.stream(sql):
        data = json.loads(zlib.decompress(r.pop("data")))
        yield r | {
            "text": data["text"],
            "entities": len(data["entities"]),
            "events": len(data["events"]),
            "quotes": len(data["quotes"]),
        }


def _events(db: Dialect) -> Iterator[Row]:
    """Every corpus event with its actors' ids and attributes, documents and first evidence sentence."""
    roles: dict[str, dict[str, list[str]]] = {}
    for r in db.stream("SELECT event_id, actor_id, role FROM event_actors ORDER BY event_id, actor_id"):
        roles.setdefault(r["event_id"], {}).setdefault(r["role"], []).append(r["actor_id"])
    # The evidence is the sentence of the event's first report (by document id, then sentence).
    evidence: dict[str, str | None] = {}
    docs: dict[str, list[str]] = {}
    for r in db.stream(
        "SELECT m.event_id, m.doc_id, s.text FROM mentions m LEFT JOIN sentences s "
        "ON s.doc_id = m.doc_id AND s.idx = m.sentence ORDER BY m.event_id, m.doc_id, m.sentence"
    ):
        evidence.setdefault(r["event_id"], r["text"])
        if r["doc_id"] not in docs.setdefault(r["event_id"], []):
            docs[r["event_id"]].append(r["doc_id"])
    for e in db.all("SELECT * FROM events ORDER BY date NULLS FIRST, id"):
        yield {
            "id": e["id"],
            "date": e["date"],
            "date_vague": bool(e["vague"]),
            "type": e["type"],
            "mode": e["mode"],
            "contexts": json_list(e["contexts"]),
            "source": roles.get(e["id"], {}).get("source", []),
            "target": roles.get(e["id"], {}).get("target", []),
            "location": e["location"],
            "num_sources": e["num_sources"],
            "num_mentions": e["num_mentions"],
            "documents": docs.get(e["id"], []),
            "evidence": evidence.get(e["id"]),
        }
