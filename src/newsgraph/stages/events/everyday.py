"""Everyday uses of event words: the events stage drops an event whose trigger is used in a game, a
mishap, a market report, a hospital report, a call-in notice or a figure of speech.

docs/annotation.md 2 codes these uses as non-events (`non-political`: "Canada beat Panama", "she
drowned"; `figurative`: "an attack on common sense"). Everyday news (sport, markets, local crime and
accidents) is full of them, and the lexicon and the classifier read the word, not its use. Each rule reads
the parse around the trigger and the word lists of lexicons/event_everyday.tsv; `everyday_use` names the
rule that fires, so a test can say why an event was dropped.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicons.entities import sports_words
from ...lexicons.events import everyday_acts_words, everyday_words
from .everyday_acts import everyday_act

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# a phone number: "(555) 123-4567", "555-123-4567", "555-1234", "0845 123 4567", "01632-960123"
_PHONE = re.compile(
    r"\(\d{3}\) ?\d{3}[-. ]\d{4}|\b\d{3}[-.]\d{3}[-.]\d{4}\b|\b\d{3}-\d{4}\b|\b0\d{3,4} \d{3} ?\d{3,4}\b"
    r"|\b0\d{3,4}-\d{5,6}\b"
)
# a game's score: "3-1", "2-0" (not a date's "1996-08-30")
_SCORE = re.compile(r"(?<![\d/:.-])\d{1,3}-\d{1,3}(?![\d/-])")
# the headline's sport must be followed by one of these to make the story a sports story ("SOCCER - ...",
# "Boys basketball: ..."): a sport word inside a name ("Arab League") does not
_SPORT_MARKS = ("-", ":", "–", "—")
# how far into the headline its sport may stand ("Boys basketball:", "Prep ice hockey -")
_SPORT_REACH = 3
# the harm a mishap is mistaken for ("killed in a crash"; "sent aid after the earthquake" is still aid)
_HARM = frozenset({"ASSAULT"})
# the types a patient's moves to and from hospital are mistaken for
_PATIENT = frozenset({"AID", "RETREAT", "CONSULT", "AGREE"})
# a visit to the wounded in hospital is still a visit
_VISITS = frozenset({"visit", "tour", "meet"})
# the clauses a harm verb shares its subject with ("a bus left the road, hurting three")
_SHARED_SUBJECT = ("advcl", "conj", "xcomp")
# the verbs that ask a question as often as they request
_ASKING = frozenset({"ask", "question"})
# the words that open an indirect question ("asked why he ran", "asked whether he could play")
_QUESTION_WORDS = frozenset({"if", "whether", "why", "how", "what", "when", "where", "who", "which"})
# the named modifiers that make a doer a state's ("Israeli fire", "US shelling")
_NATIONS = frozenset({"NORP", "GPE"})
_MISHAP_PREPS = frozenset({"in", "after", "during", "from", "following"})
_CARE_PREPS = frozenset({"to", "from", "at", "in", "into"})
# what a force word is aimed at: "an attack on common sense", "a fight against crime"
_NOUN_FIGURATIVE_PREPS = frozenset({"on", "against", "with", "over"})
_VERB_FIGURATIVE_PREPS = frozenset({"against"})


def is_sports_story(doc: Doc) -> bool:
    """The article's headline opens with a sport followed by a dash or a colon ("SOCCER - ...")."""
    first = next(iter(doc.sents), None)
    if first is None:
        return False
    sports = sports_words()[0]
    words = [t for t in first[: _SPORT_REACH + 2]]
    for i in range(min(_SPORT_REACH, len(words))):
        for n in (1, 2):
            end = i + n
            if end < len(words) and words[end].text in _SPORT_MARKS:
                name = " ".join(t.lower_ for t in words[i:end])
                # words before the sport only qualify it ("Boys basketball:"), a name owns it ("Arab League")
                if name in sports and not any(t.ent_type_ for t in words[:i]):
                    return True
    return False


def everyday_use(tok: Token, type_: str, sports_story: bool) -> str | None:
    """Why the event of type `type_` on trigger token `tok` is an everyday use, or None when it is not."""
    words = everyday_words()
    lemma = tok.lemma_.lower()
    if sports_story and type_ not in words.sports_story_kept:
        return "sport"
    if lemma in words.contest_verbs and _contest(tok):
        return "contest"
    if _mishap(tok, type_ in _HARM):
        return "mishap"
    if type_ in _PATIENT and lemma not in _VISITS and _to_care(tok):
        return "care"
    if type_ == "REQUEST" and _PHONE.search(tok.sent.text):
        return "call-in"
    if type_ == "REQUEST" and lemma in _ASKING and _a_question(tok):
        return "question"
    if _market(tok, type_):
        return "market"
    if _figurative(tok):
        return "figurative"
    return everyday_act(tok, type_)


def _lemmas(tok: Token) -> set[str]:
    """The lemmas naming a noun phrase: its head's, and a name's compounds ("Hurricane Otis"; not the
    "truck" of "truck drivers")."""
    out = {tok.lemma_.lower(), tok.lower_}
    if tok.pos_ == "PROPN":
        out |= {c.lemma_.lower() for c in tok.children if c.dep_ == "compound"}
    return out


def _contest(tok: Token) -> bool:
    """A game's or a vote's result: the sentence gives a score or names a game, a race or a vote."""
    sent = tok.sent
    nouns = everyday_words().contest_nouns
    return bool(_SCORE.search(sent.text)) or any(t.lemma_.lower() in nouns for t in sent)


def _pobjs(prep: Token) -> list[Token]:
    """The objects of a preposition hanging from a word ("killed *in* a crash"), none for another link."""
    return [g for g in prep.children if g.dep_ == "pobj"] if prep.dep_ == "prep" else []


def _clause_chain(tok: Token) -> list[Token]:
    """`tok` and the clauses above it that lend it their subject ("a bus left the road, hurting
    three"), up to the first with a subject of its own; an infinitive whose governor has an object takes
    that object as subject ("forcing the navy to evacuate"), not the governor's."""
    chain = [tok]
    while len(chain) < 4:
        verb = chain[-1]
        if _doers(verb) or any(c.dep_ == "nsubjpass" for c in verb.children):
            break
        if verb.dep_ not in _SHARED_SUBJECT or verb.head.i == verb.i:
            break
        if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children):
            break
        chain.append(verb.head)
    return chain


def _doers(verb: Token) -> list[Token]:
    """The verb's subject and passive agent."""
    out = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    for c in verb.children:
        if c.dep_ == "agent":
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _mishap(tok: Token, harm: bool) -> bool:
    """Harm that no actor did: a vehicle, a storm or a fire did it, it happened in a crash (`harm`: only
    for harm), or a vehicle struck a tree."""
    words = everyday_words()
    # a weapon named in the sentence makes it no mishap ("a police car struck a mine", "a gunman's car hit
    # two people"); asked last, as the sentence's every word is read for it
    return _mishap_reading(tok, harm) and not any(t.lemma_.lower() in words.weapon_words for t in tok.sent)


def _mishap_reading(tok: Token, harm: bool) -> bool:
    """_mishap's clause tests: a vehicle, storm or fire as the doer, a crash, a tree struck."""
    words = everyday_words()
    for verb in _clause_chain(tok):
        if any(_lemmas(d) & words.mishap_agents and not _owned(d) for d in _doers(verb)):
            return True
        for c in verb.children:
            if harm and c.lower_ in _MISHAP_PREPS and any(_lemmas(g) & words.mishap_nouns for g in _pobjs(c)):
                return True
            if c.dep_ == "dobj" and c.lemma_.lower() in words.mishap_objects:
                return True
    return False


def _a_question(verb: Token) -> bool:
    """The asking is a question, which only reports (docs/annotation.md 2, `reporting`): an indirect
    question ("asked why he ran"), a reporter's request to speak ("asked to comment", "asked not to be
    named"), or a direct question the verb closes ("'Can you help?' she asked.")."""
    words = everyday_words()
    for c in verb.children:
        if c.dep_ in ("ccomp", "advcl", "dobj") and any(
            g.lower_ in _QUESTION_WORDS and g.i < c.i for g in c.children
        ):
            return True
        if c.dep_ == "xcomp" and c.lemma_.lower() in words.question_verbs:
            return True
        if c.dep_ == "ccomp" and any(t.text == "?" for t in c.subtree):
            return True  # "'Can you help us?' she asked."
    objects = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp", "dative", "prep")]
    return not objects and "?" in verb.sent.text


def _owned(noun: Token) -> bool:
    """A doer someone owns: "Israeli fire", "the army's fire", "police fire" are someone's acts."""
    armed = everyday_words().armed_words
    return any(
        c.dep_ == "poss"
        or (c.dep_ in ("compound", "amod") and (c.ent_type_ in _NATIONS or c.lemma_.lower() in armed))
        for c in noun.children
    )


def _to_care(tok: Token) -> bool:
    """A patient taken to, admitted to or released from hospital."""
    care = everyday_words().care_words
    return any(
        c.dep_ == "prep" and c.lower_ in _CARE_PREPS and any(t.lemma_.lower() in care for t in c.subtree)
        for c in tok.children
    )


def _market(tok: Token, type_: str) -> bool:
    """A price or a market is the subject ("shares fell", "the dollar retreated"), or a warning is a
    business forecast ("warned investors", "warned that profits would fall", "a profit warning")."""
    words = everyday_words()
    if tok.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "nsubj" and c.lemma_.lower() in words.market_nouns for c in tok.children
    ):
        return True
    if type_ != "THREATEN" or tok.lemma_.lower() not in everyday_acts_words().warning_words:
        return False
    if any(c.dep_ in ("dobj", "dative") and c.lemma_.lower() in words.market_audience for c in tok.children):
        return True
    if any(c.dep_ == "compound" and c.lemma_.lower() in words.market_nouns for c in tok.children):
        return True
    # "warned that profits would fall"; "shares fell after the bank warned"
    near = [*tok.subtree, *(tok.head.children if tok.dep_ in ("advcl", "conj") else ())]
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.lemma_.lower() in words.market_nouns for t in near)


def _figurative(tok: Token) -> bool:
    """A force word used as a figure: its object is no one ("hit theaters", "fight crime", "struck a deal",
    "an attack on common sense") or its modifier makes it a contest of another kind ("a price war", "a
    custody battle", "education cuts")."""
    words = everyday_words()
    if tok.lemma_.lower() not in words.force_words:
        return False
    nominal = tok.pos_ in ("NOUN", "PROPN")
    preps = _NOUN_FIGURATIVE_PREPS if nominal else _VERB_FIGURATIVE_PREPS
    for c in tok.children:
        if c.dep_ == "dobj" and (c.lemma_.lower() in words.figurative_objects or _figurative_modifier(c)):
            return True  # "fight the charges", "fighting a legal battle"
        if c.lower_ in preps and any(g.lemma_.lower() in words.figurative_objects for g in _pobjs(c)):
            return True
    return nominal and _figurative_modifier(tok)


def _figurative_modifier(noun: Token) -> bool:
    modifiers = everyday_words().figurative_modifiers
    return any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in modifiers for c in noun.children)
