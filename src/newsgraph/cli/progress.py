"""Progress on long runs: a bar with articles/s on a terminal, plain log lines otherwise."""

from __future__ import annotations

import logging
import sys
import time
from types import TracebackType

log = logging.getLogger("newsgraph")


class Progress:
    """Counts processed and failed inputs; shows a tqdm bar on a terminal, a log line every N otherwise."""

    def __init__(self, label: str, enabled: bool = True, every: int = 100) -> None:
        self.label, self.enabled, self.every = label, enabled, every
        self.done = self.failed = 0
        self.started = time.perf_counter()
        self._bar = None

    def __enter__(self) -> Progress:
        if self.enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(desc=self.label, unit="doc", file=sys.stderr, dynamic_ncols=True)
        return self

    def step(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        if self._bar is not None:
            self._bar.update(1)
            if self.failed:
                self._bar.set_postfix(failed=self.failed)
        elif self.enabled and self.done % self.every == 0:
            log.info("%s: %d documents (%.1f/s), %d failed", self.label, self.done, self.rate, self.failed)

    @property
    def rate(self) -> float:
        elapsed = time.perf_counter() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._bar is not None:
            self._bar.close()
