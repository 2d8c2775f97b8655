"""The events stage: who did what to whom, when, where and how sure, coded in PLOVER v2.0.

The rule coder (sentence_coder.py) codes each sentence's triggers as drafts; here they are cut by
confidence, read by the learned classifier (hybrid.py), dated from their neighbours and numbered.
No event is coded without an actor or a recipient entity, or a named speaker reporting it.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...lexicons.events import TriggerEntry
from ...model import Event
from ..base import Parsed, Results
from .confidence import ArgumentCalibration, load_argument_calibration
from .everyday import everyday_use, is_sports_story
from .frame import analyse
from .hybrid import Calibration, Candidate, decide, load_calibration, rules_first
from .lexicon import Match
from .sentence_coder import Draft, SentenceCoder

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

# Events below this confidence are not emitted: raise it for precision, lower it for recall.
MIN_CONFIDENCE = 0.15
# An event is also dropped when it scores below this share of its sentence's best event: sentences
# usually report one main event, and weak side readings are more often wrong than right.
RELATIVE_CUTOFF = 0.55


def _inherit_dates(drafts: list[Draft]) -> list[Draft]:
    """An asserted main-clause event with no time of its own, in the same sentence as a dated event or
    the next one, shares its date: news narrates one occasion over consecutive sentences ("met on
    Wednesday. X thanked ...")."""
    out: list[Draft] = []
    last: tuple[int, str] | None = None
    for d in sorted(drafts, key=lambda d: d.order):
        v = d.event
        if v.date is None and d.main and v.modality == "asserted" and last and v.sentence - last[0] <= 1:
            d = dataclasses.replace(d, event=dataclasses.replace(v, date=last[1]))
        elif v.date and v.modality == "asserted":
            last = (v.sentence, v.date)  # only a date of its own is passed on, never an inherited one
        out.append(d)
    return out


def _not_everyday(drafts: list[Draft], doc: Doc, sports: bool) -> list[Draft]:
    """The drafts whose trigger is not used in a game, a mishap, a market report, a figure of speech ...
    (everyday.py: docs/annotation.md 2 codes those uses as non-events). `sports`: the article is a sports
    story (everyday.is_sports_story, read once per article by the caller, not once per sentence)."""
    out: list[Draft] = []
    for d in drafts:
        span = doc.char_span(d.event.trigger.start, d.event.trigger.end, alignment_mode="expand")
        if span is not None and len(span) and everyday_use(span.root, d.event.type, sports) is not None:
            continue
        out.append(d)
    return out


def _model_candidates(
    coder: SentenceCoder,
    sid: int,
    sent: SpacySpan,
    drafts: list[Draft],
    add_min: float,
    own: bool = True,
    prune: tuple[Calibration, float] | None = None,
    embedded_only: bool = False,
) -> list[Candidate]:
    """The rule drafts with the classifier's reading, and the classifier's own candidates
    (stages/events/hybrid.py)."""
    from ...models.events import load_event_model
    from .hybrid import gather

    doc = sent.doc

    def code_token(tok: Token, type_: str, probability: float) -> list[Draft]:
        # a verb or event noun the lexicon missed is coded as the lexicon's own matches are (arguments,
        # frame, modality); it still needs an actor or a recipient entity
        pos = "V" if tok.pos_ == "VERB" else "N"
        m = Match(TriggerEntry((tok.lemma_.lower(),), pos, type_, None, probability, "E"), (tok.i,), tok.i)
        tokmap = {tok.i: m}
        return coder.code_match(sid, sent, m, doc[tok.i], analyse(doc[tok.i], tokmap, m), tokmap, set())

    words = coder.parsed.span_tokens(sent)
    return gather(sent, drafts, load_event_model(), add_min, code_token, own, prune, embedded_only, words)


def candidates_by_sentence(parsed: Parsed, results: Results, add_min: float) -> list[list[Candidate]]:
    """Every sentence's candidates before the decision (for calibration: training/events/calibrate.py)."""
    coder = SentenceCoder(parsed, results)
    return [
        _model_candidates(coder, sid, sent, coder.code(sid, sent), add_min)
        for sid, sent in enumerate(parsed.doc.sents)
    ]


def _rule_cut(coded: list[Draft], min_confidence: float, relative_cutoff: float) -> list[Draft]:
    found = [d for d in coded if d.event.confidence >= min_confidence]
    if found:
        best = max(d.event.confidence for d in found)
        found = [d for d in found if d.event.confidence >= best * relative_cutoff]
    return found


def _rules_first(
    coder: SentenceCoder,
    sid: int,
    sent: SpacySpan,
    sports: bool,
    add_min: float,
    min_confidence: float,
    relative_cutoff: float,
    prune: tuple[Calibration, float] | None = None,
    added: tuple[Calibration, float] | None = None,
) -> list[Candidate]:
    """The default stage's candidates for a sentence: the rule events after the rules' cut-offs, read by
    the model, with the model's own candidates when `added` (calibration, floor) lets it add any, or those
    a rule speech act governs when its embedded floor does; when the rules coded nothing at all there (not
    when they cut it), the model's own (`prune`: as for `added`). `sports`: as for _not_everyday."""
    coded = _not_everyday(coder.code(sid, sent), sent.doc, sports)
    if coded:
        found = _rule_cut(coded, min_confidence, relative_cutoff)
        if added is None:
            return _model_candidates(coder, sid, sent, found, add_min)
        cal, floor = added
        # the lowest floor a candidate of the model's may reach: the added one anywhere, the embedded one
        # under a rule speech act only (above 1: none is added, so none is coded)
        reach = min(floor, max(cal.embedded_floor, min_confidence))
        own, embedded_only = reach <= 1.0, floor > 1.0
        return _model_candidates(coder, sid, sent, found, add_min, own, (cal, reach), embedded_only)
    if not coder.index.mentions_in(sent.start_char, sent.end_char):
        return []  # no entity to be an actor or a recipient: nothing the model proposes could be coded
    return _model_candidates(coder, sid, sent, [], add_min, prune=prune)


def rules_first_candidates(parsed: Parsed, results: Results, add_min: float) -> list[list[Candidate]]:
    """Every sentence's candidates in the default stage, the model's own in every sentence (for
    calibration: training/events/calibrate.py)."""
    coder = SentenceCoder(parsed, results)
    sports = is_sports_story(parsed.doc)
    return [
        _rules_first(coder, sid, sent, sports, add_min, MIN_CONFIDENCE, RELATIVE_CUTOFF)
        for sid, sent in enumerate(parsed.doc.sents)
    ]


def _with_roles(
    drafts: list[Draft], parsed: Parsed, results: Results, arguments: ArgumentCalibration
) -> list[Draft]:
    """The emitted confidence: the decision's P(type right) times P(source and target right | type), as the
    contract defines confidence (confidence.py)."""
    events = arguments.rescore_all(parsed.doc, results.entities, [(d.event, d.ranked) for d in drafts])
    return [dataclasses.replace(d, event=v) for v, d in zip(events, drafts, strict=True)]


def extract_events(
    parsed: Parsed,
    results: Results,
    min_confidence: float = MIN_CONFIDENCE,
    relative_cutoff: float = RELATIVE_CUTOFF,
    use_model: bool = False,
    rules_only: bool = False,
) -> tuple[Event, ...]:
    """The events of an article. By default the rules code what they find and the classifier codes the
    sentences they leave empty (hybrid.rules_first); `use_model` lets the classifier also veto, retype and
    add events everywhere (hybrid.decide); `rules_only` is the rule coder alone, with its own scores."""
    coder = SentenceCoder(parsed, results)
    calibration = None if rules_only else load_calibration()
    sports = is_sports_story(parsed.doc)
    drafts: list[Draft] = []
    for sid, sent in enumerate(parsed.doc.sents):
        if calibration is None:
            drafts.extend(_rule_cut(coder.code(sid, sent), min_confidence, relative_cutoff))
        elif use_model:
            # calibrated confidences: the calibration's floor replaces the rules' cut-offs
            coded = coder.code(sid, sent)
            prune = (calibration, calibration.floor)
            cands = _model_candidates(coder, sid, sent, coded, calibration.add_min, prune=prune)
            drafts.extend(decide(cands, calibration))
        else:
            prune = (calibration, max(calibration.fallback_floor, min_confidence))
            added = (calibration, max(calibration.added_floor, min_confidence))
            cands = _rules_first(
                coder, sid, sent, sports, calibration.add_min, min_confidence, relative_cutoff, prune, added
            )
            drafts.extend(rules_first(cands, calibration, min_confidence))
    drafts = _not_everyday(drafts, parsed.doc, sports)  # also the classifier's own events and retyped ones
    arguments = None if rules_only else load_argument_calibration()
    if arguments is not None:
        drafts = _with_roles(drafts, parsed, results, arguments)
    drafts = _inherit_dates(drafts)
    drafts.sort(key=lambda d: (d.order, -d.event.confidence))
    return tuple(dataclasses.replace(d.event, id=f"V{i}") for i, d in enumerate(drafts, start=1))


def run(parsed: Parsed, results: Results) -> Results:
    return results.replace(events=extract_events(parsed, results))


def run_with_model(parsed: Parsed, results: Results) -> Results:
    """The events stage with the learned candidate classifier (ExtractOptions(event_model=True))."""
    return results.replace(events=extract_events(parsed, results, use_model=True))
