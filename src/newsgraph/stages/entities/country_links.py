"""Countries the parse ties to an actor: candidates for the actor-country ranker (country_evidence.py) in a
story of two countries, where the story's one home cannot serve both sides.

Three links, each read off the dependency tree from a place or a body up to the actor:
- `described`: a place inside the actor's own noun phrase, its apposition or a title's complement ("the
  firm's lawyer in PLACE, NAME", "NAME, a spokesman for the PLACE farmers");
- `located`: a place where a verb the actor is the subject of happens ("In PLACE, NAME said"), the place
  being that verb's own prepositional phrase, not of a verb of visiting ("arrived in PLACE");
- `member`: the country of a body in the person's noun phrase ("NAME, president of BODY") or one the
  entities stage related them to (member_of, spokesperson_of, leader_of), as the body stands once the
  rules have placed it; `member_home` when the body has none but may take the story's home (a person
  with a title held abroad as often as at home is of the body they preside, and it is at home).

A link only makes its country a candidate the ranker may give, for an actor the rules gave none: whether
it wins is the ranker's weights' (a visitor is "in" a place as often as a resident). The walk up the tree
passes only through noun-phrase arcs and the prepositions of home_words.tsv's `link_prepositions`, a few
steps at most, from the mentions of places and bodies: no pass over the document's tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...lexicons.entities import home_words
from ...model import Entity, Mention, Relation
from .country_ties import country_ties
from .placed import TERRITORY_OF

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Arcs of a noun phrase: a place or body attached by one of them still describes the phrase's head.
_PHRASE_ARCS = frozenset({"compound", "amod", "poss", "appos", "nmod", "conj", "pobj", "prep"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_VERBS = frozenset({"VERB", "AUX"})
_MEMBER_PREDICATES = frozenset({"member_of", "spokesperson_of", "leader_of"})
# How many arcs the walk from a place up to the actor may climb ("the PLACE farmers" of "a spokesman for
# the PLACE farmers": farmers, for, spokesman).
_MAX_STEPS = 6


@dataclass
class Links:
    """The countries each link ties to one actor."""

    described: set[str] = field(default_factory=set)
    located: set[str] = field(default_factory=set)
    member: set[str] = field(default_factory=set)
    member_home: set[str] = field(default_factory=set)  # of a body without one, the home it may take
    kin: set[str] = field(default_factory=set)  # where the person's family is (country_ties.py)
    returns: set[str] = field(default_factory=set)  # where the person goes back to (country_ties.py)
    visits: set[str] = field(default_factory=set)  # a country the person journeys to: no candidate

    def countries(self) -> set[str]:
        return self.described | self.located | self.member | self.member_home | self.kin | self.returns


def _owner(tok: Token, actors: dict[int, str]) -> tuple[str, bool] | None:
    """(the actor whose mention is token `tok` or in apposition to it, whether by apposition)."""
    if tok.i in actors:
        return actors[tok.i], False
    if tok.dep_ == "appos" and tok.head.i in actors:
        return actors[tok.head.i], True
    for child in tok.children:
        if child.dep_ == "appos" and child.i in actors:
            return actors[child.i], True
    return None


def _subject_owner(verb: Token, actors: dict[int, str]) -> str | None:
    """The actor that is the subject of `verb` (not of a relative clause: "NAME, who taught for years in
    PLACE" tells a past, not a home)."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            owner = _owner(child, actors)
            if owner is not None:
                return owner[0]
    return None


def _walk(start: Token, actors: dict[int, str], names: set[int]) -> list[tuple[str, str]]:
    """(actor id, "phrase" or "verb") of each actor the phrase at token `start` describes, nearest first: the
    walk goes on past an actor's phrase, which describes the actor it belongs to in turn ("a spokesman for
    the farmers in PLACE"); `names`: the tokens of actors' names (not of their descriptions).

    A phrase describes an actor through a preposition or an apposition, not as a mere modifier before the
    name ("PLACE war veteran NAME": the rules' cues, not a link); a verb's place must be its own
    prepositional phrase ("NAME spoke in PLACE", not "NAME spoke at a church in PLACE")."""
    words = home_words()
    found: list[tuple[str, str]] = []
    through = False  # a preposition or an apposition climbed
    tok = start
    for _ in range(_MAX_STEPS):
        dep, head = tok.dep_, tok.head
        if head.i == tok.i or dep not in _PHRASE_ARCS:
            break
        if dep == "prep" and tok.lower_ not in words.link_prepositions:
            break
        if dep in ("compound", "nmod", "amod") and head.lower_ in words.sojourns:
            break  # "NAME, a PLACE (war) veteran": where the person was, not whose they are
        if head.pos_ in _VERBS:
            direct = dep == "prep" and start.head.i == tok.i and tok.lower_ in words.located_prepositions
            if not direct or head.lemma_ in words.visit_verbs:
                break  # "NAME arrived in PLACE": a visit says where a person goes, not where from
            subject = _subject_owner(head, actors)
            if subject is not None:
                found.append((subject, "verb"))
            break
        if dep == "prep" and head.i in names and tok.lower_ in words.presence_prepositions:
            break  # "NAME in PLACE, a spokeswoman for ...": where the person is that day, a visitor as often
        through = through or dep in ("prep", "appos")
        tok = head
        owner = _owner(tok, actors)
        if owner is not None and (through or owner[1]) and all(owner[0] != o for o, _ in found):
            found.append((owner[0], "phrase"))
    return found


def _token_index(
    doc: Doc, entities: tuple[Entity, ...], sentences: set[int]
) -> tuple[dict[int, str], set[int]]:
    """Token index -> id of the person or organisation whose name or description mention in one of the
    `sentences` covers it; and the indices of the tokens of names."""
    out: dict[int, str] = {}
    names: set[int] = set()
    for e in entities:
        if e.type not in ("PERSON", "ORG"):
            continue
        for m in e.mentions:
            if m.kind in ("name", "nominal") and m.sentence in sentences:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                for t in span if span is not None else ():
                    out.setdefault(t.i, e.id)
                    if m.kind == "name":
                        names.add(t.i)
    return out, names


def country_links(
    doc: Doc,
    entities: tuple[Entity, ...],
    relations: tuple[Relation, ...],
    body_homes: dict[str, str] | None = None,
) -> dict[str, Links]:
    """Actor id -> the countries the parse and the relations tie to it (see the module's docstring);
    `body_homes`: body id -> the story's home, for bodies without a country that may take it (their
    members' `member_home`)."""
    body_homes = body_homes or {}
    # A walk stays in its sentence: only places and bodies of a sentence naming or describing a person
    # start one, and only the mentions of those sentences are indexed.
    with_person = {
        m.sentence
        for e in entities
        if e.type == "PERSON"
        for m in e.mentions
        if m.kind in ("name", "nominal")
    }
    starts: list[tuple[Entity, Mention, str]] = []
    for e in entities:
        country = e.country or body_homes.get(e.id)
        if country is None or e.type not in ("GPE", "LOC", "ORG"):
            continue
        country = TERRITORY_OF.get(country, country)
        starts.extend((e, m, country) for m in e.mentions if m.kind == "name" and m.sentence in with_person)
    actors, names = _token_index(doc, entities, {m.sentence for _, m, _ in starts})
    out: dict[str, Links] = {}
    by_id = {e.id: e for e in entities}
    for e, m, country in starts:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or (e.type != "ORG" and span.root.i in names):
            continue  # a place inside a body's name ("Bank of PLACE") describes the body by its name
        for owner, how in _walk(span.root, actors, names):
            if owner == e.id or by_id[owner].type != "PERSON":
                continue
            links = out.setdefault(owner, Links())
            if e.type == "ORG":
                if how == "phrase":
                    (links.member if e.country else links.member_home).add(country)
            elif how == "phrase":
                links.described.add(country)
            else:
                links.located.add(country)
    for r in relations:
        body = by_id.get(r.object)
        person = by_id.get(r.subject)
        if r.predicate not in _MEMBER_PREDICATES or body is None or person is None:
            continue
        country = body.country or body_homes.get(body.id)
        if body.type == "ORG" and country and person.type == "PERSON":
            links = out.setdefault(person.id, Links())
            (links.member if body.country else links.member_home).add(TERRITORY_OF.get(country, country))
    for person_id, ties in country_ties(doc, entities).items():
        links = out.setdefault(person_id, Links())
        links.kin |= ties.kin
        links.returns |= ties.returns
        links.visits |= ties.visits
        links.located |= ties.lives  # where one lives, in a relative clause too, is where one acts from
    return out
