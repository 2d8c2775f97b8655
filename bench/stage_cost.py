#!/usr/bin/env python3
"""What each part of extract costs: every spaCy component and every newsgraph stage, as a share of the
whole extract time.

    .venv/bin/python bench/stage_cost.py [--limit 300] [--shared ../shared] [--repeat 3]

Reads the texts of ../shared/dev/{ner,quotes,timex,geo}/dev.jsonl at run time (prints `skipped: ...` and
exits 0 when ../shared is absent). It

  1. times loading: the spaCy pipeline, and the place gazetteer (from its cache file, or built once);
  2. warms up on five texts, then parses the texts once, running the spaCy components one after another
     over the whole batch, so that each component (tok2vec, tagger, parser, ner, our gazetteer matcher ...)
     gets its own time;
  3. runs the newsgraph stages over the parsed documents in pipeline order, timing each stage, and keeps the
     best of --repeat runs per stage (the stages are pure, so every run does the same work).

Issues 3, 4 and 6 each ask that their stage (timex, quotes, places) add at most 10% to extract time: the
`share` column is that figure (stage time / (parse time + all stages)).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsgraph.article import Article

# One thread, and CPU time (process_time) rather than wall clock: the shares stay right on a busy machine.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
TASKS = ("ner", "quotes", "timex", "geo")


def read_articles(shared: Path, limit: int) -> list[Article]:
    from newsgraph.article import Article

    files = [p for p in (shared / "dev" / t / "dev.jsonl" for t in TASKS) if p.exists()]
    per_file = max(1, limit // max(1, len(files)))  # a mix of sources, not only the first file
    articles: list[Article] = []
    for path in files:
        taken = 0
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if taken >= per_file:
                    break
                rec = json.loads(line)
                if rec.get("text"):
                    art = Article.make(rec["text"], id=str(rec.get("id")), published=rec.get("dct"))
                    articles.append(art)
                    taken += 1
    return articles


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data directory")
    ap.add_argument("--limit", type=int, default=300, help="number of articles (spread over the dev sets)")
    ap.add_argument("--repeat", type=int, default=3, help="runs of the stages; the best is kept")
    a = ap.parse_args()
    if not (a.shared / "dev").is_dir():
        print(f"skipped: no dev data under {a.shared}/dev")
        return 0
    articles = read_articles(a.shared, a.limit)
    if not articles:
        print(f"skipped: no article texts under {a.shared}/dev")
        return 0

    from newsgraph.geo.gazetteer import gazetteer
    from newsgraph.pipeline import Pipeline
    from newsgraph.stages.base import Parsed, Results

    t0 = time.process_time()
    pipeline = Pipeline()
    nlp = pipeline.nlp
    load_nlp = time.process_time() - t0
    t0 = time.process_time()
    gazetteer()
    load_gaz = time.process_time() - t0

    head = articles[:5]
    for art, doc in zip(head, nlp.pipe(x.text for x in head), strict=True):
        p = Parsed.from_doc(art, doc)
        results = Results()
        for stage in pipeline.stages:
            results = stage.run(p, results)

    component_time: dict[str, float] = {}
    t0 = time.process_time()
    docs = [nlp.make_doc(art.text) for art in articles]
    component_time["tokenizer"] = time.process_time() - t0
    for name, proc in nlp.pipeline:
        t0 = time.process_time()
        docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        component_time[name] = time.process_time() - t0
    parse = sum(component_time.values())
    parsed = [Parsed.from_doc(art, doc) for art, doc in zip(articles, docs, strict=True)]

    stage_best: dict[str, float] = defaultdict(lambda: float("inf"))
    for _ in range(a.repeat):
        spent: dict[str, float] = defaultdict(float)
        for p in parsed:
            results = Results()
            for stage in pipeline.stages:
                t0 = time.process_time()
                results = stage.run(p, results)
                spent[stage.name] += time.process_time() - t0
        for name, seconds in spent.items():
            stage_best[name] = min(stage_best[name], seconds)
    stages = sum(stage_best.values())
    total = parse + stages
    n = len(articles)

    print(f"articles      {n} ({sum(len(x.text) for x in articles)} characters)")
    print(f"load          spaCy {load_nlp:.2f} s, place gazetteer {load_gaz:.2f} s (once per process)")
    print(f"extract       {total:.2f} s = parse {parse:.2f} s + stages {stages:.2f} s", end="")
    print(f" ({n / total:.1f} articles/s)")
    print()
    print(f"{'part':<30}{'seconds':>9}{'ms/article':>12}{'share':>8}")
    for label, rows in (("spaCy", component_time), ("stage", stage_best)):
        for name, seconds in rows.items():
            row = f"{label + ' ' + name:<30}{seconds:>9.3f}{1000 * seconds / n:>12.2f}"
            print(f"{row}{100 * seconds / total:>7.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
