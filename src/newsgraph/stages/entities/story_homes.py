"""Where a story is set (`story_home`): its dateline's country, unless it is told of another country from
a bureau abroad; else the country of more than half its place mentions (a territory's counting as its
sovereign's; the place names of its first sentence count twice; an amount in one state's own currency
counts as a mention of that state's places: currencies.py), which must name two places at least and agree
with the publication's country when it is known; else the publication's country when every place of a
story too short for that lies there, or when it is named more often than any other; else, with no
dateline nor web address, its first sentence's scene (`_scene`) or the one state whose currency it counts
its money in. homes.py gives that home to the story's actors under its guards.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from ... import lexicons
from ...model import Entity
from ..common import generic_address, publication_country
from .currencies import money_states
from .place_countries import home_country, story_start
from .placed import TERRITORY_OF
from .story_countries import filed_from_abroad

# A story's home from its places: enough place mentions, and more than half of them in one country.
MIN_PLACE_MENTIONS = 3
# A place named as where something happens: "in PLACE", "at PLACE", "near PLACE", "outside PLACE", "the port
# of PLACE" (ending right before it).
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|of)\s+(?:the\s+)?\Z")
_HOME_SHARE = 1 / 2


def place_mentions(
    entities: tuple[Entity, ...], kinds: tuple[str, ...] = ("name", "demonym")
) -> dict[int, tuple[int, str]]:
    """Start of each place mention with a country -> (its end, the country)."""
    return {
        m.start: (m.end, TERRITORY_OF.get(e.country, e.country))
        for e in entities
        if e.is_place and e.country
        for m in e.mentions
        if m.kind in kinds
    }


def _distinct_places(entities: tuple[Entity, ...]) -> int:
    """Place names that are not one another's ("Clare" and "west Clare" are one)."""
    names = {e.name.lower() for e in entities if e.is_place and e.country}
    return sum(1 for n in names if not any(n != o and n in o for o in names))


@dataclass(frozen=True)
class StoryHome:
    """Where a story is set: `country` (None when unknown); `only`: every place it names lies there;
    `local`: its places and its publication agree on it (a local paper's story, not a wire report);
    `lead`: the countries of the place names of its first sentence (`_lead_mentions`), counted twice; what
    the others are read from, so no part of what a home is."""

    country: str | None
    only: bool = False
    local: bool = False
    lead: Counter[str] = dataclasses.field(default_factory=Counter, compare=False)


def story_home(text: str, entities: tuple[Entity, ...], url: str | None = None) -> StoryHome:
    """The story's home country: the dateline's (unless the story is told of another country, from a
    bureau abroad: story_countries.filed_from_abroad), else that of more than half its place mentions,
    which must name two places at least and agree with the publication's country when it is known; else,
    with no dateline nor web address, its first sentence's scene (`_scene`)."""
    return story_home_of(text, entities, url, place_mentions(entities))


def story_home_of(
    text: str, entities: tuple[Entity, ...], url: str | None, places: dict[int, tuple[int, str]]
) -> StoryHome:
    """`story_home`, given the document's `place_mentions`, which `place_countries` reads as well. A story
    too short for the share of its places (fewer than three mentions or one place) is at home where its
    publication is when every place it names lies there; a longer one whose places lie in several
    countries, when its publication's is named more often than any other."""
    counts: Counter[str] = Counter(country for _, country in places.values())
    # Enough place mentions to read a share from: places, not money
    total = sum(counts.values())
    # Money counted in one state's currency counts in the share as a mention of that state's places
    # (currencies.py)
    money = Counter(money_states(text))
    counts.update(money)
    named_places = place_mentions(entities, ("name",))
    lead_mentions = _lead_mentions(text, entities, named_places)
    lead = Counter(lead_mentions.values())
    published_in = publication_country(url)
    home = dated = home_country(text)
    local = False
    if home is not None and filed_from_abroad(home, counts):
        home = None
    if home is None and total >= MIN_PLACE_MENTIONS and _distinct_places(entities) >= 2:
        # The places the lead names count twice: a story says first where it happens ("The harbour office
        # in Tromso ordered a Russian trawler ... its captain, of Murmansk"), a demonym there is often
        # of a visitor.
        weighted = counts + lead
        top, n = weighted.most_common(1)[0]
        home = top if n > _HOME_SHARE * sum(weighted.values()) else None
        # Not where the story counts its money in another state's currency only (currencies.py)
        home = None if money and home not in money else home
        # The publication's country vetoes another home, unless it is a generic ending's default and
        # the story names no place of it (an Ontario story on a .com address).
        vetoed = published_in is not None and published_in != home
        vetoed = vetoed and not (generic_address(url) and published_in not in counts)
        home = None if vetoed else home
        local = home is not None and published_in == home
    if home is None and set(counts) <= {published_in} and published_in is not None:
        # A local paper's short story: every place it names (one or two, or none the names stage found:
        # "the township", "the club") lies where the paper is published.
        home, local = published_in, True
    if home is None and total >= MIN_PLACE_MENTIONS:
        # A local paper's story of home and abroad ("of Muncie ... killed in Iraq ... Afghanistan"): the
        # paper's country when it is named more often than any other, though not in most mentions. Names,
        # not demonyms, are counted: a town's "French students" and "Mexican restaurant" are no story
        # set in France or Mexico.
        named = Counter(country for _, country in named_places.values())
        ranked = named.most_common(2) or counts.most_common(2)
        if ranked[0][0] == published_in and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            home, local = published_in, True
    if home is None and dated is None and published_in is None:
        home = _scene(text, lead_mentions, named_places)
        # Not where the story counts its money in another state's currency (currencies.py)
        home = None if home is not None and not set(money) <= {home} else home
    if home is None and dated is None and published_in is None and len(money) == 1:
        # Where nothing else places it, a story is where it counts its money
        (home,) = money
    only = home is not None and set(counts) <= {home} and total >= MIN_PLACE_MENTIONS
    return StoryHome(home, only, local, lead)


def _scene(
    text: str, lead: dict[tuple[int, int], str], named_places: dict[int, tuple[int, str]]
) -> str | None:
    """The country a story with no dateline or web address is set in by its first sentence, when all the
    places it names lie in that one country: where one is named as where things happen ("Fish traders at
    a beach in Kisumu", "The harbour office in Tromso ordered a Russian trawler ... of Murmansk"), unless
    another country's places are named twice as often in the whole story; where a town or region only
    qualifies a name ("A Gold Coast planner"), unless another country's are named as often. Not a country's
    own name as a qualifier ("Iraq war veteran NAME", "Singapore-based NAME"): it says who, not where.
    `lead`: `_lead_mentions`; `named_places`: the story's place name mentions (`place_mentions`)."""
    if len(set(lead.values())) != 1:
        return None
    home = next(iter(lead.values()))
    named = Counter(country for _, country in named_places.values())
    if any(_LOCATIVE.search(text, max(0, start - 16), start) for start, _ in lead):
        return home if all(n < 2 * named[home] for c, n in named.items() if c != home) else None
    if any(text[start:end] not in lexicons.country_by_name() for start, end in lead):
        return home if all(n < named[home] for c, n in named.items() if c != home) else None
    return None


def _lead_mentions(
    text: str, entities: tuple[Entity, ...], places: dict[int, tuple[int, str]]
) -> dict[tuple[int, int], str]:
    """(start, end) of each place name of the story's first sentence (after its dateline) -> its country
    (not its demonyms, often a visitor's: "ordered a Russian trawler");
    `places`: the story's place name mentions (`place_mentions(entities, ("name",))`)."""
    opening = story_start(text)
    sentence_of = {m.start: m.sentence for e in entities for m in e.mentions}
    after = [start for start in sentence_of if start >= opening]
    if not after:
        return {}
    first = sentence_of[min(after)]
    return {(s, end): country for s, (end, country) in places.items() if sentence_of.get(s) == first}
