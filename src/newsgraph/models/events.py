"""The event candidate classifier (issue 13): is this verb or event noun a codable PLOVER event, of which
type, with which modality, negated or not.

A multinomial logistic regression over parse features and en_core_web_md word vectors
(`event_features.py`), trained by `training/events/train.py` on the project's annotated corpus
(`training/events/`); see `events/CARD.md` for the data, the scores and the limits. Inference is NumPy
only. The weights are `.npz` arrays read with `allow_pickle=False` and the feature vocabulary is JSON;
both load on first use and are cached.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from .event_features import DENSE_DIMS, NONE, SentenceContext, features

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

MODEL_DIR = Path(__file__).resolve().parent / "events"


def softmax(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    out: npt.NDArray[np.float64] = e / e.sum(axis=-1, keepdims=True)
    return out


def feature_rows(index: dict[str, int], names: Iterable[str]) -> list[int]:
    """The weight rows of the feature names a model knows, each once, in order (a set built by `map` in C:
    the events stage asks this for every candidate trigger and argument)."""
    known: set[int | None] = set(map(index.get, names))
    known.discard(None)
    return sorted(cast("set[int]", known))


@dataclass(frozen=True)
class Prediction:
    """The classifier's reading of one candidate: `type` is a PLOVER type or 'NONE'; `probability` is the
    type's probability; `event_probability` is 1 - P(NONE)."""

    type: str
    probability: float
    event_probability: float
    modality: str
    negated: bool


class EventModel:
    """Weights and feature vocabulary of the three heads (type, modality, negation)."""

    def __init__(self, arrays: dict[str, npt.NDArray[Any]], vocab: dict[str, Any]) -> None:
        self.types: list[str] = list(vocab["types"])
        self.modalities: list[str] = list(vocab["modalities"])
        self.index: dict[str, int] = {name: i for i, name in enumerate(vocab["features"])}
        self.event_nouns: frozenset[str] = frozenset(vocab.get("event_nouns", ()))
        self.heads = {
            name: (arrays[f"{name}_W"].astype(np.float64), arrays[f"{name}_b"].astype(np.float64))
            for name in ("type", "modality", "negation")
        }
        self.n_sparse = len(self.index)
        # a candidate is an event when P(NONE) is below this (chosen at training time on held-aside data)
        self.none_threshold = float(vocab.get("none_threshold", 0.5))

    def decide(self, p: npt.NDArray[np.float64]) -> int:
        """The class index for type probabilities `p`: NONE when P(NONE) reaches the threshold, else the
        most probable of the 16 types."""
        none = self.types.index(NONE)
        if p[none] >= self.none_threshold:
            return none
        q = p.copy()
        q[none] = -1.0
        return int(q.argmax())

    def vectorize(self, sparse: list[str], dense: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
        x = np.zeros(self.n_sparse + DENSE_DIMS, dtype=np.float64)
        for name in sparse:
            i = self.index.get(name)
            if i is not None:
                x[i] = 1.0
        x[self.n_sparse :] = dense
        return x

    def probabilities(self, x: npt.NDArray[np.float64], head: str = "type") -> npt.NDArray[np.float64]:
        w, b = self.heads[head]
        return softmax(x @ w + b)

    def type_probabilities(self, tok: Token, context: SentenceContext | None = None) -> dict[str, float]:
        """The type head's probabilities for a candidate token, by class name (NONE included). The same
        as `probabilities(vectorize(...))`, summing the weight rows of the features present instead of
        multiplying a mostly-zero vector (the events stage calls this for every verb)."""
        sparse, dense = features(tok, context=context)
        w, b = self.heads["type"]
        rows = feature_rows(self.index, sparse)
        # `take` and `tolist` give what `w[rows]` and float() of each value would, for less NumPy overhead
        z = w.take(rows, axis=0).sum(axis=0) + dense.astype(np.float64) @ w[self.n_sparse :] + b
        p = softmax(z)
        return dict(zip(self.types, p.tolist(), strict=True))

    def predict(self, tok: Token, sent_lemmas: frozenset[str] | None = None) -> Prediction:
        x = self.vectorize(*features(tok, sent_lemmas))
        p = self.probabilities(x)
        k = self.decide(p)
        none = self.types.index(NONE)
        m = self.probabilities(x, "modality")
        n = self.probabilities(x, "negation")
        return Prediction(
            type=self.types[k],
            probability=float(p[k]),
            event_probability=float(1.0 - p[none]),
            modality=self.modalities[int(m.argmax())],
            negated=bool(n[1] > n[0]),
        )


def load_arrays(directory: Path) -> tuple[dict[str, npt.NDArray[Any]], dict[str, Any]]:
    with np.load(directory / "weights.npz", allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    with open(directory / "vocab.json", encoding="utf-8") as fh:
        vocab = json.load(fh)
    return arrays, vocab


@functools.cache
def load_event_model(directory: str | None = None) -> EventModel:
    """The shipped event model (or one in `directory`), loaded once per process."""
    arrays, vocab = load_arrays(Path(directory) if directory else MODEL_DIR)
    return EventModel(arrays, vocab)
