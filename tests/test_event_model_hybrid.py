"""The events stage with the classifier (stages/events/hybrid.py): one event per trigger, calibrated
confidence, the calibration file, and the sentence context that speeds up the features."""

from __future__ import annotations

import json
import math
from typing import Any

import numpy as np
import pytest

from newsgraph.models import event_features as ef
from newsgraph.models import events as em
from newsgraph.stages.events import hybrid


def _with_model(text: str) -> Any:
    from newsgraph import Article, ExtractOptions
    from newsgraph.pipeline import get_pipeline

    return get_pipeline(ExtractOptions(event_model=True)).extract(Article.make(text))


def test_calibration_file_matches_the_code() -> None:
    data = json.loads(hybrid.CALIBRATION.read_text(encoding="utf-8"))
    assert data["features"] == list(hybrid.FEATURES)
    cal = hybrid.load_calibration()
    assert len(cal.weights) == len(hybrid.FEATURES)
    assert 0.0 < cal.floor < 1.0 and 0.0 <= cal.relative < 1.0 and 0.0 < cal.add_min < 1.0
    # fitted on the held-aside slice and scored on validation: both recorded with the weights
    assert set(data["scores"]) == {"stop (fitted and chosen on)", "validation (held out)"}


def test_calibration_refuses_other_features(tmp_path: Any) -> None:
    path = tmp_path / "calibration.json"
    path.write_text(json.dumps({"features": ["a"], "weights": [1.0], "bias": 0.0}), encoding="utf-8")
    with pytest.raises(ValueError, match="refit"):
        hybrid.load_calibration(str(path))


def test_confidence_is_a_monotone_probability() -> None:
    cal = hybrid.Calibration((2.0, 0.0), -1.0, 0.5, 0.2, 0.3, 0.0)
    low, high = cal.confidence((-1.0, 0.0)), cal.confidence((3.0, 0.0))
    assert 0.0 < low < high < 1.0
    assert math.isclose(cal.confidence((0.5, 0.0)), 0.5)
    assert 0.0 <= cal.confidence((1e6, 0.0)) <= 1.0  # no overflow


@pytest.mark.model
def test_the_sentence_context_does_not_change_the_features(nlp: Any) -> None:
    doc = nlp('The minister said on Monday that "the army will not withdraw from the border town".')
    sent = next(iter(doc.sents))
    context = ef.sentence_context(sent)
    assert context.has_date and context.has_quote
    model = em.load_event_model()
    for tok in ef.candidates(sent, model.event_nouns):
        a_sparse, a_dense = ef.features(tok)
        b_sparse, b_dense = ef.features(tok, context=context)
        assert a_sparse == b_sparse and np.array_equal(a_dense, b_dense)
        full = model.probabilities(model.vectorize(a_sparse, a_dense))
        fast = model.type_probabilities(tok, context)
        assert np.allclose(full, [fast[t] for t in model.types])


@pytest.mark.model
def test_one_trigger_one_event(nlp: Any) -> None:
    # a host and a visitor: the rules read "hosted" both ways; the stage keeps one reading
    out = _with_model("The Egyptian president hosted the Israeli prime minister in Cairo on Tuesday.")
    triggers = [(v.trigger.start, v.trigger.end) for v in out.events]
    assert triggers and len(triggers) == len(set(triggers))


@pytest.mark.model
def test_clear_events_come_with_calibrated_confidence(nlp: Any) -> None:
    text = "Washington imposed sanctions on Iran on Monday. Police arrested the opposition leader in Nairobi."
    out = _with_model(text)
    types = {v.type: v for v in out.events}
    assert {"SANCTION", "COERCE"} <= set(types)
    floor = hybrid.load_calibration().floor
    assert all(floor <= v.confidence <= 1.0 for v in out.events)
    assert types["COERCE"].confidence >= 0.7  # a plain arrest by a named actor is a sure reading


@pytest.mark.model
def test_min_confidence_trades_recall_for_precision(nlp: Any) -> None:
    from newsgraph import Article, ExtractOptions
    from newsgraph.pipeline import get_pipeline

    text = (
        "Police arrested the opposition leader in Nairobi. The ministry said it might consider talks with "
        "the rebels, who had attacked a convoy near the border."
    )
    counts = [
        len(
            get_pipeline(ExtractOptions(event_model=True, min_confidence=c))
            .extract(Article.make(text))
            .events
        )
        for c in (0.0, 0.7, 0.99)
    ]
    assert counts[0] >= counts[1] >= counts[2]
    assert counts[0] > counts[2]


def _candidate(
    type_: str | None, start: int, probs: dict[str, float], rule_confidence: float = 0.8, stance: bool = False
) -> Any:
    from newsgraph.model import Event, Span
    from newsgraph.stages.events.sentence_coder import Draft

    event = Event("", type_ or "ASSAULT", Span(start, start + 5, "xxxxx"), 0, ("E1",), ("E2",))
    return hybrid.Candidate(
        Draft(event, (0, start)), type_, rule_confidence, probs, False, False, False, stance
    )


def _calibration(fallback_floor: float) -> Any:
    n = len(hybrid.FEATURES)
    only_p_type = (1.0,) + (0.0,) * (n - 1)  # confidence = P(type) exactly
    return hybrid.Calibration(
        only_p_type, 0.0, 0.5, 0.2, 0.3, 0.0, only_p_type, 0.0, fallback_floor=fallback_floor
    )


def test_rules_first_keeps_the_rules_reading() -> None:
    unsure = {"NONE": 0.8, "ASSAULT": 0.05, "PROTEST": 0.15}
    sure_other = {"NONE": 0.05, "ASSAULT": 0.05, "PROTEST": 0.9}
    cands = [_candidate("ASSAULT", 0, unsure), _candidate(None, 10, sure_other)]
    out = hybrid.rules_first(cands, _calibration(0.5))
    # the rule event stays, with its type, however unsure the model is; the model's own candidate is
    # not added to a sentence the rules coded
    assert [(d.event.type, d.event.trigger.start) for d in out] == [("ASSAULT", 0)]
    assert math.isclose(out[0].event.confidence, 0.05, abs_tol=1e-3)


def test_rules_first_lets_the_model_code_an_empty_sentence() -> None:
    sure = {"NONE": 0.05, "ASSAULT": 0.05, "PROTEST": 0.9}
    unsure = {"NONE": 0.4, "ASSAULT": 0.35, "PROTEST": 0.25}
    cands = [_candidate(None, 0, sure), _candidate(None, 10, unsure)]
    out = hybrid.rules_first(cands, _calibration(0.5))
    assert [(d.event.type, d.event.trigger.start) for d in out] == [("PROTEST", 0)]
    assert hybrid.rules_first(cands, _calibration(0.5), min_confidence=0.95) == []


def test_decide_keeps_one_event_per_trigger() -> None:
    probs = {"NONE": 0.1, "ASSAULT": 0.8, "PROTEST": 0.1}
    cands = [_candidate("ASSAULT", 0, probs, 0.9), _candidate("ASSAULT", 0, probs, 0.7)]
    assert len(hybrid.decide(cands, _calibration(0.5))) == 1


@pytest.mark.model
def test_default_stage_codes_what_the_rules_code(nlp: Any) -> None:
    from newsgraph import Article
    from newsgraph.pipeline import get_pipeline, run_stage
    from newsgraph.stages.base import Parsed, Results
    from newsgraph.stages.events.code import extract_events, rules_first_candidates

    text = "Moscow rebuffed the proposal from Kyiv. Rebels ambushed a government convoy near Goma."
    pipeline = get_pipeline()
    parsed = Parsed.from_doc(Article.make(text), pipeline.nlp(text))
    results = Results()
    for stage in pipeline.stages[:-1]:
        results = run_stage(stage, parsed, results)

    def reading(events: Any) -> list[Any]:
        return [(v.type, v.trigger, v.source, v.target) for v in events]

    rules = extract_events(parsed, results, rules_only=True)
    default = extract_events(parsed, results)
    assert reading(default) == reading(rules) and len(rules) == 2
    # clear events the model agrees with: the decision's P(type right) is high; the emitted confidence (the
    # contract's: type, source and target right) adds the roles' doubt (stages/events/confidence.py)
    cal = hybrid.load_calibration()
    decided = [
        d.event
        for cands in rules_first_candidates(parsed, results, cal.add_min)
        for d in hybrid.rules_first(cands, cal)
    ]
    assert reading(decided) == reading(default)
    assert all(v.confidence >= 0.7 for v in decided)
    assert all(0.0 < v.confidence <= d.confidence for v, d in zip(default, decided, strict=True))


def test_rules_first_retypes_only_where_the_model_is_sure() -> None:
    import dataclasses

    sure_other = {"NONE": 0.05, "ASSAULT": 0.05, "PROTEST": 0.9}
    cand = _candidate("ASSAULT", 0, sure_other)
    cand = dataclasses.replace(
        cand, draft=dataclasses.replace(cand.draft, event=dataclasses.replace(cand.draft.event, mode="beat"))
    )
    never = _calibration(0.5)  # the default: a rule event keeps the rule's type
    assert [(d.event.type, d.event.mode) for d in hybrid.rules_first([cand], never)] == [("ASSAULT", "beat")]
    at_09 = dataclasses.replace(never, rule_retype_min=0.9)
    # the model's 0.9 reaches the threshold: the event takes the model's type, and loses the rule's mode
    out = hybrid.rules_first([cand], at_09)
    assert [(d.event.type, d.event.mode) for d in out] == [("PROTEST", None)]
    assert math.isclose(out[0].event.confidence, 0.9, abs_tol=1e-3)  # the confidence of the new reading
    at_095 = dataclasses.replace(never, rule_retype_min=0.95)
    assert [d.event.type for d in hybrid.rules_first([cand], at_095)] == ["ASSAULT"]


def test_rules_first_drops_rule_events_under_the_rule_floor() -> None:
    import dataclasses

    low = {"NONE": 0.8, "ASSAULT": 0.1, "PROTEST": 0.1}
    high = {"NONE": 0.1, "ASSAULT": 0.85, "PROTEST": 0.05}
    cands = [_candidate("ASSAULT", 0, low), _candidate("ASSAULT", 10, high)]
    cal = dataclasses.replace(_calibration(0.5), rule_floor=0.3)
    assert [d.event.trigger.start for d in hybrid.rules_first(cands, cal)] == [10]
    assert len(hybrid.rules_first(cands, _calibration(0.5))) == 2  # floor 0: the rules' events all stay


def test_calibration_file_sets_the_default_stage_thresholds() -> None:
    data = json.loads(hybrid.CALIBRATION.read_text(encoding="utf-8"))
    cal = hybrid.load_calibration()
    assert cal.rule_retype_min == data["rule_retype_min"] and cal.rule_floor == data["rule_floor"]
    assert cal.rule_retype_min >= 0.5 and 0.0 <= cal.rule_floor < 1.0


def test_the_model_does_not_undo_the_plover_reading_of_an_intention() -> None:
    import dataclasses

    aid = {"NONE": 0.02, "AID": 0.95, "ASSAULT": 0.03}
    assault = {"NONE": 0.02, "ASSAULT": 0.95, "AID": 0.03}
    cal = dataclasses.replace(_calibration(0.5), rule_retype_min=0.5)
    # "will give aid" is AGREE and "vowed to attack" THREATEN in PLOVER's code, whatever the action is
    assert hybrid.reading(_candidate("AGREE", 0, aid, stance=True), 0.5) == "AGREE"
    assert hybrid.reading(_candidate("THREATEN", 0, assault, stance=True), 0.5) == "THREATEN"
    # ... and the stance is as probable as its actions together
    agree = _candidate("AGREE", 0, aid, stance=True)
    assert math.isclose(hybrid.rules_first([agree], cal)[0].event.confidence, 0.95, abs_tol=1e-3)
    # an AGREE the model reads as an attack is not a cooperation, and an AGREE the rules read from the
    # word itself (no intention or possibility around it) is no stance: the model's reading wins
    attacked = _candidate("AGREE", 0, assault, stance=True)
    assert [d.event.type for d in hybrid.rules_first([attacked], cal)] == ["ASSAULT"]
    assert hybrid.reading(_candidate("AGREE", 0, aid), 0.5) == "AID"


def test_rules_first_adds_what_a_rule_speech_act_governs_from_the_embedded_floor() -> None:
    import dataclasses

    sure = {"NONE": 0.05, "ASSAULT": 0.9, "PROTEST": 0.05}
    accusation = _candidate("ACCUSE", 0, {"NONE": 0.1, "ACCUSE": 0.9})
    under_it = dataclasses.replace(_candidate(None, 10, sure), governor_type="ACCUSE")
    elsewhere = _candidate(None, 20, sure)  # a candidate no speech act governs
    cands = [accusation, under_it, elsewhere]
    off = _calibration(0.5)  # the default: nothing added to a sentence the rules coded
    assert [d.event.trigger.start for d in hybrid.rules_first(cands, off)] == [0]
    on = dataclasses.replace(off, embedded_floor=0.8)
    assert [d.event.trigger.start for d in hybrid.rules_first(cands, on)] == [0, 10]
    # the floor holds: P(type) 0.9 is under 0.95; and min_confidence raises it
    assert [
        d.event.trigger.start for d in hybrid.rules_first(cands, dataclasses.replace(on, embedded_floor=0.95))
    ] == [0]
    assert [d.event.trigger.start for d in hybrid.rules_first(cands, on, min_confidence=0.92)] == [0]
