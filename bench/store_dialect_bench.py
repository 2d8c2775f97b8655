"""Store write cost: the store's own raw DB-API dialect against the same statements through SQLAlchemy Core.

Issue 11 asks whether SQLAlchemy Core could replace the store's dialect (store/dialect.py) if it keeps
store writes under 10% of ingest time. This benchmark writes N synthetic documents (a few dozen
entities, events, quotes and sentences each, made here like the tests make theirs: it reads no shared
data) into a fresh SQLite store twice:

(a) raw: `open_store(path)`, the store as shipped (sqlite3 through the SQLite dialect);
(b) core: the same store body (sql_write.put: linking, inserts, upserts, recounts) over a dialect that
    sends every statement through a SQLAlchemy Core `Connection.execute(text(...), params)` instead of
    sqlite3 directly, in one `Connection.begin()` transaction per document.

It prints wall and CPU milliseconds per document (median of --repeat runs, each into a new store) and the
CPU time's share of a whole ingest (write / (write + extraction)), taking the extraction cost from
bench/README.md (about 160 ms of CPU per article and core). SQLAlchemy is not a dependency of newsgraph;
install it into the venv to run (b):

    .venv/bin/pip install sqlalchemy
    .venv/bin/python bench/store_dialect_bench.py [--docs 300] [--repeat 3] [--workdir /tmp/ng/dialect]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsgraph.model import Document, Entity, EntityType, Event, Mention, Quote, Relation, Span
from newsgraph.store import open_store
from newsgraph.store.sql import SQLStore
from newsgraph.store.sql_write import put
from newsgraph.store.sqlite import SQLiteDialect

#: CPU milliseconds of extraction per article and core (bench/README.md, bench/speed.py).
EXTRACT_MS = 160.0

FIRST = ["Lena", "Omar", "Grace", "Ivan", "Mei", "Tomas", "Aisha", "Pedro", "Sven", "Nadia", "Kofi", "Ana"]
LAST = ["Hart", "Haddad", "Otieno", "Petrov", "Lin", "Novak", "Bello", "Silva", "Berg", "Karimi", "Mensah"]
PLACES = [("Norway", "NOR"), ("Kenya", "KEN"), ("Brazil", "BRA"), ("Japan", "JPN"), ("Chile", "CHL")]
PLACES += [("Ghana", "GHA"), ("Peru", "PER"), ("Poland", "POL"), ("Egypt", "EGY"), ("Nepal", "NPL")]
ORGS = ["Central Bank", "Health Ministry", "Port Authority", "Farmers Union", "Red Cross", "Air Force"]
TYPES = ["CONSULT", "AGREE", "PROTEST", "AID", "DEMAND", "REJECT", "ASSAULT", "COERCE"]


def make_document(i: int, rng: random.Random) -> Document:
    """A document of 40 sentences naming 30 entities (people, places, organisations drawn from small
    pools, so documents share actors as news does), with 12 events, 8 quotes and 10 relations."""
    names: list[tuple[str, EntityType, str | None]] = []
    etype: EntityType
    country: str | None
    while len(names) < 30:
        kind = rng.random()
        if kind < 0.5:
            name, etype, country = f"{rng.choice(FIRST)} {rng.choice(LAST)}", "PERSON", rng.choice(PLACES)[1]
        elif kind < 0.8:
            name, country = rng.choice(PLACES)
            etype = "GPE"
        else:
            name, etype, country = rng.choice(ORGS), "ORG", rng.choice(PLACES)[1]
        if name not in {n for n, _, _ in names}:
            names.append((name, etype, country))
    sentences, entities, quotes = [], [], []
    text = ""
    for s in range(40):
        start = len(text)
        who = names[s % len(names)][0]
        said = f"We will work with {names[(s + 7) % len(names)][0]} on this" if s % 5 == 0 else ""
        line = f"{who} met officials in the capital on day {s} of the talks ({i})."
        line += f' "{said}," {who} said.' if said else ""
        text += line + " "
        sentences.append((start, start + len(line)))
        if said:
            q0 = text.index(said, start)
            quotes.append((q0, said, s % len(names), s))
    for k, (name, etype, country) in enumerate(names):
        at = text.index(name)
        mentions = (Mention(at, at + len(name), name, k % 40),)
        titles = ("Minister",) if etype == "PERSON" and k % 3 == 0 else ()
        entities.append(Entity(f"E{k + 1}", name, etype, mentions, country, None, titles, (name,)))
    events = tuple(
        Event(
            f"V{k + 1}",
            rng.choice(TYPES),
            Span(sentences[k][0], sentences[k][0] + 3, text[sentences[k][0] : sentences[k][0] + 3]),
            k,
            (f"E{k + 1}",),
            (f"E{k + 8}",),
            date=f"2024-03-{1 + rng.randrange(28):02d}",
        )
        for k in range(12)
    )
    quote_records = tuple(
        Quote(f"Q{n + 1}", "direct", q0, q0 + len(body), body, f"E{speaker + 1}", None, "said", sent)
        for n, (q0, body, speaker, sent) in enumerate(quotes[:8])
    )
    relations = tuple(Relation(f"E{k + 1}", "represents", f"E{k + 2}", k) for k in range(10))
    return Document(
        f"doc{i:05d}", text.strip(), tuple(sentences), "2024-03-04", f"Talks, day {i}", None, "Bench Wire",
        tuple(entities), relations, (), quote_records, events,
    )  # fmt: skip


class CoreDialect(SQLiteDialect):
    """The SQLite dialect with every statement of the store body sent through SQLAlchemy Core."""

    def __init__(self, path: Path) -> None:
        import sqlalchemy

        super().__init__(path)  # creates the tables with the shipped DDL
        self.conn.close()
        self._sa = sqlalchemy
        self.engine = sqlalchemy.create_engine(f"sqlite:///{path}")
        self.core = self.engine.connect()
        # As the shipped dialect sets it (per connection): WAL commits without a full fsync each.
        self.core.exec_driver_sql("PRAGMA synchronous=NORMAL")
        self.core.commit()
        self._texts: dict[str, tuple[Any, int]] = {}

    def _text(self, sql: str) -> tuple[Any, int]:
        """The body's qmark SQL as a Core text() construct with named binds (cached, as Core caches)."""
        if sql not in self._texts:
            count = iter(range(10_000))
            named = re.sub(r"\?", lambda _: f":p{next(count)}", sql)
            self._texts[sql] = (self._sa.text(named), next(count))
        return self._texts[sql]

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        stmt, _ = self._text(sql)
        result = self.core.execute(stmt, {f"p{n}": v for n, v in enumerate(args)})
        return result.mappings() if result.returns_rows else result

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        stmt, _ = self._text(sql)
        params = [{f"p{n}": v for n, v in enumerate(row)} for row in rows]
        if params:
            self.core.execute(stmt, params)

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self.core.begin():
            yield

    def close(self) -> None:
        self.core.close()
        self.engine.dispose()


class Clock:
    """Wall and CPU seconds since it was made (CPU time moves less with other jobs on the machine)."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def read(self) -> tuple[float, float]:
        return time.perf_counter() - self.wall, time.process_time() - self.cpu


def time_raw(path: Path, docs: list[Document]) -> tuple[float, float]:
    with open_store(path) as store:
        clock = Clock()
        for doc in docs:
            store.put_document(doc)
        elapsed = clock.read()
        assert store.counts()["documents"] == len(docs)
    return elapsed


def time_core(path: Path, docs: list[Document]) -> tuple[float, float]:
    dialect = CoreDialect(path)
    clock = Clock()
    for doc in docs:
        with dialect.writing():
            put(dialect, doc, None)
    elapsed = clock.read()
    dialect.close()
    with SQLStore(SQLiteDialect(path, create=False)) as store:
        assert store.counts()["documents"] == len(docs)
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=300, help="documents per run (default 300)")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each path; the median is shown")
    parser.add_argument(
        "--workdir", type=Path, default=None, help="where the stores go (default: a temp dir)"
    )
    args = parser.parse_args()
    rng = random.Random(11)
    docs = [make_document(i, rng) for i in range(args.docs)]
    try:
        import sqlalchemy
    except ImportError:
        # assignment: where sqlalchemy is installed; unused-ignore: where it is not (the module is then Any)
        sqlalchemy = None  # type: ignore[assignment, unused-ignore]
        print("skipped (b): sqlalchemy is not installed (.venv/bin/pip install sqlalchemy)")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="ng-dialect-"))
    work.mkdir(parents=True, exist_ok=True)
    paths: list[tuple[str, Any]] = [("raw DB-API (newsgraph dialect)", time_raw)]
    if sqlalchemy is not None:
        paths.append((f"SQLAlchemy {sqlalchemy.__version__} Core, same statements", time_core))
    print(f"{args.docs} documents x {args.repeat} runs; {sum(len(d.entities) for d in docs) // len(docs)} "
          f"entities, {len(docs[0].events)} events, {len(docs[0].quotes)} quotes, "
          f"{len(docs[0].sentences)} sentences each")  # fmt: skip
    print(f"{'write path':45} {'wall ms/doc':>12} {'CPU ms/doc':>11} {'CPU share of ingest':>20}")
    try:
        for label, run in paths:
            walls, cpus = [], []
            for r in range(args.repeat):
                path = work / f"{run.__name__}-{r}.db"
                for stale in work.glob(f"{path.name}*"):
                    stale.unlink()
                wall, cpu = run(path, docs)
                walls.append(wall * 1000 / len(docs))
                cpus.append(cpu * 1000 / len(docs))
            wall_ms, cpu_ms = statistics.median(walls), statistics.median(cpus)
            share = cpu_ms / (cpu_ms + EXTRACT_MS)
            print(f"{label:45} {wall_ms:12.2f} {cpu_ms:11.2f} {share:20.1%}")
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
