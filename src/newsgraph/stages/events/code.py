"""The events stage: who did what to whom, when, where and how sure, coded in PLOVER v2.0.

Per sentence: find trigger phrases (events_lexicon), place each in the parse (events_frame), keep the
ones no other trigger governs, recode stated intentions and possibilities the way PLOVER asks
("will give aid" is AGREE, "plans to impose restrictions" is THREATEN, "X said Y must ..." is REQUEST),
find actor and recipient entities (events_actors), then date, place, modality, attribution and a
confidence by which events are ranked. No event is coded without an actor or a recipient entity, or a
named speaker reporting it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicons.events import TriggerEntry, event_words
from ...model import Event, Span
from ..base import Parsed, Results
from ..common import EntityIndex
from .actors import ActorFinder
from .frame import Frame, analyse, complement_is_possible
from .hybrid import Calibration, Candidate, decide, load_calibration, rules_first
from .lexicon import Match, contexts_of, cue, find_triggers, mode_from_cues
from .roles import reporter_acts, settle
from .rules import (
    CAUTION,
    DEMANDING_VERBS,
    EVENTIVE_HEADS,
    HOSTILE,
    PROMISES,
    SPEECH_NOUNS,
    anchor_of,
    clause_span,
    confidence_of,
    date_of,
    in_protest,
    meets_a_standard,
    modality_of,
    phrase_head,
    recode,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_WORDS = event_words()  # the word lists this module uses, from lexicons/event_words.tsv

# Events below this confidence are not emitted: raise it for precision, lower it for recall.
MIN_CONFIDENCE = 0.15
# An event is also dropped when it scores below this share of its sentence's best event: sentences
# usually report one main event, and weak side readings are more often wrong than right.
RELATIVE_CUTOFF = 0.55


@dataclass(frozen=True)
class Draft:
    """An event before ids are given and weak readings are pruned."""

    event: Event
    order: tuple[int, int]
    main: bool = True  # part of the sentence's own narrative (not a relative clause's background fact)


class _Coder:
    def __init__(self, parsed: Parsed, results: Results) -> None:
        self.parsed = parsed
        self.results = results
        self.index = EntityIndex(results.entities)
        self.actors = ActorFinder(self.index)

    def _subject_ids(self, verb: Token | None) -> list[str]:
        if verb is None:
            return []
        subj = self.actors.subject_token(verb)
        return self.actors.phrase_entities(subj) if subj is not None else []

    def _state_actor(self, source: list[str], anchor: Token) -> bool:
        """The actor is a country named as such ("China", not "Chinese students")."""
        subj = self.actors.subject_token(anchor) if anchor.pos_ in ("VERB", "AUX") else None
        if subj is None or subj.pos_ != "PROPN":
            return False
        ents = [self.index.by_id.get(e) for e in source]
        return any(e is not None and e.type == "GPE" for e in ents)

    def _attributed(self, start: int, end: int, frame: Frame) -> str | None:
        for q in self.results.quotes:
            if q.start <= start and end <= q.end and q.speaker:
                return q.speaker
        ids = self._subject_ids(frame.report)
        return ids[0] if ids else None

    def _is_place(self, eid: str) -> bool:
        ent = self.index.by_id.get(eid)
        return ent is not None and ent.is_place

    def _purpose_entities(self, verb: Token, exclude: list[str]) -> list[str]:
        """Entities a protest's purpose clause addresses ("to demand reforms from X", "calling for X")."""
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp") and c.pos_ == "VERB":
                for t in c.subtree:
                    if t.dep_ in ("pobj", "dobj", "poss"):
                        ids = self.actors.phrase_entities(t, exclude)
                        if ids:
                            return ids[:1]
        return []

    def _complement_entities(self, verb: Token, exclude: list[str]) -> list[str]:
        for c in verb.children:
            if c.dep_ in ("ccomp", "xcomp"):
                subj = self.actors.subject_token(c)
                if subj is not None and subj.i != verb.i:
                    ids = self.actors.phrase_entities(subj, exclude)
                    if ids and c.dep_ == "ccomp":
                        return ids
                for t in c.subtree:
                    if t.dep_ == "pobj" or t.dep_ in ("dobj", "dative"):
                        ids = self.actors.phrase_entities(t, exclude)
                        if ids:
                            return ids
        return []

    def code(self, sid: int, sent: SpacySpan) -> list[Draft]:
        # a nominal trigger modifying another noun is an event only in an eventive phrase ("a mediation
        # effort"), not in a name for people or things ("aid groups", "strike force")
        matches = [
            m
            for m in find_triggers(sent)
            if sent.doc[m.head].dep_ != "compound"
            or sent.doc[m.head].head.lemma_.lower() in EVENTIVE_HEADS
            or sent.doc[m.head].head.i in m.tokens
        ]
        tokmap = {t: m for m in matches for t in m.tokens}
        anchors = {id(m): anchor_of(phrase_head(sent.doc[m.head]), tokmap) for m in matches}
        # "staged demonstrations to demand ...": the support verb speaks for its nominal trigger
        anchor_map = {anchors[id(m)].i: m for m in matches if anchors[id(m)].i not in tokmap}
        frames = {id(m): analyse(sent.doc[m.head], tokmap, m, anchors[id(m)], anchor_map) for m in matches}
        content: dict[int, set[str]] = {}  # governing trigger -> types of the triggers it governs
        for m in matches:
            gov = frames[id(m)].governor
            if gov is not None:
                content.setdefault(id(gov), set()).add(m.type)
        drafts: list[Draft] = []
        for m in matches:
            frame = frames[id(m)]
            if frame.governor is not None or frame.oblige is not None:
                continue
            drafts.extend(
                self._code_match(sid, sent, m, sent.doc[m.head], frame, tokmap, content.get(id(m), set()))
            )
        drafts.extend(self._obligations(sid, sent, tokmap))
        return drafts

    def _obligations(self, sid: int, sent: SpacySpan, tokmap: dict[int, Match]) -> list[Draft]:
        """ "X said/declared/reminded Y that Y must ..." is a REQUEST from X to Y."""
        out: list[Draft] = []
        for tok in sent:
            if tok.dep_ != "aux" or not cue(tok, "oblige"):
                continue
            verb = tok.head
            if verb.dep_ not in ("ccomp", "acl") or verb.head.i == verb.i:
                continue
            gov = verb.head
            # "issued a reminder (to Iraq) that it must ...": the demand is a speech noun's content
            spoken = gov.lemma_.lower() in SPEECH_NOUNS or any(
                c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS for c in gov.children
            )
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                gov = gov.head
            if gov.i in tokmap:
                continue  # "agreed that they should cooperate": the speech act says it all
            if not (spoken or cue(gov, "report") or gov.lemma_.lower() in DEMANDING_VERBS):
                continue  # "I think X should ...", "all agencies should ...": an opinion, not a demand
            subj = self.actors.subject_token(verb)
            if subj is not None and subj.pos_ == "PRON" and subj.lower_ in _WORDS.first_person:
                continue  # "we must not overreact": resolve, not a demand on another party
            source = self._subject_ids(gov)
            target = self.actors.phrase_entities(s) if (s := self.actors.subject_token(verb)) else []
            target = [t for t in target if t not in source]
            if not target:  # "told Iran that it must ...": the addressee
                for obj in self.actors.objects(gov):
                    target = [t for t in self.actors.phrase_entities(obj, source)]
                    if target:
                        break
            if not (source or target):
                continue
            frame = analyse(gov, tokmap, Match(_OBLIGE, (gov.i,), gov.i))
            trig = Span(gov.idx, gov.idx + len(gov.text), gov.text)
            lemmas = {t.lemma_.lower() for t in verb.subtree}
            clause = clause_span(gov)
            event = Event(
                id="",
                type="REQUEST",
                trigger=trig,
                sentence=sid,
                source=tuple(source),
                target=tuple(target),
                mode=mode_from_cues("REQUEST", lemmas),
                contexts=contexts_of([t.lemma_.lower() for t in sent]),
                date=date_of(self.results.timexes, clause, trig.start, gov),
                location=None,
                modality="asserted",
                negated=frame.negated,
                attributed_to=self._attributed(trig.start, trig.end, frame),
                confidence=confidence_of(Match(_OBLIGE, (gov.i,), gov.i), frame, source, target, False),
            )
            out.append(Draft(event, (sid, gov.i)))
        return out

    def _code_match(
        self,
        sid: int,
        sent: SpacySpan,
        m: Match,
        head: Token,
        frame: Frame,
        tokmap: dict[int, Match],
        content: set[str],
    ) -> list[Draft]:
        doc = sent.doc
        role = m.entry.role
        anchor = anchor_of(phrase_head(head), {k: v for k, v in tokmap.items() if v is not m})
        nominal = anchor.pos_ in ("NOUN", "PROPN")
        if nominal:
            source, target = self.actors.noun_source_and_target(anchor)
        else:
            source, target = self.actors.source_and_target(anchor, role)
        subj = None if nominal else self.actors.subject_token(anchor)
        clausal = subj is not None and (subj.pos_ in ("VERB", "AUX") or subj.dep_ == "csubj")
        if clausal and frame.report is not None:
            source = []  # "X said that removing sanctions is out of the question": X's stance
        reported = False  # a named speaker reports an event whose actor the sentence leaves unsaid
        if not source and frame.report is not None:
            if reporter_acts(subj, clausal):
                source = self._subject_ids(frame.report)  # "the rebels said they will release ..."
                target = [t for t in target if t not in source]
            else:
                reported = bool(self._subject_ids(frame.report))
        if role == "S" and not target and not nominal:
            target = self._complement_entities(anchor, source)
        if m.type == "PROTEST" and not nominal and all(self._is_place(t) for t in target):
            # whom the demands address outranks where it happened: "... to demand the resignation of X"
            target = self._purpose_entities(anchor, source) or target
        if role == "H":
            source, target = target, source
        if not (source or target or reported):
            return []
        if m.type == "CONSULT" and meets_a_standard(anchor):
            return []  # "met the deadline", "meeting regulatory standards"
        type_, mode, recoded = recode(m.type, m.entry.mode, frame)
        if role == "S" and anchor.lemma_ in PROMISES and content & {"ASSAULT", "COERCE", "MOBILIZE"}:
            type_, mode, recoded = "THREATEN", None, True  # "vowed to crush", "pledged to expel"
        if m.type == "ACCUSE" and anchor.lemma_ == "protest" and anchor.dep_ in ("advcl", "xcomp"):
            type_, mode = "PROTEST", "demo"  # "banged pots and pans to protest the crisis"
        if in_protest(anchor) and type_ in ("ASSAULT", "COERCE"):
            type_, mode, recoded = "PROTEST", None, True  # "occupied buildings in protest over fees"
        if type_ == "PROTEST" and self._state_actor(source, anchor):
            type_, mode = "ACCUSE", "disapprove"  # states do not demonstrate: "China protested against"
        negated = frame.negated
        if negated and type_ in ("AGREE", "SUPPORT"):
            type_, mode, negated = "REJECT", None, False  # "will not accept", "did not agree"
        possible = role == "S" and type_ == "THREATEN" and complement_is_possible(anchor)
        clause_tokens = {t.lemma_.lower() for t in anchor.subtree} | {doc[i].lemma_.lower() for i in m.tokens}
        if mode is None or (type_ == "ASSAULT" and mode == "destroy"):
            # the weapon named in the clause is surer than a generic reading ("blew himself up")
            mode = mode_from_cues(type_, clause_tokens) or mode
        source, target = settle(self.index, anchor, type_, mode, role == "H", source, target)
        first, last = doc[m.tokens[0]], doc[m.tokens[-1]]
        trig = Span(
            first.idx, last.idx + len(last.text), self.parsed.text[first.idx : last.idx + len(last.text)]
        )
        clause = clause_span(anchor)
        places = [p for p in self.actors.location(anchor) if p not in source]
        if role in ("L", "P") and not places:
            places = [t for t in target if (e := self.index.by_id.get(t)) is not None and e.is_place]
        date = date_of(self.results.timexes, clause, trig.start, anchor)
        event = Event(
            id="",
            type=type_,
            trigger=trig,
            sentence=sid,
            source=tuple(source),
            target=tuple(target),
            mode=mode,
            contexts=contexts_of([t.lemma_.lower() for t in sent]),
            date=date,
            location=places[0] if places else None,
            modality=modality_of(frame, recoded, possible, date, self.parsed.article.published),
            negated=negated,
            attributed_to=self._attributed(trig.start, trig.end, frame),
            confidence=confidence_of(m, frame, source, target, nominal)
            * (
                CAUTION
                if m.type == "THREATEN"
                and anchor.lemma_ in ("warn", "warning")
                and not content & set(HOSTILE)
                else 1.0
            ),
        )
        out = [Draft(event, (sid, m.tokens[0]), not frame.detached)]
        if role == "H" and source and target:
            # CAMEO coded a visit twice (visit and host); PLOVER keeps the visitor as actor. The host's
            # reading is kept as a second, slightly weaker event so both directions can be queried.
            host = dataclasses.replace(
                event, source=event.target, target=event.source, mode=None, confidence=event.confidence * 0.95
            )
            out.append(Draft(host, (sid, m.tokens[0]), not frame.detached))
        return out


# "X said Y must ...": a demand without a demand verb
_OBLIGE = TriggerEntry(("must",), "V", "REQUEST", None, 0.75, "S")


def _inherit_dates(drafts: list[Draft]) -> list[Draft]:
    """An asserted main-clause event with no time of its own, in the same sentence as a dated event or
    the next one, shares its date: news narrates one occasion over consecutive sentences ("met on
    Wednesday. X thanked ...")."""
    out: list[Draft] = []
    last: tuple[int, str] | None = None
    for d in sorted(drafts, key=lambda d: d.order):
        v = d.event
        if v.date is None and d.main and v.modality == "asserted" and last and v.sentence - last[0] <= 1:
            d = Draft(dataclasses.replace(v, date=last[1]), d.order, d.main)
        elif v.date and v.modality == "asserted":
            last = (v.sentence, v.date)  # only a date of its own is passed on, never an inherited one
        out.append(d)
    return out


def _model_candidates(
    coder: _Coder,
    sid: int,
    sent: SpacySpan,
    drafts: list[Draft],
    add_min: float,
    own: bool = True,
    prune: tuple[Calibration, float] | None = None,
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
        return coder._code_match(sid, sent, m, doc[tok.i], analyse(doc[tok.i], tokmap, m), tokmap, set())

    return gather(sent, drafts, load_event_model(), add_min, code_token, own, prune)


def candidates_by_sentence(parsed: Parsed, results: Results, add_min: float) -> list[list[Candidate]]:
    """Every sentence's candidates before the decision (for calibration: training/events/calibrate.py)."""
    coder = _Coder(parsed, results)
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
    coder: _Coder,
    sid: int,
    sent: SpacySpan,
    add_min: float,
    min_confidence: float,
    relative_cutoff: float,
    prune: tuple[Calibration, float] | None = None,
) -> list[Candidate]:
    """The default stage's candidates for a sentence: the rule events after the rules' cut-offs, read by
    the model; when the rules coded nothing at all there (not when they cut it), the model's own."""
    coded = coder.code(sid, sent)
    if coded:
        found = _rule_cut(coded, min_confidence, relative_cutoff)
        return _model_candidates(coder, sid, sent, found, add_min, own=False)
    if not coder.index.mentions_in(sent.start_char, sent.end_char):
        return []  # no entity to be an actor or a recipient: nothing the model proposes could be coded
    return _model_candidates(coder, sid, sent, [], add_min, prune=prune)


def rules_first_candidates(parsed: Parsed, results: Results, add_min: float) -> list[list[Candidate]]:
    """Every sentence's candidates in the default stage (for calibration: training/events/calibrate.py)."""
    coder = _Coder(parsed, results)
    return [
        _rules_first(coder, sid, sent, add_min, MIN_CONFIDENCE, RELATIVE_CUTOFF)
        for sid, sent in enumerate(parsed.doc.sents)
    ]


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
    coder = _Coder(parsed, results)
    calibration = None if rules_only else load_calibration()
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
            cands = _rules_first(
                coder, sid, sent, calibration.add_min, min_confidence, relative_cutoff, prune
            )
            drafts.extend(rules_first(cands, calibration, min_confidence))
    drafts = _inherit_dates(drafts)
    drafts.sort(key=lambda d: (d.order, -d.event.confidence))
    return tuple(dataclasses.replace(d.event, id=f"V{i}") for i, d in enumerate(drafts, start=1))


def run(parsed: Parsed, results: Results) -> Results:
    return results.replace(events=extract_events(parsed, results))


def run_with_model(parsed: Parsed, results: Results) -> Results:
    """The events stage with the learned candidate classifier (ExtractOptions(event_model=True))."""
    return results.replace(events=extract_events(parsed, results, use_model=True))
