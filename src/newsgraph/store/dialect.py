"""What one database engine does its own way, behind one small interface; the store body (sql.py and the
sql_* modules) writes everything else once, for SQLite and PostgreSQL alike.

A dialect owns: the tables (DDL) and their creation, the connection, the write transaction with the
per-document lock, the translation of the driver's errors into StoreError, the rendering of list
membership (`IN (?, ?)` vs `= ANY(?)`) and full-text search (FTS5 vs tsvector). Placeholders are
rendered by the dialect too: the body writes qmark placeholders (`?`) and the PostgreSQL dialect turns
them into `%s` (no `?` and no `%` may stand inside an SQL string literal of the body).

Upserts are not a dialect hook: both engines accept `INSERT ... ON CONFLICT (...) DO UPDATE / DO NOTHING`
(SQLite since 3.24) and `NULLS FIRST/LAST` (3.30), so the body writes them once.

## Why a dialect of our own and not SQLAlchemy Core

Measured with `bench/store_dialect_bench.py` (300 synthetic documents of 30 entities, 12 events, 8 quotes
and 40 sentences each, written into a new SQLite store, median of 3 runs; the 2-core dev machine while
other jobs ran). Both paths run the same store body (linking, inserts, upserts, recounts); (b) sends its
statements through SQLAlchemy 2.1.9 Core (`Connection.execute(text(...))`) instead of sqlite3:

| write path | wall ms/doc | CPU ms/doc | CPU share of ingest (+160 ms extraction) |
|---|---|---|---|
| raw DB-API (this package) | 33.1 | 15.6 | 8.9% |
| SQLAlchemy Core, same statements | 53.7 | 25.6 | 13.8% |

SQLAlchemy Core would take the store's writes over the issue's 10% of ingest time (+10 ms of CPU a
document, +64%: an execution context and parameter processing for each of the ~180 statements a
document runs, and its own result rows, per the profile), and it would not make the code clearly
smaller: what it would take over is list rendering, placeholders and the execute wrappers (about 30
lines), while the DDL with FTS5 triggers and tsvector columns, the advisory lock, connection and error
messages stay engine-specific either way. So the store keeps this dialect and SQLAlchemy is not a
dependency.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from ..errors import ConfigError, StoreError
from .base import Row

#: Full-text search ranks at most this many matches, the most recently stored: ranking every sentence
#: that holds a common word costs time in proportion to the store (35 ms for 27,000 matches in a
#: 10,000-document store, against 3 ms for 2,000), and a reader wants the best of the recent ones.
RANK_WINDOW = 2000

Params = Sequence[Any]

_WORD = re.compile(r"\w+", re.UNICODE)


class Dialect(ABC):
    """One open store's connection and the SQL only its engine speaks."""

    #: The store as messages name it: the SQLite file's path, or the PostgreSQL URL without its password.
    name: str
    #: The DB-API connection itself (tests and maintenance read it directly).
    conn: Any
    #: The case-insensitive LIKE: SQLite's LIKE already ignores (ASCII) case, PostgreSQL needs ILIKE.
    like: str = "LIKE"
    #: The quotes column that numbers rows in insertion order, so "newest first" needs no date.
    quote_seq: str
    #: The base class of the driver's errors, which reading() turns into StoreError.
    driver_error: type[Exception]
    #: What a failed read's message suggests after the reason ("" when there is nothing to suggest).
    read_hint: str = ""

    # ---------------------------------------------------------------- statements

    @abstractmethod
    def execute(self, sql: str, args: Params = ()) -> Any:
        """Run one statement (qmark placeholders) and return its cursor, whose rows are read-only
        mappings: the fastest way to rows the body reads but does not return (all/one give dicts)."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Params]) -> None:
        """Run one statement (qmark placeholders) once per row of arguments."""

    def stream(self, sql: str, args: Params = ()) -> Iterator[Row]:
        """The rows of a query as plain dicts, one at a time (exports read large tables this way)."""
        for r in self.execute(sql, args):
            yield dict(r)

    def all(self, sql: str, args: Params = ()) -> list[Row]:
        return [dict(r) for r in self.execute(sql, args)]

    def one(self, sql: str, args: Params = ()) -> Row | None:
        row = self.execute(sql, args).fetchone()
        return None if row is None else dict(row)

    @abstractmethod
    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, tuple[Any, ...]]:
        """The condition "`column` is one of `values`" and the arguments it binds."""

    # ---------------------------------------------------------------- full-text search

    @abstractmethod
    def quote_match(self, words: str) -> tuple[str, tuple[Any, ...]]:
        """The condition on quotes aliased `q` that their text holds every one of the words."""

    @abstractmethod
    def sentence_count(self, words: str, cap: int) -> tuple[str, tuple[Any, ...]]:
        """The query for how many sentences hold every one of the words, counted up to `cap` (one row,
        column `n`)."""

    @abstractmethod
    def sentence_search(self, words: str, limit: int) -> tuple[str, tuple[Any, ...]]:
        """The query for sentences holding every word, best first among the RANK_WINDOW most recently
        stored matches: document, sentence, start, end, text, title."""

    def change_marker(self) -> str | None:
        """A value that changes whenever any connection commits a write to the store, cheap enough to
        read before every request (the explorer's answer cache compares it); None when the engine has
        none."""
        return None

    # ---------------------------------------------------------------- transactions and errors

    @abstractmethod
    def writing(self) -> AbstractContextManager[None]:
        """One write transaction that holds the store's write lock, so concurrent writers queue; the
        driver's errors inside become StoreError and nothing is written."""

    @contextmanager
    def reading(self) -> Iterator[None]:
        """The driver's errors inside (a lost server, a damaged file) become StoreError."""
        try:
            yield
        except self.driver_error as exc:
            reason = first_line(exc)
            raise StoreError(f"cannot read the store {self.name} ({reason}){self.read_hint}") from exc

    def close(self) -> None:
        self.conn.close()


def first_line(exc: BaseException) -> str:
    """A driver error's first line (PostgreSQL's go on with DETAIL and HINT lines) for a message."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


#: Full-text searches are capped in length and in words, which bounds their cost (each word is one more
#: index lookup and intersection: 12,000 words took 17 s).
MAX_SEARCH_CHARS = 1000
MAX_SEARCH_WORDS = 32


def search_words(words: str) -> list[str]:
    """The words of a user's search (every one must occur; quotes and operators are not syntax here)."""
    if len(words) > MAX_SEARCH_CHARS:
        raise ConfigError(f"the search is {len(words):,} characters long; give at most {MAX_SEARCH_CHARS:,}")
    tokens = _WORD.findall(words)
    if not tokens:
        raise ConfigError(f"search words {words!r} contain no letters or digits; give at least one word")
    if len(tokens) > MAX_SEARCH_WORDS:
        raise ConfigError(f"the search has {len(tokens):,} words; give at most {MAX_SEARCH_WORDS}")
    return tokens


def check_tables(
    name: str, engine: str, tables: set[str], schema: str | None, expected: str, elsewhere: str, anew: str
) -> bool:
    """Refuse a database that holds other tables, or a store of another schema; True when the store's
    tables are there already. `engine` says what the database is ("an SQLite database"); `elsewhere`
    says where to put the store instead, `anew` what to do about an old schema."""
    if tables and "meta" not in tables:
        raise StoreError(f"{name} is {engine} but not a newsgraph store (it has other tables); {elsewhere}")
    if "meta" not in tables:
        return False
    if schema != expected:
        found = schema if schema is not None else "none"
        raise StoreError(f"{name} has store schema {found!r}, this newsgraph reads {expected!r}; {anew}")
    return True
