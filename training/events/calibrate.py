"""Fit the events stage's confidence calibration and thresholds (issue 13, Build point 4).

The stage with the model (stages/events/hybrid.py) turns every candidate (a rule event, or a verb or event
noun the classifier reads as an event) into one type and one confidence: a logistic regression over the
classifier's probabilities and what the rules say, fitted here to "this event and its type are right".

Data: the slice of the training split that train.py holds aside from the classifier (articles with
sha256('stop:' + doc) % 8 == 0), so the classifier's probabilities are those of unseen text. The retype
threshold and the floor are chosen on the same slice: the best event+type F1 with precision at least
PRECISION_MIN. Validation is scored afterwards, never fitted on; the PLOVER dev set is never read.

The calibration slice, training/events/calib/, holds sentences of articles nobody wrote a rule from (the
held-aside slice is part of train, and the argument rules were written from train's errors, so fits there
may be too sure on new text). calibrate.py always scores the stage on it (the row "calib"), and with
`--confidence-on calib` fits the emitted number there in one of four ways (`--confidence-mode`; refitting
moves no decision of the stage, the rule floor being 0, but may change which event of a sentence ranks
first). Compared on 2026-12-03 by log loss (a proper score) on the slice's article folds and on validation,
with the check-only figures (`choose_confidence` gives the first column: confidence_refit.fold_log_loss):

    way                                         slice folds  validation  val. conf >= 0.7     PLOVER top-1
    product of the held-aside fits (before)     0.529        0.653       76 events, 69.7%     0.901
    `final`: a map of their logits, fit here    0.461        0.745       58 events, 60.3%     -
    `refit`: both fits redone here              0.477        0.640       24 events, 79.2%     0.882
    `type`: only P(type right) redone here      0.502        0.652       35 events, 65.7%     0.901
    `pooled`: `refit`, roles on both (default)  0.478        0.635       32 events, 81.2%     0.882

AUC of "type, source and target right" on validation: product 0.702, final 0.653, refit 0.715, type
0.701, pooled 0.719. The rule: among the ways that beat the product on the slice's folds, the lowest
validation log loss (the issue fits on train and chooses on validation). That is `pooled`, the default
since 2026-12-03: the rule events' P(type right) refitted on the slice, P(roles right | type right) on the
slice and the held-aside slice together (the slice alone, 115 events of the right type, learned that an
event with both sides is less likely right than one with none).
What it costs: the numbers move toward natural news' base rate (half the rule events there have the right
type, four in five on the held-aside slice), so a plain "Washington imposed sanctions on Iran on Monday."
gets 0.23 where it had 0.57, and a sentence's verb event can rank under a nominal one (PLOVER top-1 0.901 ->
0.882, still over the issue's 0.85). Five ways were tried on validation: the blind test set, never used to
choose, is the check on that.

Thirteenth session: two inputs of the roles' part read the argument ranker's P("none") at the event's
anchor (confidence.ranker_agreement). On the article folds of the calibration and held-aside slices the
roles' part's log loss went 0.532 -> 0.494 and the emitted `pooled` confidence's 0.543 -> 0.504 (the
columns above: product 0.514, refit 0.523, type 0.506, pooled 0.504, final 0.476; `pooled` kept, not
re-chosen). Refitting also re-chose thresholds the shipped file had kept from before the classifier and
the ranker were last retrained (a refit without the new inputs chooses the same): the fallback floor
0.4 -> 0.55, the embedded floor 0.7 -> 0.6, the `--event-model` floor 0.35 -> 0.4. Validation, default
stage (eval_stage.py, one look): events at confidence >= 0.7 31 at 77.4% right -> 41 at 85.4%.

  .venv/bin/python training/events/calibrate.py                   # fit, write calibration.json, score val
                                                                  # (and the card's events-stage section)
  .venv/bin/python training/events/calibrate.py --no-write
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import eval_stage  # noqa: E402
import train  # noqa: E402

from newsgraph.stages.events.code import candidates_by_sentence, rules_first_candidates  # noqa: E402
from newsgraph.stages.events.confidence import (  # noqa: E402
    ARGUMENT_FEATURES,
    EMITTED_FLOOR,
    ArgumentCalibration,
    evidence,
    mention_spans,
)
from newsgraph.stages.events.hybrid import (  # noqa: E402
    CALIBRATION,
    FEATURES,
    Calibration,
    Candidate,
    decide,
    logit,
    reading,
    rules_first,
)
from newsgraph.stages.events.sentence_coder import Draft  # noqa: E402

ADD_MIN = 0.2  # a candidate the lexicon missed is considered from this P(event) up
RETYPE_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 1.01)  # 1.01: never retype a rule event
FLOOR_GRID = tuple(round(x, 2) for x in np.arange(0.1, 0.81, 0.05))
RELATIVE_GRID = (0.0, 0.4, 0.55, 0.7, 0.85)  # share of the sentence's best event (0: keep all)
# The default stage: when the model retypes a rule event (1.01: never; from the rules' side, so that a tie
# on the slice keeps the rules' reading), and the rule events' floor. The floor stays 0 (keep all): a floor
# of 0.2 lifts the slice's precision from 0.77 to 0.88, but drops the rule events the classifier cannot read
# on short one-event sentences (PLOVER dev top-1 0.93 -> 0.74), so the floor is left to --min-confidence.
RULE_RETYPE_GRID = (1.01, 0.9, 0.8, 0.7, 0.6, 0.5)
RULE_FLOOR_GRID = (0.0,)
# ... and the floor for the model's own candidates in the sentences the rules coded (1.01: never add). On
# the slice, the grid (1.01, 0.9, ..., 0.5) chose 0.5: default-stage recall on validation 0.34 -> 0.57 at
# precision 0.75, detection recall 0.64. It fails the PLOVER dev check (one coded event per sentence there):
# spurious events per sentence 0.10 -> 0.63, top-1 0.91 -> 0.76, so the default stage does not add and the
# added candidates stay with --event-model (which adds them all the same way).
ADDED_GRID = (1.01,)
# ... but the floor for the model's candidates that a rule accusation governs (hybrid.EMBEDDING: "accused
# them of *attacking*") is chosen on the slice like the other thresholds (1.01: never add them); hybrid.py
# says why it is accusations only
EMBEDDED_GRID = (1.01, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3)
PRECISION_MIN = 0.75  # on the slice; the issue asks 0.70 on validation
L2 = 1.0
# The roles' part (fit_arguments): its penalty, chosen by article-fold log loss on the slice
ARGUMENT_L2_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
ARGUMENT_FOLDS = 5
# What "right" means for the calibration: 'type' (the event and its type) or 'full' (and its source and
# target, as the contract defines confidence); --label sets it
LABEL = "type"
CALIB_DIR = HERE / "calib"
CONFIDENCE_MODES = ("product", "refit", "type", "pooled", "final")
FINAL_L2 = 1.0
CALIB_FITTED_ON = {
    "refit": "training/events/calib/ (the calibration slice: articles no rule was written from): the rule"
    " events' P(type right) and the arguments' part refitted there, role priors from the held-aside slice",
    "type": "training/events/calib/ (the calibration slice: articles no rule was written from): the rule"
    " events' P(type right) refitted there; the arguments' part as the held-aside slice fits it",
    "pooled": "training/events/calib/ (the calibration slice: articles no rule was written from): the rule"
    " events' P(type right) refitted there, the arguments' part on it and the held-aside slice together,"
    " role priors from the held-aside slice",
    "final": "training/events/calib/ (the calibration slice: articles no rule was written from): `final`, a"
    " logistic map of logit P(type right) and logit P(roles right | type right) as the held-aside slice"
    " fits them, onto 'type, source and target right'",
}


def gold_event(case: eval_stage.Case, start: int, end: int) -> dict[str, Any] | None:
    """The annotated event overlapping [start, end), {} inside an annotated sentence with none, None
    outside the annotated sentences (not judged)."""
    for rec in case.records:
        s0, s1 = rec["sent"]
        if not (s0 <= start and end <= s1):
            continue
        for ev in rec.get("events", []):
            a, b = ev["trigger"]
            if start < b and a < end:
                return dict(ev)
        return {}
    return None


def label(case: eval_stage.Case, event: Any, type_: str) -> float | None:
    """1 when the event is right, 0 when wrong, None when not judged. Right: the type (LABEL 'type'), and
    with LABEL 'full' also the source and the target, as the contract defines confidence."""
    gold = gold_event(case, event.trigger.start, event.trigger.end)
    if gold is None:
        return None
    if not gold or type_ not in eval_stage.gold_types(gold):
        return 0.0
    if LABEL == "type":
        return 1.0
    return float(roles_right(event, gold, mention_spans(case.before.entities)))


def roles_right(event: Any, gold: dict[str, Any], mentions: dict[str, list[tuple[int, int]]]) -> bool:
    """The event's source and its target both match the annotated event's (eval_stage.side_ok)."""
    return eval_stage.side_ok(event.source, gold["source"], mentions) and eval_stage.side_ok(
        event.target, gold["target"], mentions
    )


def candidates(cases: list[eval_stage.Case]) -> list[list[list[Candidate]]]:
    return [candidates_by_sentence(c.parsed, c.before, ADD_MIN) for c in cases]


def design(
    cases: list[eval_stage.Case], cands: list[list[list[Candidate]]], retype_min: float
) -> tuple[np.ndarray, np.ndarray]:
    xs, ys = [], []
    for case, sents in zip(cases, cands, strict=True):
        for c in (c for s in sents for c in s):
            type_ = c.choose_type(retype_min) if c.probs else (c.rule_type or c.draft.event.type)
            y = label(case, c.draft.event, type_)
            if y is None:
                continue
            xs.append(c.features(type_))
            ys.append(y)
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """L2-penalised logistic regression by Newton's method (the bias is not penalised)."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(xb @ w, -30, 30)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def events_of(cands: list[list[list[Candidate]]], cal: Calibration) -> list[tuple[Any, ...]]:
    return [tuple(d.event for d in drafts) for drafts in drafts_of(cands, cal)]


def drafts_of(cands: list[list[list[Candidate]]], cal: Calibration) -> list[tuple[Draft, ...]]:
    return [tuple(d for s in sents for d in decide(s, cal)) for sents in cands]


def choose(
    cases: list[eval_stage.Case], cands: list[list[list[Candidate]]]
) -> tuple[Calibration, dict[str, Any]]:
    best: tuple[float, Calibration, dict[str, Any]] | None = None
    for retype_min in RETYPE_GRID:
        x, y = design(cases, cands, retype_min)
        w, b = fit_logistic(x, y)
        for floor in FLOOR_GRID:
            for relative in RELATIVE_GRID:
                cal = Calibration(tuple(float(v) for v in w), b, retype_min, ADD_MIN, float(floor), relative)
                s = eval_stage.summarize(eval_stage.judge(cases, events_of(cands, cal)))
                et = s["event_and_type"]
                ok = et["precision"] >= PRECISION_MIN
                key = et["f1"] if ok else -1.0 + et["precision"]
                if best is None or key > best[0]:
                    best = (key, cal, s)
    assert best is not None
    return best[1], best[2]


def rules_first_events(per_case: list[list[list[Candidate]]], cal: Calibration) -> list[tuple[Any, ...]]:
    return [tuple(d.event for d in drafts) for drafts in rules_first_drafts(per_case, cal)]


def rules_first_drafts(per_case: list[list[list[Candidate]]], cal: Calibration) -> list[tuple[Draft, ...]]:
    return [tuple(d for cands in sents for d in rules_first(cands, cal)) for sents in per_case]


def rule_design(
    cases: list[eval_stage.Case], per_case: list[list[list[Candidate]]], retype_min: float
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The rule events of the default stage, read with the type they get at `retype_min`, whether that
    reading is right, and each event's article (for article folds)."""
    xs, ys, docs = [], [], []
    for case, sents in zip(cases, per_case, strict=True):
        for c in (c for cands in sents for c in cands if c.rule_type is not None):
            type_ = reading(c, retype_min)
            y = label(case, c.draft.event, type_)
            if y is not None:
                xs.append(c.features(type_))
                ys.append(y)
                docs.append(case.doc_id)
    return np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64), docs


def choose_rules_first(
    cases: list[eval_stage.Case], per_case: list[list[list[Candidate]]], cal: Calibration
) -> tuple[Calibration, dict[str, Any]]:
    """The default stage: for each retype threshold, a logistic fit of "the rule event and its type are
    right" over the same inputs (rule events only, read with the type they get); then the rule floor and
    the floor for the model's events in sentences the rules leave empty. Kept: the best event+type F0.5
    with precision at least PRECISION_MIN (the highest precision when none reaches it)."""
    best: tuple[float, Calibration, dict[str, Any]] | None = None
    for retype_min in RULE_RETYPE_GRID:
        x, y, _ = rule_design(cases, per_case, retype_min)
        w, b = fit_logistic(x, y)
        grid = itertools.product(RULE_FLOOR_GRID, FLOOR_GRID, ADDED_GRID, EMBEDDED_GRID)
        for rule_floor, floor, added, embedded in grid:
            trial = dataclasses.replace(
                cal,
                rule_weights=tuple(float(v) for v in w),
                rule_bias=b,
                fallback_floor=float(floor),
                rule_retype_min=retype_min,
                rule_floor=rule_floor,
                added_floor=added,
                embedded_floor=embedded,
            )
            s = eval_stage.summarize(eval_stage.judge(cases, rules_first_events(per_case, trial)))
            et = s["event_and_type"]
            key = f_half(et) if et["precision"] >= PRECISION_MIN else -1.0 + et["precision"]
            if best is None or key > best[0]:
                best = (key, trial, s)
    assert best is not None
    return best[1], best[2]


def role_priors(cases: list[eval_stage.Case]) -> tuple[dict[str, float], dict[str, float]]:
    """Per type, the share of the annotated events of these cases with a source, and with a target."""
    n: dict[str, int] = {}
    src: dict[str, int] = {}
    tgt: dict[str, int] = {}
    for case in cases:
        for rec in case.records:
            for ev in rec.get("events", []):
                t = ev["type"]
                n[t] = n.get(t, 0) + 1
                src[t] = src.get(t, 0) + bool(ev["source"])
                tgt[t] = tgt.get(t, 0) + bool(ev["target"])
    return (
        {t: round(src[t] / n[t], 3) for t in sorted(n)},
        {t: round(tgt[t] / n[t], 3) for t in sorted(n)},
    )


def fit_arguments(
    cases: list[eval_stage.Case],
    per_case: list[list[list[Candidate]]],
    cal: Calibration,
    priors: tuple[dict[str, float], dict[str, float]] | None = None,
) -> tuple[ArgumentCalibration, dict[str, Any]]:
    """P(source and target right | type right) over the default stage's events of the right type (the
    events as `rules_first` makes them with `cal`), on these cases; the role priors from their gold
    unless given (a small slice has too few events of some types to estimate them)."""
    source_prior, target_prior = priors or role_priors(cases)
    blank = ArgumentCalibration(tuple(0.0 for _ in ARGUMENT_FEATURES), 0.0, source_prior, target_prior)
    xs, ys, docs = [], [], []
    for case, mentions, d, gold in judged_events(cases, per_case, cal):
        v = d.event
        if gold and v.type in eval_stage.gold_types(gold):
            xs.append(blank.features(v, evidence(case.parsed.doc, v, mentions, d.ranked)))
            ys.append(float(roles_right(v, gold, mentions)))
            docs.append(case.doc_id)
    x, y = np.array(xs, dtype=np.float64), np.array(ys, dtype=np.float64)
    w, b, l2, losses = fit_by_article_folds(x, y, docs)
    arg = dataclasses.replace(blank, weights=tuple(float(v) for v in w), bias=b)
    counts = {"events_of_right_type": len(ys), "roles_right": round(float(np.mean(ys)), 3), "l2": l2}
    return arg, {**counts, "held_out_log_loss_by_l2": {str(k): round(v, 4) for k, v in losses.items()}}


def refit_confidence(
    cases: list[eval_stage.Case],
    per_case: list[list[list[Candidate]]],
    cal: Calibration,
    priors: tuple[dict[str, float], dict[str, float]],
    arg: ArgumentCalibration | None = None,
    pool: tuple[list[eval_stage.Case], list[list[list[Candidate]]]] = ([], []),
) -> tuple[Calibration, ArgumentCalibration, dict[str, Any]]:
    """The default stage's emitted confidence refitted on `cases` (the calibration slice): P(type right)
    for the rule events at the chosen retype threshold, then P(roles right | type right) unless `arg` is
    given (kept as it is: mode `type`), fitted on `cases` plus `pool` (mode `pooled`: the held-aside
    slice's cases as well), each penalty chosen by article-fold log loss. The decisions stay
    `cal`'s: the rule floor is 0, so no rule event is dropped or kept by these weights (a floor above 0
    would make this a second choice: refused); which event of a sentence ranks first may change."""
    if cal.rule_floor > 0.0:
        raise ValueError(f"rule_floor {cal.rule_floor} > 0: refitting its weights would change decisions")
    x, y, docs = rule_design(cases, per_case, cal.rule_retype_min)
    w, b, l2, losses = fit_by_article_folds(x, y, docs)
    cal = dataclasses.replace(cal, rule_weights=tuple(float(v) for v in w), rule_bias=b)
    arg_counts: dict[str, Any] = {"kept": "the held-aside slice's fit"}
    if arg is None:
        arg, arg_counts = fit_arguments(cases + pool[0], per_case + pool[1], cal, priors)
    counts = {
        "rule_events": len(y),
        "type_right": round(float(np.mean(y)), 3),
        "l2": l2,
        "held_out_log_loss_by_l2": {str(k): round(v, 4) for k, v in losses.items()},
    }
    return cal, arg, {"rule_part": counts, "arguments": arg_counts}


def judged_events(
    cases: list[eval_stage.Case], per_case: list[list[list[Candidate]]], cal: Calibration
) -> Iterator[tuple[eval_stage.Case, dict[str, list[tuple[int, int]]], Draft, dict[str, Any]]]:
    """The default stage's events (as `rules_first` makes them with `cal`) inside annotated sentences:
    each with its case, the case's entity mentions and the annotated event on its trigger ({} for none)."""
    for case, drafts in zip(cases, rules_first_drafts(per_case, cal), strict=True):
        mentions = mention_spans(case.before.entities)
        for d in drafts:
            gold = gold_event(case, d.event.trigger.start, d.event.trigger.end)
            if gold is not None:
                yield case, mentions, d, gold


def emitted_design(
    cases: list[eval_stage.Case],
    per_case: list[list[list[Candidate]]],
    cal: Calibration,
    arg: ArgumentCalibration,
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The default stage's events in annotated sentences: (logit P(type right), logit P(roles right |
    type right)) as `cal` and `arg` give them, whether the event is right as the contract means it (type,
    source and target), and its article."""
    xs, ys, docs = [], [], []
    for case, mentions, d, gold in judged_events(cases, per_case, cal):
        v = d.event
        right = bool(gold) and v.type in eval_stage.gold_types(gold) and roles_right(v, gold, mentions)
        p_roles = arg.probability(v, evidence(case.parsed.doc, v, mentions, d.ranked))
        xs.append((logit(v.confidence, EMITTED_FLOOR), logit(p_roles, EMITTED_FLOOR)))
        ys.append(float(right))
        docs.append(case.doc_id)
    return np.array(xs, dtype=np.float64).reshape(-1, 2), np.array(ys, dtype=np.float64), docs


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    q = np.clip(p, 1e-6, 1 - 1e-6)
    return -float(np.sum(y * np.log(q) + (1 - y) * np.log(1 - q)))


def product_of_logits(x: np.ndarray) -> np.ndarray:
    """The emitted confidence without `final`, P(type right) times P(roles right | type right), from
    emitted_design's two logit columns."""
    return 1 / (1 + np.exp(-x[:, 0])) / (1 + np.exp(-x[:, 1]))


def fold_of(doc: str) -> int:
    return int(hashlib.sha256(f"fold:{doc}".encode()).hexdigest(), 16) % ARGUMENT_FOLDS


def choose_confidence(
    cases: list[eval_stage.Case],
    per_case: list[list[list[Candidate]]],
    cal: Calibration,
    arg: ArgumentCalibration,
    priors: tuple[dict[str, float], dict[str, float]],
    pool: tuple[list[eval_stage.Case], list[list[list[Candidate]]]],
) -> dict[str, float]:
    """How well each emitted confidence estimates "this event is right" on the calibration slice, by
    article-fold log loss (each fold scored by a fit on the others): `product` (the held-aside slice's
    two fits, multiplied), `refit` (both fits redone on the slice: refit_confidence), `type` (only the
    rule events' P(type right) redone), `pooled` (`refit`, the roles' part also on `pool`, the held-aside
    slice) or `final` (a three-number logistic map of the held-aside fits' logits, fitted on the slice).
    The losses are recorded, not acted on: --confidence-mode chooses the way (the module docstring says
    how)."""
    totals = dict.fromkeys(CONFIDENCE_MODES, 0.0)
    n = 0
    x, y, docs = emitted_design(cases, per_case, cal, arg)
    folds = np.array([fold_of(d) for d in docs])
    for k in range(ARGUMENT_FOLDS):
        test = folds == k
        if not test.any():
            continue
        n += int(test.sum())
        totals["product"] += log_loss(product_of_logits(x[test]), y[test])
        w, b = fit_logistic(x[~test], y[~test], FINAL_L2)
        totals["final"] += log_loss(1 / (1 + np.exp(-(x[test] @ w + b))), y[test])
        inside = [fold_of(c.doc_id) != k for c in cases]
        fit_cases = [c for c, keep in zip(cases, inside, strict=True) if keep]
        fit_first = [p for p, keep in zip(per_case, inside, strict=True) if keep]
        held = [(c, p) for c, p, keep in zip(cases, per_case, inside, strict=True) if not keep]
        for mode, kept, extra in (("refit", None, ([], [])), ("type", arg, ([], [])), ("pooled", None, pool)):
            cal_k, arg_k, _ = refit_confidence(fit_cases, fit_first, cal, priors, kept, extra)
            xk, yk, _ = emitted_design([c for c, _ in held], [p for _, p in held], cal_k, arg_k)
            totals[mode] += log_loss(product_of_logits(xk), yk)
    return {m: round(v / max(1, n), 4) for m, v in totals.items()}


def fit_by_article_folds(
    x: np.ndarray, y: np.ndarray, docs: list[str]
) -> tuple[np.ndarray, float, float, dict[float, float]]:
    """The logistic fit at the penalty of ARGUMENT_L2_GRID with the lowest article-fold log loss
    (held_out_loss): weights, bias, that penalty and the loss at each."""
    losses = {l2: held_out_loss(x, y, docs, l2) for l2 in ARGUMENT_L2_GRID}
    l2 = min(losses, key=lambda k: losses[k])
    w, b = fit_logistic(x, y, l2)
    return w, b, l2, losses


def held_out_loss(x: np.ndarray, y: np.ndarray, docs: list[str], l2: float) -> float:
    """Mean log loss of the fit at `l2` on each of ARGUMENT_FOLDS article folds, fitted on the others: a
    hundred events and eleven inputs overfit at a small penalty, which makes the top confidences too high
    on new text."""
    fold = np.array([fold_of(d) for d in docs])
    total = 0.0
    for k in range(ARGUMENT_FOLDS):
        test = fold == k
        w, b = fit_logistic(x[~test], y[~test], l2)
        total += log_loss(1.0 / (1.0 + np.exp(-(x[test] @ w + b))), y[test])
    return total / len(y)


def with_roles(
    cases: list[eval_stage.Case], drafts: list[tuple[Draft, ...]], arg: ArgumentCalibration | None
) -> list[tuple[Any, ...]]:
    """The drafts' events with the confidence the stage emits (as code._with_roles does)."""
    if arg is None:
        return [tuple(d.event for d in ds) for ds in drafts]
    return [
        tuple(arg.rescore_all(case.parsed.doc, case.before.entities, [(d.event, d.ranked) for d in ds]))
        for case, ds in zip(cases, drafts, strict=True)
    ]


def f_half(prf: dict[str, Any]) -> float:
    """F0.5: the default stage is judged by the precision of what it emits (issue 13 asks it at the
    default), so precision weighs twice recall when the slice is otherwise indifferent."""
    p, r = prf["precision"], prf["recall"]
    return 1.25 * p * r / (0.25 * p + r) if p + r else 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument(
        "--no-val", action="store_true", help="do not score validation (keep it unseen while developing)"
    )
    ap.add_argument("--label", choices=("type", "full"), default="type", help="what a right event is")
    ap.add_argument("--out", type=Path, default=CALIBRATION)
    ap.add_argument(
        "--confidence-on",
        choices=("calib", "stop"),
        default="calib",
        help="where the emitted confidence is fitted: the calibration slice (training/events/calib/; the"
        " default, see --confidence-mode) or the held-aside slice the decisions are chosen on",
    )
    ap.add_argument(
        "--confidence-mode",
        choices=CONFIDENCE_MODES,
        default="pooled",
        help="with --confidence-on calib: which way (default pooled; the docstring says how it was chosen)",
    )
    args = ap.parse_args(argv)
    global LABEL
    LABEL = args.label
    stop = eval_stage.load_cases("stop")
    stop_cands = candidates(stop)
    cal, _ = choose(stop, stop_cands)
    stop_first = [rules_first_candidates(c.parsed, c.before, ADD_MIN) for c in stop]
    cal, _ = choose_rules_first(stop, stop_first, cal)
    # the roles' share of the confidence: on the same slice, coded once above. The argument ranker is
    # fitted on the rest of train, where its picks are right more often than on unseen text: a fit there
    # made the emitted confidence too high (validation at >= 0.7: 65 events, 76.9% right)
    arg, arg_counts = fit_arguments(stop, stop_first, cal)
    confidence_counts: dict[str, Any] = {}
    calib = eval_stage.load_cases("calib") if train.batch_files(CALIB_DIR) else []
    calib_first = [rules_first_candidates(c.parsed, c.before, ADD_MIN) for c in calib]
    if args.confidence_on == "calib":
        priors = role_priors(stop)
        # the fold losses are recorded; the way is --confidence-mode's (always set: it has a default)
        losses = choose_confidence(calib, calib_first, cal, arg, priors, (stop, stop_first))
        mode = args.confidence_mode
        confidence_counts = {"chosen": mode, "fold_log_loss": losses}
        if mode in ("refit", "type", "pooled"):
            kept = arg if mode == "type" else None
            pool = (stop, stop_first) if mode == "pooled" else ([], [])
            cal, arg, refit_counts = refit_confidence(calib, calib_first, cal, priors, kept, pool)
            arg_counts = arg_counts if kept else refit_counts["arguments"]
            confidence_counts.update(refit_counts)
        elif mode == "final":
            x, y, _ = emitted_design(calib, calib_first, cal, arg)
            w, b = fit_logistic(x, y, FINAL_L2)
            arg = dataclasses.replace(arg, final=(float(w[0]), float(w[1]), b))
            confidence_counts.update(events=len(y), right=round(float(np.mean(y)), 3), l2=FINAL_L2)

    def scores(cases: list[eval_stage.Case], drafts: list[tuple[Draft, ...]]) -> dict[str, Any]:
        return eval_stage.summarize(eval_stage.judge(cases, with_roles(cases, drafts, arg)))

    stop_scores = scores(stop, drafts_of(stop_cands, cal))
    stop_first_scores = scores(stop, rules_first_drafts(stop_first, cal))
    scored = {"stop (fitted and chosen on)": stop_scores}
    scored_first = {"stop (fitted and chosen on)": stop_first_scores}
    if calib:
        fitted = "confidence fitted on" if confidence_counts else "never fitted on"
        scored_first[f"calib ({fitted})"] = scores(calib, rules_first_drafts(calib_first, cal))
    if not args.no_val:
        val = eval_stage.load_cases("val")
        scored["validation (held out)"] = scores(val, drafts_of(candidates(val), cal))
        val_first = [rules_first_candidates(c.parsed, c.before, ADD_MIN) for c in val]
        scored_first["validation (held out)"] = scores(val, rules_first_drafts(val_first, cal))
    data = {
        "format": "newsgraph.event_calibration/1",
        "features": list(FEATURES),
        "weights": [round(v, 6) for v in cal.weights],
        "bias": round(cal.bias, 6),
        "retype_min": cal.retype_min,
        "add_min": cal.add_min,
        "floor": cal.floor,
        "relative": cal.relative,
        "rule_weights": [round(v, 6) for v in cal.rule_weights],
        "rule_bias": round(cal.rule_bias, 6),
        "fallback_floor": cal.fallback_floor,
        "rule_retype_min": cal.rule_retype_min,
        "rule_floor": cal.rule_floor,
        "added_floor": cal.added_floor,
        "embedded_floor": cal.embedded_floor,
        "arguments": {
            "what": "P(source and target right | type right); the emitted confidence is the decision's"
            " P(type right) times this, or with `final` the map of both logits (stages/events/confidence.py)",
            "features": list(ARGUMENT_FEATURES),
            "weights": [round(v, 6) for v in arg.weights],
            "bias": round(arg.bias, 6),
            "source_prior": arg.source_prior,
            "target_prior": arg.target_prior,
            **({"final": [round(v, 6) for v in arg.final]} if arg.final else {}),
            "fitted_on": CALIB_FITTED_ON[confidence_counts["chosen"]]
            if confidence_counts.get("chosen") in ("refit", "pooled")
            else "training/events, train split, the slice held aside from the classifier and the"
            " argument ranker (default stage's events of the right type)",
            **arg_counts,
        },
        "fitted_on": "training/events, train split, the slice held aside from the classifier"
        " (sha256('stop:' + doc) % 8 == 0)",
        "confidence_fitted_on": CALIB_FITTED_ON.get(confidence_counts.get("chosen", ""), "the same slice"),
        "confidence_refit": confidence_counts,
        "trained_on_commit": train.git_commit(),
        "l2": L2,
        "label": LABEL,
        "precision_min": PRECISION_MIN,
        "scores": scored,
        "rules_first_scores": scored_first,
        "command": "python training/events/calibrate.py",
    }
    text = json.dumps(data, indent=1)
    print(text)
    if not args.no_write:
        args.out.write_text(text + "\n", encoding="utf-8")
        if args.out == CALIBRATION and not args.no_val:
            train.refresh_stage_section()
    return 0


if __name__ == "__main__":
    sys.exit(main())
