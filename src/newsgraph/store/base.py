"""The storage interface: what ingest, the query commands and the exports need from a store.

Backends (SQLite now, PostgreSQL next) implement `Store`. Rows come back as plain dicts with the keys
documented on each method, so the CLI and exports format them without knowing the backend. The
cross-document logic (actor resolution, event deduplication) lives in `newsgraph.corpus` and is shared.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Literal, Protocol

from ..errors import ConfigError
from ..model import Document

Row = dict[str, Any]
PutStatus = Literal["added", "replaced", "unchanged"]

#: Tables `rows()` yields, for exports.
TABLES = ("documents", "actors", "events", "quotes", "relations", "entities")


@dataclass(frozen=True)
class EventFilter:
    """Which events a query keeps: every condition given holds (None: any). Made by `Store.events`, so
    every backend sees the same normalised values (PLOVER types and ISO countries in upper case)."""

    type: str | None = None
    since: str | None = None  # YYYY-MM-DD, inclusive
    until: str | None = None  # YYYY-MM-DD, inclusive
    country: str | None = None  # the ISO country of one of the event's actors

    @classmethod
    def of(cls, type: str | None, since: str | None, until: str | None, country: str | None) -> EventFilter:
        return cls(
            type.upper() if type else None,
            parse_day(since, "since") if since else None,
            parse_day(until, "until") if until else None,
            country.upper() if country else None,
        )


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(value: str, what: str) -> str:
    """`value` if it is a whole YYYY-MM-DD day (nothing before or after it); ConfigError otherwise."""
    if _DAY.fullmatch(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    shown = value if len(value) <= 40 else value[:40] + "..."
    raise ConfigError(f"{what}: {shown!r} is not a day; expected YYYY-MM-DD (for example 2024-03-10)")


class HasContent(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def published(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...


def content_hash(item: HasContent) -> str:
    """What makes a stored article current: its text and metadata. An Article and its Document agree."""
    h = hashlib.sha256()
    for part in (item.text, item.published, item.title, item.url, item.source):
        h.update((part or "").encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:32]


class Store(ABC):
    """A corpus of documents with canonical actors and deduplicated events."""

    # ---------------------------------------------------------------- writing

    @abstractmethod
    def is_current(self, doc_id: str, url: str | None, digest: str) -> bool:
        """True when a document with this id (or url) is stored with this content hash: skip it."""

    @abstractmethod
    def put_document(self, doc: Document, origin: str | None = None) -> PutStatus:
        """Store one document, its actors and events, in one transaction.

        The same content again changes nothing ("unchanged"); a stored document with the same id or url
        but other content is replaced with all its records ("replaced"). A success clears any failure
        recorded earlier for `origin`.
        """

    @abstractmethod
    def put_documents(self, docs: Iterable[Document]) -> list[PutStatus]:
        """Store many documents in one transaction (bulk loads): all or none of them."""

    @abstractmethod
    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and its records; actors and events no other document supports go too."""

    @abstractmethod
    def record_failure(self, origin: str, reason: str) -> None:
        """Remember that an input failed (one row per input; a later failure updates the reason)."""

    # ---------------------------------------------------------------- reading

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """{"documents", "actors", "events", "mentions", "quotes", "failures"}."""

    @abstractmethod
    def failures(self) -> list[Row]:
        """[{"origin", "reason", "at"}], oldest first."""

    @abstractmethod
    def actors(self, name: str | None = None, country: str | None = None, limit: int = 100) -> list[Row]:
        """[{"id", "name", "type", "country", "sector", "documents", "mentions"}], most documented first."""

    @abstractmethod
    def find_actors(self, query: str) -> list[Row]:
        """Actors an id or name given by a user can mean, most documented first (same keys as actors())."""

    @abstractmethod
    def actor(self, actor_id: str, limit: int = 50) -> Row | None:
        """One actor with "aliases", "titles", "relations", "events_as_source", "events_as_target" and
        "quotes"."""

    def events(
        self,
        actor: str | None = None,
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        limit: int = 100,
    ) -> list[Row]:
        """[{"id", "date", "type", "mode", "source", "target", "location", "num_sources", "num_mentions",
        "documents"}], newest first. `actor` is a canonical actor id."""
        return self._select_events(actor, EventFilter.of(type, since, until, country), limit)

    @abstractmethod
    def _select_events(self, actor: str | None, where: EventFilter, limit: int) -> list[Row]:
        """events() with its filters as one value: what a backend implements."""

    @abstractmethod
    def quotes(self, speaker: str | None = None, search: str | None = None, limit: int = 100) -> list[Row]:
        """[{"document", "id", "kind", "speaker", "speaker_name", "speaker_text", "cue", "start", "end",
        "text"}]. `speaker` is a canonical actor id; `search` is full-text words."""

    @abstractmethod
    def search(self, words: str, limit: int = 100) -> list[Row]:
        """Sentences matching the words: [{"document", "sentence", "start", "end", "text"}], best first."""

    @abstractmethod
    def documents(self) -> Iterator[Document]:
        """Every stored document as the contract Document, in id order."""

    @abstractmethod
    def rows(self, table: str) -> Iterator[Row]:
        """The flat rows of one of TABLES, for exports, with these keys:

        documents: id, url, title, source, published, origin, added, text, entities, events, quotes (counts)
        actors: id, type, name, country, sector, geonameid, lat, lon, names, titles, documents, mentions
        events: id, date, date_vague, type, mode, contexts, source, target (actor id lists), location
            (actor id), num_sources, num_mentions, documents (ids), evidence (first report's sentence)
        quotes: document, id, kind, speaker (actor id), speaker_name, speaker_text, cue, sentence, start,
            end, text
        relations: subject, predicate, object (actor ids), mentions, documents
        entities: the per-document entities with doc_id, entity_id and their actor_id; name, type,
            country, sector, where each came from (country_source, sector_source: the contract's
            values, so a query can leave out the countries a name or a story's home gave), kb_id,
            titles, aliases, mentions (a count)
        """

    # ---------------------------------------------------------------- exploring (newsgraph serve)
    # Pages come with the number of rows all pages hold, so a client can show "41 of 1,203".

    @abstractmethod
    def actor_page(
        self, name: str | None, country: str | None, type: str | None, limit: int, offset: int
    ) -> tuple[list[Row], int]:
        """actors() with a type filter and an offset; `name` matches literally (no wildcards)."""

    @abstractmethod
    def actors_by_id(self, ids: Sequence[str]) -> list[Row]:
        """The actors with these ids (same keys as actors()), in id order; unknown ids are left out."""

    @abstractmethod
    def event_page(
        self, actor: str | None, where: EventFilter, modality: str | None, limit: int, offset: int
    ) -> tuple[list[Row], int]:
        """[{"id", "date", "type", "mode", "contexts", "source", "target" ([{"id", "name"}]), "location"
        ({"id", "name"} or None), "num_sources", "num_mentions", "confidence" (the best report's),
        "reports" ([{"document", "event", "modality", "start", "end", "evidence"}], the first few)}],
        newest first; `modality` keeps events one of whose reports has it."""

    @abstractmethod
    def actor_events(self, actor_id: str, limit: int) -> list[Row]:
        """The actor's events as source or target, newest first, as event_page() gives them."""

    @abstractmethod
    def actor_relations(self, actor_id: str, limit: int) -> list[Row]:
        """[{"direction" ("out": the actor is the subject, "in": the object), "predicate", "other",
        "other_name", "mentions"}], most mentioned first."""

    @abstractmethod
    def actor_event_counts(self, actor_id: str) -> dict[str, int]:
        """{PLOVER type: number of events} the actor is source or target of."""

    @abstractmethod
    def actor_documents(self, actor_id: str, limit: int) -> list[Row]:
        """[{"id", "title", "published", "source"}] of the documents that mention the actor, newest first."""

    @abstractmethod
    def document(self, doc_id: str) -> Document | None:
        """One stored document as the contract Document, or None."""

    @abstractmethod
    def places(self, limit: int, offset: int) -> tuple[list[Row], int]:
        """[{"id", "name", "type", "country", "lat", "lon", "documents"}]: places with coordinates."""

    @abstractmethod
    def quote_page(
        self, speaker: str | None, search: str | None, limit: int, offset: int
    ) -> tuple[list[Row], int]:
        """quotes() with an offset."""

    @abstractmethod
    def document_labels(self, ids: Sequence[str]) -> dict[str, str]:
        """{document id: its title, else the name of the file it came from, else the id}, for tables."""

    @abstractmethod
    def search_page(self, words: str, limit: int, offset: int) -> tuple[list[Row], int]:
        """search() with an offset; the total counts matches up to 10,000."""

    # ---------------------------------------------------------------- life cycle

    def change_marker(self) -> str | None:
        """A value that changes whenever a write is committed to the store by anyone; None when this
        store has no cheap one (then nothing may be cached over it)."""
        return None

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
