"""What train.py and embedding_probe.py train the claim verdict with: which atomic claims of a pair carry
which label, and the softmax regression. NumPy only, so embedding_probe.py's `score` stage, in its torch
venv without newsgraph, can import it too."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

SEED = 16


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


def short_scores(items: Sequence[dict[str, Any]], pred: Sequence[str]) -> dict[str, float]:
    """Balanced accuracy of predicted verdicts over pairs (supported vs the rest), with the recall of
    each side, in the short form the measurement scripts print (embedding_probe.py, cross_encoder.py)."""
    gold = [it["verdict"] for it in items]
    pos = [p == "supported" for p, g in zip(pred, gold, strict=True) if g == "supported"]
    neg = [p != "supported" for p, g in zip(pred, gold, strict=True) if g != "supported"]
    rc, ri = sum(pos) / max(1, len(pos)), sum(neg) / max(1, len(neg))
    return {"bal": round((rc + ri) / 2, 3), "cons": round(rc, 3), "incons": round(ri, 3), "n": len(items)}
