"""What a whole story says of countries, read once per document for the country ranker's candidates
(country_evidence.py): where its places lie, its dateline's, publication's and home country, whether it
is a sports story; and, for each named actor, whether homes.py's guards let the ranker give it the story's
home, and which guard keeps it when not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ... import lexicons
from ...lexicons.agents import agent_nouns
from ...lexicons.entities import entity_words, home_words
from ...model import Entity
from ..common import is_sports_story, publication_country
from .currencies import money_states
from .homes import countries_by_sentence, home_guards
from .place_countries import home_country
from .placed import TERRITORY_OF
from .story_countries import nation_country
from .story_homes import story_home

# Sectors of actors a story names as often abroad as at home (presidents, armies, ministries).
STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP"})


@dataclass(frozen=True)
class HomeAccess:
    """Whether the ranker may give an actor the story's home (`allowed`), and which guard keeps it when
    not: `first`, the first sentence naming the actor names another country; `title`, a state title held
    abroad as often as at home, in a story not told at home. `open`: none of the guards about the actor
    rather than the story holds (a sports story, a title's qualifier, a body of no one state, a performer,
    a religious leader of many lands), so a home the first-sentence guard alone keeps may be weighed.
    `sports`: a sports story of a domestic competition (`DocumentEvidence.domestic_sports`), and none of the
    other guards about the actor holds, so the ranker may give it the home, weighed by its own features.
    `travelling`: the title guard keeps the home and a title is one of those who speak for a state abroad,
    capitalised ("President", "Commerce Secretary": `travelling_title`), so the home is not weighed; a
    title guard of another office is weighed as a weak candidate, as the first-sentence guard's is."""

    allowed: bool
    open: bool
    first: bool = False
    title: bool = False
    sports: bool = False
    travelling: bool = False


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    sentence: int
    country: str


@dataclass(frozen=True)
class PeopleCountry:
    """The country most of a story's people and bodies with a country (the rules' or the knowledge base's)
    are of: how many are of it, out of how many have one."""

    country: str
    of_it: int
    with_country: int


@dataclass(frozen=True)
class DocumentEvidence:
    """What the whole document says of countries, computed once per document."""

    text: str
    by_sentence: dict[int, set[str]]
    places: tuple[Place, ...]
    counts: Counter[str]
    dateline: str | None
    publication: str | None
    home: str | None
    home_only: bool
    home_local: bool
    sports: bool
    # A sports story that names no country but its home as a place, by a country's or a nation's name: a
    # domestic league's results, whose clubs and players are the home's. An international match or event
    # names its sides' or its players' countries ("England v Pakistan", "NAME (Sweden)"), its home is the
    # venue's. A demonym is left out: "the American League", a player's "Australian NAME" (that player
    # is placed by it) are said of a domestic league too.
    domestic_sports: bool
    # The country most of the story's people and bodies with a country are of, when one leads: a story
    # without a dateline or web address ("Trump ... Clinton ... Holt") is about the country of its people.
    people: PeopleCountry | None
    # The countries of the places the story's first sentence names (StoryHome.lead): counted twice for
    # the story's top country, as for its home.
    lead: Counter[str] = field(default_factory=Counter)
    # The states whose own currency the story counts money in (currencies.py): where it happens
    money: frozenset[str] = frozenset()

    @property
    def top(self) -> str | None:
        lead = _leader(self.counts + self.lead)
        return lead[0] if lead else None


def _leader(counts: Counter[str]) -> tuple[str, int] | None:
    """The commonest key and its count; None when there is none or two tie for it."""
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0]


def _people_country(entities: tuple[Entity, ...]) -> PeopleCountry | None:
    people = Counter(
        TERRITORY_OF.get(e.country, e.country) for e in entities if e.type in ("PERSON", "ORG") and e.country
    )
    lead = _leader(people)
    return PeopleCountry(lead[0], lead[1], sum(people.values())) if lead else None


def body_homes(
    entities: tuple[Entity, ...], doc: DocumentEvidence, access: dict[str, HomeAccess]
) -> dict[str, str]:
    """Body id -> the story's home, for each named body the rules gave no country that may take it: the
    country its members' `member_home` link gives (country_links.py). `access`: `home_access` of each
    named actor, by id."""
    if doc.home is None:
        return {}
    return {
        e.id: doc.home
        for e in entities
        if e.type == "ORG" and e.country is None and e.id in access and access[e.id].allowed
    }


def document_evidence(text: str, entities: tuple[Entity, ...], url: str | None) -> DocumentEvidence:
    places = tuple(
        Place(m.start, m.end, m.sentence, TERRITORY_OF.get(e.country, e.country))
        for e in entities
        if e.is_place and e.country
        for m in e.mentions
        if m.kind in ("name", "demonym")
    )
    story = story_home(text, entities, url)
    sports = is_sports_story(text)
    return DocumentEvidence(
        text=text,
        by_sentence=countries_by_sentence(entities, text),
        places=places,
        counts=Counter(p.country for p in places),
        dateline=home_country(text),
        publication=publication_country(url),
        home=story.country,
        home_only=story.only,
        home_local=story.local,
        sports=sports,
        domestic_sports=sports
        and story.country is not None
        and _countries_named(entities) <= {story.country},
        people=_people_country(entities),
        lead=story.lead,
        money=frozenset(money_states(text)),
    )


def _countries_named(entities: tuple[Entity, ...]) -> set[str]:
    """The countries places are named after in the text: a country's or a nation's own name ("Pakistan",
    "England"), not a town of it or a demonym."""
    by_name = lexicons.country_by_name()
    return {
        TERRITORY_OF.get(e.country, e.country)
        for e in entities
        if e.is_place and e.country
        for m in e.mentions
        if m.kind == "name" and (m.text in by_name or nation_country(m.text))
    }


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z][A-Za-z.-]*)")


def title_qualifier(text: str, entity: Entity) -> bool:
    """Whether every name of a one-word body is right before a title word, the qualifier of a title the
    model took for a body ("Commerce" of "Commerce Secretary NAME"): no body of a state to place."""
    names = [m for m in entity.mentions if m.kind == "name"]
    if entity.type != "ORG" or not names or any(" " in m.text.strip() for m in names):
        return False  # "Earlham College spokeswoman": a body of several words is a body
    for m in names:
        word = _NEXT_WORD.match(text, m.end)
        if word is None or word.group(1).lower() not in lexicons.titles():
            return False
    return True


def home_access(entity: Entity, doc: DocumentEvidence) -> HomeAccess:
    """The story's home for this actor: may the ranker give it (homes.py's guards; see `candidates`), and
    which guard keeps it."""
    if doc.home is None:
        return HomeAccess(False, False)
    guards = home_guards(doc.text, entity, doc.home, doc.by_sentence)
    about_actor = guards.serves_one and not title_qualifier(doc.text, entity)
    open_ = about_actor and not doc.sports
    # A title held abroad as often as at home ("President", "spokeswoman") keeps the home from a story
    # whose home only its places or a dateline say (a visiting president or US secretary is often named
    # without a country under a foreign dateline); a local paper's story is told at home: there an
    # official whose first sentence names no other country is at home.
    title = not (doc.home_only or doc.home_local or guards.plain)
    allowed = open_ and ((guards.alone and not title) or _unqualified_state_body(entity))
    return HomeAccess(
        allowed,
        open_,
        not allowed and not guards.alone,
        not allowed and title,
        about_actor and doc.domestic_sports,
        not allowed and title and any(travelling_title(t) for t in entity.titles),
    )


def travelling_title(title: str) -> bool:
    """A title of those who speak for a state abroad, written capitalised ("President", "Commerce
    Secretary", "Ambassador"; home_words' travelling_titles): a visitor's as often as a local's, named under a
    foreign dateline without a country. Not a lower-case title in apposition ("the cooperative's
    president, NAME", "Police president NAME"), a body's officer described."""
    words = title.split()
    last = words[-1] if words else ""
    return last[:1].isupper() and last.lower().strip(".,") in home_words().travelling_titles


def _unqualified_state_body(entity: Entity) -> bool:
    """A body named only by the bare noun of a state's body, capitalised ("the Army", "the Marines",
    "the Government"; agents.py and groups.py make these names): a story says so of its own state's, and
    qualifies another's ("the Iraqi army"), so the first sentence naming another country does not make
    it a visitor."""
    names = {m.text.lower() for m in entity.mentions if m.kind == "name"}
    if entity.type != "ORG" or not names:
        return False
    nouns, institutions = agent_nouns(), entity_words().institutions
    return all(
        name in institutions or ((entry := nouns.get(name)) is not None and entry.sector in STATE_SECTORS)
        for name in names
    )
