"""The default store: one SQLite file (WAL journal, FTS5 over sentences and quotes). This module holds
only what SQLite does its own way (the dialect); the store's body is sql.py, shared with PostgreSQL.

Every document is written in one `BEGIN IMMEDIATE` transaction, so a process killed mid-ingest leaves
either the whole document or none of it, and concurrent writers queue (the file's write lock is the
per-document lock) instead of failing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .base import Row
from .dialect import RANK_WINDOW, Dialect, Params, check_tables, search_words
from .sql import SQLStore
from .sqlite_schema import DDL, STORE_SCHEMA

_SQLITE_MAGIC = b"SQLite format 3\x00"

#: The body's SQL needs `ON CONFLICT ... DO UPDATE` (3.24) and `NULLS FIRST/LAST` (3.30).
_MIN_SQLITE = (3, 30, 0)


def fts_query(words: str) -> str:
    """User words as an FTS5 query: every word must occur, each quoted so none is read as an operator."""
    return " ".join(f'"{t}"' for t in search_words(words))


def _check_path(path: Path, create: bool) -> None:
    if path.is_dir():
        raise StoreError(f"{path} is a directory; expected a store file such as {path / 'newsgraph.db'}")
    if not path.exists():
        if not create:
            raise StoreError(f"no store at {path}; create one with `newsgraph ingest PATH --db {path}`")
        if not path.parent.exists():
            raise StoreError(
                f"cannot create the store {path}: the folder {path.parent} does not exist; "
                "create it first or pass another --db"
            )
        return
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        raise StoreError(f"cannot open the store {path} ({exc.strerror or exc})") from exc
    if head and head != _SQLITE_MAGIC:
        raise StoreError(f"{path} is not a newsgraph store (not an SQLite database); pass another --db")


class SQLiteDialect(Dialect):
    like = "LIKE"
    quote_seq = "rowid"
    driver_error = sqlite3.Error

    def __init__(self, path: Path, create: bool = True) -> None:
        if sqlite3.sqlite_version_info < _MIN_SQLITE:
            raise StoreError(
                f"the SQLite library is {sqlite3.sqlite_version}; the store needs 3.30 or newer "
                "(a newer Python, or a PostgreSQL --db)"
            )
        self.path = path
        self.name = str(path)
        _check_path(path, create)
        try:
            self.conn = sqlite3.connect(path, isolation_level=None, timeout=60.0)
            # sqlite3.Row answers both r["name"] and r[0], so code that reads the connection directly
            # (tests, maintenance) can index rows either way; the body gets dicts from stream/all/one.
            self.conn.row_factory = sqlite3.Row
            self._setup()
        except sqlite3.DatabaseError as exc:
            msg = f"{path} is not a usable newsgraph store ({exc}); pass another --db"
            raise StoreError(msg) from exc

    def _setup(self) -> None:
        c = self.conn
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        schema = None
        if "meta" in tables:
            row = c.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            schema = row[0] if row else None
        made = check_tables(
            self.name, "an SQLite database", tables, schema, STORE_SCHEMA,
            elsewhere="pass another --db", anew="ingest into a new --db",
        )  # fmt: skip
        c.execute("PRAGMA journal_mode=WAL")
        # NORMAL keeps WAL commits atomic and durable across a killed process (only an OS crash can lose
        # the last commits), at a fraction of FULL's fsyncs.
        c.execute("PRAGMA synchronous=NORMAL")
        c.execute("PRAGMA busy_timeout=60000")
        if not made:
            # One script, one transaction: a store is created whole or not at all.
            meta = f"INSERT OR IGNORE INTO meta VALUES ('schema', '{STORE_SCHEMA}');"
            c.executescript(f"BEGIN IMMEDIATE;\n{DDL}\n{meta}\nCOMMIT;")

    # ---------------------------------------------------------------- statements

    def execute(self, sql: str, args: Params = ()) -> sqlite3.Cursor:
        cursor: sqlite3.Cursor = self.conn.execute(sql, args)
        return cursor

    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        self.conn.executemany(sql, rows)

    def _tuples(self, sql: str, args: Params) -> tuple[sqlite3.Cursor, list[str]]:
        # Plain tuples zipped with the column names make dicts three times faster than dict(sqlite3.Row),
        # which looks every column up by name (an events page reads about a thousand rows).
        cursor = self.conn.cursor()
        cursor.row_factory = None
        cursor.execute(sql, args)
        return cursor, [d[0] for d in cursor.description]

    def stream(self, sql: str, args: Params = ()) -> Iterator[Row]:
        cursor, names = self._tuples(sql, args)
        for row in cursor:
            yield dict(zip(names, row))  # noqa: B905 - a row has one value per column

    def all(self, sql: str, args: Params = ()) -> list[Row]:
        cursor, names = self._tuples(sql, args)
        return [dict(zip(names, row)) for row in cursor]  # noqa: B905

    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
        # SQLite binds no arrays: one placeholder per value (an empty list is a valid `IN ()` here).
        return f"{column} IN ({','.join('?' * len(values))})", tuple(values)

    # ---------------------------------------------------------------- full-text search

    def quote_match(self, words: str) -> tuple[str, tuple[Any, ...]]:
        return "q.rowid IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", (fts_query(words),)

    def sentence_count(self, words: str, cap: int) -> tuple[str, tuple[Any, ...]]:
        # From the index alone: joining each match to its sentence row costs 20 times more.
        sql = (
            "SELECT count(*) AS n FROM "
            f"(SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT {int(cap)})"
        )
        return sql, (fts_query(words),)

    def sentence_search(self, words: str, limit: int) -> tuple[str, tuple[Any, ...]]:
        sql = (
            "WITH hits AS (SELECT rowid, rank FROM sentences_fts WHERE sentences_fts MATCH ? "
            f"ORDER BY rowid DESC LIMIT {RANK_WINDOW}) "
            'SELECT s.doc_id AS document, s.idx AS sentence, s.start, s."end", s.text, d.title '
            "FROM hits f JOIN sentences s ON s.rowid = f.rowid JOIN documents d ON d.id = s.doc_id "
            "ORDER BY f.rank, s.rowid DESC LIMIT ?"
        )
        return sql, (fts_query(words), limit)

    def change_marker(self) -> str | None:
        # A commit appends to the write-ahead log; a checkpoint rewrites the file and may empty the
        # log: the two files' sizes and times change with every write (two stat calls, no query).
        parts = []
        for path in (self.path, self.path.with_name(self.path.name + "-wal")):
            try:
                info = path.stat()
            except OSError:
                parts.append("-")
                continue
            parts.append(f"{info.st_size}:{info.st_mtime_ns}")
        return "/".join(parts)

    # ---------------------------------------------------------------- transactions and errors

    @contextmanager
    def writing(self) -> Iterator[None]:
        # IMMEDIATE takes the write lock at BEGIN: a second writer waits (busy_timeout) for the whole
        # document instead of failing halfway when both try to upgrade a read lock.
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to the store {self.path} ({exc})") from exc
        try:
            yield
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"the store {self.path} refused the write ({exc}); nothing was written") from exc
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            self.conn.execute("ROLLBACK")
            raise StoreError(f"cannot commit to the store {self.path} ({exc})") from exc


class SQLiteStore(SQLStore):
    """The default store: the SQLite file at `path`."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        super().__init__(SQLiteDialect(self.path, create))
