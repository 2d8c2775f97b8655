"""Progress on long runs, on standard error: a tqdm bar on a terminal (with a total, a percentage and the
time left once the inputs are counted), a plain line every few seconds otherwise, a line while the model
loads, and a one-line summary at the end."""

from __future__ import annotations

import os
import re
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ..execute import Executor

#: Seconds between two progress lines off a terminal ($NEWSGRAPH_PROGRESS_SECONDS overrides it).
INTERVAL = 5.0
# An item of an RSS or Atom feed, found by its tag: counting, not parsing.
_FEED_ITEM = re.compile(rb"<(?:\w+:)?(?:item|entry)[\s>/]")


def _count_file(path: Path) -> int:
    """How many items reading `path` yields, counted cheaply (lines, tags): an error counts as one."""
    from ..read.feed import FEED_SUFFIXES
    from ..read.sources import JSONL_SUFFIXES

    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as f:
                return max(1, sum(1 for line in f if line.strip()))
        if suffix in FEED_SUFFIXES:
            with path.open("rb") as f:
                return max(1, len(_FEED_ITEM.findall(f.read())))
    except OSError:
        return 1
    return 1


def count_inputs(paths: Iterable[str]) -> int | None:
    """The number of documents (or errors) `iter_articles(paths)` yields, counted without parsing: files
    by suffix, directories by their readable files, JSONL files by their non-blank lines, feeds by their
    item tags. None when it cannot be known (standard input)."""
    from ..read.sources import readable_files

    total = 0
    for name in paths:
        if name == "-":
            return None
        path = Path(name)
        if path.is_dir():
            total += sum(_count_file(p) for p in readable_files(path)) or 1
        else:
            total += _count_file(path)
    return total


def _interval() -> float:
    try:
        return max(0.0, float(os.environ.get("NEWSGRAPH_PROGRESS_SECONDS", INTERVAL)))
    except ValueError:
        return INTERVAL


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds:02d} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


class Progress:
    """Counts processed and failed items. On a terminal, a tqdm bar; elsewhere a line at the first item
    and then every few seconds (`ingest: 40/84 documents (48%), 4.2 doc/s, about 10 s left`). `total` is
    a number or a function that counts (run in a background thread, so a large input does not delay the
    start). `summary()` is the closing line; `loading(model)` says the model is loading before the first
    document."""

    def __init__(
        self,
        label: str,
        enabled: bool = True,
        total: int | Callable[[], int | None] | None = None,
        unit: str = "documents",
        stream: TextIO | None = None,
        short: str = "doc",
    ) -> None:
        self.label, self.enabled, self.unit, self.short = label, enabled, unit, short
        self.stream = stream if stream is not None else sys.stderr
        self.done = self.failed = 0
        self.started = time.perf_counter()
        self.first: float | None = None  # when the model was loaded, or the first item came
        self.total: int | None = total if isinstance(total, int) else None
        self.interval = _interval()
        self._last = self.started
        self._bar: Any = None
        self._loaded: float | None = None
        self._counter: threading.Thread | None = None
        if callable(total) and enabled:
            self._counter = threading.Thread(target=self._count, args=(total,), daemon=True)
            self._counter.start()

    def _count(self, count: Callable[[], int | None]) -> None:
        try:
            self.total = count()
        except Exception:  # a count is a nicety: the run goes on without a total
            self.total = None

    def __enter__(self) -> Progress:
        return self

    @property
    def tty(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def say(self, line: str) -> None:
        """A line on the progress stream (above the bar, if there is one)."""
        if self._bar is not None:
            self._bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def loading(self, model: str) -> None:
        if self.enabled:
            self.say(f"newsgraph: loading the spaCy model {model}...")

    def loaded(self) -> None:
        """The model is in: rates and time left count from here."""
        self.first = self._loaded = time.perf_counter()

    def _start_bar(self) -> None:
        from tqdm import tqdm

        self._bar = tqdm(
            desc=self.label,
            total=self.total,
            unit=self.short,
            file=self.stream,
            dynamic_ncols=True,
            initial=self.done - 1,  # the bar starts with the step that makes it
        )

    def step(self, failed: bool = False) -> None:
        self.done += 1
        self.failed += failed
        now = time.perf_counter()
        if self.first is None:
            self.first = self.started
        if not self.enabled:
            return
        if self.tty:
            if self._bar is None:
                self._start_bar()
            elif self.total is not None and self._bar.total != self.total:
                self._bar.total = self.total
            self._bar.update(1)
            if self.failed:
                self._bar.set_postfix(failed=self.failed, refresh=False)
        elif self.done == 1 or now - self._last >= self.interval:  # the first says what is ahead
            self._last = now
            self.say(self.line())

    @property
    def elapsed(self) -> float:
        return time.perf_counter() - self.started

    @property
    def rate(self) -> float:
        """Items a second since the model was loaded (or since the start)."""
        since = self.first if self.first is not None else self.started
        elapsed = time.perf_counter() - since
        return self.done / elapsed if elapsed > 0 else 0.0

    def line(self) -> str:
        """`ingest: 40/84 documents (48%), 4.2 doc/s, about 10 s left`, or without the total."""
        rate = self.rate
        failed = f", {self.failed} failed" if self.failed else ""
        total = self.total
        if total is None or total < self.done:
            return f"{self.label}: {self.done} {self.unit}, {rate:.1f} {self.short}/s{failed}"
        # One document is too few to tell: the first of a batch comes when the whole batch is parsed.
        left = f", about {_duration((total - self.done) / rate)} left" if rate > 0 and self.done > 1 else ""
        return (
            f"{self.label}: {self.done}/{total} {self.unit} ({100 * self.done // max(total, 1)}%), "
            f"{rate:.1f} {self.short}/s{failed}{left}"
        )

    def timing(self) -> str:
        """`model 5.3 s, then 4.2 doc/s`: the wait for the model apart from the rate that follows it."""
        if self._loaded is None:
            return f"{self.rate:.1f} {self.short}/s"
        return f"model {self._loaded - self.started:.1f} s, then {self.rate:.1f} {self.short}/s"

    def summary(self, what: str | None = None) -> str:
        """`extract: 84 documents in 26.3 s (model 5.3 s, then 4.0 doc/s), 2 failed`: counts, failures,
        time and rate."""
        done = f"{self.done} {what or self.unit}"
        return f"{self.label}: {done} in {self.elapsed:.1f} s ({self.timing()}), {self.failed} failed"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def model_name(model: str | None) -> str:
    from ..nlp.loader import DEFAULT_MODEL

    return model or DEFAULT_MODEL


def load_model(progress: Progress, model: str | None, load: Callable[[], object] | None = None) -> None:
    """Say the model is loading, and `load` it now (a model that cannot load raises ModelError, exit
    status 3, before any input is read); rates and time left count from the end of it."""
    progress.loading(model_name(model))
    if load is not None:
        load()
    progress.loaded()


def loader(executor: Executor) -> Callable[[], object] | None:
    """How to load the model of an executor that extracts in this process: an empty batch (worker
    processes and Dask workers load their own with their first articles)."""
    from ..execute import InProcess

    if not isinstance(executor, InProcess):
        return None
    return lambda: list(executor.map(()))
