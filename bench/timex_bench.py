#!/usr/bin/env python3
"""What the timex stage costs: its share of extract time over news texts.

    .venv/bin/python bench/timex_bench.py [--limit N] [--shared ../shared] [--repeat 3]

Reads the texts of ../shared/dev/{timex,quotes,ner}/dev.jsonl at run time (skips with a message when
../shared is absent), parses them once with the default spaCy pipeline (timed: that is most of extract),
then times every stage over the parsed documents, and the timex stage alone (best of --repeat runs).
Prints seconds and the timex stage's share of the whole extract time (the target is at most 10%).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TASKS = ("timex", "quotes", "ner")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    files = [p for p in (a.shared / "dev" / t / "dev.jsonl" for t in TASKS) if p.exists()]
    if not files:
        print(f"skipped: no dev data under {a.shared}/dev")
        return 0

    from newsgraph.article import Article
    from newsgraph.pipeline import Parsed, Pipeline, Results
    from newsgraph.stages import timex

    articles: list[Article] = []
    for path in files:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if len(articles) >= a.limit:
                    break
                rec = json.loads(line)
                if rec.get("text"):
                    articles.append(
                        Article.make(rec["text"], id=str(rec.get("id")), published=rec.get("dct"))
                    )
    pipeline = Pipeline()
    nlp = pipeline.nlp
    list(nlp.pipe(a.text for a in articles[:5]))  # warm up

    t0 = time.perf_counter()
    docs = list(nlp.pipe((art.text for art in articles), batch_size=32))
    parse = time.perf_counter() - t0
    parsed = [Parsed.from_doc(art, doc) for art, doc in zip(articles, docs, strict=True)]

    def time_stages(stages: list) -> float:
        best = float("inf")
        for _ in range(a.repeat):
            t = time.perf_counter()
            for p in parsed:
                results = Results()
                for stage in stages:
                    results = stage.run(p, results)
            best = min(best, time.perf_counter() - t)
        return best

    all_stages = time_stages(pipeline.stages)
    timex_only = time_stages([s for s in pipeline.stages if s.run is timex.run])
    total = parse + all_stages
    chars = sum(len(art.text) for art in articles)
    print(f"articles          {len(articles)} ({chars} characters)")
    print(f"spaCy parse       {parse:.2f} s")
    print(f"all stages        {all_stages:.2f} s")
    print(f"timex stage       {timex_only:.3f} s ({1000 * timex_only / len(articles):.2f} ms/article)")
    print(f"timex share       {100 * timex_only / total:.1f}% of extract time (target <= 10%)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
