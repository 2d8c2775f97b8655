"""What train.py and embedding_probe.py train the claim verdict with: which atomic claims of a pair carry
which label, and the softmax regression. NumPy only, so embedding_probe.py's `score` stage, in its torch
venv without newsgraph, can import it too."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any

import numpy as np

SEED = 16
#: The split, by article (bucket of `article_bucket`): held out (never trained on or chosen with), the
#: inner validation slice of the training articles (the measurement scripts choose on it), the rest.
HELD_OUT_BUCKET = 0
INNER_BUCKET = 1


def article_bucket(article: str) -> int:
    """Which fifth of the articles `article` (its id) falls in: sha256 of the id, mod 5."""
    return int(hashlib.sha256(article.encode()).hexdigest(), 16) % 5


def unit_labels(pair: dict[str, Any], verdicts: Sequence[str]) -> list[tuple[int, int]]:
    """(index of the atomic claim, index of its label in `verdicts`) for a pair's training rows. A faithful
    pair's claims are all supported; an edited pair's claim holding the edit (or its only claim) takes the
    pair's verdict and the others are supported; an edit held by none or by several gives no rows."""
    units = pair["units"]
    if pair["verdict"] == "supported":
        chosen = [(i, "supported") for i in range(len(units))]
    else:
        holding = [i for i, u in enumerate(units) if u["holds_edit"]]
        if len(units) == 1:
            holding = [0]
        if len(holding) != 1:
            return []
        chosen = [(holding[0], pair["verdict"])] + [
            (i, "supported") for i in range(len(units)) if i != holding[0]
        ]
    return [(i, verdicts.index(label)) for i, label in chosen]


def fit_softmax(
    x: np.ndarray, y: np.ndarray, classes: int, l2: float = 1e-3, steps: int = 3000
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Standardised inputs, L2, class-balanced, full batch, fixed seed: (mean, scale, weights, bias)."""
    rng = np.random.default_rng(SEED)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale = np.where(scale < 1e-9, 1.0, scale)
    z = (x - mean) / scale
    k = classes
    w = rng.normal(0, 0.01, (z.shape[1], k))
    b = np.zeros(k)
    counts = np.bincount(y, minlength=k).astype(float)
    cw = (len(y) / (k * np.maximum(counts, 1)))[y]
    onehot = np.eye(k)[y]
    lr = 0.5
    for _ in range(steps):
        logits = z @ w + b
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - onehot) * cw[:, None] / len(y)
        w -= lr * (z.T @ g + l2 * w)
        b -= lr * g.sum(axis=0)
    return mean, scale, w, b


def scores(items: Sequence[dict[str, Any]], predicted: Sequence[str]) -> dict[str, float]:
    """Balanced accuracy of predicted verdicts over pairs (supported vs the rest), the recall of each side
    and the share of exact verdicts: train.py's training report."""
    gold = [it["verdict"] for it in items]
    consistent = [g == "supported" for g in gold]
    said = [p == "supported" for p in predicted]
    pos = [s for s, c in zip(said, consistent, strict=True) if c]
    neg = [not s for s, c in zip(said, consistent, strict=True) if not c]
    recall_c = sum(pos) / max(1, len(pos))
    recall_i = sum(neg) / max(1, len(neg))
    return {
        "pairs": len(items),
        "balanced_accuracy": round((recall_c + recall_i) / 2, 3),
        "consistent_recall": round(recall_c, 3),
        "inconsistent_recall": round(recall_i, 3),
        "verdict_accuracy": round(
            sum(p == g for p, g in zip(predicted, gold, strict=True)) / max(1, len(gold)), 3
        ),
    }


def short_scores(items: Sequence[dict[str, Any]], pred: Sequence[str]) -> dict[str, float]:
    """`scores` in the short form the measurement scripts print (embedding_probe.py, cross_encoder.py)."""
    s = scores(items, pred)
    return {
        "bal": s["balanced_accuracy"],
        "cons": s["consistent_recall"],
        "incons": s["inconsistent_recall"],
        "n": s["pairs"],
    }
