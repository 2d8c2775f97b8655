"""Score the events stage itself (not the classifier on annotated candidates) on an annotated split.

Runs the pipeline on every article of the split (the events stage with the options asked for) and matches
its EVENT records to the gold events of the annotated sentences by trigger overlap. Reports:

- detection and event+type P / R / F1: a predicted event inside an annotated sentence is a true positive
  when its trigger overlaps a gold event trigger (event+type: and its type is the gold type, or PLOVER's
  code for a future event: gold_types); every other
  predicted event in an annotated sentence is a false positive, a second event on one gold trigger too;
- type accuracy on the gold events found (the most confident event on the trigger);
- source+type and target+type, over the gold events found and over all gold events: the type is right and
  the side is right: one of the event's entities has a mention overlapping a gold span of that side, or
  both are empty;
- precision by confidence bin (is `confidence` a probability?), and precision/recall at thresholds.

Splits (training/README.md): `val` (sha256(doc) % 5 == 0, never fitted on), `stop` (the slice of train held
aside by train.py for early stopping and thresholds), `train` (all of train), `test` (the blind whole-article
set in training/events/test/, never fitted, tuned or chosen on: its README), `calib` (training/events/calib/:
sentences of articles nobody wrote rules from, on which calibrate.py fits only the emitted confidence).
Never reads /work/shared/dev/events.

  .venv/bin/python training/events/eval_stage.py --split val              # the default stage
  .venv/bin/python training/events/eval_stage.py --split val --event-model
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))
import common  # noqa: E402
import train  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from newsgraph import Article, ExtractOptions  # noqa: E402
from newsgraph.model import Event  # noqa: E402
from newsgraph.pipeline import get_pipeline, run_stage  # noqa: E402
from newsgraph.stages.base import Parsed, Results  # noqa: E402
from newsgraph.stages.events.confidence import mention_spans  # noqa: E402


@dataclass
class Case:
    """One article of the split: its parse, the results of the stages before events, its gold records."""

    doc_id: str
    parsed: Parsed
    before: Results
    records: list[dict[str, Any]]


def in_split(doc: str, split: str) -> bool:
    val = train.is_validation(doc)
    if split == "val":
        return val
    if split == "stop":
        return not val and train.is_early_stop(doc)
    if split == "fit":
        return not val and not train.is_early_stop(doc)
    if split in ("all", "test", "calib"):
        return True  # all: train_args.py reads every split, then splits its items; test, calib: own folders
    return not val  # train


def load_cases(
    split: str, data: Path = HERE, cache: Path | None = None, leave_out: tuple[str, ...] = ()
) -> list[Case]:
    """Parse the split's articles once and run the stages before events. `cache`, a DocBin file, keeps the
    spaCy parses between runs (used when its texts are the split's; delete it after a model change).
    `leave_out`: batch file names not read, to score a split as it stood before those files joined it."""
    data = data / split if split in ("test", "calib") else data  # <folder>/*.jsonl except *-D (batch_files)
    every = train.batch_files(data)
    unknown = sorted(set(leave_out) - {p.name for p in every})
    if unknown:  # a misspelt name would silently score the whole split
        raise SystemExit(f"--leave-out: no batch file {', '.join(unknown)} in {data} (names, not paths)")
    files = [p for p in every if p.name not in leave_out]
    records = [r for r in train.load_records(files) if in_split(r["doc"], split)]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_doc.setdefault(rec["doc"], []).append(rec)
    pipeline = get_pipeline(ExtractOptions())
    stages = [s for s in pipeline.stages if s.name != "events"]
    doc_ids = sorted(by_doc)
    texts = [common.doc_text(d, by_doc[d][0]) for d in doc_ids]
    docs = None
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(pipeline.nlp.vocab))
        docs = docs if [d.text for d in docs] == texts else None
    if docs is None:
        docs = list(pipeline.nlp.pipe(texts, batch_size=16))
        if cache is not None:
            cache.parent.mkdir(parents=True, exist_ok=True)
            DocBin(docs=docs, store_user_data=True).to_disk(cache)
    cases = []
    for doc, doc_id in zip(docs, doc_ids, strict=True):
        parsed = Parsed.from_doc(Article.make(doc.text), doc)
        results = Results()
        for stage in stages:
            results = run_stage(stage, parsed, results)
        cases.append(Case(doc_id, parsed, results, by_doc[doc_id]))
    return cases


def run_events(cases: list[Case], options: ExtractOptions) -> list[tuple[Event, ...]]:
    stage = next(s for s in get_pipeline(options).stages if s.name == "events")
    out = []
    for case in cases:
        events = stage.run(case.parsed, case.before).events
        out.append(tuple(v for v in events if v.confidence >= options.min_confidence))
    return out


def run_with_model_dir(
    module: Any, loader: Any, model_dir: Path, cases: list[Case]
) -> list[tuple[Event, ...]]:
    """`run_events` with the model that `module` loads from its MODEL_DIR read from `model_dir` instead (a
    fold's model in cross-validation); `loader`'s cache is cleared before and after, so neither the shipped
    model nor this one outlives the call."""
    loader.cache_clear()
    with mock.patch.object(module, "MODEL_DIR", model_dir):
        predicted = run_events(cases, ExtractOptions())
    loader.cache_clear()
    return predicted


# The annotation keeps the type of the action and puts its time in `modality`; PLOVER's code folds future
# cooperation into AGREE and future retreats into CONCEDE (docs/annotation.md 6). The stage emits either
# (rules.recode: "will give aid" AGREE; a scheduled visit CONSULT, modality future): both are right.
FUTURE_CODE = {
    "CONSULT": "AGREE",
    "SUPPORT": "AGREE",
    "COOPERATE": "AGREE",
    "AID": "AGREE",
    "RETREAT": "CONCEDE",
}


def gold_types(gold: dict[str, Any]) -> tuple[str, ...]:
    """The types that code an annotated event: its own, and PLOVER's code for a future one."""
    own = str(gold["type"])
    if gold.get("modality") == "future" and own in FUTURE_CODE:
        return (own, FUTURE_CODE[own])
    return (own,)


def side_ok(ids: tuple[str, ...], gold: list[list[int]], mentions: dict[str, list[tuple[int, int]]]) -> bool:
    if not gold:
        return not ids
    return any(s < b and a < e for i in ids for s, e in mentions.get(i, ()) for a, b in gold)


def match(
    rec: dict[str, Any], events: tuple[Event, ...]
) -> tuple[list[tuple[dict[str, Any], Event | None]], list[Event]]:
    """An annotated sentence's gold events, each with the predicted event it matched (None: missed), and the
    predicted events in the sentence that matched none. The most confident event of the sentence whose
    trigger overlaps a gold trigger, not yet taken by an earlier gold event, is its match."""
    s0, s1 = rec["sent"]
    mine = sorted(
        (v for v in events if s0 <= v.trigger.start and v.trigger.end <= s1), key=lambda v: -v.confidence
    )
    used: set[int] = set()
    pairs: list[tuple[dict[str, Any], Event | None]] = []
    for ev in rec.get("events", []):
        a, b = ev["trigger"]
        hit = next(
            (k for k, v in enumerate(mine) if k not in used and v.trigger.start < b and a < v.trigger.end),
            None,
        )
        if hit is not None:
            used.add(hit)
        pairs.append((ev, None if hit is None else mine[hit]))
    return pairs, [v for k, v in enumerate(mine) if k not in used]


def judge(cases: list[Case], predicted: list[tuple[Event, ...]]) -> list[dict[str, Any]]:
    """One row per gold event and per predicted event in an annotated sentence."""
    rows: list[dict[str, Any]] = []
    for case, events in zip(cases, predicted, strict=True):
        mentions = mention_spans(case.before.entities)
        for rec in case.records:
            pairs, unmatched = match(rec, events)
            for ev, v in pairs:
                row: dict[str, Any] = {
                    "doc": case.doc_id,
                    "gold": ev["type"],
                    "trigger": tuple(ev["trigger"]),
                }
                if v is not None:
                    typed = v.type in gold_types(ev)
                    row.update(
                        pred=v.type,
                        confidence=v.confidence,
                        typed=typed,
                        source=typed and side_ok(v.source, ev["source"], mentions),
                        target=typed and side_ok(v.target, ev["target"], mentions),
                    )
                rows.append(row)
            for v in unmatched:
                rows.append({"doc": case.doc_id, "gold": None, "pred": v.type, "confidence": v.confidence})
    return rows


def summarize(
    rows: list[dict[str, Any]], thresholds: tuple[float, ...] = (0.0, 0.3, 0.5, 0.7)
) -> dict[str, Any]:
    gold = [r for r in rows if r["gold"]]
    found = [r for r in gold if "pred" in r]
    preds = [r for r in rows if "pred" in r]
    typed = sum(r["typed"] for r in found)
    out: dict[str, Any] = {
        "gold_events": len(gold),
        "predicted": len(preds),
        "detection": train.prf(len(found), len(preds) - len(found), len(gold) - len(found)),
        "event_and_type": train.prf(typed, len(preds) - typed, len(gold) - typed),
        "type_accuracy_found": round(typed / max(1, len(found)), 3),
        "source_and_type_found": round(sum(r["source"] for r in found) / max(1, len(found)), 3),
        "target_and_type_found": round(sum(r["target"] for r in found) / max(1, len(found)), 3),
        "source_and_type_all": round(sum(r["source"] for r in found) / max(1, len(gold)), 3),
        "target_and_type_all": round(sum(r["target"] for r in found) / max(1, len(gold)), 3),
    }
    bins = []
    for lo, hi in ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.9), (0.9, 1.01)):
        inbin = [r for r in preds if lo <= r["confidence"] < hi]
        right = sum(1 for r in inbin if r.get("typed"))
        full = sum(1 for r in inbin if r.get("source") and r.get("target"))
        bins.append(
            {
                "bin": f"{lo:.1f}-{min(hi, 1.0):.1f}",
                "n": len(inbin),
                "right": round(right / max(1, len(inbin)), 3),
                "right_with_arguments": round(full / max(1, len(inbin)), 3),
            }
        )
    out["by_confidence"] = bins
    at = {}
    for t in thresholds:
        kept = [r for r in preds if r["confidence"] >= t]
        right = sum(1 for r in kept if r.get("typed"))
        full = sum(1 for r in kept if r.get("source") and r.get("target"))
        at[f"{t:.2f}"] = {
            "n": len(kept),
            "precision": round(right / max(1, len(kept)), 3),
            "precision_with_arguments": round(full / max(1, len(kept)), 3),
            "recall": round(right / max(1, len(gold)), 3),
        }
    out["at_min_confidence"] = at
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("val", "stop", "fit", "train", "test", "calib"), default="val")
    ap.add_argument("--event-model", action="store_true", help="ExtractOptions(event_model=True)")
    ap.add_argument("--min-confidence", type=float, default=0.0)
    ap.add_argument("--rows", type=Path, help="write the per-event rows as JSON Lines here")
    ap.add_argument(
        "--annotated-type-only",
        action="store_true",
        help="count only the annotated type as right, not PLOVER's code for a future event (the scoring "
        "before commit 83b5d72, to compare figures across that change)",
    )
    ap.add_argument(
        "--leave-out",
        nargs="*",
        default=[],
        metavar="FILE",
        help="batch file names not read (own sentences fall in every split by the hash rule: to compare a "
        "split's figures across the batch that added some, e.g. --leave-out own-1615.jsonl)",
    )
    args = ap.parse_args(argv)
    if args.annotated_type_only:
        FUTURE_CODE.clear()
    cases = load_cases(args.split, leave_out=tuple(args.leave_out))
    options = ExtractOptions(event_model=args.event_model, min_confidence=args.min_confidence)
    rows = judge(cases, run_events(cases, options))
    if args.rows:
        with open(args.rows, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r) + "\n")
    print(json.dumps({"split": args.split, "options": repr(options), **summarize(rows)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
