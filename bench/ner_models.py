#!/usr/bin/env python3
"""Names on CoNLL-2003 dev: bare spaCy sm and md against newsgraph, to justify the default model.

    .venv/bin/python bench/ner_models.py [--limit N] [--models en_core_web_sm,en_core_web_md]
                                          [--no-newsgraph] [--out /tmp/ng/ner] [--shared ../shared]

Scored like `score.py ner`: PER/ORG/LOC exact-span micro F1, MISC ignored. Bare spaCy labels map PERSON->PER,
ORG->ORG, GPE/LOC->LOC (other labels dropped); newsgraph's entities count by their `name` mentions with
PERSON->PER, ORG->ORG, GPE/LOC->LOC. With --out, each system's predictions are written as contract-shaped
JSONL there, so `python3 ../shared/tools/score.py ner ../shared/dev/ner/dev.jsonl OUT/<system>.jsonl`
can cross-check the figures. Reads ../shared at run time and skips with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
LABELS = ("PER", "ORG", "LOC")
# Contract entity types as score.py maps them. spaCy's labels of these four names are the same strings, so a
# bare spaCy entity becomes a contract entity of its own label (other labels are dropped).
CONTRACT_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC"}

Span = tuple[int, int, str]


def read_gold(path: Path, limit: int | None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    return records[:limit] if limit else records


def contract_spans(doc: dict[str, Any]) -> set[Span]:
    """The (start, end, label) names of a contract document, counted as score.py counts them."""
    out: set[Span] = set()
    for e in doc.get("entities") or []:
        label = CONTRACT_TO_CONLL.get(e.get("type"))
        for m in e.get("mentions") or []:
            if label and m.get("kind", "name") == "name":
                out.add((m["start"], m["end"], label))
    return out


def load_bare(name: str) -> Any:
    """The spaCy pipeline `name` as newsgraph finds it, before newsgraph adds its own components."""
    from newsgraph.nlp.loader import _load_model

    return _load_model(name)


def bare_documents(model: str, gold: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Contract-shaped documents whose entities are bare spaCy's entity spans, one entity per span."""
    nlp = load_bare(model)
    for g, doc in zip(gold, nlp.pipe(r["text"] for r in gold), strict=True):
        entities = [
            {
                "id": f"E{i}",
                "type": ent.label_,
                "mentions": [
                    {"start": ent.start_char, "end": ent.end_char, "text": ent.text, "kind": "name"}
                ],
            }
            for i, ent in enumerate(doc.ents, start=1)
            if ent.label_ in CONTRACT_TO_CONLL
        ]
        yield {"id": g["id"], "entities": entities}


def newsgraph_documents(model: str | None, gold: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    from newsgraph import Article, ExtractOptions, NewsgraphError, extract_articles

    articles = (Article.make(r["text"], id=r["id"], origin=r["id"]) for r in gold)
    for g, result in zip(gold, extract_articles(articles, ExtractOptions(model=model)), strict=True):
        if isinstance(result, NewsgraphError):
            print(f"  newsgraph failed on {g['id']}: {result}", file=sys.stderr)
            yield {"id": g["id"], "entities": []}
        else:
            yield result.to_dict()


def score(gold: list[dict[str, Any]], docs: Iterator[dict[str, Any]], out: Path | None) -> dict[str, float]:
    counts = {k: [0, 0, 0] for k in LABELS}  # true positives, predicted, gold
    sink = out.open("w", encoding="utf-8") if out else None
    try:
        for g, doc in zip(gold, docs, strict=True):
            if sink:
                sink.write(json.dumps(doc, ensure_ascii=False) + "\n")
            gs = {(e["start"], e["end"], e["label"]) for e in g["entities"] if e["label"] in counts}
            ps = contract_spans(doc)
            for k in LABELS:
                gk, pk = {x for x in gs if x[2] == k}, {x for x in ps if x[2] == k}
                counts[k][0] += len(gk & pk)
                counts[k][1] += len(pk)
                counts[k][2] += len(gk)
    finally:
        if sink:
            sink.close()

    def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    tp, n_pred, n_gold = (sum(c[i] for c in counts.values()) for i in range(3))
    p, r, f = prf(tp, n_pred, n_gold)
    figures = {"micro_f1": f, "micro_p": p, "micro_r": r}
    figures.update({f"{k}_f1": prf(*counts[k])[2] for k in LABELS})
    return figures


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=None, help="first N documents only (default: all 216)")
    parser.add_argument(
        "--models", default="en_core_web_sm,en_core_web_md", help="bare spaCy models to score"
    )
    parser.add_argument("--no-newsgraph", action="store_true", help="score the bare models only")
    parser.add_argument("--newsgraph-model", default=None, help="newsgraph's --model (default: its default)")
    parser.add_argument("--out", type=Path, default=None, help="write each system's predictions here")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data directory")
    args = parser.parse_args(argv)

    gold_path = args.shared / "dev" / "ner" / "dev.jsonl"
    if not gold_path.exists():
        print(f"skipped: {gold_path} is absent (this benchmark reads it at run time)")
        return 0
    gold = read_gold(gold_path, args.limit)
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
    systems: list[tuple[str, Any]] = [
        (f"bare {m}", lambda m=m: bare_documents(m, gold)) for m in args.models.split(",") if m
    ]
    if not args.no_newsgraph:
        systems.append(("newsgraph", lambda: newsgraph_documents(args.newsgraph_model, gold)))

    print(f"{len(gold)} documents of {gold_path}")
    print(f"{'system':28}{'micro F1':>9}{'P':>7}{'R':>7}{'PER':>7}{'ORG':>7}{'LOC':>7}{'secs':>7}")
    for name, make in systems:
        started = time.perf_counter()
        out = args.out / f"{name.replace(' ', '_')}.jsonl" if args.out else None
        f = score(gold, make(), out)
        secs = time.perf_counter() - started
        print(
            f"{name:28}{f['micro_f1']:9.3f}{f['micro_p']:7.3f}{f['micro_r']:7.3f}"
            f"{f['PER_f1']:7.3f}{f['ORG_f1']:7.3f}{f['LOC_f1']:7.3f}{secs:7.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
