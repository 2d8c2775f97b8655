"""A story that names no place of any country is set where its people's names are borne, when they agree.

A local story of a ward, a township or a village the gazetteer lacks ("Residents of Mwiki in Kasarani
...", "Fishermen from Chellanam ...") names no place the places stage can put in a country, so it has no
home and its residents, councillors and firms get none. A reader places it by its people: five Kikuyu,
Kamba and Kalenjin names are a Kenyan story. The evidence is the name-origin model of the knowledge
base's people (newsgraph.kb.name_origins): the country whose people likeliest bear all the story's full
names together (`NameOrigins.together`), when it leads the next by `MIN_LEAD`. Only in a story with no
place of any country, no dateline's and no web address's country, and whose people and bodies with a
country (the knowledge base's, the text's) are all of it: a name says where a family came from, and one
country named anywhere is a better clue to where a story is set than every name in it.

The country goes, as the story's home (source `home`), to every named person and body still without
one that may be of one state (not an IGO or NGO, a performer, a religious leader of many lands:
homes.serves_one_state).

Thresholds chosen on the read passages (thirty-sixth session; training/actors/own: tuning_own2-7,
country_traps, heldout_own1, 4,032 actors): right / wrong 3293 / 204 -> 3314 / 204 (three stories of no
named place: Kenyan, Indian and Japanese casts); a lead of 3 gave 5 more right and 6 more wrong. Allowing
stories that name places of the names' country (where the ranker's `people` evidence works) gave 11
more right and 3 wrong: not taken. Development (bench/actors_gold.py) unchanged, 2641 / 42.
"""

from __future__ import annotations

import dataclasses

from ...kb.name_origins import load_name_origins
from ...model import Entity
from ..common import publication_country
from .homes import countries_by_sentence, serves_one_state
from .name_countries import reads_as_full_name
from .place_countries import home_country
from .placed import TERRITORY_OF

# At least this many full names, not of the knowledge base's people, whose country it already knows
MIN_PEOPLE = 2
# The leading country's log-likelihood over the next one's (a factor of about 150)
MIN_LEAD = 5.0


def names_home(text: str, entities: tuple[Entity, ...], url: str | None) -> str | None:
    """The country a story with no place of any country is set in by its people's names, else None."""
    if countries_by_sentence(entities) or home_country(text) or publication_country(url):
        return None
    names = cast_names(entities)
    if len(names) < MIN_PEOPLE:
        return None
    (best, score), (_, second) = load_name_origins().together(names)[:2]
    if score - second < MIN_LEAD:
        return None
    return best if actor_countries(entities) <= {best} else None


def story_name_homes(text: str, entities: tuple[Entity, ...], url: str | None) -> tuple[Entity, ...]:
    """The entities, each named person and body without a country given the story's home by its people's
    names (`names_home`) when it has one and they may be of one state."""
    if not any(e.type in ("PERSON", "ORG") and e.country is None for e in entities):
        return entities
    home = names_home(text, entities, url)
    return entities if home is None else with_home(text, entities, home)


def actor_countries(entities: tuple[Entity, ...]) -> set[str]:
    """The countries the story's people and bodies already have (a territory's as its sovereign's)."""
    return {TERRITORY_OF.get(e.country, e.country) for e in entities if not e.is_place and e.country}


def cast_names(entities: tuple[Entity, ...]) -> list[str]:
    """The full names of the story's people the knowledge base does not know: whose origins may tell
    where the story is set."""
    return [
        e.name
        for e in entities
        if e.type == "PERSON"
        and e.kb_id is None
        and any(m.kind == "name" for m in e.mentions)
        and reads_as_full_name(e.name)
    ]


def with_home(text: str, entities: tuple[Entity, ...], home: str) -> tuple[Entity, ...]:
    """The entities, each named person and body without a country that may be of one state given `home`
    as the story's home (source `home`)."""
    return tuple(
        dataclasses.replace(e, country=home, country_source="home")
        if e.type in ("PERSON", "ORG")
        and e.country is None
        and any(m.kind == "name" for m in e.mentions)
        and serves_one_state(text, e)
        else e
        for e in entities
    )
