#!/usr/bin/env python3
"""Article-fold cross-validation of the events stage's argument reading over the TRAIN side only.

The argument ranker (train_args.py) and the rules around it are judged here on events whose articles
neither fitted the ranker nor were read for that fold: the train side's articles (the `fit` and `stop`
splits; validation is never read) are cut into five folds by a hash of the article id; per fold the
ranker is refitted on the other folds (vocabulary and weights on their `fit` events, early stopping and
thresholds on their `stop` events) and the stage then codes each held-out event from its gold trigger
and type (`train_args.stage_arguments`: the events stage's sentence coder with the refitted ranker).

Prints, over all folds: head-token P/R/F1 of the ranker alone, and per role the share of events whose
side is right as eval_stage.py counts it (an entity a gold span of that role names, or both empty),
with the ranker (`right`) and with the rules alone (`rules_right`). `--dump` writes one JSON row per
event (gold and predicted entity ids and names per role) for error reading, which is allowed: these
are training-side articles.

    .venv/bin/python training/events/cv_args.py                       # about 5 minutes on one core
    .venv/bin/python training/events/cv_args.py --dump /tmp/cv_rows.json

Deterministic: the folds come from the article ids, the fit from train_args' fixed seed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))
import train_args as T  # noqa: E402

FOLDS = 5


def fold_of(doc: str) -> int:
    return int(hashlib.sha256(("cv:" + doc).encode()).hexdigest(), 16) % FOLDS


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--use-for",
        default="source+rules,target+rules",
        help="the ranker's role policy, as the shipped model's card gives it (default: %(default)s)",
    )
    ap.add_argument("--dump", type=Path, help="write the per-event rows (JSON) here")
    args = ap.parse_args(argv)
    use_for = frozenset(args.use_for.split(","))
    items = [i for i in T.read_articles() if i.split != "val"]
    token = {"source": [0, 0, 0], "target": [0, 0, 0]}
    right = {"source": 0.0, "target": 0.0}
    rules_right = {"source": 0.0, "target": 0.0}
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(FOLDS):
            held = [i for i in items if fold_of(i.doc) == k]
            rest = [i for i in items if fold_of(i.doc) != k]
            fit_items = [i for i in rest if i.split == "fit"]
            stop_items = [i for i in rest if i.split == "stop"]
            ranker = T.fit_ranker(fit_items, stop_items, (1e-3,))
            w, thresholds = ranker.w, ranker.thresholds
            held_batch = T.Batch(held, ranker.index)
            probs = held_batch.probabilities(w)
            for item, start in zip(held, held_batch.starts, strict=True):
                picks = T.token_picks(probs[start : start + len(item.rows)], item, thresholds)
                for r, role in enumerate(("source", "target")):
                    gold = set(item.gold_heads[r])
                    tp = len(gold & picks[r])
                    c = token[role]
                    c[0], c[1], c[2] = c[0] + tp, c[1] + len(picks[r]) - tp, c[2] + len(gold) - tp
            model_dir = str(Path(tmp) / f"fold{k}")
            meta = {"roles": ["source", "target"], "threshold": thresholds, "use_for": sorted(use_for)}
            T.write_model(Path(model_dir), w, ranker.features, meta)
            T.load_argument_model.cache_clear()
            with_model = T.entity_scores(held, use_for, model_dir)
            rules_only = T.entity_scores(held, frozenset(), model_dir)
            for role in ("source", "target"):
                right[role] += with_model[role]["right"] * len(held)
                rules_right[role] += rules_only[role]["right"] * len(held)
            if args.dump:
                for item in held:
                    pred = T.stage_arguments(item, use_for, model_dir)
                    names = {
                        e.id: f"{e.name}|{e.type}" + ("|place" if e.is_place else "")
                        for e in item.coder.results.entities
                    }
                    rows.append(
                        {
                            "doc": item.doc,
                            "trig": [item.head.idx, item.head.lemma_],
                            "type": item.type,
                            "role": item.role,
                            "gold": [[str(g) for g in gs] for gs in item.gold_ents],
                            "pred": [list(pred[0]), list(pred[1])],
                            "gold_names": [[names.get(g or "", "-") for g in gs] for gs in item.gold_ents],
                            "pred_names": [[names.get(g, "?") for g in p] for p in pred],
                            "sent": [item.head.sent.start_char, item.head.sent.end_char],
                        }
                    )
            print(f"fold {k}: {len(held)} events, {ranker.epochs} epochs", file=sys.stderr)
    n = len(items)
    out = {
        "events": n,
        "token": {role: T.prf(*c) for role, c in token.items()},
        "right": {role: round(v / n, 3) for role, v in right.items()},
        "rules_right": {role: round(v / n, 3) for role, v in rules_right.items()},
    }
    print(json.dumps(out))
    if args.dump:
        args.dump.write_text(json.dumps(rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
