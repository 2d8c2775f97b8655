"""The explorer: `newsgraph serve`, a REST API and a web page over a store (read-only).

`create_app(target)` gives the ASGI app (FastAPI); `serve(target, host, port)` runs it with uvicorn.
Both need the `serve` extra: `pip install 'newsgraph[serve]'`.
"""

from __future__ import annotations

from typing import Any

from ..errors import ConfigError
from .cache import DEFAULT_ENTRIES


def create_app(target: str | None = None, cache_entries: int = DEFAULT_ENTRIES) -> Any:  # a FastAPI app
    """The app over the store at `target` (an SQLite path or a postgresql:// URL), keeping up to
    `cache_entries` answers while the store is unchanged (0: none). FastAPI is an optional dependency."""
    try:
        from .app import create_app as make
    except ImportError as exc:
        raise ConfigError(
            f"newsgraph serve needs FastAPI and uvicorn ({exc.name} is missing): "
            "pip install 'newsgraph[serve]'"
        ) from exc
    return make(target, cache_entries)


def serve(
    target: str | None, host: str = "127.0.0.1", port: int = 8000, *, log_level: str = "warning"
) -> None:
    """Run the explorer until interrupted."""
    app = create_app(target)
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level=log_level)


__all__ = ["create_app", "serve"]
