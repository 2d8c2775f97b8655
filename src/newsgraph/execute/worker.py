"""What runs in a worker process: extract one chunk of articles with that process's own Pipeline.

The Pipeline comes from `newsgraph.pipeline.get_pipeline`, a `functools.cache`d getter: each worker process
loads the spaCy model once, on its first chunk, and keeps it for every later chunk. Nothing is shared
between processes but the articles going out and the documents coming back.
"""

from __future__ import annotations

import threading
from typing import Any

from ..article import Article
from ..errors import NewsgraphError
from ..pipeline import ExtractOptions, get_pipeline
from .base import ChunkFailed

# A Dask worker may run several tasks at once in threads of one process; spaCy does not promise that one
# pipeline may parse in two threads at a time, and the cached getter could load the model twice. Chunks
# in one process therefore take turns (processes, not threads, are the unit of parallelism here).
_one_at_a_time = threading.Lock()


def extract_chunk(options: ExtractOptions, articles: list[Article]) -> list[Any] | ChunkFailed:
    """Documents (or the errors of the inputs that failed) for `articles`, in order; runs in a worker."""
    with _one_at_a_time:
        try:
            return list(get_pipeline(options).extract_many(articles))
        except NewsgraphError as exc:
            return ChunkFailed(exc)
