"""A corpus stored across an upgrade of the knowledge base: is each entry still one actor? (issue 14)

    newsgraph ingest ../shared/dev/quotes/dev.jsonl --db /tmp/me/p.db -q
    python bench/corpus_upgrade.py /tmp/me/p.db /tmp/me/upgraded.db

Reads the documents of the first store and writes them into a new one (the second path, replaced), every
other document as an earlier version extracted it: each entity linked to an entry whose record replaced
another one's carries the replaced id ("phx:NETFLIX" where the shipped notable list now holds
"ntb:NETFLIX"). Then counts the actors of the new store and the entries (by the id of the record holding
them now) whose entities are split over two actors or more: 0 when linking compares entries as the
knowledge base holds them now, and the store has as many actors as the first.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sqlite3
import zlib
from pathlib import Path

from newsgraph.kb import load_kb
from newsgraph.model import Document, document_from_dict
from newsgraph.store import open_store


def stored_documents(path: Path) -> list[Document]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT data FROM documents ORDER BY id").fetchall()
    return [document_from_dict(json.loads(zlib.decompress(data))) for (data,) in rows]


def as_before(doc: Document) -> tuple[Document, int]:
    """The document with each entry's replaced id in place of its holder's, and how many it changed."""
    kb = load_kb()
    entities, changed = [], 0
    for e in doc.entities:
        holder = kb.get(e.kb_id) if e.kb_id else None
        if holder is not None and holder.shadows:
            e = dataclasses.replace(e, kb_id=holder.shadows[0])
            changed += 1
        entities.append(e)
    return dataclasses.replace(doc, entities=tuple(entities)), changed


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("store", type=Path, help="a SQLite store the current version ingested")
    parser.add_argument("upgraded", type=Path, help="the store to write (replaced)")
    args = parser.parse_args()
    docs = stored_documents(args.store)
    args.upgraded.unlink(missing_ok=True)
    old_ids = 0
    with open_store(args.upgraded) as store:
        for i, doc in enumerate(docs):
            if i % 2 == 0:
                doc, changed = as_before(doc)
                old_ids += changed
            store.put_document(doc)
        entities = list(store.rows("entities"))
        actors = sum(1 for _ in store.rows("actors"))
    kb = load_kb()
    entry_of = {(d.id, e.id): e.kb_id for d in docs for e in d.entities if e.kb_id}
    actors_of: dict[str, set[str]] = {}
    for row in entities:
        entry = entry_of.get((row["doc_id"], row["entity_id"]))
        if entry:
            actors_of.setdefault(kb.current_id(entry) or entry, set()).add(row["actor_id"])
    split = sorted(entry for entry, held in actors_of.items() if len(held) > 1)
    with sqlite3.connect(args.store) as conn:
        before = conn.execute("SELECT count(*) FROM actors").fetchone()[0]
    print(f"{len(docs)} documents, {old_ids} entities given a replaced id (every other document)")
    print(
        f"actors: {actors} (the first store: {before}); entries split over two actors or more: {len(split)}"
    )
    for entry in split:
        print(f"  {entry}")


if __name__ == "__main__":
    main()
