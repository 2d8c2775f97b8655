#!/usr/bin/env python3
"""Load on `newsgraph serve`: a store of synthetic documents, concurrent clients on loopback.

    .venv/bin/python bench/serve_bench.py                       # 10,000 documents, 32 clients, 60 s
    .venv/bin/python bench/serve_bench.py --docs 2000 --clients 8 --seconds 20
    .venv/bin/python bench/serve_bench.py --db /tmp/big.db --keep  # build once, reuse with --db

Builds (or reuses) an SQLite store of `--docs` synthetic documents (a pool of actors, events of every
PLOVER type, quotes, sentences), starts `newsgraph serve` on a free port in its own process, and runs
`--clients` concurrent clients (asyncio + httpx, one connection each) over the main endpoints for
`--seconds` (`--cache 0`: every answer computed, none kept): actor search, actor profile, an actor's
events, events by type and date, sentence search, a document, an actor's graph and timeline. Prints,
per endpoint and overall: requests, errors (non-2xx or failed), p50 and p99 latency. The target is p99
under 200 ms. Reads nothing from ../shared.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsgraph.model import Document

TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
COUNTRIES = ("KEN", "NOR", "TCD", "MLI", "NER", "FRA", "USA", "RUS", "UKR", "GHA", "TGO", "NGA", "EGY")
WORDS = (
    "border", "talks", "minister", "army", "ceasefire", "sanctions", "protest", "aid", "port", "election",
    "court", "deal", "troops",
)  # fmt: skip


def synthetic_documents(n: int, seed: int = 7) -> list[Document]:
    from newsgraph.model import Document, Entity, Event, Mention, Quote, Span

    rng = random.Random(seed)
    people = [(f"Person{i} Name{i % 97}", rng.choice(COUNTRIES)) for i in range(2000)]
    docs = []
    for d in range(n):
        cast = rng.sample(people, 6)
        sentences: list[tuple[int, int]] = []
        pieces, entities, pos = [], [], 0
        for i, (name, _) in enumerate(cast):
            words = " ".join(rng.sample(WORDS, 5))
            sentence = f"{name} spoke about the {words} on Monday."
            entities.append((name, pos, len(sentences)))
            sentences.append((pos, pos + len(sentence)))
            pieces.append(sentence)
            pos += len(sentence) + 1
            if i == 2:
                quote = f'"We want {words}," {name} said.'
                sentences.append((pos, pos + len(quote)))
                pieces.append(quote)
                pos += len(quote) + 1
        text = " ".join(pieces)
        ents = tuple(
            Entity(
                f"E{i + 1}",
                name,
                "PERSON",
                (Mention(start, start + len(name), name, s),),
                country,
                "GOV",
                ("Minister",),
                (name,),
            )
            for i, ((name, start, s), (_, country)) in enumerate(zip(entities, cast, strict=True))
        )
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events = tuple(
            Event(
                f"V{k + 1}",
                rng.choice(TYPES),
                Span(ents[k].mentions[0].start, ents[k].mentions[0].end, ents[k].name),
                ents[k].mentions[0].sentence,
                (ents[k].id,),
                (ents[(k + 1) % 6].id,),
                date=day,
                confidence=0.8,
            )
            for k in range(4)
        )
        q_start = text.index('"We want') + 1
        q_end = text.index(',"', q_start)
        quotes = (Quote("Q1", "direct", q_start, q_end, text[q_start:q_end], "E3", cast[2][0], "said", 3),)
        docs.append(
            Document(
                f"doc{d:06d}",
                text,
                tuple(sentences),
                day,
                f"Synthetic story {d}",
                None,
                "Bench Wire",
                ents,
                (),
                (),
                quotes,
                events,
            )
        )
    return docs


def build_store(path: Path, n: int) -> None:
    from newsgraph.store import open_store

    started = time.perf_counter()
    docs = synthetic_documents(n)
    with open_store(path) as store:
        for i in range(0, len(docs), 500):
            store.put_documents(docs[i : i + 500])
    print(f"built {path} with {n} documents in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def client(base: str, seconds: float, targets: dict[str, list[str]], out: dict[str, list[float]],
                 errors: dict[str, int], seed: int) -> None:  # fmt: skip
    import httpx

    rng = random.Random(seed)
    names = list(targets)
    deadline = time.perf_counter() + seconds
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.perf_counter() < deadline:
            name = rng.choice(names)
            path = rng.choice(targets[name])
            t = time.perf_counter()
            try:
                r = await http.get(path)
                ok = r.status_code < 300
            except httpx.HTTPError:
                ok = False
            out[name].append(time.perf_counter() - t)
            if not ok:
                errors[name] += 1


def targets_for(base: str) -> dict[str, list[str]]:
    import httpx

    actors = httpx.get(f"{base}/api/actors", params={"limit": 200}).json()["items"]
    ids = [a["id"] for a in actors]
    docs = [f"doc{i:06d}" for i in range(0, 10000, 97)]
    return {
        "actors?name": [f"/api/actors?name=Name{i}" for i in range(97)],
        "actors/{id}": [f"/api/actors/{i}" for i in ids],
        "events?actor": [f"/api/events?actor={i}" for i in ids],
        "events?type&since": [f"/api/events?type={t}&since=2024-06-01" for t in TYPES],
        "search?q": [f"/api/search?q={w}" for w in WORDS],
        "documents/{id}": [f"/api/documents/{d}" for d in docs],
        "graph?actor": [f"/api/graph?actor={i}" for i in ids[:50]],
        "timeline?actor": [f"/api/timeline?actor={i}" for i in ids[:50]],
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def main(argv: list[str] | None = None) -> int:
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--docs", type=int, default=10000)
    a.add_argument("--clients", type=int, default=32)
    a.add_argument("--seconds", type=float, default=60.0)
    a.add_argument("--workers", type=int, default=2, help="server processes (newsgraph serve --workers)")
    a.add_argument(
        "--cache", type=int, default=None, metavar="N", help="newsgraph serve --cache N (0: none kept)"
    )
    a.add_argument("--db", type=Path, help="store to use (built there when it does not exist)")
    a.add_argument("--keep", action="store_true", help="keep a store built in a temporary folder")
    args = a.parse_args(argv)
    db = args.db or Path(tempfile.mkdtemp()) / "serve-bench.db"
    if not db.exists():
        build_store(db, args.docs)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsgraph",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--workers",
            str(args.workers),
            *(["--cache", str(args.cache)] if args.cache is not None else []),
        ],
        stderr=subprocess.DEVNULL,
    )
    try:
        import httpx

        for _ in range(200):
            try:
                httpx.get(f"{base}/api/stats", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        targets = targets_for(base)
        out: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, int] = defaultdict(int)

        async def run() -> None:
            await asyncio.gather(
                *(client(base, args.seconds, targets, out, errors, seed) for seed in range(args.clients))
            )

        asyncio.run(run())
    finally:
        server.terminate()
        server.wait(timeout=10)
    every = [t for ts in out.values() for t in ts]
    cache = "default" if args.cache is None else args.cache
    print(f"{args.clients} clients, {args.seconds:.0f} s, store {db} ({args.docs} documents), cache {cache}")
    print("| endpoint | requests | errors | p50 ms | p99 ms |")
    print("|---|---|---|---|---|")
    for name in sorted(out):
        ts = out[name]
        print(f"| {name} | {len(ts)} | {errors[name]} | {statistics.median(ts) * 1000:.1f} | "
              f"{percentile(ts, 0.99) * 1000:.1f} |")  # fmt: skip
    total_errors = sum(errors.values())
    print(f"| all | {len(every)} | {total_errors} | {statistics.median(every) * 1000:.1f} | "
          f"{percentile(every, 0.99) * 1000:.1f} |")  # fmt: skip
    print(f"throughput: {len(every) / args.seconds:.0f} requests/s")
    if args.db is None and not args.keep:
        db.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
