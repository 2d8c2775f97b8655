"""The rule coder of one sentence (the events stage's rules; code.py runs them with the classifier).

Find trigger phrases (lexicon), place each in the parse (frame), keep the ones no other trigger governs,
recode stated intentions and possibilities the way PLOVER asks ("will give aid" is AGREE, "plans to impose
restrictions" is THREATEN, "X said Y must ..." is REQUEST), find actor and recipient entities (actors),
then date, place, modality, attribution and a confidence. No event is coded without an actor or a
recipient entity, or a named speaker reporting it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicons.events import TriggerEntry, event_words
from ...model import Event, Span
from ..base import Parsed, Results
from ..common import EntityIndex
from .actors import ActorFinder
from .bearing import borne_by_subject, held_for
from .clause_arguments import (
    asked_for,
    bare_participle,
    controller,
    event_anchor,
    objects,
    subject_token,
    time_phrase_verb,
)
from .frame import Frame, analyse, complement_is_possible
from .lexicon import Match, contexts_of, cue, find_triggers, mode_from_cues
from .roles import reporter_acts, scene_modifier, settle
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
    force_mode,
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


@dataclass(frozen=True)
class Draft:
    """An event before ids are given and weak readings are pruned."""

    event: Event
    order: tuple[int, int]
    main: bool = True  # part of the sentence's own narrative (not a relative clause's background fact)
    # the argument ranker's P("none") for source and target at the event's anchor (ActorFinder.ranked);
    # None where the ranker did not read it
    ranked: tuple[float, float] | None = None


class SentenceCoder:
    """Codes the sentences of one article by the rules, as drafts (code.py prunes and numbers them)."""

    def __init__(self, parsed: Parsed, results: Results) -> None:
        self.parsed = parsed
        self.results = results
        self.index = EntityIndex(results.entities)
        self.actors = ActorFinder(self.index)

    def _subject_ids(self, verb: Token | None) -> list[str]:
        if verb is None:
            return []
        subj = subject_token(verb)
        return self.actors.phrase_entities(subj) if subj is not None else []

    def _state_actor(self, source: list[str], anchor: Token) -> bool:
        """The actor is a country named as such ("China", not "Chinese students")."""
        subj = subject_token(anchor) if anchor.pos_ in ("VERB", "AUX") else None
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

    def code(self, sid: int, sent: SpacySpan) -> list[Draft]:
        # a nominal trigger modifying another noun is an event only in an eventive phrase ("a mediation
        # effort"), not in a name for people or things ("aid groups", "strike force")
        matches = [
            m
            for m in find_triggers(sent, self.parsed.span_tokens(sent))
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
                self.code_match(sid, sent, m, sent.doc[m.head], frame, tokmap, content.get(id(m), set()))
            )
        drafts.extend(self._obligations(sid, sent, tokmap))
        return drafts

    def _obligations(self, sid: int, sent: SpacySpan, tokmap: dict[int, Match]) -> list[Draft]:
        """ "X said/declared/reminded Y that Y must ..." is a REQUEST from X to Y."""
        out: list[Draft] = []
        for tok in self.parsed.span_tokens(sent):
            if tok.dep_ != "aux" or not cue(tok, "oblige"):
                continue
            verb = tok.head
            if verb.dep_ not in ("ccomp", "acl") or verb.head.i == verb.i:
                continue
            gov = verb.head
            # "sent a note (to the council) that it must ...": the demand is a speech noun's content
            spoken = gov.lemma_.lower() in SPEECH_NOUNS or any(
                c.dep_ == "dobj" and c.lemma_.lower() in SPEECH_NOUNS for c in gov.children
            )
            while gov.pos_ not in ("VERB", "AUX") and gov.head.i != gov.i:
                gov = gov.head
            if gov.i in tokmap:
                continue  # "agreed that they should cooperate": the speech act says it all
            if not (spoken or cue(gov, "report") or gov.lemma_.lower() in DEMANDING_VERBS):
                continue  # "I think X should ...", "all agencies should ...": an opinion, not a demand
            subj = subject_token(verb)
            if subj is not None and subj.pos_ == "PRON" and subj.lower_ in _WORDS.first_person:
                continue  # "we must not overreact": resolve, not a demand on another party
            source = self._subject_ids(gov)
            target = self.actors.phrase_entities(s) if (s := subject_token(verb)) else []
            target = [t for t in target if t not in source]
            if not target:  # "told Iran that it must ...": the addressee
                for obj in objects(gov):
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
                contexts=contexts_of([t.lemma_.lower() for t in self.parsed.span_tokens(sent)]),
                date=date_of(self.results.timexes, clause, trig.start, gov),
                location=None,
                modality="asserted",
                negated=frame.negated,
                attributed_to=self._attributed(trig.start, trig.end, frame),
                confidence=confidence_of(Match(_OBLIGE, (gov.i,), gov.i), frame, source, target, False),
            )
            out.append(Draft(event, (sid, gov.i)))
        return out

    def _committed_parties(self, noun: Token) -> list[str]:
        """The parties that agree to, offer or propose the act an event noun names, when its own phrase
        names nobody: "the rebels agreed to a 72-hour truce", "the rebels' offer of a truce", "both sides
        signalled their agreement to a prisoner swap"."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in ("to", "of", "for") or prep.head.i == prep.i:
            return []
        word = prep.head
        if word.lemma_.lower() not in _WORDS.commitment_words:
            return []
        if word.pos_ in ("NOUN", "PROPN"):
            own = self.actors.rule_noun_source_and_target(word)[0]
            return own or self._committed_parties(word) or self._subject_ids(word.head)
        return self._subject_ids(word)

    def _visitor(self, noun: Token) -> list[str]:
        """Who makes a visit that is the time of another person's act ("X spoke during a visit to Y"): that
        verb's subject (clause_arguments.time_phrase_verb), a person; not a body ("police arrested him
        during a visit")."""
        verb = time_phrase_verb(noun)
        ids = self._subject_ids(verb) if verb is not None else []
        ents = [self.index.by_id.get(e) for e in ids]
        return ids if ents and all(e is not None and e.type == "PERSON" for e in ents) else []

    def _controlled(self, verb: Token) -> list[str]:
        """The doers of a gerund after a verb's object ("accused Ruritania of arming rebels": Ruritania)
        when the parse readings (the subject inherited along the gerund's link: the accuser) name another."""
        ctrl = controller(verb)
        return self.actors.phrase_entities(ctrl) if ctrl is not None else []

    def code_given_trigger(self, head: Token, type_: str, role: str) -> list[Draft]:
        """The stage's reading of a trigger word and type given from outside rather than found by the
        lexicon (the argument evaluation's gold triggers, training/events/train_args.py): one match on
        `head`, its frame, then code_match. `role`: the lexicon role letter ("" for none)."""
        pos = "N" if head.pos_ in ("NOUN", "PROPN") else "V"
        m = Match(TriggerEntry((head.lemma_.lower(),), pos, type_, None, 1.0, role), (head.i,), head.i)
        tokmap = {head.i: m}
        frame = analyse(head, tokmap, m, anchor_of(phrase_head(head), {}), {})
        return self.code_match(0, head.sent, m, head, frame, tokmap, set())

    def code_match(
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
        noun = phrase_head(head)
        anchor = event_anchor(noun, anchor_of(noun, {k: v for k, v in tokmap.items() if v is not m}))
        nominal = anchor.pos_ in ("NOUN", "PROPN")
        if nominal:
            source, target = self.actors.noun_source_and_target(anchor)
            source = source or self._committed_parties(anchor) or self.actors.chain_doers(anchor)
            target = [t for t in target if t not in source]
            if not source and m.entry.role == "L" and m.type == "CONSULT":
                source = self._visitor(anchor)
            asked = asked_for(anchor)
            givers = self.actors.phrase_entities(asked[0]) if asked is not None else []
            if asked is not None and givers:  # "lobbied the council for aid": the council would give it
                source = givers
                target = [t for t in target if t not in givers] or self._subject_ids(asked[1])
        else:
            source, target = self.actors.source_and_target(anchor, role, noun)
            doers = self._controlled(anchor)
            if doers:
                source, target = doers, [t for t in target if t not in doers]
            if not source and noun.i != anchor.i and noun.pos_ in ("NOUN", "PROPN"):
                # a support verb that names no actor: the event noun's own phrase does ("the study
                # listed Freedonian raids on the villages": Freedonia raids), and is not the recipient
                source = self.actors.rule_noun_source_and_target(noun)[0]
                target = [t for t in target if t not in source]
        if noun.pos_ in ("NOUN", "PROPN"):
            # "the pullout of the brigade from X (was completed)": X is where from, never who moves
            source, target = self.actors.movement_reading(noun, source, target)
        subj = None if nominal else subject_token(anchor)
        clausal = subj is not None and (subj.pos_ in ("VERB", "AUX") or subj.dep_ == "csubj")
        if clausal and frame.report is not None:
            source = []  # "X said that removing sanctions is out of the question": X's stance
        if not nominal and m.type == "ACCUSE" and anchor.lemma_.lower() in _WORDS.experiencer_verbs:
            # "the build-up alarmed Estonian officials": who is alarmed disapproves of the subject's act
            source, target = target, source
        undergone = not nominal and anchor.lemma_.lower() in _WORDS.patient_verbs
        if undergone:
            # "eleven people died in the blast": who dies undergoes the attack; its doer is not in this
            # clause, nor is a reporter ("they died, police said")
            source, target = [], list(dict.fromkeys([*source, *target]))
        bare = None if nominal or undergone else bare_participle(anchor)
        if bare is not None and not any(c.dep_ == "agent" for c in anchor.children):
            # "wants the prisoners freed": a participle without "have" or "be" is done to its subject
            source, target = _undergone_by(self.actors.phrase_entities(bare), source, target)
        borne = borne_by_subject(self.actors, anchor, noun, nominal, subj, target)
        if borne is not None:
            source, target = borne
        undergoing = held_for(self.actors, noun)
        if undergoing:  # "the suspect is wanted for questioning": questioned, not questioning
            source, target = _undergone_by(undergoing, source, target)
        reported = False  # a named speaker reports an event whose actor the sentence leaves unsaid
        if not source and frame.report is not None and not undergone and borne is None:
            if reporter_acts(subj, clausal):
                source = self._subject_ids(frame.report)  # "the militia said it would free the hostages"
                target = [t for t in target if t not in source]
            else:
                reported = bool(self._subject_ids(frame.report))
        if role == "S" and not target and not nominal:
            target = self.actors.complement_entities(anchor, source)
        if m.type == "PROTEST" and not nominal and all(self._is_place(t) for t in target):
            # whom the demands address outranks where it happened: "... to demand the resignation of X"
            target = self._purpose_entities(anchor, source) or target
        if not (source or target or reported):
            return []
        if m.type == "CONSULT" and meets_a_standard(anchor):
            return []  # "met the deadline", "meeting regulatory standards"
        coded, mode = m.type, m.entry.mode
        if coded == "CONSULT" and role == "L" and not nominal and (moved := force_mode(subj)) is not None:
            coded, mode = "MOBILIZE", moved  # "3,000 troops arrived in Poland": a deployment, not a visit
        type_, mode, recoded = recode(coded, mode, frame)
        if role == "H":
            # "X hosted Y": one event, the host's reading (source X, target Y, no mode: "visit" says the
            # source visits). The guidelines and PLOVER code the visitor as source; the founding article's
            # gold codes the host, and one trigger yields one event (Build 5), so one reading must go
            mode = None
        if role == "S" and anchor.lemma_ in PROMISES and content & PROMISED_THREATS:
            type_, mode, recoded = "THREATEN", None, True  # "vowed to crush", "pledged to expel"
        if m.type == "ACCUSE" and anchor.lemma_ == "protest" and anchor.dep_ in ("advcl", "xcomp"):
            type_, mode = "PROTEST", "demo"  # "banged pots and pans to protest the crisis"
        if in_protest(anchor) and type_ in ("ASSAULT", "COERCE"):
            type_, mode, recoded = "PROTEST", None, True  # "occupied buildings in protest over fees"
        if type_ == "PROTEST" and self._state_actor(source, anchor):
            type_, mode = "ACCUSE", "disapprove"  # states do not demonstrate: "China protested against"
        negated = frame.negated
        if negated and type_ in ("AGREE", "SUPPORT"):
            # "will not accept", "did not agree": a refusal, stated now (docs/annotation.md 11, 33)
            type_, mode, negated, recoded = "REJECT", None, False, True
        possible = role == "S" and type_ == "THREATEN" and complement_is_possible(anchor)
        clause_tokens = {t.lemma_.lower() for t in anchor.subtree} | {doc[i].lemma_.lower() for i in m.tokens}
        if mode is None or (type_ == "ASSAULT" and mode == "destroy"):
            # the weapon named in the clause is surer than a generic reading ("blew himself up")
            mode = mode_from_cues(type_, clause_tokens) or mode
        found = target  # a destination the finder read as target stays the event's place ("sent to X")
        # "the Nairobi bombing": a place named before the event noun is where it happened, not a party
        scenes = [e for e in (*source, *target) if scene_modifier(self.index, e, anchor)]
        source, target = settle(self.index, anchor, type_, mode, role == "H", source, target)
        first, last = doc[m.tokens[0]], doc[m.tokens[-1]]
        trig = Span(
            first.idx, last.idx + len(last.text), self.parsed.text[first.idx : last.idx + len(last.text)]
        )
        clause = clause_span(anchor)
        places = [p for p in self.actors.location(anchor) if p not in source]
        if role in ("L", "P") and not places:
            places = [t for t in found if (e := self.index.by_id.get(t)) is not None and e.is_place]
        places = places or scenes
        date = date_of(self.results.timexes, clause, trig.start, anchor)
        event = Event(
            id="",
            type=type_,
            trigger=trig,
            sentence=sid,
            source=tuple(source),
            target=tuple(target),
            mode=mode,
            contexts=contexts_of([t.lemma_.lower() for t in self.parsed.span_tokens(sent)]),
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
        # one trigger, one event (issue 13, Build 5): "hosted" is never also coded with its roles swapped
        return [Draft(event, (sid, m.tokens[0]), not frame.detached, self.actors.ranked.get(anchor.i))]


# what a promise's content makes a threat: force, a sanction, a refusal ("vowed to scrap the deal" is never
# AGREE: docs/annotation.md 4)
PROMISED_THREATS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "REJECT"})

# "X said Y must ...": a demand without a demand verb
_OBLIGE = TriggerEntry(("must",), "V", "REQUEST", None, 0.75, "S")


def _undergone_by(ids: list[str], source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
    """Source and target once the entities `ids` are known to undergo the act: out of the source, first
    among the targets."""
    return [e for e in source if e not in ids], list(dict.fromkeys([*ids, *target]))
