"""Everyday acts that borrow an event word: travel, receipts, goals met, one body's own meetings, forecasts
read as threats, reports read as requests, acts on oneself and general statements.

docs/annotation.md codes none of these: CONSULT needs two actors or a visit (11, rule 17), a reporting verb
is never the event (2, `reporting`), a general statement is `generic` and an act on oneself is no
interaction. Local and business news is full of them ("commuters traveling on Highway 9", "the library
board's monthly meeting", "observers warned that the truce may collapse", "the design meets the test"),
and the lexicon and the classifier read the word, not its use. The word lists are
lexicons/event_everyday_acts.tsv.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons import titles
from ...lexicons.events import everyday_acts_words, everyday_words
from .clause_arguments import RELATIVE_PRONOUNS
from .lexicon import cue

if TYPE_CHECKING:
    from spacy.tokens import Token

# the entity types that make a noun an actor able to visit, receive or be met
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
# the entity types a visit goes to ("travel to Oslo", "arrived in Lima", "flew into Tigray")
_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "ORG"})
_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "me", "us", "him", "her", "them"})
_REFLEXIVE = frozenset({"myself", "yourself", "himself", "herself", "itself", "ourselves", "themselves"})
_TO_PLACE = frozenset({"to", "in", "into", "at", "for"})
# a visit is a CONSULT, and its future form is coded AGREE (rules.recode)
_VISIT_TYPES = frozenset({"CONSULT", "AGREE"})
# the types an act on oneself is mistaken for: "hurt himself", "defend itself", "blamed themselves"
_SELF_TYPES = frozenset({"ASSAULT", "THREATEN", "SUPPORT", "AGREE", "REJECT"})
_ASSERTED_TENSES = frozenset({"VBZ", "VBP"})


def everyday_act(tok: Token, type_: str) -> str | None:
    """Why the event of type `type_` on trigger token `tok` is an everyday act, or None when it is not."""
    words = everyday_acts_words()
    lemma = tok.lemma_.lower()
    if type_ in _VISIT_TYPES and lemma in words.motion_verbs and not _a_visit(tok):
        return "travel"
    if type_ in _VISIT_TYPES and lemma in words.receiving_verbs and not _receives_someone(tok):
        return "receipt"
    if type_ in _VISIT_TYPES and lemma == "meet" and _meets_a_goal(tok):
        return "goal"
    if type_ in _VISIT_TYPES and any(_one_body_meeting(n) for n in _meetings(tok)):
        return "own meeting"
    if (
        type_ in ("SUPPORT", "AGREE")
        and lemma in words.up_verbs
        and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children)
    ):
        return "phrasal"  # "signed up for the class", "backing up her car"
    if type_ == "REQUEST" and lemma == "demand" and tok.pos_ == "NOUN" and _market_demand(tok):
        return "market"
    if type_ in _VISIT_TYPES and lemma in words.talk_verbs and _one_party(tok):
        return "own meeting"
    if lemma in words.agent_nouns and tok.pos_ in ("NOUN", "PROPN"):
        return "agent"  # "the inspectors", "the protesters": the actors, not the act
    if type_ == "REQUEST" and lemma in words.call_nouns and tok.pos_ == "NOUN" and not _calls_for(tok):
        return "phone call"
    if type_ == "ASSAULT" and lemma in words.dismissal_verbs and _dismissed(tok):
        return "dismissal"
    if type_ == "THREATEN" and lemma in words.warning_words and _a_forecast(tok):
        return "forecast"
    if type_ == "REQUEST" and lemma in words.reporting_verbs and not (_tells_to_act(tok) or _a_demand(tok)):
        return "reporting"
    if type_ in _SELF_TYPES and _on_oneself(tok):
        return "self"
    if _generic(tok):
        return "generic"
    return None


def is_actor(noun: Token) -> bool:
    """A noun that can stand for an actor: a named one, a personal pronoun, a title ("the minister"), an
    actor noun ("delegation"), or a noun a nation's name qualifies ("Chinese diplomats")."""
    if noun.ent_type_ in _ACTOR_ENTS or noun.lower_ in _PERSONAL:
        return True
    lemma = noun.lemma_.lower()
    if lemma in titles() or lemma in everyday_acts_words().actor_nouns:
        return True
    return any(c.ent_type_ in _ACTOR_ENTS for c in noun.children if c.dep_ in ("amod", "compound", "poss"))


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or its governor's for an infinitive, a purpose or a conjoined verb that has none
    of its own ("is scheduled to arrive", "came to discuss", "met and then flew home"): the governor's
    object for an infinitive after one ("ordered the pilot to fly"), the noun a relative clause hangs from
    ("the envoy, who flew")."""
    for _ in range(3):
        found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "relcl" and any(c.lower_ in RELATIVE_PRONOUNS for c in found):
            return [verb.head]  # "the envoy, who flew to Lima"
        if found or verb.dep_ not in ("xcomp", "conj", "advcl") or verb.head.i == verb.i:
            return found
        if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children):
            return [c for c in verb.head.children if c.dep_ == "dobj"]  # "ordered the pilot to fly"
        verb = verb.head
    return []


def _a_visit(verb: Token) -> bool:
    """A motion verb is a visit when an actor goes to a named place ("the Kenyan minister will travel
    to Oslo", "she arrived in Lima"), not a car on a road or aid arriving at a port."""
    if not any(is_actor(s) for s in _subjects(verb)):
        return False
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ == "where":
            return True  # "Peru, where she arrived on Monday"
        if c.dep_ == "prep" and c.lower_ in _TO_PLACE and any(g.ent_type_ in _PLACE_ENTS for g in c.subtree):
            return True
        if c.dep_ == "dobj" and c.ent_type_ in _PLACE_ENTS:
            return True
    return False


def _receives_someone(verb: Token) -> bool:
    """Receiving or hosting is a CONSULT only when someone is received ("the Pope received the president")
    or talks are hosted ("hosted the peace talks"), not money, doses, votes or a festival."""
    talks = everyday_acts_words().hosted_talks
    received = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not received and verb.dep_ == "relcl" and verb.head.i != verb.i:
        received = [verb.head]  # "the 40 percent she received"
    return not received or any(is_actor(c) or c.lemma_.lower() in talks for c in received)


def _meets_a_goal(verb: Token) -> bool:
    """Meeting a test, a need or a deadline, or being met with criticism, meets no one."""
    goals = everyday_acts_words().goal_objects
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in goals:
            return True
        if c.dep_ == "prep" and c.lower_ == "with" and any(g.lemma_.lower() in goals for g in c.children):
            return True
    return False


def _meetings(tok: Token) -> list[Token]:
    """The meeting a trigger names: itself, the object of its light verb ("held a meeting"), or the members
    who meet with no one ("the board members are meeting": the body's own meeting)."""
    nouns = everyday_acts_words().meeting_nouns
    if tok.lemma_.lower() in nouns:
        return [tok]
    if tok.lemma_.lower() == "meet" and not any(
        c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in tok.children
    ):
        return [c for c in tok.children if c.dep_ == "nsubj"]
    return [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns]


def _one_body_meeting(noun: Token) -> bool:
    """A meeting of one body or a public meeting (docs/annotation.md 11, rule 17: CONSULT needs two actors):
    "the council's monthly meeting", "a community meeting", "the board meeting"; not "a meeting with the
    minister" or "talks between the two sides"."""
    words = everyday_acts_words()
    if noun.pos_ not in ("NOUN", "PROPN") or noun.lemma_.lower() in words.one_body_marks:
        return False  # "the committee will meet": a committee may seat several states
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in noun.children):
        return False
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.lemma_.lower() in words.one_body_marks:
            return True
        if c.dep_ == "poss" and c.lemma_.lower() in words.one_body_marks:
            return True
        of = c.dep_ == "prep" and c.lower_ == "of"
        if of and any(g.lemma_.lower() in words.one_body_marks for g in c.children):
            return True
    return False


def _one_party(verb: Token) -> bool:
    """Talks need two parties (docs/annotation.md 11, rule 17): one person or one body discussing with no
    one named ("the mayor discussed the plan", "the council also discussed") only speaks."""
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in verb.children):
        return False
    subjects = _subjects(verb)
    if len(subjects) != 1 or any(c.dep_ == "conj" for c in subjects[0].children):
        return False
    subject = subjects[0]
    return (
        subject.ent_type_ == "PERSON"
        or subject.lower_ in ("he", "she")
        or (subject.tag_ == "NN" and subject.lemma_.lower() in titles())
        or subject.lemma_.lower() in everyday_acts_words().one_body_marks
    )


def _market_demand(noun: Token) -> bool:
    """Demand that is a market's ("rising demand for steel", "consumer demand"), not a party's."""
    marks = everyday_acts_words().market_demand_marks
    return any(
        c.dep_ in ("amod", "compound") and (c.lemma_.lower() in marks or c.lower_ in marks)
        for c in noun.children
    )


def _calls_for(noun: Token) -> bool:
    """A call is a REQUEST when it calls for or on something ("a call for a strike", "a call to end the
    siege"), not a phone call or a referee's call."""
    return any(
        (c.dep_ == "prep" and c.lower_ in ("for", "on", "to")) or c.dep_ in ("acl", "relcl")
        for c in noun.children
    )


def _dismissed(verb: Token) -> bool:
    """Firing a person is dismissing them ("the clerk was fired", "the firm fired its manager"), not
    shooting: the passive subject or the object is neither a weapon nor a shot, a number or a
    pronoun, and nothing is fired at anyone."""
    if any(c.dep_ == "prep" and c.lower_ in ("at", "on", "into", "from") for c in verb.children):
        return False
    fired = everyday_words().weapon_words | everyday_acts_words().projectiles
    people = [c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")]
    return bool(people) and all(
        p.pos_ in ("NOUN", "PROPN") and p.lemma_.lower() not in fired and p.ent_type_ not in ("CARDINAL",)
        for p in people
    )


def _a_forecast(tok: Token) -> bool:
    """A warning that forecasts rather than threatens: an observer warns ("observers warned"), or what is
    warned of is a hazard, not the warner's act ("warned that the drought could worsen", "warned of a high
    risk of flooding", "warned that things could get worse")."""
    words = everyday_acts_words()
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in words.observers for c in tok.children):
        return True
    if tok.dep_ == "parataxis" or (tok.dep_ in ("ccomp", "conj") and tok.head.i != tok.i):
        # '"...", analysts warned' parses the quote as the head's: look at the head's subject too
        head = tok.head
        if any(c.dep_ == "nsubj" and c.lemma_.lower() in words.observers for c in head.children):
            return True
    for c in tok.children:
        if c.dep_ == "ccomp" and any(
            g.dep_ == "nsubj" and g.lemma_.lower() in words.hazards for g in c.children
        ):
            return True
        about = c.dep_ == "prep" and c.lower_ in ("of", "against", "about")
        if about and any(g.lemma_.lower() in words.hazards for g in c.children):
            return True
    return False


def _tells_to_act(verb: Token) -> bool:
    """A reporting verb requests only when it tells someone to act ("told them to leave") or insists on
    something ("insisted on a recount")."""
    for c in verb.children:
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX"):
            return True
        if c.dep_ == "prep" and c.lower_ == "on":
            return True
    return False


def _a_demand(verb: Token) -> bool:
    """The report carries a demand on an actor ("X said Iran must stop", sentence_coder's obligation):
    an actor is the active subject of a must/should clause the verb reports, and the "must" is not a guess
    ("he must have written it"). A duty of a thing ("any new law should protect ...", "the plan should be
    adopted") is an opinion, not a demand on anyone."""
    for aux in verb.subtree:
        if aux.dep_ != "aux" or not cue(aux, "oblige"):
            continue
        content = aux.head
        if any(c.lower_ == "have" and c.i > aux.i for c in content.children if c.dep_ == "aux"):
            continue  # "must have written": a guess
        # a pronoun stands for an actor here ("told Iran that it must ...")
        if any(c.dep_ == "nsubj" and (is_actor(c) or c.pos_ == "PRON") for c in content.children):
            return True
    return False


def _on_oneself(tok: Token) -> bool:
    """An act whose object is its doer ("the singer hurt himself", "the right to defend itself")."""
    return any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVE for c in tok.children)


def _generic(tok: Token) -> bool:
    """A general statement (docs/annotation.md 2, `generic`): a habit told in the present ("parliaments
    usually approve the budget"), or a right or a power to act ("the right to dismiss mayors")."""
    words = everyday_acts_words()
    verb = tok
    if tok.tag_ in _ASSERTED_TENSES and any(
        c.dep_ == "advmod" and c.lemma_.lower() in words.habit_adverbs for c in tok.children
    ):
        return True
    # an infinitive hanging from "right" or "power" ("the power to hire and fire judges")
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "acl" and verb.head.lemma_.lower() in words.capacity_nouns
