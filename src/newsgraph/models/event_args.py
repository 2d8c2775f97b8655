"""The event argument model (issue 13): for one trigger, a ranking of the candidate noun phrase heads of its
sentence (and "none") for each of its two roles, source and target.

A log-linear ranker, one weight vector per role, softmax over one trigger's candidates and a "none" row
(sparse parse features built by
`newsgraph.stages.events.arguments.features`, the one feature function for training and inference),
trained by `training/events/train_args.py` on the project's annotated corpus; see `event_args/CARD.md` for
the data, the split, the scores and which roles the events stage takes from it. Inference is NumPy only:
the weights are `.npz` arrays read with `allow_pickle=False`, the feature names JSON; both load on first use.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from ..errors import ModelError
from .events import feature_rows, softmax

MODEL_DIR = Path(__file__).resolve().parent / "event_args"
ROLES = ("source", "target")
# how the events stage may use the model for a role: its pick ("source"), its pick else the rules'
# ("source+rules"), the rules' else its pick ("source+fill"); see stages/events/actors.py
POLICIES = tuple(f"{role}{how}" for role in ROLES for how in ("", "+rules", "+fill"))


class ArgumentModel:
    """Weights, feature names and the decision settings chosen at training time."""

    def __init__(self, weights: npt.NDArray[Any], vocab: dict[str, Any]) -> None:
        self.index: dict[str, int] = {name: i for i, name in enumerate(vocab["features"])}
        if weights.shape != (len(self.index), len(ROLES)):
            raise ModelError(f"event argument weights {weights.shape} do not fit {len(self.index)} features")
        self.weights = weights.astype(np.float64)
        # a conjunct of the chosen candidate joins it when its probability reaches this (held-aside data)
        self.threshold: dict[str, float] = {
            role: float(vocab.get("threshold", {}).get(role, 0.5)) for role in ROLES
        }
        # the roles the events stage takes from the model (the rules keep the others): chosen on the
        # validation split, where the model must beat the rules to be used
        self.roles: frozenset[str] = frozenset(vocab.get("use_for", ()))
        if not self.roles <= set(POLICIES):
            raise ModelError(
                f"unknown uses of the event argument model: {sorted(self.roles - set(POLICIES))}"
            )

    def probabilities(self, rows: list[list[str]]) -> npt.NDArray[np.float64]:
        """Per role (columns: source, target), a probability for each row (the candidates' feature lists,
        then "none"), summing to 1 over the rows. The scores sum the weight rows of the features present
        (as multiplying a 0/1 row by the weights would, without building a mostly-zero matrix)."""
        index = self.index
        owners: list[int] = []
        present: list[int] = []
        for r, names in enumerate(rows):
            found = feature_rows(index, names)
            owners.extend([r] * len(found))
            present.extend(found)
        # one unbuffered add over all rows, in each row's feature order: the same sums, to the bit, as a
        # row-by-row `weights[found].sum(axis=0)` (which adds row after row), for one NumPy call per trigger
        # instead of one per candidate
        scores = np.zeros((len(rows), len(ROLES)), dtype=np.float64)
        np.add.at(scores, np.asarray(owners, dtype=np.intp), self.weights[np.asarray(present, dtype=np.intp)])
        return softmax(scores.T).T


def load_arrays(directory: Path) -> tuple[npt.NDArray[Any], dict[str, Any]]:
    try:
        with np.load(directory / "weights.npz", allow_pickle=False) as npz:
            weights = npz["W"]
        with open(directory / "vocab.json", encoding="utf-8") as fh:
            vocab: dict[str, Any] = json.load(fh)
    except (OSError, KeyError, ValueError) as exc:
        raise ModelError(f"cannot read the event argument model in {directory}: {exc}") from exc
    return weights, vocab


@functools.cache
def load_argument_model(directory: str | None = None) -> ArgumentModel:
    """The shipped argument model (or one in `directory`), loaded once per process."""
    return ArgumentModel(*load_arrays(Path(directory) if directory else MODEL_DIR))
