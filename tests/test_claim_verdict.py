"""The learned claim verdict (issue 16, Build 4): the shipped weights load, match the features the
checker computes, and decide from comparisons; hand-written sources only."""

from __future__ import annotations

import json

import numpy as np
import pytest

from newsgraph.check import check_claims, load_verdict_model
from newsgraph.check.verdict import FEATURE_NAMES, MODEL_DIR, VerdictModel
from newsgraph.errors import ConfigError

SOURCE = (
    "The port authority of Velmar reopened the northern harbour on Tuesday after a storm closed it. "
    "About 300 ships were waiting outside, the harbour master, Ines Calder, said."
)


def test_shipped_weights_match_the_features() -> None:
    model = load_verdict_model()
    n = len(FEATURE_NAMES)
    assert model.weights.shape == (n, 3) and model.mean.shape == (n,) and model.bias.shape == (3,)
    meta = json.loads((MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["report"]["pairs"] >= 3000  # the issue asks for at least 3,000 pairs


def test_other_features_are_refused(tmp_path: object) -> None:
    from pathlib import Path

    d = Path(str(tmp_path))
    n = 4
    np.savez(
        d / "weights.npz", mean=np.zeros(n), scale=np.ones(n), weights=np.zeros((n, 3)), bias=np.zeros(3)
    )
    (d / "meta.json").write_text(json.dumps({"features": ["a"] * n, "verdicts": []}), encoding="utf-8")
    with pytest.raises(ConfigError, match="retrain"):
        load_verdict_model(d)


def test_probabilities_are_a_distribution() -> None:
    n = len(FEATURE_NAMES)
    m = VerdictModel(np.zeros(n), np.ones(n), np.eye(n, 3), np.zeros(3))
    p = m.probabilities(np.arange(n, dtype=np.float64))
    assert p.shape == (3,) and abs(float(p.sum()) - 1.0) < 1e-9


@pytest.mark.model
def test_learned_verdict_on_plain_cases() -> None:
    from newsgraph.article import Article
    from newsgraph.check import build_checker, check_text

    checker = build_checker([Article.make(SOURCE, published="2024-05-02")], model=load_verdict_model())
    assert check_text(checker, "The northern harbour reopened on Tuesday.").verdict == "supported"
    wrong = check_text(checker, "About 3,000 ships were waiting outside.")
    assert wrong.verdict == "contradicted" and "3,000" in wrong.claims[0].reason
    # The model never overrules a finding: what the rules find contradicted stays so, with its reason.
    rules = check_claims([SOURCE], "The northern harbour reopened on Friday.", published="2024-05-02")
    learned = check_text(checker, "The northern harbour reopened on Friday.")
    assert rules.verdict == learned.verdict == "contradicted"
    assert rules.claims[0].reason == learned.claims[0].reason
