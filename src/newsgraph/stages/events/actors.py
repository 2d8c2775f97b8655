"""Who did it and to whom: an event trigger's actor and recipient from the dependency parse.

Arguments are noun phrases found from the trigger's clause (subject, passive agent, object, dative and
prepositional objects); each is turned into entity ids through the entity layer (phrase_entities.py), so
pronouns count when the entity layer resolved them. The rules give their reading, and the learned argument
ranker may replace it for the roles it is trusted with.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.events import event_words
from ..common import EntityIndex
from .arguments import (
    RuleView,
    anchor_view,
    candidates,
    features,
    governor,
    lexicon_types,
    null_features,
    pick_from,
)
from .clause_arguments import (
    TARGET_PREPS,
    agent,
    complement_heads,
    governor_class,
    is_passive,
    objects,
    own_subject,
    own_verb,
    passive_subject,
    prep_objects,
    subject_token,
)
from .phrase_entities import PhraseEntities
from .roles import event_noun, own_marked, reduced_passive
from .rules import movement_phrases, of_chain

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ...models.event_args import ArgumentModel

_WORDS = event_words()  # the word lists this module uses, from lexicons/event_words.tsv

PLACE_PREPS = _WORDS.place_preps
PATIENT_NOUNS = _WORDS.patient_nouns
# links that open another clause (whose places belong to its own events)
CLAUSE_DEPS = ("relcl", "ccomp", "advcl", "xcomp", "acl", "conj", "parataxis", "csubj")


def _of_patient(noun: Token) -> bool:
    """The noun has an "of" phrase with an object, which names whom the act is done to ("the release *of
    the sailors*")."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and prep_objects(c) for c in noun.children)


def patient_possessor(noun: Token) -> bool:
    """True when the possessor of an event noun is the one it is done to: a patient noun ("Wang's arrest",
    "his kidnapping") with no "of" phrase naming the patient ("Iran's release of the sailors")."""
    return noun.lemma_.lower() in PATIENT_NOUNS and not _of_patient(noun)


def reported_act(noun: Token) -> bool:
    """An event noun naming an act done to someone and no party to answer ("the killing of the activist",
    "the bombings of the embassies"): as the object of another event verb, neither it nor its patient is
    that verb's recipient. With a possessor ("the mayor's apology", "Iran's request") the possessor is."""
    return (
        (event_noun(noun) or noun.lemma_.lower() in PATIENT_NOUNS)
        and not any(c.dep_ in ("poss", "compound", "amod", "nmod") for c in noun.children)
        and _of_patient(noun)
    )


def _carried_noun(verb: Token, subj: Token) -> bool:
    """The passive subject of a support or causing verb (lexicons/event_governors.tsv, agentive: whose
    subject performs the noun's act) is an event noun: the verb carries that act ("an embargo imposed on
    X", "strikes were launched"), and whoever did it did the noun's act too."""
    return event_noun(subj) and governor_class(verb) == "agentive"


class ActorFinder(PhraseEntities):
    """Turns argument tokens into entity ids for one document.

    `model_roles` names the roles taken from the learned argument ranker (`newsgraph.models.event_args`)
    instead of the rules: "source", "target"; "source+rules", "target+rules" (the rules' when the model
    names no entity); "source+fill", "target+fill" (the model's only when the rules name none). None
    means the model's own choice, made on held-out data (its CARD.md), and an empty set the rules alone.
    The model loads on first use."""

    def __init__(
        self,
        index: EntityIndex,
        model_roles: frozenset[str] | None = None,
        model_dir: str | None = None,
    ) -> None:
        super().__init__(index)
        self.model_roles = model_roles
        self.model_dir = model_dir  # another model than the shipped one (training compares them)
        # The entities of the phrase headed at each token, for the ranker: every trigger of a sentence has
        # the same candidates, so each candidate's phrase is resolved once per document, not once per trigger.
        self._phrase_at: dict[int, list[str]] = {}
        self._in_sentence: dict[int, list[Token]] = {}  # a sentence's start -> its sentence_candidates
        # What the ranker said of each anchor it read: P("none") for the source and for the target. The
        # emitted confidence reads it (confidence.Evidence): where the ranker doubts the roles the event
        # carries, they are wrong more often.
        self.ranked: dict[int, tuple[float, float]] = {}

    # ------------------------------------------------------------ arguments of a clause

    def places(self, tok: Token, preps: tuple[str, ...] = PLACE_PREPS) -> list[str]:
        """Place entities in locative phrases of `tok` ("in X", "near the town of X")."""
        out: list[str] = []
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in preps:
                for g in prep_objects(c):
                    for eid in self.phrase_entities(g):
                        ent = self.index.by_id.get(eid)
                        if ent is not None and ent.is_place:
                            out.append(eid)
        return out

    def location(self, tok: Token) -> list[str]:
        """Places in locative phrases anywhere in `tok`'s own clause, nearest first: "held talks on the
        dispute in Nairobi" (sub-clauses are other events' business)."""
        found: list[tuple[int, str]] = []
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in CLAUSE_DEPS:
                    continue
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                    for g in prep_objects(c):
                        for eid in self.phrase_entities(g):
                            ent = self.index.by_id.get(eid)
                            if ent is not None and ent.is_place:
                                found.append((abs(c.i - tok.i), eid))
                stack.append(c)
        return [eid for _, eid in sorted(found)]

    def source_and_target(
        self, verb: Token, role: str, noun: Token | None = None
    ) -> tuple[list[str], list[str]]:
        """Actor and recipient entity ids of a verbal trigger, or of the event noun `noun` that `verb`
        governs ("staged a strike"; `noun` may be the verb itself): the rules', or the model's for its
        roles."""
        rules = self.rule_source_and_target(verb, role)
        return self._learned(verb, role, False, rules, noun)

    def noun_source_and_target(self, noun: Token) -> tuple[list[str], list[str]]:
        """Actor and recipient of a nominal trigger: the rules', or the model's for its roles."""
        rules = self.rule_noun_source_and_target(noun)
        return self._learned(noun, "N", True, rules)

    def rule_source_and_target(self, verb: Token, role: str) -> tuple[list[str], list[str]]:
        """Actor and recipient entity ids of a verbal trigger, by the rules."""
        source: list[str] = []
        target: list[str] = []
        if is_passive(verb):
            by, subj = agent(verb), passive_subject(verb)
            undergoes = self.phrase_entities(subj) if subj is not None else []
            if by is not None:
                # who undergoes it is not who does it, also when the agent names nobody and only a
                # pronoun inside it ("hurt by a stone thrown through the glass of her shop")
                source = self.phrase_entities(by, undergoes)
            if not source and subj is not None and _carried_noun(verb, subj):
                # "an EU embargo imposed on X", "Turkish strikes were launched": the event noun the
                # support verb carries is no party, its own phrase names who acts (not the noun's own
                # mention: "political prisoners are held") and whom it is done to, as for an active
                # verb's event-noun subject below
                own_source, own_target = self.rule_noun_source_and_target(subj)
                own_source = [e for e in own_source if e not in self._token_entities(subj)]
                if own_source:
                    source, undergoes = own_source, own_target
            if subj is not None:
                ents = [e for e in undergoes if e not in source]
                if role == "P" and not source:
                    source = ents  # "troops are stationed in X": the troops' side mobilised
                else:
                    target = ents
        else:
            subj = subject_token(verb)
            if subj is not None and event_noun(subj):
                source = self.rule_noun_source_and_target(subj)[0]  # "Israeli air raids killed ..."
            elif subj is not None:
                source = self.phrase_entities(subj)
        if not target:
            acts: set[int] = set()
            reports = own_verb(verb, False) and "REQUEST" not in lexicon_types(verb)
            for obj in objects(verb):
                if reports and reported_act(obj):
                    # "condemned the killing of X": an event is no recipient (gap 12); a request for an
                    # act is addressed to whom it is done to ("called for the dismissal of X")
                    acts.add(obj.i)
                if obj.i in acts or obj.head.head.i in acts:
                    continue  # nor is who it was done to
                target.extend(self.phrase_entities(obj, source))
                if target:
                    break
        if role in ("L", "P") and not target:
            target = [e for e in self.places(verb, (*PLACE_PREPS, "to")) if e not in source][:1]
        return list(dict.fromkeys(source)), list(dict.fromkeys(target))

    def complement_entities(self, verb: Token, exclude: list[str]) -> list[str]:
        """Whom a speech act is about when its clause names nobody, from its complement
        (`complement_heads`): the first phrase naming an entity. Not a reported subject that is an event,
        no actor itself ("insisted that the fire was an accident") or the speaker's own side, nor an
        act done to someone."""
        for tok, subject in complement_heads(verb):
            if subject and (event_noun(tok) or self._ref_at(tok) is None or own_marked(tok)):
                continue  # "conceded that its police had used force": the speaker's own side
            if reported_act(tok):
                continue  # "vowed to avenge the killing of its commander": an act, no party
            ids = self.phrase_entities(tok, exclude)
            if ids:
                return ids
        return []

    def rule_noun_source_and_target(self, noun: Token) -> tuple[list[str], list[str]]:
        """Actor and recipient of a nominal trigger from inside its phrase ("Israeli air raids on X")."""
        source: list[str] = []
        undergoes: list[str] = []
        for c in noun.children:
            if c.dep_ == "poss" and patient_possessor(noun):
                undergoes.extend(self.phrase_entities(c))  # "Wang's arrest": Wang is arrested
            elif c.dep_ in ("poss", "compound", "amod", "nmod"):
                source.extend(self.phrase_entities(c))
            elif c.dep_ == "prep" and c.lower_ == "by":
                for g in c.children:
                    if g.dep_ == "pobj":
                        source.extend(self.phrase_entities(g))
        target: list[str] = [e for e in undergoes if e not in source]
        for obj in objects(noun, TARGET_PREPS):
            if target:
                break
            target.extend(self.phrase_entities(obj, source))
        return list(dict.fromkeys(source)), list(dict.fromkeys(target))

    def movement_reading(
        self, noun: Token, source: list[str], target: list[str]
    ) -> tuple[list[str], list[str]]:
        """A noun of movement's "from" phrase names where from, never who moves ("the pullout of the
        brigade from the valley"): its entities leave the source, and when nothing else names the source
        the noun's "of" phrase does; also under a support verb ("the withdrawal of the army from X was
        completed"). Unchanged for other nouns (rules.movement_phrases)."""
        movers, origins = movement_phrases(noun)
        if not origins:
            return source, target
        whence = {e for o in origins for e in self.phrase_entities(o)}
        source = [e for e in source if e not in whence]
        source = source or [e for t in movers for e in self.phrase_entities(t, list(whence))]
        return source, [t for t in target if t not in source]

    def chain_doers(self, noun: Token) -> list[str]:
        """Who does the act of an event noun held in the "of" phrase of another noun that a support or
        causing verb carries ("the EU announced the imposition of sanctions on X", "the start of talks
        was ordered by X"): that noun's own actor (its possessor or by-phrase), else the verb's subject
        or passive agent (lexicons/event_governors.tsv, agentive)."""
        chain = of_chain(noun)
        top = chain[-1]
        verb = top.head
        if len(chain) < 2 or top.dep_ not in ("dobj", "obj", "nsubjpass") or verb.i == top.i:
            return []
        if governor_class(verb) != "agentive":
            return []
        own = self.rule_noun_source_and_target(top)[0]
        if own:
            return own
        doer = agent(verb) if is_passive(verb) else subject_token(verb)
        return self.phrase_entities(doer) if doer is not None else []

    # ------------------------------------------------------------ the learned ranker

    def rule_tags(self, anchor: Token, nominal: bool, passive: bool) -> dict[int, tuple[str, ...]]:
        """The tokens the rules consider for an anchor, by what they took them for (`passive`: the
        anchor's `is_passive`, which the caller has read)."""
        tags: dict[int, list[str]] = {}

        def tag(tok: Token | None, name: str) -> None:
            if tok is not None:
                tags.setdefault(tok.i, []).append(name)

        if nominal:
            for c in anchor.children:
                if c.dep_ == "poss":
                    tag(c, "poss_patient" if patient_possessor(anchor) else "poss")
                elif c.dep_ in ("compound", "amod", "nmod"):
                    tag(c, "mod")
                elif c.dep_ == "prep" and c.lower_ == "by":
                    for g in prep_objects(c):
                        tag(g, "by")
        else:
            if passive:
                tag(agent(anchor), "agent")
                tag(passive_subject(anchor), "psubj")
            else:
                tag(subject_token(anchor), "subj")
        for k, obj in enumerate(objects(anchor)):
            tag(obj, "obj1" if k == 0 else "obj")
        return {i: tuple(v) for i, v in tags.items()}

    def _candidate_entities(self, tok: Token) -> list[str]:
        """`phrase_entities(tok)`, computed once per token (the list is shared: read it, never change it)."""
        if tok.i not in self._phrase_at:
            self._phrase_at[tok.i] = self.phrase_entities(tok)
        return self._phrase_at[tok.i]

    def argument_rows(
        self,
        anchor: Token,
        role: str,
        nominal: bool,
        rules: tuple[list[str], list[str]],
        noun: Token | None = None,
    ) -> tuple[list[Token], list[list[str]], list[list[str]]]:
        """Candidates of an anchor, their feature rows (then the "none" row) and the entity ids each would
        stand for. `noun`: the trigger word of a verbal anchor, when it is another word (an event noun the
        anchor governs, "staged a *strike*"; a nominal anchor is its own). The stage and the training script
        both pass it as is, so that which anchors get the governor's features is decided here once."""
        passive = not nominal and is_passive(anchor)
        trigger = anchor if nominal else noun if noun is not None and noun.i != anchor.i else None
        gov = governor(trigger) if trigger is not None and trigger.pos_ in ("NOUN", "PROPN") else None
        view = RuleView(self.rule_tags(anchor, nominal, passive), tuple(rules[0]), tuple(rules[1]))
        cands = candidates(anchor, kept=self._in_sentence)
        ids = [self._candidate_entities(c) for c in cands]
        seen = anchor_view(anchor)
        rows = [
            features(anchor, c, role, nominal, passive, self._entity_at, view, e, gov, seen)
            for c, e in zip(cands, ids, strict=True)
        ]
        rows.append(null_features(anchor, role, nominal, passive, view, len(cands), gov))
        return cands, rows, ids

    def _model(self) -> tuple[ArgumentModel | None, frozenset[str]]:
        if self.model_roles is not None and not self.model_roles:
            return None, frozenset()
        from ...models.event_args import load_argument_model

        model = load_argument_model(self.model_dir)
        roles = model.roles if self.model_roles is None else self.model_roles
        return (model, roles) if roles else (None, roles)

    @staticmethod
    def _choose(role: str, roles: frozenset[str], learned: list[str], rules: list[str]) -> list[str]:
        """A role's entities: the model's ("source"); the model's, or the rules' when it names none
        ("source+rules"); the rules', or the model's when they name none ("source+fill"); else the rules'."""
        if role in roles or (f"{role}+rules" in roles and learned) or (f"{role}+fill" in roles and not rules):
            return list(dict.fromkeys(learned))
        return list(rules)

    def _learned(
        self,
        anchor: Token,
        role: str,
        nominal: bool,
        rules: tuple[list[str], list[str]],
        noun: Token | None = None,
    ) -> tuple[list[str], list[str]]:
        model, roles = self._model()
        if model is None:
            return rules
        if all(
            (f"{name}+fill" in roles and found) or not ({name, f"{name}+rules", f"{name}+fill"} & roles)
            for name, found in zip(("source", "target"), rules, strict=True)
        ):
            return rules  # the model would change nothing: spare its features
        cands, rows, ids = self.argument_rows(anchor, role, nominal, rules, noun)
        p = model.probabilities(rows)
        self.ranked[anchor.i] = (float(p[-1, 0]), float(p[-1, 1]))
        src_toks, tgt_toks = pick_from(model, cands, p)
        where = {c.i: k for k, c in enumerate(cands)}
        learned_source = [e for t in src_toks for e in ids[where[t.i]]]
        verb_acts = own_verb(anchor, nominal) and bool(rules[0])  # an event verb whose actor the rules name
        decided = verb_acts or (nominal and patient_possessor(anchor))
        if decided and any(e in rules[1] for e in learned_source):
            # the model would make the rules' recipient the actor of an event verb while the rules name
            # one: "Baghdad rejected Ankara's demand" is never Ankara's rejection; the rules' reading
            # stands (not for a support verb: "X's test drew condemnation from Y" is Y's)
            learned_source = []
        own = own_subject(anchor) if learned_source and verb_acts else None
        named = set(self._candidate_entities(own[0])) if own else set()
        if own and named & set(rules[0]) and not {t.i for t in src_toks} & own[1]:
            # an event verb's own subject names its actor ("the mayor's rival has offered ..., X said",
            # "the guard who opened fire"): the ranker's pick from outside that subject, often the speaker or
            # the main clause's subject, does not outrank it; the rules' reading stands
            learned_source = []
        source = self._choose("source", roles, learned_source, rules[0])
        learned = [e for t in tgt_toks for e in ids[where[t.i]] if e not in source]
        if rules[1] and not nominal and anchor.dep_ == "conj" and reduced_passive(anchor):
            learned = []  # "40 were killed and 300 wounded": the gapped passive's own subject, which
            # the ranker, trained on few such clauses, takes for the first participle's
        target = self._choose("target", roles, learned, [t for t in rules[1] if t not in source])
        return source, target
