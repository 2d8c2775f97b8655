"""training/events/cv_types.py fits the type classifier per fold on a sparse design matrix (`Rows`) for
speed: it must give train.py's products and, through train.fit_softmax, train.py's fit."""

from __future__ import annotations

from typing import Any

import numpy as np
from training_script import load_training_script


def _cv_types() -> Any:
    return load_training_script("training/events/cv_types.py", "event_cv_types")


def _examples(train: Any, n: int, seed: int) -> list[Any]:
    rng = np.random.default_rng(seed)
    names = [f"w{i}" for i in range(30)]
    out = []
    for r in range(n):
        sparse = ["bias", *(names[j] for j in rng.choice(30, 4)), "w1" if r % 3 else "w2"]
        out.append(train.Example(doc=f"d{r}", sparse=sparse, dense=rng.normal(size=600).astype(np.float32)))
    return out


def test_sparse_rows_give_the_dense_products() -> None:
    cv = _cv_types()
    examples = _examples(cv.train, 40, 0)
    index = {name: i for i, name in enumerate(["bias", *(f"w{i}" for i in range(25))])}  # some unknown
    dense, rows = cv.train.matrix(examples, index), cv.Rows(examples, index)
    assert rows.shape == dense.shape
    rng = np.random.default_rng(1)
    w, g = rng.normal(size=(dense.shape[1], 5)), rng.normal(size=(40, 5))
    assert np.allclose(rows @ w, dense @ w, atol=1e-10)
    assert np.allclose(rows.T @ g, dense.T @ g, atol=1e-10)


def test_the_fold_fit_is_train_pys_fit() -> None:
    cv = _cv_types()
    examples = _examples(cv.train, 60, 2)
    index = {name: i for i, name in enumerate(["bias", *(f"w{i}" for i in range(30))])}
    y = np.array([int("w1" in e.sparse) + int(e.dense[0] > 0) for e in examples])
    fit, stop = examples[:45], examples[45:]
    fits = [
        cv.train.fit_softmax(build(fit, index), y[:45], 3, build(stop, index), y[45:], 1e-3)
        for build in (cv.train.matrix, cv.Rows)
    ]
    (w1, b1, e1), (w2, b2, e2) = fits
    assert e1 == e2
    assert np.allclose(w1, w2, atol=1e-8) and np.allclose(b1, b2, atol=1e-8)
