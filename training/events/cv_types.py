#!/usr/bin/env python3
"""Article-fold cross-validation of the event TYPE classifier over the train side only.

train.py fits the classifier on every train-side article, so the type accuracy cv_emitted.py reports is
in-sample, and classifier work could only be judged on validation. Here the train side's articles (`fit`
and `stop`; validation is never loaded) are cut into cv_args' five folds; per fold the classifier is
refitted exactly as train.py fits it (train.train: same features, vocabulary rule, settings and seed;
early stopping and the P(NONE) threshold on the other folds' held-aside `stop` articles) and scores the
held-out fold's annotated candidates. Printed, pooled over the folds and per fold (their spread is the
noise a change must beat): type accuracy on gold event triggers (best of the 16 types), event+type and
detection P/R/F1.

`--emitted` also runs the whole events stage on each held-out fold's articles with that fold's
classifier (the shipped argument ranker and calibration) and judges its emitted events as eval_stage.py
does: type accuracy on the events found, source+type and target+type.

`--dump F` writes one JSON row per held-out gold event the classifier types wrong (or calls NONE) and
per non-event it calls an event, with the sentence and the parse around the trigger: these are
training-side articles, which may be read.

    .venv/bin/python training/events/cv_types.py --cache /tmp/cv_types.spacy     # 5 to 15 minutes
    .venv/bin/python training/events/cv_types.py --emitted --dump /tmp/type_errors.jsonl

Time on the project's 2-core machine shared with other jobs (one BLAS thread): parsing the 1,176
documents about a minute (then read from `--cache`), each fold's fit 25 s idle to 3 minutes loaded;
`--emitted` adds the pipeline's parse and the stage on every article, about 8 minutes.

Deterministic: the folds come from the article ids, the fit starts from zeros on full batches.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tools"))
import cv_args  # noqa: E402
import train  # noqa: E402
from spacy.tokens import DocBin  # noqa: E402

from newsgraph.models import events as event_model  # noqa: E402
from newsgraph.models.event_features import NONE  # noqa: E402
from newsgraph.models.events import EventModel, softmax  # noqa: E402

# train.py's defaults (its main): the settings the shipped classifier was fitted with
MIN_COUNT, L2, LR = 2, 1e-3, 0.01


def parse(records: list[dict[str, Any]], cache: Path | None) -> dict[str, Any]:
    """The records' articles parsed as train.py parses them, once; `cache` (a DocBin) keeps them between
    runs when its texts are still the records' articles."""
    by_doc = train.by_article(records)
    ids = sorted(by_doc)
    nlp = train.load_nlp()
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        texts = [train.common.doc_text(d, by_doc[d][0]) for d in ids]
        if [d.text for d in docs] == texts:
            return dict(zip(ids, docs, strict=True))
    parsed = train.parse_articles(records, nlp)
    if cache is not None:
        DocBin(docs=[parsed[d] for d in ids], store_user_data=True).to_disk(cache)
    return parsed


class Rows:
    """train.matrix's design matrix kept sparse (the indicator columns by index, the word vectors dense):
    the same products `x @ w` and `x.T @ g` that train.fit_softmax takes, about six times faster than
    the dense matrix, whose 10,000 columns are almost all zero (sums in another order: the last digits
    of a fit may differ from a dense one's)."""

    def __init__(self, examples: list[train.Example], index: dict[str, int]) -> None:
        cols: list[int] = []
        starts: list[int] = []
        for e in examples:
            row = sorted({i for name in e.sparse if (i := index.get(name)) is not None})
            if not row:  # reduceat needs a column per row; "bias" is in every row and every vocabulary
                raise ValueError(f"an example of {e.doc} has no known sparse feature")
            starts.append(len(cols))
            cols.extend(row)
        self.cols = np.array(cols, dtype=np.int64)
        self.starts = np.array(starts, dtype=np.int64)
        self.rows = np.repeat(np.arange(len(examples)), np.diff([*starts, len(cols)]))
        self.dense = np.array([e.dense for e in examples], dtype=np.float64).reshape(len(examples), -1)
        self.n_sparse = len(index)
        self.shape = (len(examples), self.n_sparse + self.dense.shape[1])
        order = np.argsort(self.cols, kind="stable")
        self._by_col = (order, *np.unique(self.cols[order], return_index=True))

    def __len__(self) -> int:
        return self.shape[0]

    def __matmul__(self, w: np.ndarray) -> np.ndarray:
        if not len(self):
            return np.zeros((0, w.shape[1]))
        out: np.ndarray = np.add.reduceat(w[self.cols], self.starts, axis=0)
        return out + self.dense @ w[self.n_sparse :]

    @property
    def T(self) -> Rows.Transposed:  # numpy's name, which train.fit_softmax uses
        return Rows.Transposed(self)

    class Transposed:
        def __init__(self, x: Rows) -> None:
            self.x = x

        def __matmul__(self, g: np.ndarray) -> np.ndarray:
            x = self.x
            order, present, first = x._by_col
            out = np.zeros((x.shape[1], g.shape[1]))
            if len(order):
                out[present] = np.add.reduceat(g[x.rows[order]], first, axis=0)
            out[x.n_sparse :] = x.dense.T @ g
            return out


def fold_model(rest: list[train.Example], types: list[str], seed: int) -> tuple[EventModel, dict[str, Any]]:
    arrays, vocab, epochs, threshold = train.train(
        rest, types, MIN_COUNT, L2, seed, LR, type_only=True, build=Rows
    )
    meta = {
        "format": "newsgraph.event_model/1",
        "types": types,
        "modalities": train.MODALITIES,
        "features": vocab,
        "event_nouns": sorted(train.common.load_event_nouns()),
        "none_threshold": threshold,
        "epochs": epochs,
    }
    return EventModel(arrays, meta), {"arrays": arrays, "meta": meta}


def predict(model: EventModel, held: list[train.Example], types: list[str]) -> np.ndarray:
    w, b = model.heads["type"]
    x = train.matrix(held, model.index)
    return softmax(x @ w + b)


def readings(p: np.ndarray, model: EventModel, types: list[str]) -> tuple[list[str], list[str]]:
    none = types.index(NONE)
    q = p.copy()
    q[:, none] = -1.0
    best16 = [types[i] for i in q.argmax(axis=1)]
    decided = [NONE if row[none] >= model.none_threshold else t for row, t in zip(p, best16, strict=True)]
    return decided, best16


def brief(s: dict[str, Any]) -> dict[str, Any]:
    return {
        "events": s["gold_events"],
        "type_accuracy": s["type_accuracy_on_gold_events"],
        "type_accuracy_strict": s["type_accuracy_strict"],
        "event_and_type_f1": s["event_and_type"]["f1"],
        "detection_f1": s["detection"]["f1"],
    }


def error_row(e: train.Example, doc: Any, p: np.ndarray, decided: str, best16: str, types: list[str]) -> dict:
    tok = train.head_token(doc, *e.span)
    top = sorted(zip(types, p, strict=True), key=lambda tp: -tp[1])[:3]
    return {
        "doc": e.doc,
        "span": list(e.span),
        "trigger": doc.text[e.span[0] : e.span[1]],
        "gold": e.label,
        "pred": decided,
        "best16": best16,
        "top": [[t, round(float(v), 3)] for t, v in top],
        "pos": tok.pos_,
        "dep": tok.dep_,
        "head": tok.head.lemma_,
        "modality": e.modality,
        "negated": e.negated,
        "sentence": doc.text[e.sent[0] : e.sent[1]],
        "features": [f for f in e.sparse if not f.startswith(("lem+", "dep+"))],
    }


def emitted(fold_models: list[dict[str, Any]], cache: Path | None) -> dict[str, Any]:
    """The events stage on each held-out fold with that fold's classifier, judged as eval_stage.py does."""
    import eval_stage

    cases = eval_stage.load_cases("train", cache=cache)
    judged: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k, fm in enumerate(fold_models):
            d = Path(tmp) / f"fold{k}"
            d.mkdir()
            np.savez(d / "weights.npz", **fm["arrays"])
            (d / "vocab.json").write_text(json.dumps(fm["meta"]), encoding="utf-8")
            shutil.copy(event_model.MODEL_DIR / "calibration.json", d / "calibration.json")
            held = [c for c in cases if cv_args.fold_of(c.doc_id) == k]
            predicted = eval_stage.run_with_model_dir(event_model, event_model.load_event_model, d, held)
            judged.extend(eval_stage.judge(held, predicted))
    s = eval_stage.summarize(judged)
    keys = ("gold_events", "predicted", "type_accuracy_found")
    keys += ("source_and_type_found", "target_and_type_found")
    out = {k: s[k] for k in keys}
    out["event_and_type_f1"] = s["event_and_type"]["f1"]
    out["found"] = s["detection"]["tp"]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=train.SEED)
    ap.add_argument("--cache", type=Path, help="DocBin file keeping the parses between runs")
    ap.add_argument("--stage-cache", type=Path, help="with --emitted: DocBin of the pipeline's parses")
    ap.add_argument("--emitted", action="store_true", help="also judge the stage's emitted events")
    ap.add_argument("--dump", type=Path, help="write the out-of-fold type errors (JSON Lines) here")
    ap.add_argument("--leave-out", nargs="*", default=[], metavar="FILE", help="batch file names not read")
    args = ap.parse_args(argv)
    t0 = time.time()
    files = [p for p in train.batch_files(HERE) if p.name not in args.leave_out]
    records = [r for r in train.load_records(files) if not train.is_validation(r["doc"])]
    docs = parse(records, args.cache)
    examples = train.examples_from_docs(records, docs)
    types = train.plover_types()
    gold: list[str] = []
    pred: list[str] = []
    pred16: list[str] = []
    per_fold = []
    rows: list[dict[str, Any]] = []
    fold_models = []
    for k in range(cv_args.FOLDS):
        held = [e for e in examples if cv_args.fold_of(e.doc) == k]
        rest = [e for e in examples if cv_args.fold_of(e.doc) != k]
        model, saved = fold_model(rest, types, args.seed)
        fold_models.append(saved)
        p = predict(model, held, types)
        decided, best16 = readings(p, model, types)
        labels = [e.label for e in held]
        per_fold.append(brief(train.score(labels, decided, best16, types)))
        gold += labels
        pred += decided
        pred16 += best16
        for e, row, dv, b16 in zip(held, p, decided, best16, strict=True):
            if (e.label != NONE and dv != e.label) or (e.label == NONE and dv != NONE):
                rows.append(error_row(e, docs[e.doc], row, dv, b16, types))
        print(f"fold {k}: {len(held)} candidates, {saved['meta']['epochs']} epochs", file=sys.stderr)
    pooled = train.score(gold, pred, pred16, types)
    out: dict[str, Any] = {
        "documents": len(docs),  # the articles, and each own sentence as its own document
        "candidates": len(gold),
        **brief(pooled),
        "event_and_type": pooled["event_and_type"],
        "per_fold": per_fold,
        "per_type_f1": {t: v["f1"] for t, v in pooled["per_type"].items()},
    }
    if args.emitted:
        out["emitted"] = emitted(fold_models, args.stage_cache)
    out["seconds"] = round(time.time() - t0)
    print(json.dumps(out, indent=1))
    if args.dump:
        args.dump.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
