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
sys.path.insert(0, str(ROOT / "training" / "tools"))
import common  # noqa: E402
import eval_stage  # noqa: E402
import train  # noqa: E402
from spacy.tokens import Doc, DocBin, Span  # noqa: E402

from newsgraph import Article, ExtractOptions  # noqa: E402
from newsgraph.model import Entity  # noqa: E402
from newsgraph.pipeline import get_pipeline, run_stage  # noqa: E402
from newsgraph.stages.base import Parsed, Results  # noqa: E402

SIDES = ("source", "target")


def split_records(split: str) -> dict[str, list[dict[str, Any]]]:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for rec in train.load_records(train.batch_files(eval_stage.HERE)):
        if eval_stage.in_split(rec["doc"], split):
            by_doc.setdefault(rec["doc"], []).append(rec)
    return dict(sorted(by_doc.items()))


def parse(by_doc: dict[str, list[dict[str, Any]]], cache: Path | None) -> list[Doc]:
    """The spaCy parses of the split's articles, in `by_doc` order (from the cache when it matches)."""
    nlp = get_pipeline(ExtractOptions()).nlp
    texts = [common.doc_text(d, recs[0]) for d, recs in by_doc.items()]
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if [d.text for d in docs] == texts:
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=True).to_disk(cache)
    return docs


def entities_of(doc: Doc) -> tuple[Entity, ...]:
    """The entities the stages before events find in a parsed article."""
    parsed = Parsed.from_doc(Article.make(doc.text), doc)
    results = Results()
    for stage in get_pipeline(ExtractOptions()).stages:
        if stage.name == "events":
            break
        results = run_stage(stage, parsed, results)
    return results.entities


def head_of(doc: Doc, start: int, end: int) -> Span | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span[span.root.i - span.start : span.root.i - span.start + 1] if span is not None else None


def measure(docs: list[Doc], by_doc: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    counts: dict[str, Counter[str]] = {side: Counter() for side in SIDES}
    misses: Counter[str] = Counter()
    for doc, records in zip(docs, by_doc.values(), strict=True):
        mentions = [(m.start, m.end, m.kind) for e in entities_of(doc) for m in e.mentions]
        for rec in records:
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
    by_doc = split_records(args.split)
    result = measure(parse(by_doc, args.cache), by_doc)
    misses: Counter[str] = result.pop("misses")
    summary = {"split": args.split, "articles": len(by_doc), **result}
    print(json.dumps(summary, indent=1))
    if args.misses:
        for word, n in misses.most_common(args.misses):
            print(f"{n:5d}  {word}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
