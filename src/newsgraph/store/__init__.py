"""Stores: where ingested documents, canonical actors and corpus events live.

`open_store(target)` picks the backend from the target: a file path is an SQLite store (the default);
a `postgresql://` (or `postgres://`) URL is a PostgreSQL store (`pip install newsgraph[postgres]`).
Both are one implementation (`SQLStore`, sql.py) over the engine's dialect (dialect.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import StoreError
from .base import TABLES, EventFilter, PutStatus, Row, Store, content_hash, parse_day

#: The store `--db` falls back to: $NEWSGRAPH_DB, else newsgraph.db in the working directory.
DEFAULT_DB = "newsgraph.db"


def default_target() -> str:
    return os.environ.get("NEWSGRAPH_DB") or DEFAULT_DB


def open_store(target: str | Path | None = None, create: bool = True) -> Store:
    """Open (and with `create`, make) the store at `target`; StoreError says what is wrong with it."""
    target = str(target or default_target())
    if target.startswith(("postgresql://", "postgres://")):
        try:
            from .postgres import PostgresStore
        except ImportError as exc:
            raise StoreError(
                "the PostgreSQL store needs psycopg: pip install 'newsgraph[postgres]' (or psycopg[binary])"
            ) from exc
        return PostgresStore(target, create=create)
    from .sqlite import SQLiteStore

    return SQLiteStore(Path(target).expanduser(), create=create)


__all__ = [
    "DEFAULT_DB",
    "TABLES",
    "EventFilter",
    "PutStatus",
    "Row",
    "Store",
    "content_hash",
    "default_target",
    "open_store",
    "parse_day",
]
