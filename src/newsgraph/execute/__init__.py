"""Executors: where extraction runs. One job, behind one interface: articles in, Documents (or the error
of each failed input) out, in input order, streaming with bounded memory.

`InProcess` (the default) runs in this process; `ProcessPool` in local worker processes; `DaskExecutor`
on a dask.distributed cluster. Store writes stay in the caller's process, so ingest behaves the same
whichever executor extracts.
"""

from __future__ import annotations

from ..pipeline import ExtractOptions
from .base import Executor, InProcess
from .cluster import DaskExecutor, check_address
from .pool import ProcessPool


def make_executor(
    workers: int | None = None, dask: str | None = None, options: ExtractOptions | None = None
) -> Executor:
    """The executor a command line asks for: `dask` (an address or "local") wins; else `workers` > 1 is a
    process pool; else in-process. Starts nothing: the executor starts on first use."""
    options = options or ExtractOptions()
    if dask is not None:
        return DaskExecutor(dask, workers=workers, options=options)
    if workers is not None and workers > 1:
        return ProcessPool(workers, options=options)
    return InProcess(options)


__all__ = [
    "DaskExecutor",
    "Executor",
    "ExtractOptions",
    "InProcess",
    "ProcessPool",
    "check_address",
    "make_executor",
]
