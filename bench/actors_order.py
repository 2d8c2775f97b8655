"""Does a store's corpus depend on the order its documents came in? (issue 14, Build 5)

Writes the documents of an SQLite store (as extracted: no model is run) into fresh stores in the stored
order and in shuffled orders, and compares their actors, ids included: persons alone, and every actor.

    python bench/actors_order.py /tmp/me/p.db --orders 3

Also says the CPU time the writes took (linking and storing only).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import tempfile
import time
import zlib
from pathlib import Path

from newsgraph.model import Document
from newsgraph.store import open_store


def load(path: str) -> list[Document]:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT data FROM documents ORDER BY id").fetchall()
    return [Document.from_dict(json.loads(zlib.decompress(data))) for (data,) in rows]


def actors(docs: list[Document], folder: Path, name: str) -> tuple[list[tuple[object, ...]], float]:
    started = time.process_time()
    with open_store(folder / name) as s:
        for d in docs:
            s.put_document(d)
        seconds = time.process_time() - started
        rows: list[tuple[object, ...]] = sorted(
            (a["id"], a["type"], a["name"], a["country"], a["documents"], a["mentions"], tuple(a["names"]))
            for a in s.rows("actors")
        )
    return rows, seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db", help="an SQLite store")
    parser.add_argument("--orders", type=int, default=3, help="shuffled orders besides the stored one")
    args = parser.parse_args()
    docs = load(args.db)
    with tempfile.TemporaryDirectory() as tmp:
        first, seconds = actors(docs, Path(tmp), "s0.db")
        print(f"stored order: {len(docs)} documents, {len(first)} actors, {seconds:.1f} s CPU")
        for n in range(1, args.orders + 1):
            shuffled = list(docs)
            random.Random(n).shuffle(shuffled)
            other, seconds = actors(shuffled, Path(tmp), f"s{n}.db")
            persons = [a for a in first if a[1] == "PERSON"] == [a for a in other if a[1] == "PERSON"]
            every = len(set(first) ^ set(other))
            print(
                f"order {n}: {len(other)} actors, {seconds:.1f} s CPU; persons identical: {persons}; "
                f"actor rows differing from the stored order's: {every}"
            )


if __name__ == "__main__":
    main()
