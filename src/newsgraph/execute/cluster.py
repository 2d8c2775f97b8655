"""Extraction on a dask.distributed cluster: a scheduler at an address, or a LocalCluster started here.

Chunks of articles go out as tasks running `worker.extract_chunk`; each Dask worker process loads the
spaCy model once (the cached getter is per process). Results come back oldest chunk first, so documents
keep input order. Workers need newsgraph and its model installed, in the same version as here.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..article import Article
from ..errors import ConfigError, NewsgraphError
from ..pipeline import ExtractOptions
from .base import Chunked, ChunkResult
from .pool import check_workers

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

_SCHEMES = ("tcp", "tls", "ws", "wss")

#: A LocalCluster for extraction: processes with one thread each (spaCy is CPU-bound and holds the GIL),
#: listening on this host only, and no dashboard; its HTTP server takes a free port rather than 8787, so
#: two runs on one machine do not compete for it.
LOCAL_CLUSTER: dict[str, Any] = {
    "threads_per_worker": 1,
    "processes": True,
    "host": "127.0.0.1",
    "dashboard_address": ":0",
    "scheduler_kwargs": {"dashboard": False},
}


def check_address(address: str) -> str:
    """ "local", or a scheduler address as Dask writes it (tcp://host:8786); a bare host:port means tcp.

    Checked without importing Dask, so a typo is refused at once with what was expected."""
    address = address.strip()
    if address == "local":
        return address
    full = address if "://" in address else f"tcp://{address}"
    expected = (
        'expected "local" (start a cluster on this machine) or a scheduler address such as '
        "tcp://10.0.0.5:8786 (what `dask scheduler` prints)"
    )
    try:
        parts = urlsplit(full)
        port = parts.port
    except ValueError:
        raise ConfigError(f"Dask address {address!r} is not valid; {expected}") from None
    if (
        parts.scheme not in _SCHEMES
        or not parts.hostname
        or port is None
        or parts.path not in ("", "/")
        or re.search(r"\s", full)
    ):
        raise ConfigError(f"Dask address {address!r} is not valid; {expected}")
    return full.rstrip("/")


class DaskExecutor(Chunked["Future[ChunkResult]"]):
    """Extraction on Dask: `address` of a running scheduler, or "local" for a LocalCluster of `workers`
    processes (default: one per CPU), each with one thread, started on first use and closed by `close`.

    `workers` applies only to "local": a remote cluster has the workers it has.
    """

    def __init__(
        self,
        address: str = "local",
        workers: int | None = None,
        options: ExtractOptions | None = None,
        chunk_size: int = 8,
        connect_timeout: float = 10.0,
    ) -> None:
        super().__init__(options, chunk_size)
        self.address = check_address(address)
        if self.address != "local" and workers is not None:
            raise ConfigError(
                f"a worker count ({workers}) applies to a local Dask cluster only; the cluster at "
                f"{self.address} has its own workers (start more with `dask worker {self.address}`)"
            )
        self.workers = check_workers(workers) if self.address == "local" else None
        self.connect_timeout = connect_timeout
        self._cluster: LocalCluster | None = None
        self._client: Client | None = None

    def _start(self) -> int:
        if self._client is None:
            self._client = self._connect()
        # Threads, not workers: a worker with N threads can take N chunks (they take turns inside it).
        return max(1, int(sum(self._client.nthreads().values())))

    def _connect(self) -> Client:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError(
                "Dask is not installed; install it with pip install -e '.[dask]' (or drop --dask)"
            ) from exc
        # distributed sets its logger to INFO on import: a dozen lines of cluster start and stop per run
        # would bury the run's own progress and errors, so only its warnings pass.
        quiet = logging.getLogger("distributed")
        if quiet.getEffectiveLevel() < logging.WARNING:
            quiet.setLevel(logging.WARNING)
        if self.address == "local":
            self._cluster = LocalCluster(n_workers=self.workers, **LOCAL_CLUSTER)
            return Client(self._cluster)
        try:
            return Client(self.address, timeout=self.connect_timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise ConfigError(
                f"cannot reach a Dask scheduler at {self.address} ({exc}); start one with `dask scheduler` "
                "and workers with `dask worker ADDRESS`, or use --dask local"
            ) from exc

    def _submit(self, articles: list[Article]) -> Future[ChunkResult]:
        from .worker import extract_chunk

        assert self._client is not None
        return self._client.submit(extract_chunk, self.options, articles, pure=False)

    def _collect(self, handle: Future[ChunkResult]) -> ChunkResult:
        from distributed import KilledWorker

        try:
            return handle.result()
        except KilledWorker as exc:
            raise NewsgraphError(
                f"Dask workers died on a chunk of articles ({exc}); the documents stored so far are kept. "
                "If memory ran out, give the workers more; the run resumes where it stopped"
            ) from exc
        finally:
            handle.release()

    def _cancel(self, handle: Future[ChunkResult]) -> None:
        handle.cancel()

    def close(self) -> None:
        client, cluster = self._client, self._cluster
        self._client = self._cluster = None
        try:
            if client is not None:
                client.close()
        finally:
            if cluster is not None:
                cluster.close()

    def __repr__(self) -> str:
        workers = f", workers={self.workers}" if self.workers is not None else ""
        return f"DaskExecutor({self.address!r}{workers})"
