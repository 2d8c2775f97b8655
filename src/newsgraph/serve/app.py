"""The explorer's web app: the REST API (`/api/...`, described at `/openapi.json`, docs at `/docs`) and the
page (`/`, `/actors/{id}`, `/documents/{id}`, ...), read-only over one store.

Safety is part of the design, not an afterthought: every response carries a Content-Security-Policy that
allows no inline script and no other origin, the page puts stored text into the DOM as text only, page
sizes are capped, the claim check is size- and rate-limited, and errors come back as JSON with a message,
never a traceback. The store is opened once per worker thread (SQLite connections belong to one thread).
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import ConfigError, NewsgraphError, StoreError
from ..store import Store, open_store
from .cache import DEFAULT_ENTRIES, ResponseCache
from .limits import CHECK_LIMITS, RateLimiter
from .routes import router

log = logging.getLogger("newsgraph.serve")

#: No inline script or style, nothing from another origin, no framing, no plugins.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
_RAW_SECURITY_HEADERS = tuple(
    (name.lower().encode("latin-1"), value.encode("latin-1")) for name, value in SECURITY_HEADERS.items()
)
#: The page's own addresses; each serves the one HTML file, whose script renders the view.
PAGES = ("/", "/search", "/events", "/map", "/check", "/actors/{actor_id}", "/documents/{doc_id}")


class StoreProvider:
    """One read-only use of the store per worker thread, opened on first use and closed with the app."""

    def __init__(self, target: str | None) -> None:
        self.target = target
        self._local = threading.local()
        self._opened: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.target, create=False)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                try:
                    store.close()
                except (StoreError, sqlite3.Error):
                    # An SQLite connection can only be closed by the thread that opened it; the others
                    # close when the process ends, which is when an app is shut down.
                    log.debug("left a store connection to close at exit", exc_info=True)
            self._opened.clear()


def _static_dir() -> str:
    return str(resources.files("newsgraph.serve").joinpath("static"))


def create_app(target: str | None = None, cache_entries: int = DEFAULT_ENTRIES) -> FastAPI:
    """The app over the store at `target` (an SQLite path or a postgresql:// URL; default as `--db`),
    keeping up to `cache_entries` answers while the store is unchanged (0: none; see cache.py).
    The store is checked when the app is made, so a wrong path fails at start, not at the first request."""
    open_store(target, create=False).close()
    provider = StoreProvider(target)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        provider.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsgraph explorer API",
        version="1",
        description="Read-only access to a newsgraph store: actors, PLOVER events, quotes, documents with "
        "every annotation's offsets, actor networks and timelines, and the claim check.",
    )
    app.state.stores = provider
    app.state.check_rate = RateLimiter(CHECK_LIMITS.per_minute)
    app.include_router(router)
    app.mount("/static", StaticFiles(directory=_static_dir()), name="static")
    _add_pages(app)
    _add_error_handlers(app)

    def store_marker() -> str | None:
        return provider.get().change_marker()

    app.add_middleware(ResponseCache, marker=store_marker, max_entries=cache_entries)
    app.add_middleware(SecurityHeaders)
    return app


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every response that does not set them itself. A plain ASGI middleware:
    Starlette's `@app.middleware("http")` runs each request through extra tasks and streams, which cost
    about a millisecond of CPU a request under load."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in _RAW_SECURITY_HEADERS if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


#: How `newsgraph serve --workers N` hands the store and the cache size to its worker processes (each
#: builds its own app).
STORE_ENV = "NEWSGRAPH_SERVE_DB"
CACHE_ENV = "NEWSGRAPH_SERVE_CACHE"


def app_from_environment() -> FastAPI:
    """The app over the store named by $NEWSGRAPH_SERVE_DB, keeping $NEWSGRAPH_SERVE_CACHE answers: the
    factory uvicorn's worker processes call."""
    entries = os.environ.get(CACHE_ENV, "")
    cache = int(entries) if entries.isdigit() else DEFAULT_ENTRIES
    return create_app(os.environ.get(STORE_ENV) or None, cache)


def _add_pages(app: FastAPI) -> None:
    index = resources.files("newsgraph.serve").joinpath("static", "index.html")

    def page() -> FileResponse:
        return FileResponse(str(index), media_type="text/html")

    for path in PAGES:
        app.add_api_route(path, page, methods=["GET"], include_in_schema=False)


def _error(status: int, message: str, detail: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"message": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [f"{_where(e.get('loc', ()))}: {e.get('msg')}" for e in exc.errors()]
        return _error(422, "; ".join(problems) or "invalid request", jsonable_errors(exc))

    @app.exception_handler(ConfigError)
    async def bad_parameter(request: Request, exc: ConfigError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(StoreError)
    async def store_down(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(NewsgraphError)
    async def refused(request: Request, exc: NewsgraphError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(Exception)
    async def bug(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s", request.url.path)
        return _error(
            500, f"newsgraph failed on this request ({type(exc).__name__}); this is a bug, please report it"
        )


def _where(loc: Any) -> str:
    """A parameter's name from a validation error's location, without FastAPI's 'query'/'body' prefix."""
    return ".".join(str(p) for p in loc if p not in ("query", "body", "path")) or "request"


def jsonable_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    """The validation errors without the input values (which may be large or hostile)."""
    return [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
