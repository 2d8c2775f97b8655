"""The actor-country ranker (issue 14): which of an actor's candidate countries is its own, or none.

A logistic model over the features of each candidate (newsgraph.stages.entities.country_evidence): the
probability that the candidate is the actor's country; the best candidate is taken when its probability
reaches the threshold chosen by cross-validation by article, else the best weak one at its higher
threshold, else the rules' own country, else the actor gets no country (a wrong country is worse than
none). Trained by `training/actors/train_country.py`; data, split and scores in
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
    """Weights by feature name, the abstain threshold, and the higher one a weak candidate (a home only the
    first-sentence guard keeps: country_evidence.candidates) must reach; None: weak ones are never given."""

    features: tuple[str, ...]
    weights: npt.NDArray[np.float64]
    threshold: float
    weak_threshold: float | None = None
    near_threshold: float | None = None

    @classmethod
    def from_json(cls, data: dict[str, object], origin: str = "weights") -> CountryRanker:
        features, weights, threshold = data.get("features"), data.get("weights"), data.get("threshold")
        if not isinstance(features, list) or not isinstance(weights, list) or len(features) != len(weights):
            raise ConfigError(f"{origin}: expected equally long 'features' and 'weights' lists")
        if not isinstance(threshold, int | float):
            raise ConfigError(f"{origin}: expected a number 'threshold'")
        weak = data.get("weak_threshold")
        if weak is not None and not isinstance(weak, int | float):
            raise ConfigError(f"{origin}: expected a number or null 'weak_threshold'")
        near = data.get("near_threshold")
        if near is not None and not isinstance(near, int | float):
            raise ConfigError(f"{origin}: expected a number or null 'near_threshold'")
        return cls(
            tuple(str(f) for f in features),
            np.asarray(weights, dtype=np.float64),
            float(threshold),
            None if weak is None else float(weak),
            None if near is None else float(near),
        )

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

    def choose(
        self,
        rows: list[tuple[float, ...]],
        pickable: list[bool],
        weak: list[bool] | None = None,
        rule: int | None = None,
        near: list[bool] | None = None,
    ) -> int | None:
        """Index of the candidate to take among the `pickable` ones, else among the `weak` ones at the weak
        threshold, else among the `near` ones at the near threshold, else the rules' own (`rule`, an
        index); None to give no country."""
        p = self.probabilities(rows)
        return pick(
            p,
            pickable,
            weak or [],
            self.threshold,
            self.weak_threshold,
            rule,
            near or [],
            self.near_threshold,
        )


def pick(
    p: npt.NDArray[np.float64],
    pickable: list[bool] | tuple[bool, ...],
    weak: list[bool] | tuple[bool, ...],
    threshold: float,
    weak_threshold: float | None,
    rule: int | None = None,
    near: list[bool] | tuple[bool, ...] = (),
    near_threshold: float | None = None,
) -> int | None:
    """The decision of `CountryRanker.choose` over probabilities `p` (shared with the training script):
    the likeliest pickable candidate if it reaches `threshold`, else the likeliest weak one if it reaches
    `weak_threshold`, else the likeliest `near` one (the story's most named country) if it reaches
    `near_threshold`, else the rules' own candidate (`rule`), else None. The rules' country stands when
    the ranker is unsure: their cues (a party, an office, a local paper's official) are precise where a
    short text gives the ranker little to weigh, and a threshold chosen for the weaker candidates must not
    drop them."""
    for allowed, needed in ((pickable, threshold), (weak, weak_threshold), (near, near_threshold)):
        index = [i for i, ok in enumerate(allowed) if ok]
        if index and needed is not None:
            best = max(index, key=lambda i: float(p[i]))
            if p[best] >= needed:
                return best
    return rule


@functools.cache
def load_ranker() -> CountryRanker | None:
    """The shipped ranker, None when its weights are not installed (the rules' countries then stand)."""
    if not WEIGHTS.is_file():
        return None
    with open(WEIGHTS, encoding="utf-8") as f:
        return CountryRanker.from_json(json.load(f), str(WEIGHTS))
