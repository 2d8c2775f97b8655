"""What runs in a worker process: extract one chunk of articles with that process's own Pipeline.

The Pipeline comes from `newsgraph.api.get_pipeline`, a `functools.cache`d getter: each worker process
loads the spaCy model once, on its first chunk, and keeps it for every later chunk. Nothing is shared
between processes but the articles going out and the documents coming back.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from ..article import Article
from ..errors import NewsgraphError
from .base import ExtractOptions, Result

# A Dask worker may run several tasks at once in threads of one process; spaCy does not promise that one
# pipeline may parse in two threads at a time, and the cached getter could load the model twice. Chunks
# in one process therefore take turns (processes, not threads, are the unit of parallelism here).
_one_at_a_time = threading.Lock()


@dataclass(frozen=True)
class ChunkFailed:
    """The whole chunk failed before any article was extracted (the model could not load, say)."""

    error: NewsgraphError


def extract_chunk(options: ExtractOptions, articles: list[Article]) -> list[Any] | ChunkFailed:
    """Documents (or the errors of the inputs that failed) for `articles`, in order; runs in a worker."""
    from ..api import get_pipeline

    with _one_at_a_time:
        try:
            pipeline = get_pipeline(options.model, options.min_confidence, options.quote_parts)
            return list(pipeline.extract_many(articles, batch_size=options.batch_size))
        except NewsgraphError as exc:
            return ChunkFailed(exc)


def unpack_chunk(results: list[Any] | ChunkFailed) -> list[Result]:
    """The worker's results as the caller's Documents and errors; a chunk-wide failure is raised."""
    if isinstance(results, ChunkFailed):
        raise results.error
    return list(results)
