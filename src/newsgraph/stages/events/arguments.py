"""The learned argument ranker's side of the events stage: which noun phrase heads of a trigger's sentence
may be its source or target (candidates), what the model sees of each (features), and which it picks.

The model (`newsgraph.models.event_args`) scores every candidate as source, target or neither from the
dependency path between trigger and candidate (prepositions named: "sanctions *on* X", "attacked *by* X"),
the voice, the candidate's entity type (a country, another place, a person, an organisation, none), its
position, the trigger's lexicon types, for an event noun the class of the verb that governs it (`governor`:
does that verb's subject perform the act, "staged a strike", or only see or judge it, "filmed the raid")
and whether its "of" phrase names a patient or an actor, and what the rules in `actors.py` chose (their
subject, agent, object and their final source and target): the rules are a feature, the model has the last
word only for the roles where it beat them on held-out data. `features` is the one feature function: the
training script (`training/events/train_args.py`) calls it too.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.events import OUTSIDE_CLASSES, event_words, governor_words, trigger_entries
from ...model import Entity
from .clause_arguments import agent, governor_class, is_passive, own_verb, prep_objects, subject_token
from .roles import common_noun_actor

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from spacy.tokens import Span, Token

    from ...models.event_args import ArgumentModel

# noun phrase heads; an adjective counts when it names a nationality or a state ("the Canadian warrant")
CANDIDATE_POS = ("NOUN", "PROPN", "PRON")
NAMING_ADJ_LABELS = ("NORP", "GPE")
# words inside a larger noun phrase, whose head is the candidate
INNER_DEPS = ("compound", "flat", "det", "nummod", "case")
MAX_PATH = 5
# links whose dependent is a preposition or agent marker: named in the path ("prep:against")
PREP_DEPS = ("prep", "agent", "dative")
ROLES = ("source", "target")
# how an event noun hangs from the verb that governs it: as its object, passive subject, complement
GOVERNED_DEPS = ("dobj", "obj", "dative", "attr", "oprd", "nsubjpass")


@dataclass(frozen=True)
class RuleView:
    """What the rules chose for one trigger: token tags (subject, agent, passive subject, object,
    possessor) and their final source and target entity ids."""

    tags: dict[int, tuple[str, ...]] = field(default_factory=dict)
    source: tuple[str, ...] = ()
    target: tuple[str, ...] = ()


@dataclass(frozen=True)
class Governor:
    """What the ranker needs of the verb that governs a nominal trigger ("police *examined* the blast",
    "*staged* a strike", "*looked* into the raid") and of the noun's own "of" phrase.

    `fine` is the verb's class in lexicons/event_governors.tsv (else `event` for an event verb of the
    trigger lexicon, else `other`); `coarse` folds the classes whose subject does not perform the act into
    `outside`. `doers` are the tokens that verb's reading would take as the actor (its subject and their
    conjuncts, or a passive's agent). `of_kind` says whether the noun's "of" phrase names the patient of a
    transitive act or the actor of an intransitive one (`unknown` when the noun is in neither list,
    empty when there is no such phrase); `of_objects` are that phrase's heads."""

    relation: str = ""
    fine: str = ""
    coarse: str = ""
    doers: frozenset[int] = frozenset()
    of_kind: str = ""
    of_objects: frozenset[int] = frozenset()


def _governing_verb(noun: Token) -> tuple[Token, str] | None:
    """The verb an event noun hangs from and how: "dobj", "nsubjpass", "prep:into"...; a conjunct's first."""
    for _ in range(3):
        if noun.dep_ != "conj" or noun.head.i == noun.i:
            break
        noun = noun.head
    head = noun.head
    if noun.dep_ in GOVERNED_DEPS and head.pos_ in ("VERB", "AUX") and head.i != noun.i:
        return head, noun.dep_
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
        return head.head, f"prep:{head.lower_}"
    return None


@functools.cache
def _of_patient_nouns() -> frozenset[str]:
    """Event nouns whose "of" phrase is the patient: the governor file's and the possessor rule's."""
    return governor_words().of_patient | event_words().patient_nouns


def governor(noun: Token) -> Governor:
    """The governing verb and "of" phrase of a nominal trigger (features() reads it)."""
    words = {noun.lemma_.lower(), noun.lower_}
    of_objects = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in prep_objects(c)]
    of_kind = ""
    if of_objects:
        actor = words & governor_words().of_actor
        of_kind = "patient" if words & _of_patient_nouns() else "actor" if actor else "unknown"
    found = _governing_verb(noun)
    if found is None:
        return Governor(of_kind=of_kind, of_objects=frozenset(t.i for t in of_objects))
    verb, relation = found
    fine = governor_class(verb) or ("event" if own_verb(verb, False) else "other")
    coarse = "outside" if fine in OUTSIDE_CLASSES else fine
    doer = agent(verb) if is_passive(verb) else subject_token(verb)
    doers = {doer.i, *(c.i for c in doer.children if c.dep_ == "conj")} if doer is not None else set()
    return Governor(relation, fine, coarse, frozenset(doers), of_kind, frozenset(t.i for t in of_objects))


def candidates(
    anchor: Token, skip: Sequence[int] = (), kept: dict[int, list[Token]] | None = None
) -> list[Token]:
    """Noun phrase heads of the anchor's sentence that may fill a role (not the anchor or trigger words).
    `kept`: a sentence's start -> its sentence_candidates, which a caller reading many anchors of one
    article keeps (filled here)."""
    banned = {anchor.i, *skip}
    sent = anchor.sent
    found = kept.get(sent.start) if kept is not None else None
    if found is None:
        found = sentence_candidates(sent)
        if kept is not None:
            kept[sent.start] = found
    return [tok for tok in found if tok.i not in banned]


def sentence_candidates(sent: Span) -> list[Token]:
    """The noun phrase heads of a sentence that may fill a role of any of its triggers."""
    out: list[Token] = []
    for tok in sent:
        if not any(ch.isalpha() for ch in tok.text):
            continue
        if tok.pos_ in CANDIDATE_POS:
            if tok.dep_ in INNER_DEPS and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
                continue  # part of a bigger phrase: "the [Hamas] leader" is the leader's phrase
            out.append(tok)
        elif tok.pos_ == "ADJ" and tok.ent_type_ in NAMING_ADJ_LABELS:
            out.append(tok)
    return out


def _step(tok: Token, direction: str) -> str:
    dep = tok.dep_
    if dep in PREP_DEPS:
        return f"{direction}{dep}:{tok.lower_}"
    if dep == "pobj" and tok.head.dep_ not in PREP_DEPS:
        return f"{direction}pobj:{tok.head.lower_}"
    return f"{direction}{dep}"


@dataclass(frozen=True)
class AnchorView:
    """What `features` reads of the anchor, the same for every candidate of it: the chain from the anchor up
    to the root with each link's step, and its lemma's lexicon types (argument_rows makes it once per anchor:
    each candidate walked the anchor's ancestors again)."""

    chain: tuple[int, ...]  # token indices, the anchor first
    position: dict[int, int]  # token index -> its place in the chain
    ups: tuple[str, ...]  # the step up from each link of the chain ("^dep")
    lemma: str
    lex_types: tuple[str, ...]


def anchor_view(anchor: Token) -> AnchorView:
    up_chain = [anchor, *anchor.ancestors]
    chain = tuple(t.i for t in up_chain)
    lemma = anchor.lemma_.lower()
    return AnchorView(
        chain,
        {i: k for k, i in enumerate(chain)},
        tuple(_step(t, "^") for t in up_chain),
        lemma,
        _types(lemma),
    )


def path(anchor: Token, cand: Token, view: AnchorView | None = None) -> list[str]:
    """Dependency steps from the anchor up to the lowest common ancestor (^dep) and down to the candidate
    (vdep), prepositions named; empty when they are not connected within the sentence."""
    if view is None:
        view = anchor_view(anchor)
    up_pos = view.position
    down: list[Token] = []
    tok = cand
    while tok.i not in up_pos:
        down.append(tok)
        head = tok.head
        if head.i == tok.i:
            return []
        tok = head
    ups = list(view.ups[: up_pos[tok.i]])
    downs = [_step(t, "v") for t in reversed(down)]
    return ups + downs


def _place_kind(ent: Entity) -> str:
    if not ent.is_place:
        return ent.type
    country = lexicons.country_by_code().get(ent.country or "")
    if country is not None and ent.name == country.name:
        return "country"  # a state's name stands for its government
    return "place"


def _bucket(n: int) -> str:
    return str(n) if n < 4 else "4-7" if n < 8 else "8+"


def lexicon_types(anchor: Token) -> list[str]:
    return list(_types(anchor.lemma_.lower()))


@functools.cache
def _types(lemma: str) -> tuple[str, ...]:
    """The lexicon's types of a trigger lemma, sorted ("?" for none): read once per lemma."""
    entries = trigger_entries().get(lemma, ())
    return tuple(sorted({e.type for e in entries})) or ("?",)


def features(
    anchor: Token,
    cand: Token,
    role: str,
    nominal: bool,
    passive: bool,
    entity_of: Callable[[Token], Entity | None],
    rules: RuleView,
    phrase_ids: Sequence[str],
    gov: Governor | None = None,
    view: AnchorView | None = None,
) -> list[str]:
    """Sparse feature names for one (trigger anchor, candidate) pair. `entity_of` gives the entity
    mentioned at a token; `phrase_ids` are the entities the candidate's phrase resolves to (what the stage
    would emit for it); `gov` the governing verb of a nominal trigger (None for a verbal one); `view` the
    anchor's (anchor_view), when the caller made it once for all its candidates."""
    if view is None:
        view = anchor_view(anchor)
    steps = path(anchor, cand, view)
    full = "|".join(steps) if 0 < len(steps) <= MAX_PATH else ("far" if steps else "none")
    first = steps[0] if steps else "none"
    last = steps[-1] if steps else "none"
    coarse = "|".join(s.split(":")[0] for s in steps[:3]) if steps else "none"
    voice = "pass" if passive else "nom" if nominal else "act"
    ent = entity_of(cand)
    kind = _place_kind(ent) if ent is not None else ("ents" if phrase_ids else "noent")
    dep, pos = cand.dep_, cand.pos_
    f = [
        "bias",
        f"path={full}",
        f"path+voice={full}:{voice}",
        f"path+role={full}:{role}",
        f"coarse={coarse}",
        f"coarse+voice={coarse}:{voice}",
        f"first={first}:{voice}",
        f"last={last}:{voice}",
        f"first+last={first}:{last}",
        f"len={_bucket(len(steps))}",
        f"dep={dep}",
        f"dep+voice={dep}:{voice}",
        f"pos={pos}",
        f"kind={kind}",
        f"kind+last={kind}:{last}",
        f"kind+path={kind}:{full}",
        f"side={'before' if cand.i < anchor.i else 'after'}:{voice}",
        f"dist={_bucket(abs(cand.i - anchor.i))}",
        f"role={role}",
        f"trig={view.lemma}:{coarse}",
    ]
    for t in view.lex_types:
        f.append(f"lex={t}:{coarse}")
        f.append(f"lex+last={t}:{last}")
    if ent is not None and common_noun_actor(ent):
        # a common-noun actor ("the doctors", "troops"): a party, or what is sent or moved
        f.append(f"common={last}:{voice}")
        f.append(f"common+lex={'|'.join(view.lex_types)}:{dep}")
    ent_type = cand.ent_type_
    if ent_type:
        f.append(f"spacy_ent={ent_type}")
    if pos == "PRON":
        f.append(f"pron={'resolved' if ent is not None else 'bare'}:{first}")
    if dep == "appos" or any(c.dep_ == "appos" for c in cand.children):
        f.append("appos")
    if any(s.startswith(("^relcl", "vrelcl", "^advcl", "vadvcl", "vccomp", "^ccomp")) for s in steps):
        f.append(f"clause_crossed:{last}")
    for tag in rules.tags.get(cand.i, ()):
        f.append(f"rule={tag}")
        f.append(f"rule+voice={tag}:{voice}")
    in_src = any(e in rules.source for e in phrase_ids)
    in_tgt = any(e in rules.target for e in phrase_ids)
    if in_src:
        f.append("rule_src")
        f.append(f"rule_src+kind={kind}")
    if in_tgt:
        f.append("rule_tgt")
        f.append(f"rule_tgt+kind={kind}")
    if not rules.source:
        f.append("rules_no_src")
    if not rules.target:
        f.append("rules_no_tgt")
    if gov is not None:
        f.extend(_governor_features(gov, cand, last, voice))
    return f


def _governor_features(gov: Governor, cand: Token, last: str, voice: str) -> list[str]:
    """Whether the candidate is the governing verb's doer (its subject performs the noun's act after a
    support verb, not after a verb of seeing or judging) or the noun's "of" phrase (a patient or an actor)."""
    f: list[str] = []
    if gov.coarse:
        f.append(f"gov+last={gov.coarse}:{last}")
        if cand.i in gov.doers:
            f.append(f"gov_doer={gov.coarse}")
            f.append(f"gov_doer_fine={gov.fine}")
            f.append(f"gov_doer+rel={gov.coarse}:{gov.relation}")
    if cand.i in gov.of_objects:
        f.append(f"of_noun={gov.of_kind}")
        f.append(f"of_noun+voice={gov.of_kind}:{voice}")
    return f


def null_features(
    anchor: Token,
    role: str,
    nominal: bool,
    passive: bool,
    rules: RuleView,
    n: int,
    gov: Governor | None = None,
) -> list[str]:
    """The features of "no candidate fills this role" for a trigger: the ranker scores it like a candidate."""
    voice = "pass" if passive else "nom" if nominal else "act"
    f = ["null", f"null:voice={voice}", f"null:role={role}", f"null:n={_bucket(n)}"]
    f.extend(f"null:lex={t}:{voice}" for t in lexicon_types(anchor))
    f.append(f"null:trig={anchor.lemma_.lower()}")
    f.append(f"null:rules={'src' if rules.source else 'nosrc'}:{'tgt' if rules.target else 'notgt'}")
    if gov is not None and gov.coarse:
        f.append(f"null:gov={gov.coarse}")
        f.append(f"null:gov_fine={gov.fine}")
        f.append(f"null:gov+rel={gov.coarse}:{gov.relation}")
    if gov is not None and gov.of_kind:
        f.append(f"null:of={gov.of_kind}")
    return f


def pick(model: ArgumentModel, cands: list[Token], rows: list[list[str]]) -> tuple[list[Token], list[Token]]:
    """Source and target heads: per role the candidate ranked first when it outranks "none" (the last row),
    with its conjuncts when the model gives them at least the role's threshold ("Colombia and the rebel
    group"); a candidate fills at most one role, the one it is likelier in."""
    return pick_from(model, cands, model.probabilities(rows))


def pick_from(
    model: ArgumentModel, cands: list[Token], p: npt.NDArray[np.float64]
) -> tuple[list[Token], list[Token]]:
    """pick() from the model's probabilities `p` (one column per role over the candidates and "none")."""
    if not cands:
        return [], []
    none = len(cands)
    picked: dict[str, list[Token]] = {}
    for k, role in enumerate(ROLES):
        other = 1 - k
        order = [int(j) for j in p[:, k].argsort(kind="stable")[::-1]]
        # the best row that is not likelier in the other role; "none" ends the list
        best = next(j for j in order if j == none or p[j, k] >= p[j, other])
        if best == none:
            picked[role] = []
            continue
        chosen = [cands[best]]
        for j, tok in enumerate(cands):
            likely = j != best and p[j, k] >= model.threshold[role] and p[j, k] >= p[j, other]
            if likely and tok.dep_ == "conj" and any(tok.head.i == c.i for c in chosen):
                chosen.append(tok)
        picked[role] = chosen
    return picked["source"], picked["target"]
