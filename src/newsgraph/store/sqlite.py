"""The default store: one SQLite file (WAL journal, FTS5 over sentences and quotes).

Every document is written in one `BEGIN IMMEDIATE` transaction, so a process killed mid-ingest leaves
either the whole document or none of it, and concurrent writers queue instead of failing.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..corpus import ActorProfile, EventSlot, Linked, Lookups, link_document
from ..corpus.events import day_window
from ..errors import StoreError
from ..model import Document
from . import records as rec
from . import sqlite_query as q
from .base import PutStatus, Row, Store, content_hash
from .query_common import profile_from_row
from .sqlite_schema import DDL, STORE_SCHEMA

_SQLITE_MAGIC = b"SQLite format 3\x00"


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


class SQLiteStore(Store):
    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        _check_path(self.path, create)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=60.0)
            self.conn.row_factory = sqlite3.Row
            self._setup()
        except sqlite3.DatabaseError as exc:
            msg = f"{self.path} is not a usable newsgraph store ({exc}); pass another --db"
            raise StoreError(msg) from exc

    def _setup(self) -> None:
        c = self.conn
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "meta" not in tables:
            raise StoreError(
                f"{self.path} is an SQLite database but not a newsgraph store (it has other tables); "
                "pass another --db"
            )
        if "meta" in tables:
            row = c.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None or row[0] != STORE_SCHEMA:
                found = row[0] if row else "none"
                raise StoreError(
                    f"{self.path} has store schema {found!r}, this newsgraph reads {STORE_SCHEMA!r}; "
                    "ingest into a new --db"
                )
        c.execute("PRAGMA journal_mode=WAL")
        # NORMAL keeps WAL commits atomic and durable across a killed process (only an OS crash can lose
        # the last commits), at a fraction of FULL's fsyncs.
        c.execute("PRAGMA synchronous=NORMAL")
        c.execute("PRAGMA busy_timeout=60000")
        if "meta" not in tables:
            # One script, one transaction: a store is created whole or not at all.
            meta = f"INSERT OR IGNORE INTO meta VALUES ('schema', '{STORE_SCHEMA}');"
            c.executescript(f"BEGIN IMMEDIATE;\n{DDL}\n{meta}\nCOMMIT;")

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write to the store {self.path} ({exc})") from exc
        try:
            yield self.conn
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

    # ---------------------------------------------------------------- writing

    def is_current(self, doc_id: str, url: str | None, digest: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE id=? AND hash=? UNION ALL "
            "SELECT 1 FROM documents WHERE url=? AND hash=? LIMIT 1",
            (doc_id, digest, url, digest),
        ).fetchone()
        return row is not None

    def put_document(self, doc: Document, origin: str | None = None) -> PutStatus:
        with self._transaction() as c:
            return self._put(c, doc, origin)

    def put_documents(self, docs: Iterable[Document]) -> list[PutStatus]:
        with self._transaction() as c:
            return [self._put(c, doc, None) for doc in docs]

    def _put(self, c: sqlite3.Connection, doc: Document, origin: str | None) -> PutStatus:
        digest = content_hash(doc)
        stored = c.execute(
            "SELECT id, hash FROM documents WHERE id=? UNION SELECT id, hash FROM documents WHERE url=?",
            (doc.id, doc.url),
        ).fetchall()
        if any(r["hash"] == digest for r in stored):
            status: PutStatus = "unchanged"
        else:
            for r in stored:
                self._delete(c, r["id"])
            self._write(c, link_document(doc, self._lookups(c)), digest, origin)
            status = "replaced" if stored else "added"
        if origin:
            c.execute("DELETE FROM failures WHERE origin=?", (origin,))
        return status

    def delete_document(self, doc_id: str) -> bool:
        with self._transaction() as c:
            return self._delete(c, doc_id)

    def record_failure(self, origin: str, reason: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._transaction() as c:
            c.execute(
                "INSERT INTO failures VALUES (?, ?, ?) "
                "ON CONFLICT(origin) DO UPDATE SET reason=excluded.reason, at=excluded.at",
                (origin, reason, now),
            )

    def _lookups(self, c: sqlite3.Connection) -> Lookups:
        def actors_by_keys(keys: frozenset[str]) -> list[ActorProfile]:
            if not keys:
                return []
            marks = ",".join("?" * len(keys))
            rows = c.execute(
                f"SELECT * FROM actors WHERE id IN (SELECT actor_id FROM actor_keys WHERE key IN ({marks}))",
                tuple(keys),
            ).fetchall()
            return [profile_from_row(r) for r in rows]

        def events_by_key(key: str, day: str | None) -> list[EventSlot]:
            window = day_window(day)
            if window is None:
                rows = c.execute(
                    "SELECT id, date, vague FROM events WHERE key=? AND (date IS NULL OR date=?)", (key, day)
                )
            else:
                rows = c.execute(
                    "SELECT id, date, vague FROM events WHERE key=? AND date BETWEEN ? AND ?", (key, *window)
                )
            return [EventSlot(r["id"], r["date"], bool(r["vague"])) for r in rows]

        def taken(table: str) -> Callable[[str], bool]:
            sql = f"SELECT 1 FROM {table} WHERE id=?"
            return lambda ident: c.execute(sql, (ident,)).fetchone() is not None

        return Lookups(actors_by_keys, taken("actors"), events_by_key, taken("events"))

    def _write(self, c: sqlite3.Connection, linked: Linked, digest: str, origin: str | None) -> None:
        doc = linked.document
        c.execute(
            "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rec.document_row(linked, digest, origin),
        )
        c.executemany(
            'INSERT INTO sentences (doc_id, idx, start, "end", text) VALUES (?, ?, ?, ?, ?)',
            rec.sentence_rows(doc),
        )
        for actor, keys in rec.actor_rows(linked):
            c.execute(
                "INSERT INTO actors (id, type, name, country, sector, geonameid, lat, lon, names, titles) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET name=excluded.name, "
                "country=excluded.country, sector=excluded.sector, geonameid=excluded.geonameid, "
                "lat=coalesce(actors.lat, excluded.lat), lon=coalesce(actors.lon, excluded.lon), "
                "names=excluded.names, titles=excluded.titles",
                actor,
            )
            c.executemany("INSERT OR IGNORE INTO actor_keys VALUES (?, ?)", keys)
        c.executemany(
            "UPDATE actors SET documents=documents+1, mentions=mentions+? WHERE id=?",
            rec.actor_count_rows(linked),
        )
        c.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rec.entity_rows(linked))
        c.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?)", rec.relation_rows(linked))
        c.executemany(
            'INSERT INTO quotes (doc_id, quote_id, kind, start, "end", text, speaker, speaker_text, cue, '
            "sentence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rec.quote_rows(linked),
        )
        self._write_events(c, linked)

    def _write_events(self, c: sqlite3.Connection, linked: Linked) -> None:
        doc = linked.document
        touched: set[str] = set()
        for le in linked.events:
            if le.new:
                c.execute(
                    "INSERT INTO events (id, key, type, date, vague, mode, contexts, location) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    rec.event_row(le),
                )
                c.executemany(
                    "INSERT OR IGNORE INTO event_actors VALUES (?, ?, ?, ?, ?)", rec.event_actor_rows(le)
                )
            else:
                c.execute(
                    "UPDATE events SET mode=coalesce(mode, ?), location=coalesce(location, ?) WHERE id=?",
                    (le.event.mode, le.location, le.corpus_id),
                )
            c.execute(
                "INSERT OR REPLACE INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rec.mention_row(doc, le),
            )
            touched.add(le.corpus_id)
        self._recount(c, touched)

    @staticmethod
    def _recount(c: sqlite3.Connection, event_ids: set[str]) -> None:
        c.executemany(
            "UPDATE events SET num_mentions=(SELECT count(*) FROM mentions WHERE event_id=events.id), "
            "num_sources=(SELECT count(DISTINCT doc_id) FROM mentions WHERE event_id=events.id) WHERE id=?",
            ((e,) for e in event_ids),
        )

    def _delete(self, c: sqlite3.Connection, doc_id: str) -> bool:
        if c.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone() is None:
            return False
        actors = c.execute(
            "SELECT actor_id, sum(mentions) AS n FROM entities WHERE doc_id=? GROUP BY actor_id", (doc_id,)
        ).fetchall()
        events = {r[0] for r in c.execute("SELECT DISTINCT event_id FROM mentions WHERE doc_id=?", (doc_id,))}
        for table in ("sentences", "entities", "relations", "quotes", "mentions"):
            c.execute(f"DELETE FROM {table} WHERE doc_id=?", (doc_id,))
        c.execute("DELETE FROM documents WHERE id=?", (doc_id,))
        self._recount(c, events)
        for e in events:
            if c.execute("SELECT num_mentions FROM events WHERE id=?", (e,)).fetchone()[0] == 0:
                c.execute("DELETE FROM event_actors WHERE event_id=?", (e,))
                c.execute("DELETE FROM events WHERE id=?", (e,))
        c.executemany(
            "UPDATE actors SET documents=documents-1, mentions=mentions-? WHERE id=?",
            ((r["n"], r["actor_id"]) for r in actors),
        )
        for r in actors:
            if c.execute("SELECT documents FROM actors WHERE id=?", (r["actor_id"],)).fetchone()[0] <= 0:
                c.execute("DELETE FROM actor_keys WHERE actor_id=?", (r["actor_id"],))
                c.execute("DELETE FROM actors WHERE id=?", (r["actor_id"],))
        return True

    # ---------------------------------------------------------------- reading

    def counts(self) -> dict[str, int]:
        return q.counts(self.conn)

    def failures(self) -> list[Row]:
        rows = self.conn.execute("SELECT origin, reason, at FROM failures ORDER BY at, origin")
        return [dict(r) for r in rows]

    def actors(self, name: str | None = None, country: str | None = None, limit: int = 100) -> list[Row]:
        return q.actors(self.conn, name, country, limit)

    def find_actors(self, query: str) -> list[Row]:
        return q.find_actors(self.conn, query)

    def actor(self, actor_id: str, limit: int = 50) -> Row | None:
        return q.actor(self.conn, actor_id, limit)

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        limit: int = 100,
    ) -> list[Row]:
        return q.events(self.conn, actor, type, since, until, country, limit)

    def quotes(self, speaker: str | None = None, search: str | None = None, limit: int = 100) -> list[Row]:
        return q.quotes(self.conn, speaker, search, limit)

    def search(self, words: str, limit: int = 100) -> list[Row]:
        return q.search(self.conn, words, limit)

    def documents(self) -> Iterator[Document]:
        for r in self.conn.execute("SELECT data FROM documents ORDER BY id"):
            yield Document.from_dict(json.loads(zlib.decompress(r[0])))

    def rows(self, table: str) -> Iterator[Row]:
        return q.rows(self.conn, table)

    def close(self) -> None:
        self.conn.close()
