"""The PostgreSQL store, for corpora shared by many writers and readers (`--db
postgresql://user@host/dbname`): the same tables and answers as the SQLite store. This module holds only
what PostgreSQL does its own way (the dialect); the store's body is sql.py, shared with SQLite.

Every document is written in one transaction that first takes a transaction-level advisory lock, so
writers from several processes queue (as SQLite's BEGIN IMMEDIATE makes them) instead of resolving the
same actor or event twice; readers never wait. A process killed mid-write leaves the whole document or
none of it. Messages name the store by its URL without the password.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row

from ..errors import StoreError
from .dialect import RANK_WINDOW, Dialect, Params, check_tables, first_line, search_words
from .postgres_schema import DDL, STORE_SCHEMA, TABLE_NAMES, TS_CONFIG
from .sql import SQLStore

#: The advisory lock every writing transaction takes (any fixed 64-bit number; this one spells "ngstore").
_WRITE_LOCK = 0x6E6773746F7265

#: Seconds to wait for an unreachable server before saying so (a URL may set its own connect_timeout).
CONNECT_TIMEOUT = 10


def redact(url: str) -> str:
    """The URL without its password (in the user part or a `password=` parameter), for messages."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            user, host = netloc.rsplit("@", 1)
            if ":" in user:
                netloc = f"{user.split(':', 1)[0]}:***@{host}"
        query = urlencode(
            [(k, "***" if k == "password" else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)],
            safe="/",
        )
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        return "the PostgreSQL URL"


@lru_cache(maxsize=512)
def pyformat(sql: str) -> str:
    """The body's qmark SQL in psycopg's placeholder style (cached: the body's statements are constants,
    apart from list lengths that PostgreSQL does not need)."""
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresDialect(Dialect):
    like = "ILIKE"  # SQLite's LIKE ignores case; PostgreSQL's does not
    quote_seq = "id"
    driver_error = psycopg.Error
    read_hint = "; is the server running?"

    def __init__(self, url: str, create: bool = True) -> None:
        self.url = url
        self.name = redact(url)
        self.conn = self._connect()
        try:
            self._setup(create)
        except BaseException:
            self.conn.close()
            raise

    def _connect(self) -> psycopg.Connection[dict[str, Any]]:
        try:
            params = psycopg.conninfo.conninfo_to_dict(self.url)
        except psycopg.Error as exc:
            raise StoreError(f"{self.name} is not a valid PostgreSQL URL ({exc}); pass another --db") from exc
        extra: dict[str, Any] = {} if "connect_timeout" in params else {"connect_timeout": CONNECT_TIMEOUT}
        try:
            return psycopg.connect(self.url, autocommit=True, row_factory=dict_row, **extra)
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot connect to the PostgreSQL store {self.name} ({first_line(exc)}); start the server, "
                "create the database (createdb) or fix the host, port, user and database in the --db URL"
            ) from exc

    def _setup(self, create: bool) -> None:
        c = self.conn
        try:
            # The lock makes two processes creating the same store at once take turns.
            with c.transaction():
                c.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                rows = c.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                tables = {r["tablename"] for r in rows}
                schema = None
                if "meta" in tables:
                    row = c.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                    schema = row["value"] if row else None
                made = check_tables(
                    self.name,
                    "a PostgreSQL database",
                    tables,
                    schema,
                    STORE_SCHEMA,
                    elsewhere="create an empty database for the store (createdb) and pass its URL as --db",
                    anew="ingest into a new, empty database",
                )
                if made:
                    missing = sorted(set(TABLE_NAMES) - tables)
                    if missing:
                        raise StoreError(
                            f"{self.name} is a damaged newsgraph store (tables {', '.join(missing)} are "
                            "missing); ingest into a new, empty database"
                        )
                    return
                if not create:
                    raise StoreError(
                        f"no store in {self.name}; create one with `newsgraph ingest PATH --db {self.name}`"
                    )
                # One transaction: a store is created whole or not at all.
                c.execute(DDL)
                c.execute("INSERT INTO meta VALUES ('schema', %s)", (STORE_SCHEMA,))
        except psycopg.Error as exc:
            raise StoreError(
                f"{self.name} is not a usable newsgraph store ({exc}); pass another --db"
            ) from exc

    # ---------------------------------------------------------------- statements

    def execute(self, sql: str, args: Params = ()) -> psycopg.Cursor[dict[str, Any]]:
        # Always bind a sequence (never None), so psycopg reads the %% pyformat() escaped.
        cursor: psycopg.Cursor[dict[str, Any]] = self.conn.execute(pyformat(sql), tuple(args))
        return cursor

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        self.conn.cursor().executemany(pyformat(sql), rows)

    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
        # One array parameter: the statement text stays the same whatever the list's length.
        return f"{column} = ANY(?)", (list(values),)

    # ---------------------------------------------------------------- full-text search

    def quote_match(self, words: str) -> tuple[str, tuple[Any, ...]]:
        return f"q.tsv @@ plainto_tsquery('{TS_CONFIG}', ?)", (" ".join(search_words(words)),)

    def sentence_count(self, words: str, cap: int) -> tuple[str, tuple[Any, ...]]:
        sql = (
            "SELECT count(*) AS n FROM (SELECT 1 FROM sentences s "
            f"WHERE s.tsv @@ plainto_tsquery('{TS_CONFIG}', ?) LIMIT {int(cap)}) hits"
        )
        return sql, (" ".join(search_words(words)),)

    def sentence_search(self, words: str, limit: int) -> tuple[str, tuple[Any, ...]]:
        # ts_rank reads each match's whole tsvector: rank only the window of the newest matches.
        sql = (
            f"WITH hits AS (SELECT s.id, ts_rank(s.tsv, query) AS score FROM sentences s, "
            f"plainto_tsquery('{TS_CONFIG}', ?) query WHERE s.tsv @@ query ORDER BY s.id DESC "
            f"LIMIT {RANK_WINDOW}) "
            'SELECT s.doc_id AS document, s.idx AS sentence, s.start, s."end", s.text, d.title '
            "FROM hits h JOIN sentences s ON s.id = h.id JOIN documents d ON d.id = s.doc_id "
            "ORDER BY h.score DESC, s.id DESC LIMIT ?"
        )
        return sql, (" ".join(search_words(words)), limit)

    def change_marker(self) -> str | None:
        # The next transaction id moves only when some transaction writes (read-only ones take none).
        # It counts the whole cluster's writes, so it can change when this store did not: a marker
        # may only change too often, never too rarely.
        row = self.conn.execute("SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x").fetchone()
        return str(row["x"]) if row else None

    # ---------------------------------------------------------------- transactions and errors

    @contextmanager
    def writing(self) -> Iterator[None]:
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                yield
        except psycopg.Error as exc:
            raise StoreError(f"the store {self.name} refused the write ({exc}); nothing was written") from exc


class PostgresStore(SQLStore):
    """The store in the PostgreSQL database at `url`."""

    def __init__(self, url: str, create: bool = True) -> None:
        self.url = url
        super().__init__(PostgresDialect(url, create))
