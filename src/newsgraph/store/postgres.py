"""The PostgreSQL store: the same tables and semantics as the SQLite store, for corpora shared by many
writers and readers (`--db postgresql://user@host/dbname`).

Every document is written in one transaction that first takes a transaction-level advisory lock, so
writers from several processes queue (as SQLite's BEGIN IMMEDIATE makes them) instead of resolving the
same actor or event twice; readers never wait. A process killed mid-write leaves the whole document or
none of it.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import psycopg
from psycopg.rows import dict_row

from ..corpus import EventSlot, Lookups, link_document
from ..corpus.actors import ActorProfile
from ..corpus.events import day_window
from ..errors import StoreError
from ..model import Document
from . import postgres_query as q
from .base import PutStatus, Row, Store, content_hash
from .postgres_schema import DDL, STORE_SCHEMA, TABLE_NAMES
from .postgres_write import recount, write
from .query_common import profile_from_row

Conn = q.Conn

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


class PostgresStore(Store):
    def __init__(self, url: str, create: bool = True) -> None:
        self.url = url
        self.name = redact(url)
        self.conn: Conn = self._connect()
        try:
            self._setup(create)
        except BaseException:
            self.conn.close()
            raise

    def _connect(self) -> Conn:
        try:
            params = psycopg.conninfo.conninfo_to_dict(self.url)
        except psycopg.Error as exc:
            raise StoreError(f"{self.name} is not a valid PostgreSQL URL ({exc}); pass another --db") from exc
        extra: dict[str, Any] = {} if "connect_timeout" in params else {"connect_timeout": CONNECT_TIMEOUT}
        try:
            return psycopg.connect(self.url, autocommit=True, row_factory=dict_row, **extra)
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(
                f"cannot connect to the PostgreSQL store {self.name} ({reason}); start the server, create "
                "the database (createdb) or fix the host, port, user and database in the --db URL"
            ) from exc

    def _setup(self, create: bool) -> None:
        try:
            # The lock makes two processes creating the same store at once take turns.
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                tables = {
                    r["tablename"]
                    for r in self.conn.execute(
                        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                    )
                }
                if tables and "meta" not in tables:
                    raise StoreError(
                        f"{self.name} is a PostgreSQL database but not a newsgraph store (it has other "
                        "tables); create an empty database for the store (createdb) and pass its URL as --db"
                    )
                if "meta" in tables:
                    row = self.conn.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
                    if row is None or row["value"] != STORE_SCHEMA:
                        found = row["value"] if row else "none"
                        raise StoreError(
                            f"{self.name} has store schema {found!r}, this newsgraph reads {STORE_SCHEMA!r}; "
                            "ingest into a new, empty database"
                        )
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
                self.conn.execute(DDL)
                self.conn.execute("INSERT INTO meta VALUES ('schema', %s)", (STORE_SCHEMA,))
        except psycopg.Error as exc:
            raise StoreError(
                f"{self.name} is not a usable newsgraph store ({exc}); pass another --db"
            ) from exc

    @contextmanager
    def _transaction(self) -> Iterator[Conn]:
        try:
            with self.conn.transaction():
                self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                yield self.conn
        except psycopg.Error as exc:
            raise StoreError(f"the store {self.name} refused the write ({exc}); nothing was written") from exc

    @contextmanager
    def _reading(self) -> Iterator[Conn]:
        """The connection for a read; a lost server or a failed query becomes a StoreError."""
        try:
            yield self.conn
        except psycopg.Error as exc:
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot read the store {self.name} ({reason}); is the server running?") from exc

    def _one(self, sql: str, args: tuple[Any, ...]) -> Row | None:
        with self._reading() as c:
            return c.execute(sql, args).fetchone()

    # ---------------------------------------------------------------- writing

    def is_current(self, doc_id: str, url: str | None, digest: str) -> bool:
        row = self._one(
            "SELECT 1 FROM documents WHERE (id=%s OR url=%s) AND hash=%s LIMIT 1", (doc_id, url, digest)
        )
        return row is not None

    def put_document(self, doc: Document, origin: str | None = None) -> PutStatus:
        with self._transaction() as c:
            return self._put(c, doc, origin)

    def put_documents(self, docs: Iterable[Document]) -> list[PutStatus]:
        with self._transaction() as c:
            return [self._put(c, doc, None) for doc in docs]

    def _put(self, c: Conn, doc: Document, origin: str | None) -> PutStatus:
        digest = content_hash(doc)
        stored = c.execute(
            "SELECT id, hash FROM documents WHERE id=%s OR (url=%s AND url IS NOT NULL) ORDER BY id",
            (doc.id, doc.url),
        ).fetchall()
        if any(r["hash"] == digest for r in stored):
            status: PutStatus = "unchanged"
        else:
            for r in stored:
                self._delete(c, r["id"])
            write(c, link_document(doc, self._lookups(c)), digest, origin)
            status = "replaced" if stored else "added"
        if origin:
            c.execute("DELETE FROM failures WHERE origin=%s", (origin,))
        return status

    def delete_document(self, doc_id: str) -> bool:
        with self._transaction() as c:
            return self._delete(c, doc_id)

    def record_failure(self, origin: str, reason: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._transaction() as c:
            c.execute(
                "INSERT INTO failures VALUES (%s, %s, %s) "
                "ON CONFLICT (origin) DO UPDATE SET reason=excluded.reason, at=excluded.at",
                (origin, reason, now),
            )

    def _lookups(self, c: Conn) -> Lookups:
        def actors_by_keys(keys: frozenset[str]) -> list[ActorProfile]:
            if not keys:
                return []
            rows = c.execute(
                "SELECT * FROM actors WHERE id IN (SELECT actor_id FROM actor_keys WHERE key = ANY(%s)) "
                "ORDER BY id",
                (sorted(keys),),
            ).fetchall()
            return [profile_from_row(r) for r in rows]

        def events_by_key(key: str, day: str | None) -> list[EventSlot]:
            window = day_window(day)
            if window is None:
                rows = c.execute(
                    "SELECT id, date, vague FROM events WHERE key=%s AND (date IS NULL OR date=%s) "
                    "ORDER BY id",
                    (key, day),
                )
            else:
                rows = c.execute(
                    "SELECT id, date, vague FROM events WHERE key=%s AND date BETWEEN %s AND %s ORDER BY id",
                    (key, *window),
                )
            return [EventSlot(r["id"], r["date"], bool(r["vague"])) for r in rows]

        def taken(table: str) -> Callable[[str], bool]:
            sql = f"SELECT 1 FROM {table} WHERE id=%s"
            return lambda ident: c.execute(sql, (ident,)).fetchone() is not None

        return Lookups(actors_by_keys, taken("actors"), events_by_key, taken("events"))

    def _delete(self, c: Conn, doc_id: str) -> bool:
        if c.execute("SELECT 1 FROM documents WHERE id=%s", (doc_id,)).fetchone() is None:
            return False
        actors = c.execute(
            "SELECT actor_id, sum(mentions) AS n FROM entities WHERE doc_id=%s GROUP BY actor_id ORDER BY 1",
            (doc_id,),
        ).fetchall()
        events = sorted(
            r["event_id"]
            for r in c.execute("SELECT DISTINCT event_id FROM mentions WHERE doc_id=%s", (doc_id,))
        )
        for table in ("sentences", "entities", "relations", "quotes", "mentions"):
            c.execute(f"DELETE FROM {table} WHERE doc_id=%s", (doc_id,))
        c.execute("DELETE FROM documents WHERE id=%s", (doc_id,))
        recount(c, set(events))
        gone = "SELECT id FROM events WHERE id = ANY(%s) AND num_mentions = 0"
        c.execute(f"DELETE FROM event_actors WHERE event_id IN ({gone})", (events,))
        c.execute(f"DELETE FROM events WHERE id IN ({gone})", (events,))
        c.cursor().executemany(
            "UPDATE actors SET documents=documents-1, mentions=mentions-%s WHERE id=%s",
            [(r["n"], r["actor_id"]) for r in actors],
        )
        ids = [r["actor_id"] for r in actors]
        orphans = "SELECT id FROM actors WHERE id = ANY(%s) AND documents <= 0"
        c.execute(f"DELETE FROM actor_keys WHERE actor_id IN ({orphans})", (ids,))
        c.execute(f"DELETE FROM actors WHERE id IN ({orphans})", (ids,))
        return True

    # ---------------------------------------------------------------- reading

    def counts(self) -> dict[str, int]:
        with self._reading() as c:
            return q.counts(c)

    def failures(self) -> list[Row]:
        with self._reading() as c:
            return c.execute("SELECT origin, reason, at FROM failures ORDER BY at, origin").fetchall()

    def actors(self, name: str | None = None, country: str | None = None, limit: int = 100) -> list[Row]:
        with self._reading() as c:
            return q.actors(c, name, country, limit)

    def find_actors(self, query: str) -> list[Row]:
        with self._reading() as c:
            return q.find_actors(c, query)

    def actor(self, actor_id: str, limit: int = 50) -> Row | None:
        with self._reading() as c:
            return q.actor(c, actor_id, limit)

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        limit: int = 100,
    ) -> list[Row]:
        with self._reading() as c:
            return q.events(c, actor, type, since, until, country, limit)

    def quotes(self, speaker: str | None = None, search: str | None = None, limit: int = 100) -> list[Row]:
        with self._reading() as c:
            return q.quotes(c, speaker, search, limit)

    def search(self, words: str, limit: int = 100) -> list[Row]:
        with self._reading() as c:
            return q.search(c, words, limit)

    def documents(self) -> Iterator[Document]:
        with self._reading() as c:
            for r in c.execute("SELECT data FROM documents ORDER BY id"):
                yield Document.from_dict(json.loads(zlib.decompress(r["data"])))

    def rows(self, table: str) -> Iterator[Row]:
        with self._reading() as c:
            yield from q.rows(c, table)

    def close(self) -> None:
        self.conn.close()
