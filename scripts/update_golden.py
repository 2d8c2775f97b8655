#!/usr/bin/env python3
"""Rewrite the golden output of sample articles: tests/golden/<sample id>.json.

    .venv/bin/python scripts/update_golden.py            # the default sample
    .venv/bin/python scripts/update_golden.py ID [ID]    # other samples (ids from newsgraph/samples/*.jsonl)
    .venv/bin/python scripts/update_golden.py --all      # every sample

Run it only when a change of the output is deliberate, then read `git diff tests/golden` before committing:
the diff is the review of what the change did to a whole article.
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import newsgraph

GOLDEN_DIR = Path(__file__).resolve().parent.parent / "tests" / "golden"
#: The article whose whole output the golden test pins (quotes, sanctions, accusations, a deployment).
DEFAULT_ID = "sample-eu-belarus-sanctions"


def samples() -> dict[str, dict[str, Any]]:
    folder = resources.files("newsgraph").joinpath("samples")
    records: dict[str, dict[str, Any]] = {}
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".jsonl"):
            for line in item.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    record = json.loads(line)
                    records[record["id"]] = record
    return records


def document(record: dict[str, Any]) -> dict[str, Any]:
    """The contract document of one sample, extracted exactly as tests/conftest.py's sample_docs does."""
    return newsgraph.extract(
        record["text"],
        published=record.get("published"),
        id=record["id"],
        title=record.get("title"),
        url=record.get("url"),
        source=record.get("source"),
    ).to_dict()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("ids", nargs="*", help=f"sample ids (default: {DEFAULT_ID})")
    parser.add_argument("--all", action="store_true", help="every sample article")
    args = parser.parse_args(argv)
    records = samples()
    ids = list(records) if args.all else args.ids or [DEFAULT_ID]
    unknown = [i for i in ids if i not in records]
    if unknown:
        print(f"unknown sample ids {unknown}; known: {', '.join(records)}", file=sys.stderr)
        return 2
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    for sample_id in ids:
        path = GOLDEN_DIR / f"{sample_id}.json"
        new = json.dumps(document(records[sample_id]), ensure_ascii=False, indent=1) + "\n"
        old = path.read_text(encoding="utf-8") if path.exists() else None
        path.write_text(new, encoding="utf-8")
        print(f"{path}: {'unchanged' if old == new else 'written'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
