"""The shared dev texts no annotation of ours covers, each text once, in a read half and a count half.

Benches that look for error classes on unlabelled text (`places_agreement.py`, `pronoun_mix.py`) read
the shared dev sets, leave out the articles an annotated set holds, and split the rest by sha1(id): half
"read" may be listed to find classes, half "count" is only counted, so a rule written from the first is
judged on the second. The claims records share texts, so an annotated article is left out under every id
that carries its text, and every other text is given once (its first record).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path


def half_of(rid: str) -> str:
    return "read" if hashlib.sha1(rid.encode()).digest()[0] % 2 == 0 else "count"


def _records(shared: Path, sources: Iterable[str]) -> Iterator[dict[str, object]]:
    for source in sources:
        with (shared / "dev" / source / "dev.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                yield json.loads(line)


def _text(rec: dict[str, object]) -> str:
    return str(rec.get("text") or rec.get("doc") or "")


def _digest(rec: dict[str, object]) -> str:
    return hashlib.sha1(_text(rec).encode()).hexdigest()


def unannotated(
    shared: Path, sources: tuple[str, ...], annotated: set[str]
) -> Iterator[dict[str, str | None]]:
    """Records of `sources` (shared/dev/<source>/dev.jsonl), each text once, none whose text an id in
    `annotated` carries: `{"id", "text", "published", "url"}`."""
    seen = {_digest(rec) for rec in _records(shared, sources) if str(rec["id"]) in annotated}
    for rec in _records(shared, sources):
        digest = _digest(rec)
        if digest in seen:
            continue
        seen.add(digest)
        published, url = rec.get("published"), rec.get("url")
        yield {
            "id": str(rec["id"]),
            "text": _text(rec),
            "published": None if published is None else str(published),
            "url": None if url is None else str(url),
        }
