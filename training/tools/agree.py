"""Agreement between two annotators over the sentences both annotated.

Inputs are two sets of batch files (annotator A, annotator B). Sentences are matched by doc and sentence
offsets (own sentences by doc and text). In each shared sentence, the triggers of A (events and non-events)
are matched to those of B by span overlap (largest overlap first, one-to-one). A trigger one annotator
marked and the other did not mention counts as a non-event for the other.

Reported:
- Cohen's kappa on the trigger label (one of the 16 types, or NONE for a non-event), plus raw agreement
  and a confusion list of the most frequent disagreements;
- event detection F1 (A as reference; symmetric for F1);
- on triggers both marked as events: source and target span F1, exact and overlap (A as reference);
  modality kappa and agreement; negation kappa and agreement; mode agreement when both types are equal.

  agree.py --a training/events/batch-007-A1.jsonl --b training/events/batch-007-A2.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

import common

NONE = "NONE"


def load(paths: list[str]) -> dict[tuple, dict]:
    out = {}
    for p in paths:
        for _, rec in common.read_jsonl(p):
            out[common.sentence_key(rec)] = rec
    return out


def items(rec: dict) -> list[tuple[list[int], str, dict | None]]:
    got = [(e["trigger"], e["type"], e) for e in rec.get("events", [])]
    got += [(n["trigger"], NONE, None) for n in rec.get("non_events", [])]
    return got


def overlap_len(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(xs, ys):
    """One-to-one matching by overlap, largest overlap first. Returns (pairs, unmatched xs, unmatched ys)."""
    cands = sorted(
        (
            (overlap_len(x[0], y[0]), i, j)
            for i, x in enumerate(xs)
            for j, y in enumerate(ys)
            if overlap_len(x[0], y[0]) > 0
        ),
        reverse=True,
    )
    used_x, used_y, pairs = set(), set(), []
    for _, i, j in cands:
        if i in used_x or j in used_y:
            continue
        used_x.add(i)
        used_y.add(j)
        pairs.append((xs[i], ys[j]))
    return (
        pairs,
        [x for i, x in enumerate(xs) if i not in used_x],
        [y for j, y in enumerate(ys) if j not in used_y],
    )


def kappa(pairs: list[tuple[str, str]]) -> float | None:
    n = len(pairs)
    if not n:
        return None
    po = sum(a == b for a, b in pairs) / n
    ca = Counter(a for a, _ in pairs)
    cb = Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def f1(tp: float, n_ref: int, n_hyp: int) -> dict:
    p = tp / n_hyp if n_hyp else 0.0
    r = tp / n_ref if n_ref else 0.0
    return {
        "p": round(p, 3),
        "r": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "n_a": n_ref,
        "n_b": n_hyp,
    }


def span_matches(ref: list, hyp: list, exact: bool) -> int:
    ok = 0
    left = list(hyp)
    for r in ref:
        for h in left:
            if (r == h) if exact else common.overlaps(r, h):
                ok += 1
                left.remove(h)
                break
    return ok


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--a", nargs="+", required=True, help="batch file(s) of annotator A")
    ap.add_argument("--b", nargs="+", required=True, help="batch file(s) of annotator B")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args(argv)

    A, B = load(args.a), load(args.b)
    shared = sorted(set(A) & set(B), key=str)
    labels: list[tuple[str, str]] = []
    both_events = []
    det_a = det_b = det_tp = 0
    for key in shared:
        xa, xb = items(A[key]), items(B[key])
        pairs, only_a, only_b = match(xa, xb)
        for a, b in pairs:
            labels.append((a[1], b[1]))
            if a[1] != NONE and b[1] != NONE:
                both_events.append((a[2], b[2]))
        labels += [(a[1], NONE) for a in only_a]
        labels += [(NONE, b[1]) for b in only_b]
        det_a += sum(1 for x in xa if x[1] != NONE)
        det_b += sum(1 for x in xb if x[1] != NONE)
        det_tp += sum(1 for a, b in pairs if a[1] != NONE and b[1] != NONE)
    report: dict = {
        "sentences_a": len(A),
        "sentences_b": len(B),
        "shared_sentences": len(shared),
        "triggers_compared": len(labels),
    }
    k = kappa(labels)
    report["type_kappa"] = None if k is None else round(k, 3)
    report["type_agreement"] = round(sum(a == b for a, b in labels) / len(labels), 3) if labels else None
    report["event_detection"] = f1(det_tp, det_a, det_b)
    confusions = Counter(f"{a} / {b}" for a, b in labels if a != b)
    report["top_disagreements_A/B"] = dict(confusions.most_common(10))
    for role in ("source", "target"):
        for exact in (True, False):
            tp = sum(span_matches(a[role], b[role], exact) for a, b in both_events)
            na = sum(len(a[role]) for a, _ in both_events)
            nb = sum(len(b[role]) for _, b in both_events)
            report[f"{role}_{'exact' if exact else 'overlap'}"] = f1(tp, na, nb)
    mod = [(a["modality"], b["modality"]) for a, b in both_events]
    neg = [(str(a["negated"]), str(b["negated"])) for a, b in both_events]
    same_type = [(str(a["mode"]), str(b["mode"])) for a, b in both_events if a["type"] == b["type"]]
    for name, pairs in (("modality", mod), ("negated", neg), ("mode_same_type", same_type)):
        kk = kappa(pairs)
        report[name] = {
            "kappa": None if kk is None else round(kk, 3),
            "agreement": round(sum(x == y for x, y in pairs) / len(pairs), 3) if pairs else None,
            "n": len(pairs),
        }
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        for key, val in report.items():
            print(f"{key:24} {val}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
