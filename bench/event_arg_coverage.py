"""How many annotated event sources and targets the entity layer can name at all (issues 13 and 14).

An event's source and target are entity ids, so a gold span that no entity mention touches can never be
right, whatever the argument ranker does. This bench runs the stages before events on the articles of an
annotated split of `training/events/` (the loader of `training/events/eval_stage.py`, the same split
rules) and reports, for the gold source and target spans:

- `covered`: the share that an entity mention overlaps (what `eval_stage.py` counts as a side's match);
- `head`: the share whose head word (the span's syntactic root) lies inside a mention, a stricter reading
  (a mention of "Mali" inside "the Malian kidnappers" overlaps the span, but the actor is the kidnappers);
- the same split by the kind of the mention at the head (name, nominal, pronoun, demonym ...).

    .venv/bin/python bench/event_arg_coverage.py                      # the train split (develop on it)
    .venv/bin/python bench/event_arg_coverage.py --split val
    .venv/bin/python bench/event_arg_coverage.py --misses 40          # heads of uncovered spans, by count
    .venv/bin/python bench/event_arg_coverage.py --cache /tmp/me/train.spacy   # parse once, reuse

`--cache` keeps the spaCy parses (a DocBin) so a rerun only redoes the newsgraph stages; delete the file
after changing the model or the spaCy components.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "training" / "events"))
import eval_stage  # noqa: E402
from spacy.tokens import Doc, Span  # noqa: E402

SIDES = ("source", "target")


def head_of(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[span.root.i - span.start : span.root.i - span.start + 1] if span is not None else None


def measure(cases: list[eval_stage.Case]) -> dict[str, Any]:
    counts: dict[str, Counter[str]] = {side: Counter() for side in SIDES}
    misses: Counter[str] = Counter()
    for case in cases:
        doc = case.parsed.doc
        mentions = [(m.start, m.end, m.kind) for e in case.before.entities for m in e.mentions]
        for rec in case.records:
            for ev in rec.get("events", []):
                for side in SIDES:
                    for a, b in ev[side]:
                        c = counts[side]
                        c["spans"] += 1
                        if any(s < b and a < e for s, e, _ in mentions):
                            c["covered"] += 1
                        head = head_of(doc, a, b)
                        if head is None:
                            continue
                        h0, h1 = head.start_char, head.end_char
                        kinds = [k for s, e, k in mentions if s <= h0 and h1 <= e]
                        if kinds:
                            c["head"] += 1
                            c[f"head:{kinds[0]}"] += 1
                        else:
                            misses[head.text.lower()] += 1
    out: dict[str, Any] = {}
    for side, c in counts.items():
        n = max(1, c["spans"])
        out[side] = {
            "spans": c["spans"],
            "covered": round(c["covered"] / n, 3),
            "head": round(c["head"] / n, 3),
        }
        out[side]["head_by_kind"] = {
            k.split(":", 1)[1]: round(v / n, 3) for k, v in sorted(c.items()) if k.startswith("head:")
        }
    out["misses"] = misses
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("val", "stop", "fit", "train"), default="train")
    ap.add_argument("--cache", type=Path, help="a DocBin file to keep the parses in between runs")
    ap.add_argument("--misses", type=int, default=0, help="list the N most frequent uncovered head words")
    args = ap.parse_args(argv)
    cases = eval_stage.load_cases(args.split, cache=args.cache)
    result = measure(cases)
    misses: Counter[str] = result.pop("misses")
    summary = {"split": args.split, "articles": len(cases), **result}
    print(json.dumps(summary, indent=1))
    if args.misses:
        for word, n in misses.most_common(args.misses):
            print(f"{n:5d}  {word}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
