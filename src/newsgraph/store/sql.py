"""The one implementation of `Store`, over a dialect (SQLite or PostgreSQL).

The SQL of every select, insert and delete, the rows a document writes (records.py), the calls into
`newsgraph.corpus` that link actors and events, and one transaction per document are written once, in
this module and sql_write.py (with sql_events.py and sql_persons.py), sql_query.py, sql_explore.py and
sql_export.py; the dialect (dialect.py) holds what each engine does its own way. Every read runs inside
`dialect.reading()` and every write inside `dialect.writing()`, so a driver's error reaches the caller as
a StoreError that names the store.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence

from ..model import Document
from . import sql_explore, sql_export, sql_query, sql_write
from .base import EventFilter, PutStatus, Row, Store
from .dialect import Dialect


class SQLStore(Store):
    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect
        #: The DB-API connection, for tests and maintenance that query the tables directly.
        self.conn = dialect.conn

    @property
    def name(self) -> str:
        """The store as messages name it (a path, or a URL without its password)."""
        return self.dialect.name

    # ---------------------------------------------------------------- writing

    def is_current(self, doc_id: str, url: str | None, digest: str) -> bool:
        # Two index lookups: an OR of id and url would scan the documents on SQLite.
        with self.dialect.reading():
            row = self.dialect.one(
                "SELECT 1 AS hit FROM documents WHERE id=? AND hash=? UNION ALL "
                "SELECT 1 FROM documents WHERE url=? AND hash=? LIMIT 1",
                (doc_id, digest, url, digest),
            )
        return row is not None

    def put_document(self, doc: Document, origin: str | None = None) -> PutStatus:
        with self.dialect.writing():
            return sql_write.put(self.dialect, doc, origin)

    def put_documents(self, docs: Iterable[Document]) -> list[PutStatus]:
        with self.dialect.writing():
            return [sql_write.put(self.dialect, doc, None) for doc in docs]

    def delete_document(self, doc_id: str) -> bool:
        with self.dialect.writing():
            return sql_write.delete(self.dialect, doc_id)

    def record_failure(self, origin: str, reason: str) -> None:
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.dialect.writing():
            self.dialect.execute(
                # The same failure again changes nothing (a second run of the same input leaves the store
                # as it was); a new reason replaces the old one with its time.
                "INSERT INTO failures VALUES (?, ?, ?) "
                "ON CONFLICT (origin) DO UPDATE SET reason=excluded.reason, at=excluded.at "
                "WHERE failures.reason <> excluded.reason",
                (origin, reason, now),
            )

    # ---------------------------------------------------------------- reading

    def counts(self) -> dict[str, int]:
        with self.dialect.reading():
            return sql_query.counts(self.dialect)

    def failures(self) -> list[Row]:
        with self.dialect.reading():
            return self.dialect.all("SELECT origin, reason, at FROM failures ORDER BY at, origin")

    def actors(self, name: str | None = None, country: str | None = None, limit: int = 100) -> list[Row]:
        with self.dialect.reading():
            return sql_query.actors(self.dialect, name, country, limit)

    def find_actors(self, query: str) -> list[Row]:
        with self.dialect.reading():
            return sql_query.find_actors(self.dialect, query)

    def actor(self, actor_id: str, limit: int = 50) -> Row | None:
        with self.dialect.reading():
            return sql_query.actor(self.dialect, actor_id, limit)

    def _select_events(self, actor: str | None, where: EventFilter, limit: int) -> list[Row]:
        with self.dialect.reading():
            return sql_query.events(self.dialect, actor, where, limit)

    def quotes(self, speaker: str | None = None, search: str | None = None, limit: int = 100) -> list[Row]:
        with self.dialect.reading():
            return sql_query.quotes(self.dialect, speaker, search, limit)

    def search(self, words: str, limit: int = 100) -> list[Row]:
        with self.dialect.reading():
            return sql_query.search(self.dialect, words, limit)

    def documents(self) -> Iterator[Document]:
        with self.dialect.reading():
            yield from sql_export.documents(self.dialect)

    def rows(self, table: str) -> Iterator[Row]:
        with self.dialect.reading():
            yield from sql_export.rows(self.dialect, table)

    # ---------------------------------------------------------------- exploring (newsgraph serve)

    def actor_page(
        self, name: str | None, country: str | None, type: str | None, limit: int, offset: int
    ) -> tuple[list[Row], int]:
        with self.dialect.reading():
            return sql_explore.actor_page(self.dialect, name, country, type, limit, offset)

    def actors_by_id(self, ids: Sequence[str]) -> list[Row]:
        with self.dialect.reading():
            return sql_explore.actors_by_id(self.dialect, ids)

    def event_page(
        self, actor: str | None, where: EventFilter, modality: str | None, limit: int, offset: int
    ) -> tuple[list[Row], int]:
        with self.dialect.reading():
            return sql_explore.event_page(self.dialect, actor, where, modality, limit, offset)

    def actor_events(self, actor_id: str, limit: int) -> list[Row]:
        with self.dialect.reading():
            return sql_explore.actor_events(self.dialect, actor_id, limit)

    def actor_relations(self, actor_id: str, limit: int) -> list[Row]:
        with self.dialect.reading():
            return sql_explore.actor_relations(self.dialect, actor_id, limit)

    def actor_event_counts(self, actor_id: str) -> dict[str, int]:
        with self.dialect.reading():
            return sql_explore.actor_event_counts(self.dialect, actor_id)

    def actor_documents(self, actor_id: str, limit: int) -> list[Row]:
        with self.dialect.reading():
            return sql_explore.actor_documents(self.dialect, actor_id, limit)

    def document(self, doc_id: str) -> Document | None:
        with self.dialect.reading():
            return sql_explore.document(self.dialect, doc_id)

    def places(self, limit: int, offset: int) -> tuple[list[Row], int]:
        with self.dialect.reading():
            return sql_explore.places(self.dialect, limit, offset)

    def quote_page(
        self, speaker: str | None, search: str | None, limit: int, offset: int
    ) -> tuple[list[Row], int]:
        with self.dialect.reading():
            return sql_explore.quote_page(self.dialect, speaker, search, limit, offset)

    def document_labels(self, ids: Sequence[str]) -> dict[str, str]:
        with self.dialect.reading():
            return sql_explore.document_labels(self.dialect, ids)

    def search_page(self, words: str, limit: int, offset: int) -> tuple[list[Row], int]:
        with self.dialect.reading():
            return sql_explore.search_page(self.dialect, words, limit, offset)

    # ---------------------------------------------------------------- life cycle

    def change_marker(self) -> str | None:
        with self.dialect.reading():
            return self.dialect.change_marker()

    def close(self) -> None:
        self.dialect.close()
