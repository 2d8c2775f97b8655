"""Rules and the learned classifier together (issue 13): one candidate per trigger, one decision, one
calibrated confidence.

A sentence's candidates are the rule coder's drafts (their arguments, frame and modality come from the
rules) and the verbs and event nouns the lexicon missed but the classifier (`newsgraph.models.events`)
reads as events, coded the way the rules code their own matches. Each candidate gets a type (the rule's,
unless the model is sure of another) and a confidence: the probability that the event and its type are
right, from a logistic calibration over the model's probability of that type and what the rules say
(`models/events/calibration.json`, fitted by `training/events/calibrate.py` on the slice of the training
split held aside from the classifier). A candidate below the stage's floor is dropped; a trigger yields
one event (Build point 5).

The thresholds are data (calibration.json), chosen on the held-aside slice, never on the PLOVER dev set.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .rules import FORCEFUL, INTENDED

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from ...models.events import EventModel
    from .sentence_coder import Draft

CALIBRATION = Path(__file__).resolve().parents[2] / "models" / "events" / "calibration.json"

# The calibration's inputs, in order (calibration.json names them; a mismatch is refused on load).
FEATURES = (
    "logit_p_type",
    "logit_p_event",
    "rule",
    "rule_agrees",
    "rule_confidence",
    "both_sides",
    "nominal",
    "governed",
    "rule_elsewhere",
    "background",
)


@dataclass(frozen=True)
class Calibration:
    """Logistic calibration weights and the decision thresholds chosen with them."""

    weights: tuple[float, ...]
    bias: float
    retype_min: float  # the model's probability of another type needed to retype a rule event
    add_min: float  # P(event) for a candidate the lexicon missed to be considered at all
    floor: float  # calibrated confidence under which a candidate is dropped
    relative: float  # ... or under this share of its sentence's most confident event
    # the default stage (rules first): a rule event's confidence comes from its own logistic fit over the
    # same inputs (rule events only); the model codes the sentences the rules leave empty, from
    # `fallback_floor` up
    rule_weights: tuple[float, ...] = ()
    rule_bias: float = 0.0
    fallback_floor: float = 1.0
    # ... where the model retypes a rule event (another type at this probability; above 1: never), and
    # the confidence under which a rule event is dropped (0: none; calibrate.py says why it stays 0)
    rule_retype_min: float = 1.01
    rule_floor: float = 0.0
    # ... and, in a sentence the rules did code, the model's own candidates from this confidence up (above
    # 1: never): the reported or governed actions the rules code only through their governor ("accused
    # them of *attacking*"), and the verbs and nouns their lexicon lacks
    added_floor: float = 1.01
    # ... and, there, the model's candidates that a rule event of a speech act governs (EMBEDDING: "*accused*
    # them of attacking", "*threatened* to cut trade"), from this confidence up (above 1: never): the
    # content of a speech act is its own event (docs/annotation.md 4, THREATEN; 7)
    embedded_floor: float = 1.01

    def confidence(self, x: tuple[float, ...]) -> float:
        return sigmoid(self.bias + sum(w * v for w, v in zip(self.weights, x, strict=True)))

    def rule_confidence(self, x: tuple[float, ...]) -> float:
        return sigmoid(self.rule_bias + sum(w * v for w, v in zip(self.rule_weights, x, strict=True)))


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def logit(p: float, floor: float = 1e-4) -> float:
    """log(p / (1 - p)), with p kept inside [floor, 1 - floor] (a rounded 0 or 1 is not infinitely sure)."""
    q = min(max(p, floor), 1.0 - floor)
    return math.log(q / (1.0 - q))


@functools.cache
def load_calibration(path: str | None = None) -> Calibration:
    with open(path or CALIBRATION, encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    if tuple(data["features"]) != FEATURES:
        raise ValueError(f"calibration features {data['features']} are not {list(FEATURES)}: refit it")
    return Calibration(
        weights=tuple(float(w) for w in data["weights"]),
        bias=float(data["bias"]),
        retype_min=float(data["retype_min"]),
        add_min=float(data["add_min"]),
        floor=float(data["floor"]),
        relative=float(data["relative"]),
        rule_weights=tuple(float(w) for w in data["rule_weights"]),
        rule_bias=float(data["rule_bias"]),
        fallback_floor=float(data["fallback_floor"]),
        rule_retype_min=float(data.get("rule_retype_min", 1.01)),
        rule_floor=float(data.get("rule_floor", 0.0)),
        added_floor=float(data.get("added_floor", 1.01)),
        embedded_floor=float(data.get("embedded_floor", 1.01)),
    )


# Speech acts whose content is an event of its own, coded by the model beside the rules' speech act: the
# accusations ("accused them of *attacking*"). With all speech acts (requests, refusals, threats, promises
# too) the held-aside slice chose a floor of 0.5 (its recall 0.39 -> 0.45 at precision 0.81), but PLOVER
# dev, which codes one event per sentence, went to 0.32 spurious events per sentence (limit 0.2)
EMBEDDING = ("ACCUSE",)

# The model reads the action ("will give aid": AID, "vowed to attack": ASSAULT); the rules code PLOVER's
# reading of an intended action (AGREE for cooperation, CONCEDE for a retreat) or of an intended or possible
# use of force (THREATEN): rules.recode.
# There, the stance's probability is its own plus its actions'.
STANCES = {
    "AGREE": tuple(t for t, code in INTENDED.items() if code == "AGREE"),
    "CONCEDE": tuple(t for t, code in INTENDED.items() if code == "CONCEDE"),
    "THREATEN": (*FORCEFUL, "SANCTION"),
}


# The rules code a negated agreement or approval as a refusal ("will not accept": REJECT, not negated);
# the model reads the word ("accept": AGREE) and would undo it
REFUSED = ("AGREE", "SUPPORT")


def plover_reading(coded: str, type_: str, stance: bool) -> str:
    """`type_` as the model reads it, unless the event was coded as the stance toward that action, or as
    the refusal a negated agreement is."""
    if coded == "REJECT" and type_ in REFUSED:
        return coded
    return coded if stance and type_ in STANCES.get(coded, ()) else type_


@dataclass(frozen=True)
class Candidate:
    """A possible event: the draft as coded, whether the rules found it, and the model's reading."""

    draft: Draft
    rule_type: str | None  # the rule coder's type, None for a candidate only the model proposed
    rule_confidence: float
    probs: dict[str, float]  # the model's type probabilities (NONE included); empty when it cannot read it
    nominal: bool
    governed: bool  # another candidate's trigger governs this one ("accused them of attacking")
    rule_elsewhere: bool  # the rules coded another trigger of the sentence
    stance: bool = False  # the trigger is an intended or possible action ("will give aid", "may attack")
    # the rule type of the rule event whose trigger governs this one ("*accused* them of attacking": ACCUSE)
    governor_type: str | None = None

    def features(self, type_: str) -> tuple[float, ...]:
        """The calibration's inputs for this candidate read as `type_`."""
        v = self.draft.event
        p_type = self.probs.get(type_, 0.0) if self.probs else 0.5
        if self.probs and self.stance and type_ == v.type:
            p_type += sum(self.probs.get(t, 0.0) for t in STANCES.get(type_, ()))
        p_event = 1.0 - self.probs.get("NONE", 0.0) if self.probs else 0.5
        rule = self.rule_type is not None
        return (
            logit(p_type),
            logit(p_event),
            float(rule),
            float(rule and self.rule_type == type_),
            self.rule_confidence if rule else 0.0,
            float(bool(v.source and v.target)),
            float(self.nominal),
            float(self.governed),
            float(self.rule_elsewhere and self.rule_type is None),
            float(not self.draft.main),
        )

    def choose_type(self, retype_min: float) -> str:
        """The rule's type unless the model gives another type at least `retype_min`; a model-only
        candidate takes the model's most probable type."""
        ranked = sorted(((p, t) for t, p in self.probs.items() if t != "NONE"), reverse=True)
        if self.rule_type is None:
            return ranked[0][1]
        if ranked and ranked[0][1] != self.rule_type and ranked[0][0] >= retype_min:
            return ranked[0][1]
        return self.rule_type


def gather(
    sent: SpacySpan,
    drafts: list[Draft],
    model: EventModel,
    add_min: float,
    code_token: Callable[[Token, str, float], list[Draft]],
    own: bool = True,
    prune: tuple[Calibration, float] | None = None,
    embedded_only: bool = False,
    sent_words: Sequence[Token] | None = None,
) -> list[Candidate]:
    """The sentence's candidates: the rule drafts with the model's reading of their trigger, then (`own`)
    the uncovered verbs and event nouns with P(event) >= add_min, coded by `code_token(token, type, p)`
    (`embedded_only`: only those below the trigger of a rule speech act, EMBEDDING); with `prune`
    (calibration, floor), only those whose confidence can reach the floor. `sent_words`: the sentence's
    tokens, when the caller has them (Parsed.span_tokens)."""
    from ...lexicons.events import TriggerEntry
    from ...models.event_features import candidates, is_candidate, sentence_context
    from .frame import analyse
    from .lexicon import Match, cue, no_event_object

    doc = sent.doc
    if sent_words is None:
        sent_words = list(sent)
    context = sentence_context(sent, sent_words)
    # (draft or None, trigger tokens, head token, probabilities, rule type)
    found: list[tuple[Draft | None, tuple[int, ...], Token, dict[str, float]]] = []
    covered: set[int] = set()
    for d in drafts:
        span = doc.char_span(d.event.trigger.start, d.event.trigger.end, alignment_mode="expand")
        if span is None or not len(span):
            found.append((d, (), sent.root, {}))
            continue
        covered.update(range(span.start, span.end))
        if d.event.type == "REQUEST" and cue(span.root, "report"):
            # "X said Y must ...": the demand is coded on the speech verb, which the model cannot judge
            found.append((d, tuple(range(span.start, span.end)), span.root, {}))
            continue
        # a phrase ("imposed sanctions") is read by its surest word, the head when no word is a candidate
        words = [t for t in span if is_candidate(t, model.event_nouns)] or [span.root]
        probs = max((model.type_probabilities(t, context) for t in words), key=lambda p: 1.0 - p["NONE"])
        found.append((d, tuple(range(span.start, span.end)), span.root, probs))
    speech = {i for d, toks, _, _ in found if d is not None and d.event.type in EMBEDDING for i in toks}
    # `embedded_only` in a sentence with no rule speech act (most of those the rules coded): nothing to scan
    for tok in (
        candidates(sent, model.event_nouns, sent_words) if own and (speech or not embedded_only) else ()
    ):
        if tok.i in covered or no_event_object(tok):
            continue  # the rules' trigger, or a verb its object makes no event ("declined to comment")
        if embedded_only and not any(a.i in speech for a in tok.ancestors):
            continue
        probs = model.type_probabilities(tok, context)
        if 1.0 - probs["NONE"] >= add_min:
            found.append((None, (tok.i,), tok, probs))
    # which candidates another candidate governs, the way the rules see it (frame.analyse)
    matches = [
        Match(TriggerEntry((head.lemma_.lower(),), "V", "", None, 1.0, "E"), toks or (head.i,), head.i)
        for _, toks, head, _ in found
    ]
    tokmap = {i: m for m in matches for i in m.tokens}
    rule_types = {
        id(m): d.event.type for (d, _, _, _), m in zip(found, matches, strict=True) if d is not None
    }
    out: list[Candidate] = []
    rules = bool(drafts)
    for (rule_draft, toks, head, probs), m in zip(found, matches, strict=True):
        frame = analyse(head, tokmap, m) if toks else None
        governed = frame is not None and frame.governor is not None
        governor_type = rule_types.get(id(frame.governor)) if frame is not None and frame.governor else None
        # an intended or possible action, which the rules code as PLOVER's stance toward it (rules.recode)
        stance = frame is not None and frame.intent
        nominal = head.pos_ in ("NOUN", "PROPN")
        if rule_draft is not None:
            v = rule_draft.event
            out.append(Candidate(rule_draft, v.type, v.confidence, probs, nominal, governed, rules, stance))
            continue
        type_ = max((t for t in probs if t != "NONE"), key=lambda t: probs[t])
        if prune is not None and _best_case(prune[0], probs, type_, nominal, governed, rules) < prune[1]:
            continue  # it could not reach the floor whatever its arguments: not worth coding them
        for coded in code_token(head, type_, probs[type_]):
            out.append(Candidate(coded, None, 0.0, probs, nominal, governed, rules, stance, governor_type))
    return out


def _best_case(
    calibration: Calibration, probs: dict[str, float], type_: str, nominal: bool, governed: bool, rules: bool
) -> float:
    """The highest confidence a candidate only the model proposed can get, whichever arguments and clause
    coding gives it (the inputs in FEATURES order; both_sides and background unknown before coding)."""
    p_type, p_event = logit(probs[type_]), logit(1.0 - probs["NONE"])
    return max(
        calibration.confidence(
            (p_type, p_event, 0.0, 0.0, 0.0, sides, float(nominal), float(governed), float(rules), background)
        )
        for sides in (0.0, 1.0)
        for background in (0.0, 1.0)
    )


def reading(c: Candidate, retype_min: float) -> str:
    """A rule event's type in the default stage: the rule's, unless the model gives another type at least
    `retype_min` (a rule event the model cannot read keeps the rule's type), and never the action where
    the rules coded PLOVER's stance toward it. (`--event-model` lets the model retype freely: `choose_type`;
    on the held-aside slice the stance rule lowers its precision, 0.83 -> 0.78.)"""
    coded = c.rule_type or c.draft.event.type
    return plover_reading(coded, c.choose_type(retype_min), c.stance) if c.probs else coded


def _confidence(c: Candidate, calibration: Calibration) -> tuple[str, float]:
    type_ = c.choose_type(calibration.retype_min) if c.probs else (c.rule_type or c.draft.event.type)
    return type_, round(calibration.confidence(c.features(type_)), 3)


def decide(cands: list[Candidate], calibration: Calibration) -> list[Draft]:
    """Type and calibrated confidence for every candidate; drop those under the floor; one event per
    trigger (the most confident)."""
    best: dict[tuple[int, int], Draft] = {}
    for c in cands:
        type_, conf = _confidence(c, calibration)
        if conf < calibration.floor:
            continue
        v = c.draft.event
        mode = v.mode if type_ == v.type else None  # a mode belongs to its type
        event = dataclasses.replace(v, type=type_, mode=mode, confidence=conf)
        key = (v.trigger.start, v.trigger.end)
        if key not in best or conf > best[key].event.confidence:
            best[key] = dataclasses.replace(c.draft, event=event)
    top = max((d.event.confidence for d in best.values()), default=0.0)
    return [d for d in best.values() if d.event.confidence >= top * calibration.relative]


def rules_first(cands: list[Candidate], calibration: Calibration, min_confidence: float = 0.0) -> list[Draft]:
    """The default stage's sentence: the rules' events as they coded them (arguments, cut-offs), retyped
    only where the model is sure of another type, with a calibrated confidence, from the rule floor up, and
    the model's own candidates from the added floor; when the rules found none, the model's own candidates
    from the fallback floor (or `min_confidence`, when higher), one event per trigger."""
    rules = [c for c in cands if c.rule_type is not None]
    if rules:
        out = []
        for c in rules:
            type_ = reading(c, calibration.rule_retype_min)
            conf = calibration.rule_confidence(c.features(type_))
            if conf < calibration.rule_floor:
                continue
            v = c.draft.event
            mode = v.mode if type_ == v.type else None  # a mode belongs to its type
            event = dataclasses.replace(v, type=type_, mode=mode, confidence=round(conf, 3))
            out.append(dataclasses.replace(c.draft, event=event))
        own = [c for c in cands if c.rule_type is None]
        embedded = [c for c in own if c.governor_type in EMBEDDING]
        for group, floor in (
            ([c for c in own if c.governor_type not in EMBEDDING], calibration.added_floor),
            (embedded, min(calibration.added_floor, calibration.embedded_floor)),
        ):
            if floor <= 1.0 and group:
                added = dataclasses.replace(calibration, floor=max(floor, min_confidence), relative=0.0)
                out.extend(decide(group, added))
        return out
    fallback = dataclasses.replace(calibration, floor=max(calibration.fallback_floor, min_confidence))
    return decide(cands, fallback)
