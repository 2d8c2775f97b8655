"""Answers of the read API kept in memory for as long as the store does not change.

The explorer is read-mostly: the same actor pages, event lists and searches are asked for again and
again while the store changes only when something is ingested. Each worker process keeps the bodies of
its most recent successful `GET /api/...` answers (not the claim check), keyed by path and query, each
tagged with the store's change marker (`Store.change_marker()`: the SQLite file's and journal's size
and time, PostgreSQL's next transaction id) at the moment it was computed. An answer is reused only while
the marker is the same, so a document ingested while the explorer runs shows on the next request.

A store whose engine gives no marker is never cached. `newsgraph serve --cache 0` turns the cache off.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # starlette comes with the optional `serve` extra; the CLI reads DEFAULT_ENTRIES
    from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Says whether an answer came from the cache (`hit`) or was computed (`miss`); absent when not cacheable.
CACHE_HEADER = b"x-newsgraph-cache"
#: Answers larger than this are not kept (a big graph download would push out many small pages).
MAX_BODY_BYTES = 512 * 1024
DEFAULT_ENTRIES = 2048


@dataclass(frozen=True)
class CachedAnswer:
    marker: str
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes


class ResponseCache:
    """ASGI middleware: serve a kept answer while `marker()` is unchanged, else compute and keep it.
    Runs on the event loop's thread only, so the table needs no lock."""

    def __init__(
        self, app: ASGIApp, marker: Callable[[], str | None], max_entries: int = DEFAULT_ENTRIES
    ) -> None:
        self.app = app
        self.marker = marker
        self.max_entries = max_entries
        self._answers: OrderedDict[str, CachedAnswer] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def _cacheable(self, scope: Scope) -> bool:
        path: str = scope.get("path", "")
        return (
            self.max_entries > 0
            and scope["type"] == "http"
            and scope["method"] == "GET"
            and path.startswith("/api/")
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        marker = self.marker()
        if marker is None:
            await self.app(scope, receive, send)
            return
        key = f"{scope['path']}?{scope.get('query_string', b'').decode('latin-1')}"
        kept = self._answers.get(key)
        if kept is not None and kept.marker == marker:
            self._answers.move_to_end(key)
            self.hits += 1
            headers = [*kept.headers, (CACHE_HEADER, b"hit")]
            await send({"type": "http.response.start", "status": kept.status, "headers": headers})
            await send({"type": "http.response.body", "body": kept.body})
            return
        self.misses += 1
        start: Message | None = None
        chunks: list[bytes] = []
        size = 0

        async def keep(message: Message) -> None:
            nonlocal start, size
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message.get("headers", []), (CACHE_HEADER, b"miss")]}
            elif message["type"] == "http.response.body" and size <= MAX_BODY_BYTES:
                chunks.append(message.get("body", b""))
                size += len(chunks[-1])
            await send(message)

        await self.app(scope, receive, keep)
        if start is not None and start["status"] == 200 and size <= MAX_BODY_BYTES:
            kept_headers = tuple((bytes(k), bytes(v)) for k, v in start.get("headers", []))
            self._answers[key] = CachedAnswer(marker, 200, kept_headers, b"".join(chunks))
            self._answers.move_to_end(key)
            while len(self._answers) > self.max_entries:
                self._answers.popitem(last=False)
