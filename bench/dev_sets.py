"""What the dev-set benches share (bench/quotes_halves.py, bench/timex_conventions.py,
bench/timex_halves.py, bench/timex_own.py): the fixed halves of the dev articles, JSONL reading and
writing, where a dev set and the shared scorer are, and the scorer's summary line on files or on records."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, NamedTuple

#: A JSON object of a JSONL file (a gold record, a predicted document, an expression in either): its
#: fields are whatever the file holds, read by key as the data sets define them.
Record = dict[str, Any]


def half(doc_id: str) -> str:
    """'A' for the articles looked at while writing rules, 'B' for the untouched ones: by sha256(id)."""
    return "AB"[int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 2]


def halves(gold: list[Record]) -> dict[str, list[Record]]:
    """The gold records by part, as the benches print them: half A, half B, and all."""
    return {
        "A (looked at)": [r for r in gold if half(r["id"]) == "A"],
        "B (untouched)": [r for r in gold if half(r["id"]) == "B"],
        "all": gold,
    }


def read_jsonl(path: Path) -> list[Record]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def write_jsonl(path: Path, records: list[Record]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


class DevSet(NamedTuple):
    """A dev set's gold file and the shared scorer, with the gold records and the predictions by id."""

    gold_path: Path
    scorer: Path
    gold: list[Record]
    pred: dict[str, Record]


def dev_set(shared: Path, task: str, name: str, predictions: Path) -> DevSet | None:
    """The dev set of `task` (named `name` in the message) and the shared scorer under `shared`, read with
    the `predictions` (newsgraph extract JSONL), or None (after saying so) when either is missing."""
    gold_path = shared / "dev" / task / "dev.jsonl"
    scorer = shared / "tools" / "score.py"
    if not gold_path.exists() or not scorer.exists():
        print(f"skipped: no {name} dev set or scorer under {shared}")
        return None
    return DevSet(gold_path, scorer, read_jsonl(gold_path), read_predictions(predictions))


def read_predictions(path: Path) -> dict[str, Record]:
    """A newsgraph extract JSONL, each document by its id."""
    return {doc["id"]: doc for doc in read_jsonl(path)}


def score(scorer: Path, task: str, gold: Path, pred: Path) -> str:
    """The last line of the shared scorer's output on `task`: its summary."""
    out = subprocess.run(
        [sys.executable, str(scorer), task, str(gold), str(pred)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return out.strip().splitlines()[-1]


def score_records(
    scorer: Path, task: str, gold: list[Record], pred: dict[str, Record], tmp: Path, name: str
) -> str:
    """`score` on records in memory: the gold and the predictions for its ids, in its order, written to
    `tmp` as <name>.gold.jsonl and <name>.pred.jsonl first."""
    gold_path, pred_path = tmp / f"{name}.gold.jsonl", tmp / f"{name}.pred.jsonl"
    write_jsonl(gold_path, gold)
    write_jsonl(pred_path, [pred[r["id"]] for r in gold if r["id"] in pred])
    return score(scorer, task, gold_path, pred_path)
