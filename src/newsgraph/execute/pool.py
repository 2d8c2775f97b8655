"""A pool of local worker processes (concurrent.futures), each with its own spaCy pipeline."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from ..article import Article
from ..errors import ConfigError, NewsgraphError
from ..pipeline import ExtractOptions
from .base import Chunked, ChunkResult


def check_workers(workers: int | None) -> int:
    n = workers if workers is not None else (os.cpu_count() or 1)
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ConfigError(f"workers is {workers!r}; expected a whole number of processes, 1 or more")
    return n


class ProcessPool(Chunked[Future[ChunkResult]]):
    """Extraction in `workers` local processes (default: one per CPU).

    Workers are started with "spawn": a fresh interpreter each, so a parent that holds threads (a Dask
    client, a database driver) or a loaded model cannot leave a forked child in a bad state. Each worker
    loads the model on its first chunk. Chunks of `chunk_size` articles keep the cost of sending work
    small next to the work itself.
    """

    def __init__(
        self,
        workers: int | None = None,
        options: ExtractOptions | None = None,
        chunk_size: int = 8,
        start_method: str = "spawn",
    ) -> None:
        super().__init__(options, chunk_size)
        self.workers = check_workers(workers)
        if start_method not in multiprocessing.get_all_start_methods():
            raise ConfigError(
                f"start method {start_method!r} is not available here; expected one of "
                f"{', '.join(multiprocessing.get_all_start_methods())}"
            )
        self.start_method = start_method
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> int:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context(self.start_method)
            )
        return self.workers

    def _submit(self, articles: list[Article]) -> Future[ChunkResult]:
        from .worker import extract_chunk

        assert self._pool is not None
        return self._pool.submit(extract_chunk, self.options, articles)

    def _collect(self, handle: Future[ChunkResult]) -> ChunkResult:
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            raise NewsgraphError(
                f"a worker process died ({exc}); the documents stored so far are kept. If memory ran "
                "out, run again with fewer --workers; the run resumes where it stopped"
            ) from exc

    def _cancel(self, handle: Future[ChunkResult]) -> None:
        handle.cancel()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __repr__(self) -> str:
        return f"ProcessPool(workers={self.workers})"
