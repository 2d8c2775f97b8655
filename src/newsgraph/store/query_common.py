"""What the stores' query modules share: SQL-free row shaping and the dialect-neutral parts of queries.

sqlite_query.py and postgres_query.py differ in SQL dialect (placeholders, list membership, text
search); the columns they read, the rows they return and the filters they build are one thing, here.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..corpus.actors import ActorProfile
from ..errors import ConfigError
from .base import Row

ACTOR_COLS = "id, name, type, country, sector, documents, mentions"
_WORD = re.compile(r"\w+", re.UNICODE)


def profile_from_row(r: Any) -> ActorProfile:
    """An actors row (sqlite3.Row or a dict) as the profile actor linking compares against."""
    return ActorProfile(
        type=r["type"],
        name=r["name"],
        names=tuple(json.loads(r["names"])),
        titles=tuple(json.loads(r["titles"])),
        country=r["country"],
        sector=r["sector"],
        geonameid=r["geonameid"],
        id=r["id"],
    )


def search_words(words: str) -> list[str]:
    """The words of a user's search (every one must occur; quotes and operators are not syntax here)."""
    tokens = _WORD.findall(words)
    if not tokens:
        raise ConfigError(f"search words {words!r} contain no letters or digits; give at least one word")
    return tokens


def json_list(value: str | None) -> list[Any]:
    return json.loads(value) if value else []


def event_filters(
    mark: str,
    prefix: str,
    event_id: str,
    type: str | None,
    since: str | None,
    until: str | None,
    country: str | None,
) -> tuple[str, list[Any]]:
    """The `AND ...` conditions of an event query and their arguments. `mark` is the dialect's
    placeholder, `prefix` qualifies the type and date columns, `event_id` names the event id column of
    the outer table."""
    sql, args = "", []
    if type:
        sql += f" AND {prefix}type = {mark}"
        args.append(type.upper())
    if since:
        sql += f" AND {prefix}date >= {mark}"
        args.append(since)
    if until:
        sql += f" AND {prefix}date <= {mark}"
        args.append(until)
    if country:
        sql += (
            " AND EXISTS (SELECT 1 FROM event_actors x JOIN actors a ON a.id = x.actor_id "
            f"WHERE x.event_id = {event_id} AND a.country = {mark})"
        )
        args.append(country.upper())
    return sql, args


def event_row(r: Any, roles: dict[str, list[str]], documents: list[str], name: dict[str, str]) -> Row:
    """One corpus event (an events row: sqlite3.Row or a dict) as the query commands print it: actor
    ids shown by name."""
    return {
        "id": r["id"],
        "date": r["date"],
        "type": r["type"],
        "mode": r["mode"],
        "source": [name.get(a, a) for a in sorted(roles["source"])],
        "target": [name.get(a, a) for a in sorted(roles["target"])],
        "location": name.get(r["location"]) if r["location"] else None,
        "num_sources": r["num_sources"],
        "num_mentions": r["num_mentions"],
        "documents": documents,
    }


def export_event_row(e: Any, roles: dict[str, list[str]], documents: list[str], evidence: str | None) -> Row:
    """One corpus event as the exports write it: actor ids, its documents and first evidence sentence."""
    return {
        "id": e["id"],
        "date": e["date"],
        "date_vague": bool(e["vague"]),
        "type": e["type"],
        "mode": e["mode"],
        "contexts": json_list(e["contexts"]),
        "source": roles.get("source", []),
        "target": roles.get("target", []),
        "location": e["location"],
        "num_sources": e["num_sources"],
        "num_mentions": e["num_mentions"],
        "documents": documents,
        "evidence": evidence,
    }
