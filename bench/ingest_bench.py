"""Ingest benchmark: store share of ingest time on real articles, and query times on a 100,000-document store.

Part 1 ingests >= 500 articles (the texts of ../shared/dev/*/dev.jsonl and the founding article; skipped
with a message when ../shared is absent) with the real extraction, reports the share of the time spent in
the store (goal <= 10%), then ingests them again and checks that the counts do not change.

Part 2 fills a store with synthetic documents through the store API (no spaCy) and times
`newsgraph actor X` and `newsgraph events --actor X` for the most documented person (goal < 100 ms each),
both as library calls and as whole CLI runs.

    .venv/bin/python bench/ingest_bench.py [--articles 500] [--synthetic 100000] [--workdir /tmp/ng/corpus]
    .venv/bin/python bench/ingest_bench.py --skip real --db postgresql://user@host/emptydb   # part 2 there
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from newsgraph.ingest import ingest
from newsgraph.model import Document, Entity, Event, Mention, Quote, Relation, Span
from newsgraph.read import iter_articles
from newsgraph.store import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
_DATE_FIELDS = ("published", "publication_date", "dct", "date_published", "dltime")


def dev_records(limit: int) -> list[dict[str, str | None]]:
    """Article records from the shared dev sets (text read at run time, never copied into the repo)."""
    out: list[dict[str, str | None]] = []
    for path in sorted(SHARED.glob("corpus/*.txt")):
        out.append({"id": path.stem, "text": path.read_text(encoding="utf-8"), "published": "2023-08-03"})
    for path in sorted(SHARED.glob("dev/*/dev.jsonl")):
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            rec = json.loads(line)
            text = rec.get("text") or rec.get("doc")
            if not isinstance(text, str) or not text.strip():
                continue
            date = next((rec[k] for k in _DATE_FIELDS if rec.get(k)), None)
            out.append({"id": f"{path.parent.name}:{rec.get('id')}", "text": text, "published": date})
    # One record per text: the claims set repeats an article under several pair ids, which would count
    # as several sources of every event in it.
    out = list({r["text"]: r for r in out}.values())
    # Interleave the sets so a smaller run still mixes long articles and single sentences.
    random.Random(1).shuffle(out)
    return out[:limit]


def part1(workdir: Path, n: int) -> None:
    if not SHARED.exists():
        print(f"part 1 skipped: {SHARED} not found (the dev texts are read from there at run time)")
        return
    records = dev_records(n)
    src = workdir / "bench_articles.jsonl"
    # ASCII escapes: the JSONL reader splits lines on U+2028 and friends too (see the report).
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = workdir / "bench_real.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with open_store(db) as store:
        first = ingest(iter_articles([str(src)]), store)
        counts = store.counts()
        second = ingest(iter_articles([str(src)]), store)
        again = store.counts()
    print(f"part 1: {first.read} articles ({first.failed} failed) in {first.seconds:.1f}s = "
          f"{first.read / first.seconds:.2f} articles/s")  # fmt: skip
    print(f"  store time {first.store_seconds:.2f}s = {100 * first.store_share:.1f}% of ingest (goal <= 10%)")
    print(f"  counts: {counts}")
    print(f"  second run: {second.unchanged} unchanged, {second.added} added, {second.replaced} replaced "
          f"in {second.seconds:.1f}s; counts unchanged: {again == counts}")  # fmt: skip


# ---------------------------------------------------------------- synthetic store

_FIRST = "Ada Ben Cara Dov Eli Fay Gus Hana Ivo Jia Kofi Lea Milo Nia Omar Pia Quin Rosa Sami Tara"
_LAST = (
    "Abara Bello Costa Dahl Eze Faro Gale Haddad Ito Jonsson Kane Lund Moreau Ndiaye Okafor Perez Quist "
    "Rossi Sato Tanaka Ueda Vidal Wong Xu Yilmaz Zola"
)
FIRST, LAST = _FIRST.split(), _LAST.split()
_PLACES = (
    "NOR:Norway KEN:Kenya MLI:Mali NER:Niger FRA:France USA:United_States RUS:Russia CHN:China "
    "BRA:Brazil IND:India NGA:Nigeria EGY:Egypt DEU:Germany JPN:Japan MEX:Mexico ARG:Argentina "
    "ZAF:South_Africa TUR:Turkey IRN:Iran SAU:Saudi_Arabia"
)
PLACES = {code: name.replace("_", " ") for code, name in (pair.split(":") for pair in _PLACES.split())}
COUNTRIES = list(PLACES)
TYPES = ["CONSULT", "AGREE", "ACCUSE", "SUPPORT", "THREATEN", "AID", "REJECT", "ASSAULT"]


def synthetic_people(rng: random.Random) -> list[tuple[str, str]]:
    return [(f"{f} {ln}", rng.choice(COUNTRIES)) for f in FIRST for ln in LAST]


def popularity(n: int) -> list[float]:
    """Cumulative weights ~ 1/rank: like news coverage, a few people appear in many documents."""
    total, out = 0.0, []
    for rank in range(n):
        total += 1.0 / (rank + 1)
        out.append(total)
    return out


def synthetic_doc(
    i: int, rng: random.Random, people: list[tuple[str, str]], weights: list[float]
) -> Document:
    [a] = rng.choices(people, cum_weights=weights)
    b = people[rng.randrange(len(people))]
    if b == a:
        b = people[(people.index(a) + 1) % len(people)]
    place = PLACES[b[1]]
    verb = rng.choice(TYPES)
    text = f'{a[0]} met {b[0]} in {place} (report {i}). "We talked about trade," {a[0].split()[1]} said.'
    spans = {}
    for name in (a[0], b[0], place):
        at = text.index(name)
        spans[name] = Mention(at, at + len(name), name, 0)
    ents = (
        Entity("E1", a[0], "PERSON", (spans[a[0]],), a[1], "GOV", ("Minister",), (a[0],)),
        Entity("E2", b[0], "PERSON", (spans[b[0]],), b[1], "GOV", (), (b[0],)),
        Entity("E3", place, "GPE", (spans[place],), b[1], None, (), (place,)),
    )
    day = f"202{rng.randrange(3)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    at = text.index("met")
    ev = Event("V1", verb, Span(at, at + 3, "met"), 0, ("E1",), ("E2",), date=day, location="E3")
    q = text.index("We talked")
    quote = Quote("Q1", "direct", q, q + 22, text[q : q + 22], "E1", a[0].split()[1], "said", 1)
    first_end = text.index(")") + 2
    return Document(
        f"syn{i}", text, ((0, first_end), (first_end + 1, len(text))), day, None, None, "Synthetic",
        ents, (Relation("E1", "represents", "E3", 0),) if a[1] == b[1] else (), (), (quote,), (ev,),
    )  # fmt: skip


def part2(workdir: Path, n: int, target: str | None = None) -> None:
    db = target or str(workdir / f"bench_synthetic_{n}.db")
    rng = random.Random(7)
    people = synthetic_people(rng)
    weights = popularity(len(people))
    started = time.perf_counter()
    with open_store(db) as store:
        have = store.counts()["documents"]
        # Bulk transactions of 1,000 documents: the per-document commit of ingest is not what is measured.
        for lo in range(have, n, 1000):
            store.put_documents(synthetic_doc(i, rng, people, weights) for i in range(lo, min(n, lo + 1000)))
            if (lo + 1000) % 10000 == 0:
                rate = (lo + 1000 - have) / (time.perf_counter() - started)
                print(f"  synthetic: {lo + 1000} documents ({rate:.0f}/s)", flush=True)
        counts = store.counts()
        top = store.actors(limit=50)
        person = next(a for a in top if a["type"] == "PERSON")
        timings: dict[str, list[float]] = {"actor": [], "events": []}
        for _ in range(5):
            t = time.perf_counter()
            [found, *_] = store.find_actors(person["name"])
            store.actor(found["id"])
            timings["actor"].append(time.perf_counter() - t)
            t = time.perf_counter()
            [found, *_] = store.find_actors(person["name"])
            store.events(actor=found["id"])
            timings["events"].append(time.perf_counter() - t)
    print(
        f"part 2: store of {counts['documents']} documents, {counts['actors']} actors, "
        f"{counts['events']} events (filled in {time.perf_counter() - started:.0f}s); "
        f"query actor: {person['name']} ({person['documents']} documents)"
    )
    for name, values in timings.items():
        print(f"  library {name}: median {1000 * statistics.median(values):.1f} ms (goal < 100 ms)")
    from newsgraph.cli import main as cli_main

    for args in (["actor", person["name"]], ["events", "--actor", person["name"]]):
        runs = []
        for _ in range(5):
            t = time.perf_counter()
            with contextlib.redirect_stdout(io.StringIO()):
                cli_main([*args, "--db", str(db)])
            runs.append(time.perf_counter() - t)
        print(f"  command `newsgraph {' '.join(args)}` in process (open, query, print): "
              f"median {1000 * statistics.median(runs):.1f} ms")  # fmt: skip
    exe = str(Path(sys.executable).with_name("newsgraph"))
    for args in (["actor", person["name"]], ["events", "--actor", person["name"]]):
        runs = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([exe, *args, "--db", str(db)], check=True, capture_output=True)
            runs.append(time.perf_counter() - t)
        print(f"  CLI `newsgraph {' '.join(args)}`: median {1000 * statistics.median(runs):.0f} ms wall "
              "(including Python start-up)")  # fmt: skip


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=500)
    p.add_argument("--synthetic", type=int, default=100_000)
    p.add_argument("--workdir", type=Path, default=Path("/tmp/ng/corpus"))
    p.add_argument("--skip", choices=["real", "synthetic"], action="append", default=[])
    p.add_argument(
        "--db",
        metavar="URL",
        help="part 2 on this store instead of an SQLite file in --workdir (e.g. a postgresql:// URL of an "
        "empty database; a store already holding the synthetic documents is reused)",
    )
    args = p.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    if "real" not in args.skip:
        part1(args.workdir, args.articles)
    if "synthetic" not in args.skip:
        part2(args.workdir, args.synthetic, args.db)


if __name__ == "__main__":
    main()
