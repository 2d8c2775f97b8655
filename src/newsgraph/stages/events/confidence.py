"""An event's confidence as the output contract defines it: the probability that its type, source AND
target are right (issue 13, Build point 4).

The stage decides with the probability that the event and its type are right (hybrid.py's calibration):
that is what its floors and retyping were chosen for. What it emits is that probability times the
probability that the roles are right too, given the type: a logistic fit over what the event itself shows
(is a source there, a target, several, only a reporting speaker, a noun trigger, ...), where a missing
side counts for what it says about the type (an ASSAULT often has no named source, an AID rarely lacks a
recipient: `source_prior` / `target_prior`, the share of annotated events of the type with that side).
Fitted by `training/events/calibrate.py` on the slice of the training split held aside from the classifier
and the argument ranker (`arguments` in `models/events/calibration.json`); an event with no source and no
target can no longer be emitted at 1.0.

That slice is part of train, which the argument rules were written from, so the product was too high on
new text. When calibration.json has a `final` map, fitted on the calibration slice (training/events/calib/:
articles nobody wrote a rule from), the emitted number is that map of the two probabilities' logits instead
of their product: the ranking the slice learned, the rate new text shows.

The argument ranker's own doubt is an input as well (`source_ranked`, `target_ranked`): its probability
of "none" for each side at the event's anchor (Draft.ranked), as the logit of its agreement with what the
side holds. Where the ranker put someone above "none" and the side is empty, or the side holds someone
the ranker ranked under "none", the roles are wrong more often.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .hybrid import CALIBRATION, logit, sigmoid

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from spacy.tokens import Doc

    from ...model import Entity, Event


# The `final` map's logits keep p inside [EMITTED_FLOOR, 1 - EMITTED_FLOOR] (a rounded 0 or 1 is not
# infinitely sure)
EMITTED_FLOOR = 0.001

# The fit's inputs, in order (calibration.json names them; a mismatch is refused on load).
ARGUMENT_FEATURES = (
    "source_fit",  # the type's share of events with a source when the event has one, else the share without
    "target_fit",  # the same for the target
    "both_sides",
    "multi_source",
    "multi_target",
    "reported",  # a speaker reports it (attributed_to), which is where the stage often has no actor
    "nominal",
    "not_asserted",
    "source_linked",  # a source's mention hangs on the trigger in the parse (child or grandchild)
    "target_linked",  # the same for a target
    "crowded",  # the sentence names four entities or more: more to choose from, more to get wrong
    "source_ranked",  # logit of the argument ranker's agreement with the source side (has one or not)
    "target_ranked",  # the same for the target
)
CROWDED = 4
RANKED_FLOOR = 0.01  # the ranker's probabilities are kept inside [0.01, 0.99] before their logit


@dataclass(frozen=True)
class Evidence:
    """What the parse says about an event's roles (evidence(), from the document and its entities)."""

    nominal: bool = False
    source_linked: bool = False
    target_linked: bool = False
    crowded: bool = False
    # the argument ranker's P("none") for each role at the event's anchor; None where it did not read it
    ranked: tuple[float, float] | None = None


@dataclass(frozen=True)
class ArgumentCalibration:
    """P(source and target right | type right) as a logistic function of ARGUMENT_FEATURES."""

    weights: tuple[float, ...]
    bias: float
    source_prior: dict[str, float] = field(default_factory=dict)
    target_prior: dict[str, float] = field(default_factory=dict)
    # (w_type, w_roles, bias) of the emitted confidence over logit P(type right) and logit P(roles right |
    # type right); None: their product
    final: tuple[float, float, float] | None = None

    def features(self, event: Event, seen: Evidence) -> tuple[float, ...]:
        has_source, has_target = bool(event.source), bool(event.target)
        p_source = self.source_prior.get(event.type, 0.5)
        p_target = self.target_prior.get(event.type, 0.5)
        return (
            p_source if has_source else 1.0 - p_source,
            p_target if has_target else 1.0 - p_target,
            float(has_source and has_target),
            float(len(event.source) > 1),
            float(len(event.target) > 1),
            float(event.attributed_to is not None),
            float(seen.nominal),
            float(event.modality != "asserted"),
            float(seen.source_linked),
            float(seen.target_linked),
            float(seen.crowded),
            ranker_agreement(seen.ranked, 0, has_source),
            ranker_agreement(seen.ranked, 1, has_target),
        )

    def probability(self, event: Event, seen: Evidence) -> float:
        return sigmoid(
            self.bias + sum(w * v for w, v in zip(self.weights, self.features(event, seen), strict=True))
        )

    def emitted(self, p_type: float, p_roles: float) -> float:
        """The confidence the stage emits from P(type right) and P(roles right | type right)."""
        if self.final is None:
            return p_type * p_roles
        w_type, w_roles, bias = self.final
        return sigmoid(bias + w_type * logit(p_type, EMITTED_FLOOR) + w_roles * logit(p_roles, EMITTED_FLOOR))

    def rescore(self, event: Event, seen: Evidence) -> Event:
        """The event with its emitted confidence (emitted(P(type right), P(roles right | type right)))."""
        return dataclasses.replace(
            event, confidence=round(self.emitted(event.confidence, self.probability(event, seen)), 3)
        )

    def rescore_all(
        self, doc: Doc, entities: Iterable[Entity], events: Iterable[tuple[Event, tuple[float, float] | None]]
    ) -> list[Event]:
        """A document's events with their emitted confidence (rescore), the evidence read from `doc`; each
        event comes with what the argument ranker said at its anchor (Draft.ranked)."""
        mentions = mention_spans(entities)
        return [self.rescore(v, evidence(doc, v, mentions, ranked)) for v, ranked in events]


def ranker_agreement(ranked: tuple[float, float] | None, role: int, filled: bool) -> float:
    """The logit of the ranker's probability for what the event's side holds: 1 - P(none) when the side
    names someone, P(none) when it is empty; 0 (even odds) where the ranker did not read the anchor. A
    logit, as a calibration of a probability is linear in it (the roles' part's log loss on article folds
    of the calibration and held-aside slices: 0.532 without the two features; in a first trial, which
    found the anchor by the trigger's tokens, 0.493 with the probabilities and 0.488 with their logits;
    as shipped, 0.494)."""
    if ranked is None:
        return 0.0
    return logit(1.0 - ranked[role] if filled else ranked[role], RANKED_FLOOR)


def mention_spans(entities: Iterable[Entity]) -> dict[str, list[tuple[int, int]]]:
    """Entity id -> the offsets of its mentions (what evidence() reads, and the scorers' side_ok)."""
    return {e.id: [(m.start, m.end) for m in e.mentions] for e in entities}


def evidence(
    doc: Doc,
    event: Event,
    mentions: Mapping[str, Sequence[tuple[int, int]]],
    ranked: tuple[float, float] | None = None,
) -> Evidence:
    """The parse's evidence for the event's roles; `mentions`: entity id -> its mention offsets; `ranked`:
    the argument ranker's P("none") per role at the event's anchor (Draft.ranked)."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return Evidence(ranked=ranked)
    head = span.root
    sent = head.sent
    near = {t.i for t in head.children} | {g.i for t in head.children for g in t.children}

    def linked(ids: tuple[str, ...]) -> bool:
        for eid in ids:
            for start, end in mentions.get(eid, ()):
                mention = doc.char_span(start, end, alignment_mode="expand")
                if mention is not None and any(t.i in near for t in mention):
                    return True
        return False

    named = sum(
        1
        for spans in mentions.values()
        if any(sent.start_char <= start and end <= sent.end_char for start, end in spans)
    )
    return Evidence(
        ranked=ranked,
        nominal=head.pos_ in ("NOUN", "PROPN"),
        source_linked=linked(event.source),
        target_linked=linked(event.target),
        crowded=named >= CROWDED,
    )


def from_dict(data: dict[str, Any]) -> ArgumentCalibration:
    if tuple(data["features"]) != ARGUMENT_FEATURES:
        raise ValueError(
            f"argument calibration features {data['features']} are not {list(ARGUMENT_FEATURES)}: refit it"
        )
    return ArgumentCalibration(
        weights=tuple(float(w) for w in data["weights"]),
        bias=float(data["bias"]),
        source_prior={str(k): float(v) for k, v in data["source_prior"].items()},
        target_prior={str(k): float(v) for k, v in data["target_prior"].items()},
        final=_final(data.get("final")),
    )


def _final(value: Any) -> tuple[float, float, float] | None:
    if value is None:
        return None
    if len(value) != 3:
        raise ValueError(f"argument calibration 'final' {value!r} is not [w_type, w_roles, bias]: refit it")
    w_type, w_roles, bias = (float(v) for v in value)
    return (w_type, w_roles, bias)


@functools.cache
def load_argument_calibration(path: str | None = None) -> ArgumentCalibration | None:
    """The `arguments` section of calibration.json; None when it has none (confidence is then the type's)."""
    with open(path or CALIBRATION, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    section = data.get("arguments")
    return from_dict(section) if section else None
