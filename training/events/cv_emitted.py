#!/usr/bin/env python3
"""Article-fold cross-validation of the EMITTED events' arguments over the train side only.

cv_args.py judges the argument reading on the gold trigger and type; what users get is the events stage's
own events, where a noun may be folded into the event of the verb that governs it and a support verb may
carry the act. Gains on gold triggers did not all reach emitted events (eleventh session), so argument
work is judged here as well: the train side's articles (`fit` and `stop`; validation is never read) are
cut into cv_args' five folds; per fold the ranker is refitted on the other folds (train_args.fit_ranker,
as cv_args does) and the whole events stage runs on the held-out articles with it; the emitted events
are matched to the annotation as eval_stage.py matches them.

What is out of fold: the argument ranker. The type classifier and the rules were fitted or written on
these articles, so type accuracy here is optimistic; read the source and target figures, whose errors
(`--dump`, one JSON row per emitted event on an annotated trigger, with the names of the entities each
side holds and of those the annotated spans name) may be read: these are training-side articles.

    .venv/bin/python training/events/cv_emitted.py                        # about 2 minutes on one core
    .venv/bin/python training/events/cv_emitted.py --dump /tmp/emitted.jsonl

Deterministic: the folds come from the article ids, the fit from train_args' fixed seed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))
import cv_args  # noqa: E402
import eval_stage  # noqa: E402
import train_args as T  # noqa: E402

from newsgraph.model import Event  # noqa: E402
from newsgraph.models import event_args  # noqa: E402
from newsgraph.stages.events.confidence import mention_spans  # noqa: E402

USE_FOR = ("source+rules", "target+rules")  # the shipped model's role policy (event_args/CARD.md)


def named(case: eval_stage.Case, ids: tuple[str, ...] | list[str]) -> list[str]:
    ents = {e.id: e for e in case.before.entities}
    out = []
    for i in ids:
        e = ents.get(i)
        out.append(i if e is None else f"{e.name}|{e.type}" + ("|place" if e.is_place else ""))
    return out


def dump_rows(case: eval_stage.Case, events: tuple[Event, ...]) -> list[dict[str, Any]]:
    """Each annotated event the stage found (matched as eval_stage.judge matches), with names."""
    text = case.parsed.doc.text
    mentions = mention_spans(case.before.entities)

    def naming(spans: list[list[int]]) -> list[str]:
        ids = [e for a, b in spans for e, ms in mentions.items() if any(s < b and a < t for s, t in ms)]
        return named(case, list(dict.fromkeys(ids)))

    rows = []
    for rec in case.records:
        for ev, v in eval_stage.match(rec, events)[0]:
            if v is None:
                continue
            typed = v.type in eval_stage.gold_types(ev)
            rows.append(
                {
                    "doc": case.doc_id,
                    "sent": rec["sent"],
                    "trigger": text[v.trigger.start : v.trigger.end],
                    "gold_type": ev["type"],
                    "type": v.type,
                    "source_ok": typed and eval_stage.side_ok(v.source, ev["source"], mentions),
                    "target_ok": typed and eval_stage.side_ok(v.target, ev["target"], mentions),
                    "source": named(case, v.source),
                    "target": named(case, v.target),
                    "gold_source": naming(ev["source"]),
                    "gold_target": naming(ev["target"]),
                }
            )
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", type=Path, help="write one JSON row per matched emitted event here")
    args = ap.parse_args(argv)
    cases = eval_stage.load_cases("train")  # fit and stop: validation is never loaded
    items = T.case_items(cases)
    judged: list[dict[str, Any]] = []
    dumped: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(cv_args.FOLDS):
            rest = [i for i in items if cv_args.fold_of(i.doc) != k]
            fit_items = [i for i in rest if i.split == "fit"]
            ranker = T.fit_ranker(fit_items, [i for i in rest if i.split == "stop"], (1e-3,))
            model_dir = Path(tmp) / f"fold{k}"
            meta = {"roles": ["source", "target"], "threshold": ranker.thresholds, "use_for": list(USE_FOR)}
            T.write_model(model_dir, ranker.w, ranker.features, meta)
            held = [c for c in cases if cv_args.fold_of(c.doc_id) == k]
            # the stage loads the shipped ranker from event_args.MODEL_DIR: point it at this fold's
            predicted = eval_stage.run_with_model_dir(
                event_args, event_args.load_argument_model, model_dir, held
            )
            judged.extend(eval_stage.judge(held, predicted))
            for case, events in zip(held, predicted, strict=True):
                dumped.extend(dump_rows(case, events))
            print(f"fold {k}: {len(held)} articles, {ranker.epochs} epochs", file=sys.stderr)
    summary = eval_stage.summarize(judged)
    keys = ("gold_events", "predicted", "type_accuracy_found")
    keys += ("source_and_type_found", "target_and_type_found")
    print(json.dumps({"articles": len(cases), **{k: summary[k] for k in keys}}))
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in dumped), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
