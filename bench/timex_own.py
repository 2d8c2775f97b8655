#!/usr/bin/env python3
"""The time figures on the project's own TimeML 1.2.1 annotation (training/timex/own.jsonl).

    .venv/bin/python bench/timex_own.py --input /tmp/own_in.jsonl        # the texts, with their dates
    .venv/bin/newsgraph extract /tmp/own_in.jsonl --format jsonl > /tmp/own.jsonl
    .venv/bin/python bench/timex_own.py /tmp/own.jsonl                   # own-A..E, A+B, B+C and all
    .venv/bin/python bench/timex_own.py /tmp/own.jsonl --errors          # own-A's errors only, by class
    .venv/bin/python bench/timex_own.py /tmp/own.jsonl --errors --part D # own-D's (or E: own-E's)
    .venv/bin/python bench/timex_own.py /tmp/own.jsonl --parts ADE       # only the parts read
    .venv/bin/python bench/timex_own.py --direction                      # own-A: the tense rule, on gold

Issue 18 allows annotating 300 more expressions from ../shared/dev texts that are not in the TempEval dev
set. training/timex/own.jsonl holds 348 of them in 41 articles of the quotes (PolNeAR, 2016 politics),
ner (CoNLL, 1996 Reuters wire) and geo (LGL, 2009 local news) dev sets, annotated by the guidelines in
training/timex/README.md: record id, character offsets, type, value, mod and the document date, never
the text. This script joins them to the shared texts and runs the shared scorer on them.

The articles are split by sha256("timex-own:" + id): own-A (even; its errors were read while writing
rules) and own-B (odd; its sentences and errors are never printed). `--errors` prints own-A's errors,
grouped by class, and has no way to print own-B's. For each part it prints the scorer's figures on every
expression and without the Decision-1 expressions (the annotation values those as the project decided, so
"without" removes, on both sides, the expressions made of their words: "last week", "now", "recently",
"the coming years", "for years"). Nothing is stored.

own-C (training/timex/own_c.jsonl, 233 expressions in 28 more articles, the claims set's 2023 news among
them) was annotated in the seventh session before any of that session's rules: a third, fresh part whose
figures are printed and whose errors never are. own-D (training/timex/own_d.jsonl, 106 expressions in 15
more CoNLL and LGL articles) was annotated in the eighth session when own-A's errors had run out; its
errors are read from then on (`--errors --part D`), like own-A's. own-E (training/timex/own_e.jsonl, 234
expressions in 18 more articles weighted to relative and anaphoric dates) was annotated in the ninth session
before its rules; its errors are read after its first figure (`--errors --part E`). `--parts ADE` prints
only the parts named (the ninth session looked at own-B and own-C once, at its end). Decades are scored in
the X spelling (`decade_spelled_x`).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dev_sets import Record, half, read_jsonl, read_predictions, score_records, write_jsonl
from timex_conventions import aligned, convention_of, direction_table, overlaps

ROOT = Path(__file__).resolve().parents[1]
OWN = ROOT / "training" / "timex" / "own.jsonl"
#: The third part, annotated in the seventh session before any of its rules: own-C, never read.
OWN_C = ROOT / "training" / "timex" / "own_c.jsonl"
#: The fourth part, annotated in the eighth session once own-A's errors ran out: own-D, its errors read.
OWN_D = ROOT / "training" / "timex" / "own_d.jsonl"
#: The fifth, annotated in the ninth session before any of its rules (anaphoric and relative dates
#: weighted): own-E, its errors read after its first figure.
OWN_E = ROOT / "training" / "timex" / "own_e.jsonl"


#: the parts whose errors may be printed (own-A, own-D from the eighth session on, own-E from the ninth)
READ_PARTS = ("A", "D", "E")
#: every part, in the order they are printed
PARTS = ("A", "B", "C", "D", "E")
#: the files of the parts annotated apart from own.jsonl (whose articles split into A and B)
LATER_PARTS = ("C", "D", "E")


def own_part(record: Record) -> str:
    """'C', 'D' or 'E' for the articles of own_c/own_d/own_e.jsonl, else own_half of the id."""
    part = record.get("part")
    return part if part in LATER_PARTS else own_half(record["id"])


def own_half(doc_id: str) -> str:
    """'A' for the articles whose errors were read, 'B' for the ones never shown: dev_sets.half of the id
    with its own prefix, so this split is not the TempEval halves'."""
    return half(f"timex-own:{doc_id}")


def gold_records(
    shared: Path,
    own: Path = OWN,
    own_c: Path | None = OWN_C,
    own_d: Path | None = OWN_D,
    own_e: Path | None = OWN_E,
) -> list[Record]:
    """The own annotation joined to the shared texts: scorer-ready gold records (with text), own-C's
    marked `part` "C", own-D's "D", own-E's "E"."""
    texts: dict[str, str] = {}
    records = read_jsonl(own)
    for path, part in ((own_c, "C"), (own_d, "D"), (own_e, "E")):
        if path is not None and path.exists():
            records += [r | {"part": part} for r in read_jsonl(path)]
    for task in sorted({r["set"] for r in records}):
        for r in read_jsonl(shared / "dev" / task / "dev.jsonl"):
            texts[r["id"]] = r.get("text") or r.get("doc") or ""
    gold = []
    for r in records:
        text = texts[r["id"]]
        timexes = [
            t | {"text": text[t["start"] : t["end"]], "value": decade_spelled_x(t["value"])}
            for t in r["timexes"]
        ]
        gold.append({"id": r["id"], "dct": r["dct"], "text": text, "timexes": timexes, "part": r.get("part")})
    return gold


_DECADE = re.compile(r"\d{3}")


def decade_spelled_x(value: str) -> str:
    """The annotation writes a decade as ISO 8601's reduced precision ("196"), the TempEval gold and
    newsgraph as TimeBank does ("196X"): one decade, scored in the X spelling (from the ninth session on;
    before, every decade of the annotation counted as a wrong value), as score.py reads "1998-W8" and
    "1998-W08" as one week."""
    return value + "X" if _DECADE.fullmatch(value) else value


def without_decision_one(
    gold: list[Record], pred: dict[str, Record]
) -> tuple[list[Record], dict[str, Record], int]:
    """Both sides without the expressions made of Decision 1's words (bench/timex_conventions.py)."""
    gold_out, pred_out, removed = [], {}, 0
    for record in gold:
        drop = [t for t in record["timexes"] if convention_of(t["text"])]
        removed += len(drop)
        gold_out.append(record | {"timexes": [t for t in record["timexes"] if t not in drop]})
        doc = pred.get(record["id"])
        if doc is not None:
            kept = [
                p
                for p in doc.get("timexes", [])
                if not convention_of(str(p.get("text", ""))) and not any(overlaps(p, t) for t in drop)
            ]
            pred_out[record["id"]] = doc | {"timexes": kept}
    return gold_out, pred_out, removed


def error_class(gold: Record | None, pred: Record | None, exact: bool) -> str:
    """A coarse class for an error: what went wrong, then the gold (or predicted) type."""
    if pred is None:
        return f"MISS {gold['type'] if gold else ''}"
    if gold is None:
        return f"EXTRA {pred.get('type')}"
    if not exact:
        side = "longer" if pred["end"] - pred["start"] > gold["end"] - gold["start"] else "shorter/shifted"
        return f"SPAN {side}"
    if pred.get("type") != gold["type"]:
        return f"TYPE {gold['type']}->{pred.get('type')}"
    return f"VALUE {gold['type']}"


def errors(gold: list[Record], pred: dict[str, Record], part: str = "A") -> list[str]:
    """The misses, spurious, span and value errors of own-A or own-D (the parts whose errors are read),
    grouped by class with counts."""
    if part not in READ_PARTS:
        raise ValueError(f"own-{part}'s errors are never shown")
    by_class: dict[str, list[str]] = {}
    for record in gold:
        if own_part(record) != part:
            continue  # never show own-B or own-C
        predicted = (pred.get(record["id"]) or {}).get("timexes") or []
        for t, p in aligned(record["timexes"], predicted):
            if p is None:
                assert t is not None  # aligned pairs every gold expression; never None with None
                by_class.setdefault(error_class(t, None, False), []).append(
                    f"{record['id']} {record['dct']}\t{t['text']!r} {t['type']} {t['value']}"
                )
            elif t is None:
                by_class.setdefault(error_class(None, p, False), []).append(
                    f"{record['id']} {record['dct']}\t{p['text']!r} {p.get('type')} {p.get('value')}"
                )
            else:
                exact = (p["start"], p["end"]) == (t["start"], t["end"])
                if exact and p.get("value") == t["value"] and p.get("type") == t["type"]:
                    continue
                by_class.setdefault(error_class(t, p, exact), []).append(
                    f"{record['id']} {record['dct']}\tgold {t['text']!r} {t['type']} {t['value']}"
                    f"\tpred {p['text']!r} {p.get('type')} {p.get('value')}"
                )
    lines = []
    for name, items in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
        lines.append(f"{name}: {len(items)}")
        lines += [f"    {item}" for item in items]
    return lines


def main(argv: list[str] | None = None) -> int:
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("predictions", type=Path, nargs="?", help="newsgraph extract output for --input's file")
    a.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    a.add_argument("--input", type=Path, help="write the annotated articles as extract input and stop")
    a.add_argument("--errors", action="store_true", help="print own-A's errors by class (never own-B's)")
    a.add_argument("--part", choices=READ_PARTS, default="A", help="with --errors: own-A's, -D's or -E's")
    a.add_argument(
        "--parts",
        default="".join(PARTS),
        help="the parts whose figures to print, e.g. ADE (default all, with A+B and all)",
    )
    a.add_argument("--direction", action="store_true", help="own-A: does the tense rule hold on gold?")
    args = a.parse_args(argv)
    scorer = args.shared / "tools" / "score.py"
    if not scorer.exists() or not (args.shared / "dev").is_dir():
        print(f"skipped: no shared dev sets or scorer under {args.shared}")
        return 0
    gold = gold_records(args.shared)
    if args.input:
        write_jsonl(args.input, [{"id": r["id"], "text": r["text"], "published": r["dct"]} for r in gold])
        return 0
    if args.direction:
        print("\n".join(direction_table([r for r in gold if own_part(r) == "A"])))
        return 0
    if args.predictions is None:
        a.error("give the predictions, or --input to write the articles to extract")
    pred = read_predictions(args.predictions)
    if args.errors:
        print("\n".join(errors(gold, pred, args.part)))
        return 0
    names = {
        "A": "own-A (errors read)",
        "B": "own-B (never read)",
        "C": "own-C (never read, annotated before the seventh session's rules)",
        "D": "own-D (errors read from the eighth session)",
        "E": "own-E (annotated before the ninth session's rules, errors read after)",
    }
    wanted = [p for p in PARTS if p in args.parts.upper()]
    parts = {names[p]: [r for r in gold if own_part(r) == p] for p in wanted}
    if len(wanted) == len(PARTS):
        parts["A+B"] = [r for r in gold if own_part(r) in ("A", "B")]
        parts["B+C (never read)"] = [r for r in gold if own_part(r) in ("B", "C")]
        parts["all"] = gold
    with tempfile.TemporaryDirectory() as tmp:
        for name, records in parts.items():
            key = name.split()[0]
            every = score_records(scorer, "timex", records, pred, Path(tmp), key)
            gold_out, pred_out, removed = without_decision_one(records, pred)
            without = score_records(scorer, "timex", gold_out, pred_out, Path(tmp), f"{key}.f")
            n = sum(len(r["timexes"]) for r in records)
            print(f"{name}: {len(records)} articles, {n} expressions")
            print(f"  all expressions:     {every}")
            print(f"  without Decision 1:  {without} (left out {removed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
