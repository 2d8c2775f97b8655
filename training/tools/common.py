"""Shared helpers for the annotation tools (standard library only; no newsgraph import).

- `load_texts(dataset)`: record id -> article text for one of the unlabeled datasets in /work/shared/dev.
- `doc_text(doc, record)`: the text an annotation's offsets point into (shared article or own sentence).
- `load_schema()`: types, modes per type, contexts, modalities and non-event reasons (plover_modes.json).
- `read_jsonl(path)`: (line number, object) pairs, with errors that name the file and line.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
SHARED_DEV = Path(os.environ.get("NEWSGRAPH_SHARED_DEV", "/work/shared/dev"))
DATASETS = ("ner", "quotes", "timex", "geo", "claims")
# The PLOVER dev set is the held-out check: no tool reads it.
FORBIDDEN = ("events",)


def text_field(dataset: str) -> str:
    return "doc" if dataset == "claims" else "text"


_CACHE: dict[str, dict[str, str]] = {}


def load_texts(dataset: str) -> dict[str, str]:
    """Record id -> text for a dataset (cached)."""
    if dataset in FORBIDDEN:
        raise SystemExit(f"dataset {dataset!r} is the held-out PLOVER check and may not be used")
    if dataset not in DATASETS:
        raise SystemExit(f"unknown dataset {dataset!r} (known: {', '.join(DATASETS)})")
    if dataset not in _CACHE:
        field = text_field(dataset)
        texts: dict[str, str] = {}
        with open(SHARED_DEV / dataset / "dev.jsonl", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                texts[rec["id"]] = rec[field]
        _CACHE[dataset] = texts
    return _CACHE[dataset]


def article_ids(dataset: str) -> list[str]:
    """Record ids with one id per distinct article (claims records share articles: the first id wins)."""
    seen: set[str] = set()
    ids = []
    for rid, text in load_texts(dataset).items():
        if text in seen:
            continue
        seen.add(text)
        ids.append(rid)
    return ids


def doc_text(doc: str, record: dict | None = None) -> str:
    """The text that a record's offsets refer to. Raises ValueError with a readable reason."""
    if "/" not in doc:
        raise ValueError(f"doc {doc!r} is not '<dataset>/<record id>' or 'own/<id>'")
    dataset, rid = doc.split("/", 1)
    if dataset == "own":
        if not record or not isinstance(record.get("text"), str):
            raise ValueError(f"own sentence {doc!r} needs a 'text' field")
        return record["text"]
    if record is not None and "text" in record:
        raise ValueError(f"{doc!r}: shared text must not be stored in the record ('text' field)")
    texts = load_texts(dataset)
    if rid not in texts:
        raise ValueError(f"record id {rid!r} not found in dataset {dataset!r}")
    return texts[rid]


def load_schema() -> dict:
    with open(TOOLS / "plover_modes.json", encoding="utf-8") as fh:
        return json.load(fh)


def load_event_nouns() -> set[str]:
    nouns = set()
    with open(TOOLS / "event_nouns.txt", encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip().lower()
            if line:
                nouns.add(line)
    return nouns


def read_jsonl(path: str | Path):
    """Yield (line number, object); a line that is not JSON stops with the file and line named."""
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not valid JSON: {exc}") from None


def sentence_key(rec: dict) -> tuple:
    """Identity of an annotated sentence: (doc, start, end) for shared text, (doc, text) for own text."""
    if rec.get("doc", "").startswith("own/"):
        return (rec["doc"], rec.get("text"))
    return (rec.get("doc"), *tuple(rec.get("sent") or (None, None)))


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def warn(msg: str) -> None:
    print(msg, file=sys.stderr)


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets of `needle` in `text` that do not cut a word at either end."""
    starts = []
    if not needle:
        return starts
    i = text.find(needle)
    while i != -1:
        before_ok = i == 0 or not (_is_word(needle[0]) and _is_word(text[i - 1]))
        j = i + len(needle)
        after_ok = j == len(text) or not (_is_word(needle[-1]) and _is_word(text[j]))
        if before_ok and after_ok:
            starts.append(i)
        i = text.find(needle, i + 1)
    return starts


def anchor_for(sentence: str, start: int, end: int) -> str:
    """The text anchor ('word' or 'word#2') that names the span [start, end) of `sentence`."""
    surface = sentence[start:end]
    starts = find_all(sentence, surface)
    n = starts.index(start) + 1 if start in starts else 1
    return surface if n == 1 else f"{surface}#{n}"
