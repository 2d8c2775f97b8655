"""Where a clause's arguments sit in the dependency parse: the active subject (inherited across control,
adverbial and relative clauses, a planner's "plans to ..."), the passive subject and agent, the direct,
indirect and prepositional objects, the phrases of a speech act's complement. Tokens only: actors.py turns
them into entity ids.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons.events import OUTSIDE_CLASSES, event_words, governor_words, trigger_entries
from .roles import PASSIVE_EXCLUDES, reduced_passive

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORDS = event_words()  # the word lists this module uses, from lexicons/event_words.tsv

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
OBJECT_DEPS = ("dobj", "dative", "obj")
# prepositions whose object is the recipient of an action ("sanctions on X", "talks with X")
TARGET_PREPS = _WORDS.target_preps
RELATIVE_PRONOUNS = _WORDS.relative_pronouns
# nouns whose infinitive complement is done by whoever has the plan ("plans to open", "a decision to ...")
INTENT_NOUNS = _WORDS.intent_nouns
# clause links across which a verb shares the subject of the verb it hangs from
SUBJECT_INHERIT = ("xcomp", "advcl", "conj", "pcomp", "acl", "acomp")
FINITE_TAGS = ("VBD", "VBZ", "VBP")
# prepositions of a complement verb naming whom its act is done to ("refused to grant passage *to X*")
COMPLEMENT_PREPS = ("to", "against", "on", "with", "at")
# prepositions whose gerund is done by the verb's object ("accused X of massing troops"): controller()
CONTROL_PREPS = _WORDS.control_preps
# prepositions of a time phrase ("during a visit", "at the close of a visit"; "at" only before a time noun)
TIME_PREPS = ("during", "on", "after", "before", "at")
# prepositions of a passive whose object may carry the agent ("taken into custody by X"), also the
# charge's ("acquitted of bribery by the court", "charged with murder by prosecutors", "held on charges by
# X"), and the recipient's ("an invitation was extended to the envoy by X")
NESTED_AGENT_PREPS = ("into", "under", "in", "of", "with", "on", "to")
# clause links under which a past participle with a subject of its own and no auxiliary is passive
BARE_PARTICIPLE_DEPS = ("ccomp", "advcl", "acl", "conj", "xcomp", "parataxis")


def prep_objects(prep: Token) -> list[Token]:
    """Objects of a preposition, also through a participle the parser hung there ("to neighboring X")."""
    out: list[Token] = []
    for g in prep.children:
        if g.dep_ == "pobj":
            out.append(g)
        elif g.dep_ == "pcomp":
            out.extend(x for x in g.children if x.dep_ in ("dobj", "pobj"))
    return out


def is_passive(verb: Token) -> bool:
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ == "conj" and c.tag_ in FINITE_TAGS for c in verb.children)
    ):
        # "four sailors accused of smuggling", "the camp attacked by ...": the noun undergoes it; not when a
        # finite verb is coordinated with it ("doctors donated and delivered ...": a misread active verb)
        return True
    if participle_clause(verb):
        return True
    # a by-agent makes a participle passive also without its own auxiliary ("was stabbed and killed by X")
    return reduced_passive(verb) or any(
        c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ in ("auxpass", "agent") for c in verb.children
    )


def subject_token(verb: Token, depth: int = 0) -> Token | None:
    """The (active) subject of `verb`, inherited along xcomp/advcl/conj, a relative pronoun's noun."""
    if reduced_passive(verb):
        return None
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return c
    if is_passive(verb):
        return None
    if verb.dep_ == "xcomp" and is_passive(verb.head):
        # raising: "he is scheduled to travel", "X is expected to meet"
        raised = next((c for c in verb.head.children if c.dep_ in PASSIVE_SUBJECT_DEPS), None)
        if raised is not None:
            return raised
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in INTENT_NOUNS:
        # "Indonesia announced plans to open ...", "Iraq's decision to expel ...": the planner acts
        noun = verb.head
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            return poss
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        planner = next((g for g in by.children if g.dep_ == "pobj"), None) if by is not None else None
        if planner is not None:
            return planner  # "any attempt by the military leaders to bring ..."
        return subject_token(noun.head, depth + 1) if noun.head.i != noun.i and depth < 4 else None
    clause = purpose_clause(verb)
    if clause is not None:
        # "closed the road in order to stop X": who closes it stops X, not the noun "order"
        return subject_token(clause, depth + 1) if depth < 4 else None
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN")):
        return verb.head
    if verb.dep_ == "conj" and active_form(verb) and is_passive(verb.head):
        # "had been surrounded and had withdrawn": who underwent the first act does the second (a bare
        # participle, "was beaten and robbed", shares the passive and is no active verb)
        return passive_subject(verb.head)
    if depth < 4 and verb.dep_ in SUBJECT_INHERIT and verb.head.i != verb.i:
        if verb.head.pos_ in ("NOUN", "PROPN") and verb.dep_ == "acl":
            return None
        return subject_token(verb.head, depth + 1)
    return None


def active_form(verb: Token) -> bool:
    """A finite verb, or one with an auxiliary of its own and none of the passive ("had withdrawn")."""
    if verb.tag_ in FINITE_TAGS:
        return True
    return any(c.dep_ == "aux" for c in verb.children) and not any(c.dep_ == "auxpass" for c in verb.children)


def purpose_clause(verb: Token) -> Token | None:
    """The verb an infinitive is the purpose of when the parser hangs it on the noun of a purpose phrase
    ("in order to"): that phrase's head verb; None for other infinitives."""
    noun = verb.head
    prep = noun.head
    if verb.dep_ != "acl" or noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.i == prep.i:
        return None
    if f"{prep.lower_} {noun.lower_}" not in _WORDS.purpose_phrases:
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


def bare_participle(verb: Token) -> Token | None:
    """The subject of a past participle that has one of its own but neither "have" nor "be" beside it, in
    a clause under another verb ("wants the prisoners freed", "the convoy, halted at the border, turned
    back" where the parser gives the participle the subject): English has no active past participle
    without "have", so the subject undergoes the act. None otherwise (the headline passive at the root is
    `reduced_passive`'s)."""
    if verb.tag_ != "VBN" or verb.dep_ not in BARE_PARTICIPLE_DEPS:
        return None
    if any(c.dep_ in PASSIVE_EXCLUDES for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def participle_clause(verb: Token) -> bool:
    """A past participle heading an adverbial clause of its own, with no subject or auxiliary: "X appeared
    in court *charged* with piracy", "*Arrested* last week, X ...": the main clause's subject undergoes it."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "dobj") for c in verb.children)
    )


def controller(verb: Token) -> Token | None:
    """Who does what a gerund after a verb's object names: the object ("accused Ruritania of arming rebels",
    "charged the men with kidnapping a reporter", also through "trying to ..."), or the passive's subject
    ("the farmer is accused of attacking an officer"); the subject inherited along `pcomp` would be the
    accuser. Also the object of a verb whose infinitive it does ("ordered the police to free the men").
    None unless the gerund hangs from a control preposition of a verb, or the infinitive from such a verb."""
    tok = verb
    for _ in range(3):  # "accused X of trying to shoot Y": up the infinitives to the gerund
        if tok.dep_ != "xcomp" or any(c.dep_ in SUBJECT_DEPS for c in tok.children):  # (a root is no xcomp)
            break
        obj = _object_controller(tok.head)
        if obj is not None:
            return obj  # "ordered the police to free the men", "urged the union to keep striking"
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or prep.dep_ != "prep" or prep.lower_ not in CONTROL_PREPS:
        return None
    gov = prep.head
    if gov.pos_ not in ("VERB", "AUX"):
        # "accuses the NLP of cooperating": the parser hangs the verb's control phrase on a name that is
        # its object; a common noun's gerund is the noun's own ("the charge of killing X", "its goal of
        # accepting refugees", "no reason for detaining him")
        misplaced = gov.dep_ in ("dobj", "obj") and gov.pos_ in ("PROPN", "PRON") and gov.head.pos_ == "VERB"
        return gov if misplaced and not is_passive(gov.head) else None
    if is_passive(gov):
        return passive_subject(gov)
    return next((c for c in gov.children if c.dep_ in ("dobj", "obj")), None)


def asked_for(noun: Token) -> tuple[Token, Token] | None:
    """The addressee and the verb of asking whose "for" phrase names the act an event noun names ("lobbied
    the council for aid", "pressed Japan for support"): the addressee is asked to do it, as the object of
    such a verb does its infinitive (`_object_controller`). None otherwise."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "for" or prep.head.i == prep.i:
        return None
    addressee = _object_controller(prep.head)
    return (addressee, prep.head) if addressee is not None else None


def time_phrase_verb(noun: Token) -> Token | None:
    """The active verb an event noun gives the time of ("spoke during a visit to X", "said at the close of a
    visit to X"), through "of" phrases of time nouns; None for another phrase ("at a visit" names where)."""
    tok = noun
    while tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        prep, head = tok.head, tok.head.head
        if head.pos_ == "NOUN" and prep.lower_ == "of":
            tok = head  # "at the close of a visit": up to the phrase the time noun heads
            continue
        direct = tok.i == noun.i
        if head.pos_ != "VERB" or prep.lower_ not in TIME_PREPS or (direct and prep.lower_ == "at"):
            return None
        return None if is_passive(head) else head
    return None


def _object_controller(verb: Token) -> Token | None:
    """The direct object of an active verb of making, asking or letting someone act, whose infinitive
    complement that object does ("forced the mayor to resign"); None after other verbs, whose infinitive
    may be the subject's own act ("promised Kenya to send aid") or its purpose."""
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _WORDS.object_control_verbs:
        return None
    if is_passive(verb):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


def passive_subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in PASSIVE_SUBJECT_DEPS or (c.dep_ == "nsubj" and reduced_passive(verb)):
            if c.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return c
    if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
        return verb.head  # "the camp attacked by ..."; "the envoy, who has been expelled"
    if participle_clause(verb):  # an advcl, so never the root: its head is the main clause's verb
        return next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def agent(verb: Token) -> Token | None:
    """The passive's `by` agent, also under a phrase of the verb the parser hung it on ("was taken into
    custody *by X*", "placed under arrest by X")."""
    for c in verb.children:
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in verb.children):
        return None  # a "by" the parser read as means: not an agent
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in NESTED_AGENT_PREPS:
            for g in prep_objects(c):
                by = next((b for b in g.children if b.dep_ in ("agent", "prep") and b.lower_ == "by"), None)
                if by is not None:
                    return next((x for x in by.children if x.dep_ == "pobj"), None)
    for c in verb.children:
        if c.dep_ == "conj" and c.tag_ == "VBN" and not any(g.dep_ == "nsubjpass" for g in c.children):
            return agent(c)  # "was shot and killed by an officer": one agent for both participles
    return None


def objects(tok: Token, preps: tuple[str, ...] = TARGET_PREPS) -> list[Token]:
    """Direct, indirect and prepositional objects of a verb or noun (and of its direct object)."""
    out: list[Token] = []
    heads = [tok] + [c for c in tok.children if c.dep_ in OBJECT_DEPS]
    for h in heads:
        for c in h.children:
            if h is tok and c.dep_ in OBJECT_DEPS:
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ in preps:
                out.extend(prep_objects(c))
    return out


def own_subject(verb: Token) -> tuple[Token, set[int]] | None:
    """A verb's subject of its own, not one inherited from another clause: its head (for a relative
    pronoun the noun it stands for: "the guard who opened fire") and the tokens of its phrase (the noun's
    before the relative clause)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head, {t.i for t in verb.head.subtree if t.i < verb.i}
    return subj, {t.i for t in subj.subtree}


def own_verb(anchor: Token, nominal: bool) -> bool:
    """True when the anchor is an event verb of the lexicon itself, not the support verb of an event noun."""
    return not nominal and any(
        len(e.words) == 1 and e.pos in ("V", "*") for e in trigger_entries().get(anchor.lemma_.lower(), ())
    )


def governor_class(verb: Token) -> str | None:
    """The verb's class in lexicons/event_governors.tsv, by its lemma or, where the lemmatiser strays
    ("staged" -> "stag"), by its form less an -s, -d or -ed ending."""
    classes = governor_words().governor_class
    form = verb.lower_
    for key in (verb.lemma_.lower(), form, form[:-1], form[:-2]):
        if key in classes:
            return classes[key]
    return None


def event_anchor(noun: Token, anchor: Token) -> Token:
    """The anchor of a nominal trigger (rules.anchor_of), unless that verb is an event verb of its own:
    in "condemned the killing" the subject is the one who condemns, not the killer, and the killing
    keeps the arguments of its own phrase (possessor, `by` phrase); so does a noun under a verb whose
    subject only sees, inquires into, judges, reports, bears or follows the act (lexicons/
    event_governors.tsv), and a passive's subject with its actor as possessor (not a patient noun's:
    "Wang's arrest was ordered by the court")."""
    if anchor.i == noun.i or noun.pos_ not in ("NOUN", "PROPN"):
        return anchor
    if own_verb(anchor, False):
        return noun
    if governor_class(anchor) in OUTSIDE_CLASSES:
        return noun  # "inspectors examined the blast": who examines does not set it off
    if (
        noun.dep_ == "nsubjpass"
        and noun.lemma_.lower() not in _WORDS.patient_nouns
        and any(c.dep_ == "poss" for c in noun.children)
    ):
        return noun  # "the protesters' threat was taken seriously by police": the possessor threatens
    return anchor


def complement_heads(verb: Token) -> list[tuple[Token, bool]]:
    """Phrases of a speech act's complement that may name whom it is about, in order, with True for a
    reported clause's subject ("warned that *X* would ..."): the complement verb's own objects and
    to/against/on/with/at phrases ("refused to meet X", "vowed to crush X", "refused to grant passage to
    X"), and those of its direct object; not phrases deeper down ("vowed to avenge the killing of its
    commander", "refused to apologise for the police crackdown")."""
    out: list[tuple[Token, bool]] = []
    for c in verb.children:
        if c.dep_ not in ("ccomp", "xcomp"):
            continue
        subj = subject_token(c)
        if c.dep_ == "ccomp" and subj is not None and subj.i != verb.i:
            out.append((subj, True))
        for h in [c, *(t for t in c.children if t.dep_ in ("dobj", "obj"))]:
            for t in h.children:
                if h is c and t.dep_ in OBJECT_DEPS:
                    out.append((t, False))
                elif t.dep_ == "prep" and t.lower_ in COMPLEMENT_PREPS:
                    out.extend((g, False) for g in prep_objects(t))
    return out
