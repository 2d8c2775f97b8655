"""The bearing reading of an event noun: the subject of the verb that holds it undergoes, receives,
answers or withstands the act the noun names, and the act's doer is named in the noun's own phrase or
after "from" ("the mayor faces charges", "got aid from Japan", "complied with the court's order",
"repelled an attack by X"). The verbs are bearing_verbs and answering_verbs in lexicons/event_words.tsv,
written from general knowledge of English verbs. The sentence coder applies it after the argument ranker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.events import event_words, trigger_entries
from .clause_arguments import agent, is_passive, passive_subject, prep_objects, subject_token
from .rules import of_chain

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .actors import ActorFinder

_WORDS = event_words()
# prepositions after which a bearing verb's noun is the act answered or yielded to ("complied with the
# order", "bowed to pressure", "responded to the attack")
ANSWERED_PREPS = ("with", "to")


def _holding_verb(
    anchor: Token, noun: Token, nominal: bool, chain: list[Token]
) -> tuple[Token, Token] | None:
    """The verb that holds the event noun and the noun: the noun's anchor (a verb that carries it), or,
    for an event noun that is its own anchor, the verb it (or the noun whose "of" phrase holds it) is
    the object of, or answers through a preposition."""
    if not nominal and noun.i != anchor.i:
        return anchor, noun
    if not nominal:
        return None
    top = chain[-1]
    if top.dep_ in ("dobj", "obj"):
        return top.head, anchor
    prep = top.head
    if (
        top.dep_ == "pobj"
        and prep.lower_ in ANSWERED_PREPS
        and prep.head.pos_ == "VERB"
        and prep.head.i != prep.i
    ):
        return prep.head, anchor
    return None


def borne_by_subject(
    actors: ActorFinder, anchor: Token, noun: Token, nominal: bool, subj: Token | None, target: list[str]
) -> tuple[list[str], list[str]] | None:
    """Source and target of an event noun under a bearing verb: the verb's subject (a passive's agent:
    "the order was defied by the rebels") bears the act; its doer is named in the noun's own phrase
    ("charges by the prosecutor") or after "from". None when there is no bearing verb."""
    chain = of_chain(anchor) if nominal else []  # "won pledges of aid": the object that holds the noun
    held = _holding_verb(anchor, noun, nominal, chain)
    if held is None:
        return None
    verb, noun = held
    lemma = verb.lemma_.lower()
    if lemma not in _WORDS.bearing_verbs and lemma not in _WORDS.answering_verbs:
        return None
    if verb.i != anchor.i:
        subj = subject_token(verb)
    if subj is None and is_passive(verb):
        subj = agent(verb)
    bearer = actors.phrase_entities(subj) if subj is not None else []
    doers = actors.rule_noun_source_and_target(noun)[0]
    for c in (*verb.children, *(t for n in chain or [noun] for t in n.children)):
        # after the verb or in the noun's phrase ("aid from X", "pledges of aid from X")
        if c.dep_ == "prep" and c.lower_ == "from":
            for obj in prep_objects(c):
                doers.extend(actors.phrase_entities(obj))
    source = [e for e in dict.fromkeys(doers) if e not in bearer]
    if not source and lemma in _WORDS.answering_verbs:
        return None  # "did not reply to requests for an interview": no one's act is answered
    return source, bearer or [t for t in target if t not in source]


def held_for(actors: ActorFinder, noun: Token) -> list[str]:
    """Who undergoes an act done to a person that a passive verb names as its purpose ("the suspect is
    wanted for questioning", "two men were held for interrogation"): the passive's subject. Only for a
    noun the trigger lexicon does not code as violence and with no "of" phrase: "was jailed for murder"
    names a charge, "was praised for the rescue of X" an act of the subject's own."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ not in ("pobj", "pcomp") or prep.lower_ != "for" or verb.pos_ != "VERB" or verb.i == prep.i:
        return []
    words = {noun.lemma_.lower(), noun.lower_}  # a gerund's lemma is the verb's ("questioning")
    if not words & _WORDS.patient_nouns or not is_passive(verb) or agent(verb) is not None:
        return []
    if any(e.type == "ASSAULT" for w in words for e in trigger_entries().get(w, ())):
        return []
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children):
        return []
    subj = passive_subject(verb)
    return actors.phrase_entities(subj) if subj is not None else []
