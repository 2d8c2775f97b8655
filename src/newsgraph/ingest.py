"""Ingest, the orchestration: articles -> extraction (an executor) -> store, one transaction per
document, failures recorded not raised. The store never calls the pipeline; this module joins them.

Articles already stored with the same content are skipped before extraction, which is what makes a
re-run cheap and lets a killed run resume where it stopped.

A record's identity is its id (given, else derived from its url or content) and its url. One input holding
two records of one identity keeps the first and refuses the later one with an error naming both (it is a
recorded failure); a later record that repeats the first exactly is just "unchanged". Keeping the first is
what a stream can decide without reading ahead, and it decides the same way on every run, so a second run
of the same input changes nothing (when the later one replaced the first, every run replaced it again).
"""

from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .article import Article
from .errors import NewsgraphError, StoreError
from .execute import InProcess
from .model import Document
from .store import PutStatus, Store, content_hash


@dataclass
class IngestStats:
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    seconds: float = 0.0
    store_seconds: float = 0.0  # time in the store: lookups before extraction and document writes
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def read(self) -> int:
        return self.added + self.replaced + self.unchanged + self.failed

    @property
    def store_share(self) -> float:
        return self.store_seconds / self.seconds if self.seconds > 0 else 0.0


def _origin_reason(exc: NewsgraphError) -> tuple[str, str]:
    origin = getattr(exc, "origin", None) or "<input>"
    reason = getattr(exc, "reason", None) or str(exc)
    return origin, reason


def ingest(
    items: Iterable[Article | NewsgraphError],
    store: Store,
    *,
    extract: Callable[[Iterable[Article | NewsgraphError]], Iterator[Document | NewsgraphError]]
    | None = None,
    force: bool = False,
    on_item: Callable[[str, str, str | None], None] | None = None,
) -> IngestStats:
    """Extract and store every article; `on_item(origin, outcome, reason)` reports each input as it ends.

    `outcome` is a PutStatus or "failed". `extract` is an executor (`newsgraph.execute`) or any callable
    that maps articles to documents in order; the default extracts in this process.
    With `force`, stored articles are extracted and compared again instead of skipped.
    """
    if extract is None:
        extract = InProcess()
    stats = IngestStats()
    started = time.perf_counter()
    pending: deque[Article | NewsgraphError] = deque()

    def report(origin: str, outcome: str, reason: str | None = None) -> None:
        if outcome == "failed":
            stats.failed += 1
            stats.failures.append((origin, reason or ""))
        else:
            setattr(stats, outcome, getattr(stats, outcome) + 1)
        if on_item is not None:
            on_item(origin, outcome, reason)

    def fail(origin: str, reason: str) -> None:
        t = time.perf_counter()
        try:
            store.record_failure(origin, reason)
        finally:
            stats.store_seconds += time.perf_counter() - t
        report(origin, "failed", reason)

    # Identities seen in this input: id or url -> (origin of the first record, its content hash).
    seen: dict[tuple[str, str], tuple[str, str]] = {}

    def duplicate(item: Article, digest: str) -> bool:
        """True (and reported) when an earlier record of this input has the item's id or url."""
        keys = [("id", item.id)] + ([("url", item.url)] if item.url else [])
        first = next((seen[k] for k in keys if k in seen), None)
        if first is None:
            for k in keys:
                seen[k] = (item.origin, digest)
            return False
        origin, first_digest = first
        if digest == first_digest:
            report(item.origin, "unchanged")
        else:
            what = f"id {item.id!r}" if ("id", item.id) in seen else f"url {item.url!r}"
            fail(item.origin, f"has the {what} of {origin}, earlier in this input, which is kept")
        return True

    def todo() -> Iterator[Article | NewsgraphError]:
        for item in items:
            digest = content_hash(item) if isinstance(item, Article) else ""
            if isinstance(item, Article) and duplicate(item, digest):
                continue
            if isinstance(item, Article) and not force:
                t = time.perf_counter()
                current = store.is_current(item.id, item.url, digest)
                stats.store_seconds += time.perf_counter() - t
                if current:
                    report(item.origin, "unchanged")
                    continue
            pending.append(item)
            yield item

    stream = todo()
    # Inputs that fail to read come before the first article to extract are reported here, so a batch
    # with nothing new never pays for loading the NLP model.
    first: Article | None = None
    for item in stream:
        if isinstance(item, Article):
            first = item
            break
        pending.popleft()
        fail(*_origin_reason(item))
    if first is None:
        stats.seconds = time.perf_counter() - started
        return stats

    for result in extract(itertools.chain([first], stream)):
        item = pending.popleft()
        if isinstance(result, NewsgraphError):
            fail(*_origin_reason(result))
            continue
        origin = item.origin if isinstance(item, Article) else result.id
        t = time.perf_counter()
        try:
            status: PutStatus = store.put_document(result, origin)
        except StoreError as exc:
            stats.store_seconds += time.perf_counter() - t
            fail(origin, f"could not be stored ({exc})")
            continue
        stats.store_seconds += time.perf_counter() - t
        report(origin, status)
    stats.seconds = time.perf_counter() - started
    return stats
