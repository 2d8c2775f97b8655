"""The softmax regression the claim verdict is trained with (NumPy only, so both train.py in the project
venv and embedding_probe.py's `score` stage in its torch venv without newsgraph can call it)."""

from __future__ import annotations

import numpy as np

SEED = 16


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
