"""A short story whose few places all lie in one country is set there, when nothing in it says otherwise.

homes.py finds a story's home in its dateline, its web address, or the share of its place mentions, which
needs three mentions of two places at least: a share of fewer says little in a long wire report naming
the one foreign capital a visitor came from. A short local story pasted without a dateline or an address
("Residents of a township in Durban ...", "... a grant from the Ohio Department of Transportation") names
one or two places and no more, and a reader places it there. So, when homes.py found no home:

- the story is no sports story (its places are venues, its players of any country), has no dateline's
  and no web address's country;
- every place and demonym it names lies in one country (a territory's counting as its sovereign's), or,
  when it names none but inside bodies' names, every body named after a place is of one country ("Galway
  County Council", "Ballarat Football Netball League": source `region`); and, when it names places,
  one of its place names at least is written neither as where someone comes from ("a retired teacher
  from Munich", "a contractor from Novosibirsk": a visitor's, not the story's) nor as qualifying a noun
  ("The Birmingham carmaker", "a Durban-based chain": an actor's seat);
- no amount in it is counted in another state's own currency ("a grant of 2 million yen":
  currencies.py), and a story that names no place at all but counts its money in one state's currency is
  set in that state;
- every person and body the story already gives a country (the knowledge base's, the text's) is of it;
- its people's names (newsgraph.kb.name_origins, as story_names.py reads them) are not untypical of that
  country and likelier borne in another by `MIN_LEAD` (a Maltese cast around the one German of the
  story; Polish-American names of an Ohio story are typical enough of the United States).

The country then goes, as the story's home (source `home`), to every named person and body still without
one that may be of one state (homes.serves_one_state).

Measured (fortieth session) on the read passages (training/actors/own read sets, 4,939 actors): right /
wrong 4061 / 281 -> 4070 / 281, the places being a state's or a town's bodies ("the Ohio High School
Athletic Association", "Tshwane Metro Police Department"); development sets (bench/actors_gold.py) 2 more
right, none wrong; bodies named after places, in stories naming no other place, 4114 / 273 -> 4126 / 273,
development unchanged. Without the qualifier guard, 6 more right on the read passages (a "Durban-based"
chain), and a firm's seat read as the story's ("The Birmingham carmaker", tests/test_seat_anaphors.py).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...kb.name_origins import load_name_origins
from ...model import Entity
from ..common import is_sports_story, publication_country
from .currencies import money_states
from .homes import countries_by_sentence
from .place_countries import home_country
from .placed import TERRITORY_OF
from .story_names import actor_countries, cast_names, with_home

if TYPE_CHECKING:
    from spacy.tokens import Doc

# A place written as where someone or something comes from, ending right before it
_ORIGIN = re.compile(r"\bfrom\s+(?:the\s+)?\Z")
# How much likelier another country's people bear the story's names than the places' country's (log)
MIN_LEAD = 5.0


def _qualifier(parse: Doc | None, text: str, start: int, end: int) -> bool:
    """Whether the place name at [start, end) qualifies a noun after it, describing an actor rather than
    where the story is ("The Birmingham carmaker said", "a Durban-based chain")."""
    if text.startswith("-based", end):
        return True
    span = parse.char_span(start, end, alignment_mode="expand") if parse is not None else None
    if span is None or span.end >= len(span.doc):
        return False
    following = span.doc[span.end]
    return following.pos_ == "NOUN" and following.is_lower


def places_home(
    text: str, entities: tuple[Entity, ...], url: str | None, parse: Doc | None = None
) -> str | None:
    """The one country of a short story's places (see the module's docstring), else None."""
    if home_country(text) or publication_country(url) or is_sports_story(text):
        return None
    countries: set[str] = set().union(*countries_by_sentence(entities).values())
    # The money it counts in one state's currency is counted there ("2 million ariary": currencies.py)
    money = set(money_states(text))
    if not countries:
        # No place of its own but inside bodies' names ("Leeds City Council"): those bodies' places
        countries = {
            TERRITORY_OF.get(e.country, e.country)
            for e in entities
            if e.country is not None and e.country_source == "region"
        }
    else:
        names = [m for e in entities if e.is_place and e.country for m in e.mentions if m.kind == "name"]
        if all(
            _ORIGIN.search(text, max(0, m.start - 12), m.start) or _qualifier(parse, text, m.start, m.end)
            for m in names
        ):
            return None
    countries |= money
    if len(countries) != 1:
        return None
    (home,) = countries
    if not actor_countries(entities) <= {home}:
        return None
    people = cast_names(entities)
    if people:
        scores = dict(load_name_origins().together(people))
        borne = scores.get(home, float("-inf"))
        if borne < 0 and max(scores.values()) - borne >= MIN_LEAD:
            return None
    return home


def story_place_homes(
    text: str,
    entities: tuple[Entity, ...],
    url: str | None,
    story_home: str | None,
    parse: Doc | None = None,
) -> tuple[Entity, ...]:
    """The entities, each named person and body without a country given the one country of the story's
    places (`places_home`) when the story has no home (`story_home`: story_homes.story_home's) and they may be
    of one state."""
    if story_home is not None or not any(e.type in ("PERSON", "ORG") and e.country is None for e in entities):
        return entities
    home = places_home(text, entities, url, parse)
    return entities if home is None else with_home(text, entities, home)
