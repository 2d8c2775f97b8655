"""The executor interface, the in-process executor, and the chunked streaming shared by the parallel ones."""

from __future__ import annotations

import itertools
from abc import ABC, abstractmethod
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, TypeVar

from ..article import Article
from ..errors import ConfigError, NewsgraphError
from ..model import Document
from ..pipeline import ExtractOptions, get_pipeline

Item = Article | NewsgraphError
Result = Document | NewsgraphError


class Executor(ABC):
    """Articles in, Documents (or each failed input's NewsgraphError) out, in input order, streaming.

    Building one starts nothing; the first `map` starts what it needs (processes, a cluster connection)
    and `close` (or leaving a `with` block) stops it. An executor is also a callable, so it can be given
    as `newsgraph.ingest(..., extract=executor)`.
    """

    options: ExtractOptions

    @abstractmethod
    def map(self, items: Iterable[Item]) -> Iterator[Result]: ...

    def close(self) -> None:
        """Stop what the executor started; safe to call twice or when nothing was started."""
        return None  # the in-process executor starts nothing it must stop

    def __call__(self, items: Iterable[Item]) -> Iterator[Result]:
        return self.map(items)

    def __enter__(self) -> Executor:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class InProcess(Executor):
    """Extraction in this process: one spaCy pipeline, articles parsed in batches (today's behaviour)."""

    def __init__(self, options: ExtractOptions | None = None) -> None:
        self.options = options or ExtractOptions()

    def map(self, items: Iterable[Item]) -> Iterator[Result]:
        return get_pipeline(self.options).extract_many(items)

    def __repr__(self) -> str:
        return "InProcess()"


Handle = TypeVar("Handle")


class Chunked(Executor, Generic[Handle]):
    """Streaming over workers: articles go out in chunks, at most `window` chunks in flight, and results
    come back oldest chunk first. Memory stays bounded by the window whatever the input's length, and
    inputs are read in the caller's thread, so a reader or store lookup in the input stream stays there.
    """

    def __init__(self, options: ExtractOptions | None, chunk_size: int) -> None:
        if chunk_size < 1:
            raise ConfigError(f"chunk_size is {chunk_size}; expected 1 or more")
        self.options = options or ExtractOptions()
        self.chunk_size = chunk_size

    @abstractmethod
    def _start(self) -> int:
        """Start (once) and return the number of workers, which sets how many chunks are in flight."""

    @abstractmethod
    def _submit(self, articles: list[Article]) -> Handle: ...

    @abstractmethod
    def _collect(self, handle: Handle) -> ChunkResult:
        """The worker's results for one chunk (see worker.extract_chunk), waiting for them."""

    def _cancel(self, handle: Handle) -> None:
        """Drop a chunk whose results nobody will read (the consumer stopped early)."""

    def map(self, items: Iterable[Item]) -> Iterator[Result]:
        window = 2 * self._start()  # two chunks per worker: one running, one queued behind it
        flight: deque[tuple[list[Item], Handle | None]] = deque()
        iterator = iter(items)
        try:
            while True:
                chunk = list(itertools.islice(iterator, self.chunk_size))
                if chunk:
                    articles = [i for i in chunk if isinstance(i, Article)]
                    flight.append((chunk, self._submit(articles) if articles else None))
                if chunk and len(flight) < window:
                    continue
                if not flight:
                    return
                done, handle = flight.popleft()
                results = iter(unpack_chunk(self._collect(handle)) if handle is not None else [])
                for item in done:
                    yield next(results) if isinstance(item, Article) else item
        finally:
            for _, handle in flight:
                if handle is not None:
                    self._cancel(handle)


@dataclass(frozen=True)
class ChunkFailed:
    """The whole chunk failed before any article was extracted (the model could not load, say)."""

    error: NewsgraphError


#: What a worker sends back for one chunk: each article's Document or error, in order, or the chunk's failure.
ChunkResult = list[Any] | ChunkFailed


def unpack_chunk(results: ChunkResult) -> list[Result]:
    """The worker's results as the caller's Documents and errors; a chunk-wide failure is raised."""
    if isinstance(results, ChunkFailed):
        raise results.error
    return list(results)
