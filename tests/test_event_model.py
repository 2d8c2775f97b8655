"""The event candidate classifier (newsgraph.models.events): the shipped weights load without pickle and
agree with their vocabulary, inference gives sensible types on hand-written sentences, and training
(training/events/train.py) is deterministic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from training_script import load_training_script

from newsgraph.models import events as em


def _train_module() -> Any:
    return load_training_script("training/events/train.py", "event_train")


def test_shipped_weights_load_without_pickle() -> None:
    with np.load(em.MODEL_DIR / "weights.npz", allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    vocab = json.loads((em.MODEL_DIR / "vocab.json").read_text(encoding="utf-8"))
    d = len(vocab["features"]) + em.DENSE_DIMS
    assert arrays["type_W"].shape == (d, len(vocab["types"])) == (d, 17)
    assert arrays["modality_W"].shape == (d, 4)
    assert arrays["negation_W"].shape == (d, 2)
    assert all(a.dtype == np.float32 for a in arrays.values())
    assert em.NONE in vocab["types"]
    assert (em.MODEL_DIR / "CARD.md").is_file()
    size = sum(p.stat().st_size for p in em.MODEL_DIR.iterdir())
    assert size < 5_000_000


def test_loader_is_cached() -> None:
    assert em.load_event_model() is em.load_event_model()


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        ("Russian troops shelled the city of Kharkiv on Monday.", "shelled", "ASSAULT"),
        ("Washington imposed sanctions on Iran.", "sanctions", "SANCTION"),
        ("Thousands of protesters marched through Paris to protest the reform.", "marched", "PROTEST"),
        ("The Egyptian president met the Israeli prime minister in Cairo.", "met", "CONSULT"),
        ("Police arrested the opposition leader in Nairobi.", "arrested", "COERCE"),
    ],
)
def test_sensible_types(nlp: Any, sentence: str, trigger: str, expected: str) -> None:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    pred = em.load_event_model().predict(tok)
    assert pred.type == expected, pred
    assert 0.0 <= pred.probability <= 1.0
    assert pred.modality == "asserted"
    assert not pred.negated


@pytest.mark.model
def test_a_non_political_verb_is_none(nlp: Any) -> None:
    doc = nlp("The striker scored twice as Arsenal beat Chelsea on Saturday.")
    pred = em.load_event_model().predict(next(t for t in doc if t.text == "scored"))
    assert pred.type == em.NONE, pred


def test_training_is_deterministic() -> None:
    train = _train_module()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 8))
    y = (x[:, 0] > 0).astype(int) + (x[:, 1] > 0).astype(int)
    runs = [train.fit_softmax(x[:50], y[:50], 3, x[50:], y[50:], l2=1e-3, max_epochs=60) for _ in range(2)]
    (w1, b1, e1), (w2, b2, e2) = runs
    assert e1 == e2
    assert np.array_equal(w1, w2) and np.array_equal(b1, b2)
    # it learns something: better than the majority class on its own training data
    p = em.softmax(x[:50] @ w1 + b1).argmax(axis=1)
    assert (p == y[:50]).mean() > np.bincount(y[:50]).max() / 50


def test_split_rule() -> None:
    train = _train_module()
    import hashlib

    for doc in ("ner/conllpp-dev-012", "own/own-401-001", "timex/APW19980807.0261"):
        assert train.is_validation(doc) == (int(hashlib.sha256(doc.encode()).hexdigest(), 16) % 5 == 0)


def test_second_annotator_files_are_not_read(tmp_path: Path) -> None:
    train = _train_module()
    for name in ("batch-1.jsonl", "batch-1-D.jsonl", "own-1.jsonl", "notes.md"):
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.name for p in train.batch_files(tmp_path)] == ["batch-1.jsonl", "own-1.jsonl"]


@pytest.mark.model
def test_stage_with_the_model_is_opt_in(nlp: Any) -> None:
    from newsgraph import Article, ExtractOptions
    from newsgraph.pipeline import get_pipeline

    text = "Washington imposed sanctions on Iran on Monday. Police arrested the opposition leader in Nairobi."
    plain = get_pipeline(ExtractOptions()).extract(Article.make(text))
    with_model = get_pipeline(ExtractOptions(event_model=True)).extract(Article.make(text))
    assert ExtractOptions().event_model is False  # the rule coder stays the default
    assert {"SANCTION", "COERCE"} <= {v.type for v in plain.events}
    assert {"SANCTION", "COERCE"} <= {v.type for v in with_model.events}
    assert all(v.source or v.target for v in with_model.events)  # arguments still come from the rules


def test_the_command_line_turns_the_model_on() -> None:
    from newsgraph.cli import build_parser

    parser = build_parser()
    assert parser.parse_args(["extract", "a.txt", "--event-model"]).event_model is True
    assert parser.parse_args(["extract", "a.txt"]).event_model is False
    assert parser.parse_args(["ingest", "a.txt", "--event-model"]).event_model is True
