"""Two more links from the parse for a story of two countries (see country_links.py): a person's own ties
to a country that the story's home cannot have, read from a place up to the person, through pronouns too
(a story names its people of the other country by "he" and "his father" as often as by name; a pronoun
beside another person the verb has as its object is left out, being as often that person's):

- `kin`: a place where the person's family is, the place of a kinship noun the person possesses ("his
  parents in PLACE", "NAME's aunt from PLACE");
- `returns`: a place the person goes back to, the "to" of a verb of return the person is the subject of,
  or the object of a verb that controls it ("NAME was deported to PLACE", "wants to go back to PLACE",
  "allowed NAME to return to PLACE", "her return to PLACE").

- `lives`: a place where the person lives, the "in" of a verb of living they are the subject of, a
  relative clause's too ("NAME, who lives in PLACE"; country_links.py counts it as `located`).

Like the other links, a tie only makes its country a candidate the ranker may give, for a person the rules
gave none, and a feature. A third, `visits`, is no candidate: a journey to a country as a whole ("NAME
flew to PLACE", "her visit to PLACE") is made from abroad, so that country, when it is the story's home,
is not given to the person (country_evidence.py); a journey to a town of it is made as often at home.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import home_words
from ...model import Entity
from .placed import TERRITORY_OF

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
# A verb whose subject is left out because another verb's argument stands for it ("wants to return",
# "allowed NAME to return", "free to return").
_CONTROLLED = frozenset({"xcomp", "acomp", "advcl"})
_KIN_PREPOSITIONS = frozenset({"in", "from"})
_OBJECTS = frozenset({"dobj", "iobj", "dative"})
_LIVE_PREPOSITIONS = frozenset({"in", "near", "outside"})


@dataclass
class Ties:
    """The countries the parse ties one person to (see the module's docstring)."""

    kin: set[str] = field(default_factory=set)
    returns: set[str] = field(default_factory=set)
    visits: set[str] = field(default_factory=set)
    lives: set[str] = field(default_factory=set)


def _person_tokens(doc: Doc, entities: tuple[Entity, ...], sentences: set[int]) -> dict[int, str]:
    """Token index -> id of the person a name, description or pronoun of the `sentences` stands for."""
    out: dict[int, str] = {}
    for e in entities:
        if e.type != "PERSON":
            continue
        for m in e.mentions:
            if m.sentence in sentences:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                for t in span if span is not None else ():
                    out.setdefault(t.i, e.id)
    return out


def _with_conjuncts(tok: Token) -> list[Token]:
    """A token and the tokens joined to it by "and" ("NAME and his son")."""
    return [tok, *(c for c in tok.children if c.dep_ == "conj")]


def _owners(tok: Token, people: dict[int, str]) -> set[str]:
    """The people the noun phrase headed by `tok` names (its conjuncts too)."""
    return {people[t.i] for t in _with_conjuncts(tok) if t.i in people}


def _possessors(noun: Token, people: dict[int, str]) -> set[str]:
    """The people who possess the noun ("his", "NAME's"); not a pronoun's person when the verb the noun's
    phrase hangs on has another person as its object: "bring the boy to his parents in PLACE" tells where
    the boy's kin lives as often as the subject's, whoever the anaphora gave "his" to."""
    return {
        people[c.i]
        for c in noun.children
        if c.dep_ == "poss"
        and c.i in people
        and not (c.pos_ == "PRON" and _other_object(noun, people[c.i], people))
    }


def _other_object(noun: Token, owner: str, people: dict[int, str]) -> bool:
    """Whether the verb governing `noun` (through its prepositions) has an object that is a person other
    than `owner`."""
    tok = noun
    while tok.dep_ in ("pobj", "prep") and tok.head.i != tok.i:
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    objects = [c for obj in tok.children if obj.dep_ in _OBJECTS for c in _with_conjuncts(obj)]
    return any(c.i in people and people[c.i] != owner for c in objects)


def _returners(verb: Token, people: dict[int, str]) -> set[str]:
    """Who goes back: the subject of the verb of return, else, for a verb another governs, that verb's
    object ("allowed NAME to return") or subject ("NAME wants to return"), two verbs up at most."""
    tok = verb
    for _ in range(3):
        subjects = [c for c in tok.children if c.dep_ in _SUBJECTS]
        if subjects:
            return set().union(*(_owners(s, people) for s in subjects))
        if tok is not verb:
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            if objects:
                return set().union(*(_owners(o, people) for o in objects))
        if tok.dep_ not in _CONTROLLED or tok.head.i == tok.i:
            break
        tok = tok.head
    return set()


def _is_return(head: Token) -> bool:
    words = home_words()
    if head.lemma_.lower() in words.return_verbs:
        return True
    return head.pos_ == "VERB" and any(
        c.dep_ in ("advmod", "prt") and c.lower_ in words.back_words for c in head.children
    )


def _visitors(place: Token, people: dict[int, str]) -> set[str]:
    """Who travels to or visits the country the mention rooted at `place` names as a whole ("NAME flew
    to PLACE", "NAME visited PLACE", "her trip to PLACE")."""
    journeys = home_words().journeys
    head = place.head
    if place.dep_ == "dobj" and head.lemma_.lower() in journeys:
        return _returners(head, people)
    if place.dep_ != "pobj" or head.lower_ not in ("to", "in") or head.head.lemma_.lower() not in journeys:
        return set()
    head = head.head
    return _possessors(head, people) if head.pos_ == "NOUN" else _returners(head, people)


def _ties_of(place: Token, people: dict[int, str]) -> tuple[str, set[str]]:
    """("kin" or "returns", the people) the place mention rooted at `place` ties, or ("", set())."""
    prep = place.head if place.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep":
        return "", set()
    head = prep.head
    words = home_words()
    if head.lower_ in words.back_words and head.dep_ in ("advmod", "prt"):
        head = head.head  # "go back to PLACE": the parser hangs the place on "back"
    if prep.lower_ in _KIN_PREPOSITIONS and head.lemma_.lower() in words.kin_nouns:
        return "kin", _possessors(head, people)
    if prep.lower_ == "to" and _is_return(head):
        if head.pos_ == "NOUN":  # "her return to PLACE"
            return "returns", _possessors(head, people)
        objects = [c for c in head.children if c.dep_ == "dobj"]
        if objects:  # "NAME returned the boy to PLACE": the boy goes back
            return "returns", set().union(*(_owners(o, people) for o in objects))
        return "returns", _returners(head, people)
    return "", set()


def _residents(place: Token, people: dict[int, str]) -> set[str]:
    """Who lives where the place mention rooted at `place` is: the subject of a verb of living whose "in"
    it is, or, for a relative clause ("NAME, who lives in PLACE"), the noun the clause describes; the place
    may hang on the one they live with ("NAME lives with his aunt in PLACE")."""
    prep = place.head if place.dep_ == "pobj" else None
    if prep is None or prep.dep_ != "prep" or prep.lower_ not in _LIVE_PREPOSITIONS:
        return set()
    head = prep.head
    if head.dep_ == "appos":
        head = head.head  # "with his father NAME in PLACE"
    if head.dep_ == "pobj" and head.head.lower_ == "with":
        head = head.head.head
    if head.lemma_.lower() not in home_words().residence_verbs:
        return set()
    subjects = [c for c in head.children if c.dep_ in _SUBJECTS]
    found = set().union(*(_owners(c, people) for c in subjects))
    if not found and head.dep_ == "relcl":
        noun = head.head
        found = _owners(noun, people) | {
            people[c.i] for c in noun.children if c.dep_ == "appos" and c.i in people
        }
        if noun.dep_ == "appos" and noun.head.i in people:
            found.add(people[noun.head.i])
    return found


def country_ties(doc: Doc, entities: tuple[Entity, ...]) -> dict[str, Ties]:
    """Person id -> the countries the parse ties them to (see the module's docstring); only sentences
    that name a place with a country are read."""
    whole = _country_ids()
    starts = [
        (m, TERRITORY_OF.get(e.country, e.country), e.geonameid in whole)
        for e in entities
        if e.type in ("GPE", "LOC") and e.country
        for m in e.mentions
        if m.kind == "name"
    ]
    if not starts:
        return {}
    people = _person_tokens(doc, entities, {m.sentence for m, _, _ in starts})
    out: dict[str, Ties] = {}
    for m, country, is_country in starts:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        how, owners = _ties_of(span.root, people)
        for owner in owners:
            getattr(out.setdefault(owner, Ties()), how).add(country)
        for owner in _residents(span.root, people):
            out.setdefault(owner, Ties()).lives.add(country)
        # A journey to a country as a whole is made from abroad; to one of its towns, as often at home.
        for owner in _visitors(span.root, people) if is_country else ():
            out.setdefault(owner, Ties()).visits.add(country)
    return out


@functools.cache
def _country_ids() -> frozenset[str]:
    """The geonames ids of countries as a whole (lexicons' countries.tsv)."""
    return frozenset(c.geonameid for c in lexicons.countries() if c.geonameid)
