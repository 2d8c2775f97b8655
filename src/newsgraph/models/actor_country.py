"""The actor-country ranker (issue 14): which of an actor's candidate countries is its own, or none.

A logistic model over the features of each candidate (newsgraph.stages.entities.country_evidence): the
probability that the candidate is the actor's country; the best candidate is taken when its probability
reaches the threshold chosen by cross-validation by article, else the actor gets no country (a wrong
country is worse than none). Trained by `training/actors/train_country.py`; data, split and scores in
`actor_country/CARD.md`. The weights are JSON (feature names beside their weights, checked against the
features the stage computes) and load on first use; inference is NumPy only.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ..errors import ConfigError

MODEL_DIR = Path(__file__).resolve().parent / "actor_country"
WEIGHTS = MODEL_DIR / "weights.json"


@dataclass(frozen=True)
class CountryRanker:
    """Weights by feature name and the abstain threshold."""

    features: tuple[str, ...]
    weights: npt.NDArray[np.float64]
    threshold: float

    @classmethod
    def from_json(cls, data: dict[str, object], origin: str = "weights") -> CountryRanker:
        features, weights, threshold = data.get("features"), data.get("weights"), data.get("threshold")
        if not isinstance(features, list) or not isinstance(weights, list) or len(features) != len(weights):
            raise ConfigError(f"{origin}: expected equally long 'features' and 'weights' lists")
        if not isinstance(threshold, int | float):
            raise ConfigError(f"{origin}: expected a number 'threshold'")
        return cls(tuple(str(f) for f in features), np.asarray(weights, dtype=np.float64), float(threshold))

    def check(self, features: tuple[str, ...]) -> None:
        """ConfigError unless the weights were trained on exactly these features, in this order."""
        if features != self.features:
            raise ConfigError(
                f"actor-country weights ({WEIGHTS}) were trained on other features than the stage computes; "
                "retrain them: python training/actors/train_country.py"
            )

    def probabilities(self, rows: list[tuple[float, ...]]) -> npt.NDArray[np.float64]:
        """P(the candidate is the actor's country), one per feature row."""
        if not rows:
            return np.zeros(0)
        z = np.asarray(rows, dtype=np.float64) @ self.weights
        out: npt.NDArray[np.float64] = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return out

    def choose(self, rows: list[tuple[float, ...]], pickable: list[bool]) -> int | None:
        """Index of the candidate to take among the `pickable` ones, None to give no country."""
        p = self.probabilities(rows)
        if not len(p) or not any(pickable):
            return None
        best = max((i for i, ok in enumerate(pickable) if ok), key=lambda i: float(p[i]))
        return best if p[best] >= self.threshold else None


@functools.cache
def load_ranker() -> CountryRanker | None:
    """The shipped ranker, None when its weights are not installed (the rules' countries then stand)."""
    if not WEIGHTS.is_file():
        return None
    with open(WEIGHTS, encoding="utf-8") as f:
        return CountryRanker.from_json(json.load(f), str(WEIGHTS))
