"""The learned verdict (issue 16, Build 4): a three-way logistic regression over what the comparison found.

It reads the same comparisons the rules do (one feature per kind of finding, how much of the claim the
sources cover, how well it aligned) and was trained by `training/claims/train.py` on pairs the project
makes from its dev articles (faithful statements and edits of them); `models/claims/CARD.md` gives the
data, the split and the scores. Inference is NumPy only; the weights are `.npz` arrays read with
`allow_pickle=False`. `features()` is the one feature function: the training script calls it too.

The model does not overrule a finding: a claim the rules find contradicted or not in the sources stays so
(the contract's precedence). It can only doubt a claim the rules would support, when its probability of
`supported` falls below the threshold the training script chose on the training split (`flip_below`);
the claim then takes the model's likelier other verdict, explained by the strongest finding of that
verdict (compare.py) or by what the sources lack.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from ..errors import ConfigError
from .compare import KINDS, Comparison
from .model import VERDICTS, Verdict

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "claims"
FEATURE_NAMES = (
    *(f"found:{k}" for k in KINDS),
    "contradicted_findings",
    "absent_findings",
    "coverage",
    "missing_words",
    "key_share",
    "word_share",
    "entities",
    "numbers",
    "dates",
    "events",
    "words",
    *(f"rules:{v}" for v in VERDICTS),
)


def features(c: Comparison, rules: Verdict) -> npt.NDArray[np.float64]:
    """The comparison as a fixed-length vector (FEATURE_NAMES)."""
    strongest = dict.fromkeys(KINDS, 0.0)
    for f in c.findings:
        strongest[f.kind] = max(strongest[f.kind], f.strength)
    claim = c.claim
    row = [
        *strongest.values(),
        sum(1 for f in c.findings if f.verdict == "contradicted"),
        sum(1 for f in c.findings if f.verdict == "not_in_sources"),
        c.coverage,
        math.log1p(len(c.missing)),
        c.key_share,
        c.word_share,
        math.log1p(len(claim.entities)),
        math.log1p(len(claim.numbers)),
        math.log1p(len(claim.dates)),
        math.log1p(len(claim.frames)),
        math.log1p(len(claim.words)),
        *(1.0 if rules == v else 0.0 for v in VERDICTS),
    ]
    return np.asarray(row, dtype=np.float64)


@dataclass(frozen=True)
class VerdictModel:
    """Standardised features -> softmax over VERDICTS."""

    mean: npt.NDArray[np.float64]
    scale: npt.NDArray[np.float64]
    weights: npt.NDArray[np.float64]  # (features, verdicts)
    bias: npt.NDArray[np.float64]  # (verdicts,)
    flip_below: float = 0.2  # a rules-supported claim below this P(supported) takes the model's verdict

    def probabilities(self, x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        e = np.exp(z - z.max(axis=-1, keepdims=True))
        return np.asarray(e / e.sum(axis=-1, keepdims=True), dtype=np.float64)

    def decide(self, c: Comparison, rules: Verdict, rules_score: float) -> tuple[Verdict, float]:
        if rules != "supported":
            return rules, rules_score
        p = self.probabilities(features(c, rules))
        if p[0] >= self.flip_below:
            return "supported", float(p[0])
        other = 1 + int(p[1:].argmax())
        return VERDICTS[other], float(p[other])


def load_verdict_model(directory: Path | None = None) -> VerdictModel:
    """The shipped weights (or those in `directory`); ConfigError when missing or of other features."""
    return _load(directory or MODEL_DIR)


@functools.cache
def _load(directory: Path) -> VerdictModel:
    try:
        meta = json.loads((directory / "meta.json").read_text(encoding="utf-8"))
        with np.load(directory / "weights.npz", allow_pickle=False) as z:
            arrays = {k: np.asarray(z[k], dtype=np.float64) for k in ("mean", "scale", "weights", "bias")}
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"claim verdict model in {directory}: cannot read it ({exc})") from exc
    if tuple(meta.get("features", ())) != FEATURE_NAMES or tuple(meta.get("verdicts", ())) != VERDICTS:
        raise ConfigError(
            f"claim verdict model in {directory}: trained on other features; "
            "retrain with training/claims/train.py"
        )
    return VerdictModel(**arrays, flip_below=float(meta.get("flip_below", 0.2)))
