"""The event argument ranker (newsgraph.models.event_args, stages/events/arguments.py): the shipped weights
load without pickle, the dependency paths and candidates it sees on hand-written sentences, how it picks
(none, conjuncts, one role per candidate), the training gradient, and the roles it fills in the stage."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest
from training_script import load_training_script

from newsgraph.models import event_args as ea
from newsgraph.stages.events import arguments


def _train_module() -> Any:
    return load_training_script("training/events/train_args.py", "event_args_train")


def test_shipped_weights_load_without_pickle() -> None:
    with np.load(ea.MODEL_DIR / "weights.npz", allow_pickle=False) as npz:
        w = npz["W"]
    vocab = json.loads((ea.MODEL_DIR / "vocab.json").read_text(encoding="utf-8"))
    assert w.shape == (len(vocab["features"]), 2) and w.dtype == np.float32
    assert vocab["use_for"] and set(vocab["use_for"]) <= set(ea.POLICIES)
    assert "null" in vocab["features"]  # the "none" row has its own weight
    assert (ea.MODEL_DIR / "CARD.md").is_file()
    model = ea.load_argument_model()
    assert model.roles == frozenset(vocab["use_for"])


def _toy_model(weights: dict[str, tuple[float, float]], threshold: float = 0.2) -> ea.ArgumentModel:
    names = sorted(weights)
    w = np.array([weights[n] for n in names], dtype=np.float32)
    return ea.ArgumentModel(w, {"features": names, "threshold": {"source": threshold, "target": threshold}})


def test_probabilities_sum_to_one_per_role_over_candidates_and_none() -> None:
    model = _toy_model({"a": (2.0, 0.0), "b": (0.0, 1.0), "null": (0.5, 0.5)})
    p = model.probabilities([["a"], ["b"], ["null"]])
    assert p.shape == (3, 2)
    assert np.allclose(p.sum(axis=0), 1.0)
    assert p[:, 0].argmax() == 0 and p[:, 1].argmax() == 1


def test_pick_none_conjuncts_and_one_role_per_candidate(nlp: Any) -> None:
    doc = nlp("Colombia and the rebels signed a deal with Peru.")
    verb = next(t for t in doc if t.lemma_ == "sign")
    cands = arguments.candidates(verb)
    words = [c.text for c in cands]
    assert words == ["Colombia", "rebels", "deal", "Peru"]
    model = _toy_model({"subj": (3.0, 0.0), "conj": (2.5, 0.0), "obj": (0.0, 3.0), "null": (1.0, 1.0)})
    rows = [["subj"], ["conj"], [], ["obj"], ["null"]]
    source, target = arguments.pick(model, cands, rows)
    assert [t.text for t in source] == ["Colombia", "rebels"]  # "rebels" joins as a conjunct of Colombia
    assert [t.text for t in target] == ["Peru"]
    # when "none" outranks every candidate, the role stays empty
    quiet = _toy_model({"subj": (3.0, 0.0), "null": (1.0, 9.0)})
    source, target = arguments.pick(quiet, cands, [["subj"], [], [], [], ["null"]])
    assert [t.text for t in source] == ["Colombia"] and target == []


def test_paths_name_prepositions_and_possessors(nlp: Any) -> None:
    doc = nlp("The embassy was attacked by armed men. Iran's request for talks with Oman was welcome.")
    attacked = next(t for t in doc if t.text == "attacked")
    men = next(t for t in doc if t.text == "men")
    embassy = next(t for t in doc if t.text == "embassy")
    assert arguments.path(attacked, men) == ["vagent:by", "vpobj"]
    assert arguments.path(attacked, embassy) == ["vnsubjpass"]
    request = next(t for t in doc if t.text == "request")
    iran = next(t for t in doc if t.text == "Iran")
    assert arguments.path(request, iran) == ["vposs"]
    oman = next(t for t in doc if t.text == "Oman")
    assert arguments.path(request, oman)[-1] == "vpobj"
    assert "vprep:with" in arguments.path(request, oman)
    assert arguments.path(attacked, oman) == []  # another sentence


def test_a_nationality_adjective_is_a_candidate_a_compound_is_not(nlp: Any) -> None:
    doc = nlp("The Canadian warrant names the Hamas leader.")
    verb = next(t for t in doc if t.lemma_ == "name")
    words = [c.text for c in arguments.candidates(verb)]
    assert "Canadian" in words and "leader" in words and "Hamas" not in words


def test_the_governing_verb_of_an_event_noun_has_a_class(nlp: Any) -> None:
    doc = nlp("Two engineers inspected the blast at the depot. The dockers staged a walkout of their own.")
    blast = next(t for t in doc if t.text == "blast")
    gov = arguments.governor(blast)
    assert (gov.relation, gov.fine, gov.coarse) == ("dobj", "investigate", "outside")
    assert {doc[i].text for i in gov.doers} == {"engineers"} and gov.of_kind == ""
    walkout = next(t for t in doc if t.text == "walkout")
    assert arguments.governor(walkout).coarse == "agentive"  # also where the lemmatiser strays ("staged")
    doc = nlp(
        "Lawyers waited for the extradition of the banker. Crowds cheered the resignation of the mayor."
    )
    extradition = arguments.governor(next(t for t in doc if t.text == "extradition"))
    assert extradition.relation == "prep:for" and extradition.fine == "other"
    assert extradition.of_kind == "patient" and {doc[i].text for i in extradition.of_objects} == {"banker"}
    assert arguments.governor(next(t for t in doc if t.text == "resignation")).of_kind == "actor"


def test_the_ranker_sees_whether_the_governing_verb_s_subject_acts(nlp: Any) -> None:
    doc = nlp("A farmer photographed the raid on the village.")
    raid = next(t for t in doc if t.text == "raid")
    farmer = next(t for t in doc if t.text == "farmer")
    gov = arguments.governor(raid)
    rules = arguments.RuleView()
    row = arguments.features(raid, farmer, "N", True, False, lambda t: None, rules, [], gov)
    assert {"gov_doer=outside", "gov_doer_fine=perceive", "gov_doer+rel=outside:dobj"} <= set(row)
    assert "null:gov=outside" in arguments.null_features(raid, "N", True, False, rules, 3, gov)
    assert not any(
        f.startswith("gov")
        for f in arguments.features(raid, farmer, "N", True, False, lambda t: None, rules, [])
    )


def test_the_ranker_gradient_matches_finite_differences() -> None:
    train = _train_module()

    class Item:
        def __init__(self, rows: list[list[str]], labels: list[int]) -> None:
            self.rows, self.labels = rows, labels

    items = [Item([["a", "x"], ["b"], ["null"]], [1, 2]), Item([["a"], ["null"]], [0])]
    index = {"a": 0, "b": 1, "x": 2, "null": 3}
    batch = train.Batch(items, index)
    rng = np.random.default_rng(0)
    w = rng.normal(size=(4, 2))
    loss, grad = batch.loss_grad(w)
    eps = 1e-6
    for i in range(4):
        for k in range(2):
            w2 = w.copy()
            w2[i, k] += eps
            assert (batch.loss_grad(w2)[0] - loss) / eps == pytest.approx(grad[i, k], abs=1e-4)


def _arguments_of(text: str, lemma: str, roles: frozenset[str]) -> tuple[list[str], list[str]]:
    """Source and target names the finder gives the trigger `lemma`, with `roles` from the model."""
    from newsgraph import Article
    from newsgraph.pipeline import get_pipeline, run_stage
    from newsgraph.stages.base import Parsed, Results
    from newsgraph.stages.common import EntityIndex
    from newsgraph.stages.events.actors import ActorFinder

    pipeline = get_pipeline()
    parsed = Parsed.from_doc(Article.make(text), pipeline.nlp(text))
    results = Results()
    for stage in pipeline.stages:
        if stage.name != "events":
            results = run_stage(stage, parsed, results)
    index = EntityIndex(results.entities)
    finder = ActorFinder(index, model_roles=roles)
    tok = next(t for t in parsed.doc if t.lemma_ == lemma)
    if tok.pos_ == "NOUN":
        source, target = finder.noun_source_and_target(tok)
    else:
        source, target = finder.source_and_target(tok, "E")
    return [index.by_id[e].name for e in source], [index.by_id[e].name for e in target]


BOTH = frozenset({"source", "target"})


def test_the_model_takes_a_passive_agent_as_source(nlp: Any) -> None:
    source, _ = _arguments_of(
        "Two Kenyan police officers were kidnapped by al-Shabaab on Monday.", "kidnap", BOTH
    )
    assert source == ["al-Shabaab"]


def test_the_model_takes_the_possessor_of_an_event_noun(nlp: Any) -> None:
    source, _ = _arguments_of("Germany rejected Poland's demand for reparations.", "demand", BOTH)
    assert source == ["Poland"]


def test_an_empty_role_set_is_the_rules(nlp: Any) -> None:
    from newsgraph.stages.common import EntityIndex
    from newsgraph.stages.events.actors import ActorFinder

    doc = nlp("Germany rejected the demand.")
    verb = next(t for t in doc if t.lemma_ == "reject")
    finder = ActorFinder(EntityIndex(()), model_roles=frozenset())
    assert finder.source_and_target(verb, "E") == finder.rule_source_and_target(verb, "E")


def test_role_policies_combine_the_model_and_the_rules() -> None:
    from newsgraph.stages.events.actors import ActorFinder

    choose = ActorFinder._choose
    model, rules = ["E1"], ["E2"]
    assert choose("source", frozenset({"source"}), [], rules) == []  # the model's, even when empty
    assert choose("source", frozenset({"source"}), model, rules) == model
    assert choose("source", frozenset({"source+rules"}), [], rules) == rules
    assert choose("source", frozenset({"source+rules"}), model, rules) == model
    assert choose("source", frozenset({"source+fill"}), model, rules) == rules  # the rules first
    assert choose("source", frozenset({"source+fill"}), model, []) == model
    assert choose("target", frozenset({"source"}), model, rules) == rules  # another role: the rules'
