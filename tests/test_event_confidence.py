"""An event's emitted confidence covers its source and target (stages/events/confidence.py): the contract's
"probability that the event is right (type, source and target)"."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from newsgraph.model import Event, Span
from newsgraph.stages.events import confidence


def _event(
    type_: str = "AID", source: tuple[str, ...] = (), target: tuple[str, ...] = (), **kw: Any
) -> Event:
    return Event(
        id="V1",
        type=type_,
        trigger=Span(0, 4, "sent"),
        sentence=0,
        source=source,
        target=target,
        confidence=0.95,
        **kw,
    )


def test_the_file_has_a_fitted_argument_section() -> None:
    data = json.loads(confidence.CALIBRATION.read_text(encoding="utf-8"))
    section = data["arguments"]
    assert section["features"] == list(confidence.ARGUMENT_FEATURES)
    cal = confidence.load_argument_calibration()
    assert cal is not None and len(cal.weights) == len(confidence.ARGUMENT_FEATURES)
    assert all(0.0 <= p <= 1.0 for p in (*cal.source_prior.values(), *cal.target_prior.values()))


def test_an_event_without_roles_is_no_longer_certain() -> None:
    cal = confidence.load_argument_calibration()
    assert cal is not None
    assert cal.rescore(_event(), confidence.Evidence()).confidence < 0.7  # the defect: a bare event was
    # emitted at the type's confidence
    # in a sentence where the ranker puts someone above "none" for both sides, leaving them empty costs
    # (without the ranker's word the two are within 0.02 of each other: the fit leaves that to the ranker)
    seen = confidence.Evidence(ranked=(0.2, 0.2))
    bare = cal.rescore(_event(), seen)
    both = cal.rescore(_event(source=("E1",), target=("E2",)), seen)
    assert bare.confidence < both.confidence <= 0.95
    assert bare.confidence < 0.7


def test_a_missing_recipient_costs_more_where_the_type_expects_one() -> None:
    cal = confidence.ArgumentCalibration(
        (0.0, 3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0),
        -1.5,
        {"AID": 0.8, "PROTEST": 0.7},
        {"AID": 0.9, "PROTEST": 0.1},
    )
    aid = cal.probability(_event("AID", source=("E1",)), confidence.Evidence())
    protest = cal.probability(_event("PROTEST", source=("E1",)), confidence.Evidence())
    assert aid < 0.5 < protest  # a protest usually has no target, aid usually has a recipient


def test_the_ranker_agrees_with_a_filled_side_it_ranked_above_none() -> None:
    """The ranker's P("none") becomes the logit of its agreement with what the side holds."""
    assert confidence.ranker_agreement(None, 0, True) == 0.0  # not read: even odds
    sure_someone = (0.1, 0.8)  # P(none) for the source, for the target
    assert confidence.ranker_agreement(sure_someone, 0, True) > 2.0  # logit(0.9)
    assert confidence.ranker_agreement(sure_someone, 0, False) < -2.0  # a source left empty
    assert confidence.ranker_agreement(sure_someone, 1, False) > 1.0  # a target rightly left empty
    assert confidence.ranker_agreement((0.0, 1.0), 0, False) == pytest.approx(-4.595, abs=1e-3)  # kept finite


def test_the_shipped_fit_trusts_roles_the_ranker_agrees_with() -> None:
    """Same event, same parse: where the ranker doubted both sides it holds, the emitted confidence is
    lower (the fitted weights of the two features are positive)."""
    cal = confidence.load_argument_calibration()
    assert cal is not None
    event = _event(source=("E1",), target=("E2",))
    agreed = cal.rescore(event, confidence.Evidence(ranked=(0.05, 0.1)))
    doubted = cal.rescore(event, confidence.Evidence(ranked=(0.7, 0.8)))
    unread = cal.rescore(event, confidence.Evidence())
    assert doubted.confidence < unread.confidence < agreed.confidence


def test_other_features_are_refused() -> None:
    with pytest.raises(ValueError, match="refit"):
        confidence.from_dict({"features": ["x"], "weights": [1.0], "bias": 0.0})


@pytest.mark.model
def test_the_parse_links_roles_to_the_trigger(nlp: Any) -> None:
    doc = nlp("Japan sent medical supplies to Bangladesh. Officials in Tokyo said so.")
    japan, bangladesh, tokyo = (0, 5), (31, 41), (56, 61)
    mentions = {"E1": [japan], "E2": [bangladesh], "E3": [tokyo]}
    event = dataclasses.replace(_event(source=("E1",), target=("E2",)), trigger=Span(6, 10, "sent"))
    seen = confidence.evidence(doc, event, mentions)
    assert seen.source_linked and seen.target_linked and not seen.nominal and not seen.crowded
    far = dataclasses.replace(event, target=("E3",))  # named in the next sentence, not an argument
    assert not confidence.evidence(doc, far, mentions).target_linked


def test_a_final_map_replaces_the_product() -> None:
    """calibration.json's `final` (fitted on the calibration slice) maps the two probabilities' logits;
    without it the emitted number is their product, as before."""
    plain = confidence.ArgumentCalibration((0.0,) * 11, 0.0)
    assert plain.emitted(0.8, 0.5) == pytest.approx(0.4)
    mapped = dataclasses.replace(plain, final=(1.0, 1.0, 0.0))
    # odds 4 times odds 1: 0.8, where the product says 0.4
    assert mapped.emitted(0.8, 0.5) == pytest.approx(0.8)
    shrunk = dataclasses.replace(plain, final=(0.3, 0.0, -1.0))
    assert shrunk.emitted(0.99, 0.99) < 0.7  # a map fitted on new text can say "less sure than that"
    assert mapped.emitted(1.0, 1.0) < 1.0  # a rounded 1 is not infinitely sure


def test_a_final_map_of_another_shape_is_refused() -> None:
    data = json.loads(confidence.CALIBRATION.read_text(encoding="utf-8"))["arguments"]
    with pytest.raises(ValueError, match="final"):
        confidence.from_dict({**data, "final": [1.0, 2.0]})
    assert confidence.from_dict({**data, "final": [1.0, 2.0, 3.0]}).final == (1.0, 2.0, 3.0)
