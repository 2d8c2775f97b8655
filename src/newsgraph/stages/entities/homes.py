"""Countries from the places a story is set in, once the places stage has resolved them (it runs after the
entities stage, so this is a stage of its own, after places):

- a person placed by a place right after their name ("Dana Whitfield, 44, of Dayton, Ohio", "Ann Bolt, a
  Dayton resident"): that place's country, source `region`;
- a body whose name holds a place of the story ("Dayton Police Department", "Lane County Board"), is
  followed by "of PLACE" ("ACME Co of PLACE") or is named after a city ("University of CITY":
  country_phrases.py): that place's country, source `region`;
- the story's home country (`home`): the dateline's, else the country of more than half the story's place
  mentions (a territory's counting as its sovereign's; the place names of its first sentence count twice:
  `_lead_mentions`; an amount in one state's own currency counts as a mention of that state's places:
  currencies.py), else the publication's country when every place of a
  story too short for that lies there, or when it is named more often than any other; else, in a story
  with no dateline or web address, the one country its first sentence's places lie in when it says where
  ("Fish traders in Kisumu", "A Gold Coast planner": `_scene`) and it counts no money in another state's
  currency ("an importer in Stuttgart ... 18 million denars"); else, in such a story, the one state whose
  own currency it counts its money in ("a return ticket costs 2,500 tenge": currencies.py). A share of
  places is no home when the story counts its money only in other states' currencies (a bazaar's story
  naming its Chinese visitors and their towns, priced in tenge). It goes to roles of
  domestic life ("Mayor", "Sheriff", "Gov.", a police department, a city council) when the sentence first
  naming them names no other country; and to every named person and body still without one in a story that
  names at least three places, all in that one country (a local story's residents, lawyers and firms); and,
  in a local paper's story (its places and its publication's web address agree on the country), to people
  and public bodies whose first sentence names no other country. Not to a president, secretary or general,
  often named without their country, nor to bodies of no one state (IGO, NGO).

Nothing is inferred in a sports story: its places are venues and clubs, its players of any country.
Every such country names its source in `Entity.country_source`, so an analyst can leave `home` out.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections import Counter
from dataclasses import dataclass

from ... import lexicons
from ...lexicons.entities import home_words
from ...model import Entity
from ..base import Parsed, Results
from ..common import generic_address, is_sports_story, publication_country
from .countries import is_domestic_title
from .country_phrases import body_described, body_named_of, body_of_place
from .currencies import currency_mentions
from .performers import is_performer
from .place_countries import as_written, home_country, namesakes_at_home, story_start
from .placed import (
    TERRITORY_OF,
    described_demonyms,
    described_in,
    home_in,
    named_after_place,
    one_person_sentences,
    placed_by,
    title_after_place,
)
from .story_countries import filed_from_abroad
from .teams import club_countries

# Sectors of bodies of domestic life, placed at home when their first sentence names no other country.
_HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "EDU"})
# Bodies a local story's home country may go to when it names other countries too.
_LOCAL_SECTORS = _HOME_SECTORS | {"MIL"}
# Bodies of more than one state, never given a home country.
_NOT_HOME_SECTORS = frozenset({"IGO", "NGO", "REB"})
# Sectors of titles whose holders a story names as often abroad as at home (presidents, secretaries).
_ABROAD_SECTORS = frozenset({"GOV", "MIL", "IGO"})
# A story's home from its places: enough place mentions, and more than half of them in one country.
_MIN_PLACE_MENTIONS = 3
# A place named as where something happens: "in PLACE", "at PLACE", "near PLACE", "outside PLACE", "the port
# of PLACE" (ending right before it).
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|of)\s+(?:the\s+)?\Z")
_HOME_SHARE = 1 / 2


def _place_mentions(
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
    return _story_home(text, entities, url, _place_mentions(entities))


def _story_home(
    text: str, entities: tuple[Entity, ...], url: str | None, places: dict[int, tuple[int, str]]
) -> StoryHome:
    """`story_home`, given the document's `_place_mentions`, which `place_countries` reads as well. A story
    too short for the share of its places (fewer than three mentions or one place) is at home where its
    publication is when every place it names lies there; a longer one whose places lie in several
    countries, when its publication's is named more often than any other."""
    counts: Counter[str] = Counter(country for _, country in places.values())
    # Enough place mentions to read a share from: places, not money
    total = sum(counts.values())
    # Money counted in one state's currency counts in the share as a mention of that state's places
    # (currencies.py)
    money = Counter(country for _, country in currency_mentions(text).values())
    counts.update(money)
    named_places = _place_mentions(entities, ("name",))
    lead_mentions = _lead_mentions(text, entities, named_places)
    lead = Counter(lead_mentions.values())
    published_in = publication_country(url)
    home = dated = home_country(text)
    local = False
    if home is not None and filed_from_abroad(home, counts):
        home = None
    if home is None and total >= _MIN_PLACE_MENTIONS and _distinct_places(entities) >= 2:
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
    if home is None and total >= _MIN_PLACE_MENTIONS:
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
    only = home is not None and set(counts) <= {home} and total >= _MIN_PLACE_MENTIONS
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
    `lead`: `_lead_mentions`; `named_places`: the story's place name mentions (`_place_mentions`)."""
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
    `places`: the story's place name mentions (`_place_mentions(entities, ("name",))`)."""
    opening = story_start(text)
    sentence_of = {m.start: m.sentence for e in entities for m in e.mentions}
    after = [start for start in sentence_of if start >= opening]
    if not after:
        return {}
    first = sentence_of[min(after)]
    return {(s, end): country for s, (end, country) in places.items() if sentence_of.get(s) == first}


def _first_sentence(e: Entity, text: str) -> int | None:
    """The sentence first naming the person or body, after the dateline when the story names them there
    too: a headline above it ("Ericsson wins China order") is no sentence of the story. A person named
    only by a role ("the gunman") is named by it."""
    names = [m for m in e.mentions if m.kind == "name"]
    if not names and e.type == "PERSON":
        names = [m for m in e.mentions if m.kind == "nominal"]
    opening = story_start(text)
    after = [m for m in names if m.start >= opening]
    names = after or names
    return min(names, key=lambda m: m.start).sentence if names else None


def _first_sentence_within(e: Entity, text: str, by_sentence: dict[int, set[str]], country: str) -> bool:
    """Whether the sentence first naming `e` names no country but `country` (`countries_by_sentence`)."""
    first = _first_sentence(e, text)
    return first is not None and by_sentence.get(first, set()) <= {country}


def _domestic(e: Entity) -> bool:
    if e.type == "PERSON":
        return any(is_domestic_title(t) for t in e.titles)
    return e.sector in _HOME_SECTORS


def _of_one_state(e: Entity) -> bool:
    """Whether a person or body may belong to one state: not an IGO or NGO, not a "World ... Council", not
    a figure of faith or antiquity named alone ("Buddha"), nor a person whose title names one ("OSCE
    spokesman", "European Union envoy", "U.N. refugee agency official")."""
    title_words = [w for title in e.titles for w in title.split()]
    words = {w.lower() for w in (*e.name.split(), *title_words)}
    abroad = any(w in _international_names() for w in title_words)
    return (
        (e.sector not in _NOT_HOME_SECTORS or _unknown_foundation(e))
        and e.kb_id is None
        and not abroad
        and not words & home_words().not_home_words
        and e.name.lower() not in home_words().not_home_names
    )


def _unknown_foundation(e: Entity) -> bool:
    """A body the knowledge base does not know whose sector, NGO, says only that its name ends in
    "Foundation" ("Zionsville Education Foundation"): a foundation is chartered in one state, and the
    ones that work across borders are in the knowledge base or name it ("World", "International")."""
    return (
        e.type == "ORG"
        and e.kb_id is None
        and lexicons.sector_from_name(e.name) == "NGO"
        and (e.name.lower().split()[-1] in ("foundation", "foundations"))
    )


@functools.cache
def _international_names() -> frozenset[str]:
    """One-word names and acronyms of the organisation lexicon's bodies of no one state ("OSCE", "NATO"),
    as written: a title written with one is not held for a state."""
    return frozenset(
        n
        for o in lexicons.organisations()
        if o.sector in _NOT_HOME_SECTORS and not o.country
        for n in (o.name, *o.aliases)
        if " " not in n
    )


def _plain(e: Entity) -> bool:
    """A body, or a person without a state title held abroad as often as at home ("President", "Commerce
    Secretary", a general) or a religious leader's of many lands ("Patriarch"): a local story's resident,
    lawyer or mayor may take its home country."""
    if any(t.lower() in home_words().not_local_titles for t in e.titles):
        return False
    return e.type == "ORG" or _domestic(e) or e.sector not in _ABROAD_SECTORS


@dataclass(frozen=True)
class HomeGuards:
    """What homes.py's rules ask before giving a named person or body the story's home country, for the
    learned ranker (country_choice.py): `alone`, its first sentence names no other country; `serves_one`,
    the guards that hold whatever the home (serves_one_state); `plain`, no state title held abroad as often
    as at home nor a religious leader's of many lands."""

    alone: bool
    serves_one: bool
    plain: bool


def home_guards(text: str, e: Entity, home: str, by_sentence: dict[int, set[str]]) -> HomeGuards:
    alone = _first_sentence_within(e, text, by_sentence, home)
    return HomeGuards(alone, serves_one_state(text, e), _plain(e))


def serves_one_state(text: str, e: Entity) -> bool:
    """It may belong to one state (not an IGO, NGO, "World ... Council"), is not described as a performer,
    and holds no title of a religious leader of many lands."""
    return _of_one_state(e) and not _many_lands(e) and not is_performer(text, e)


def _many_lands(e: Entity) -> bool:
    return any(t.lower() in home_words().not_local_titles for t in e.titles)


def countries_by_sentence(entities: tuple[Entity, ...], text: str | None = None) -> dict[int, set[str]]:
    """Sentence index -> the countries of the places it names (a territory's as its sovereign's). Given
    the `text`, not a demonym that describes a person of its country named right after it ("Czech forward
    NAME", "the club's Slovak goalkeeper, NAME"): it says whose that person is, not where the others of
    the sentence are from (`described_demonyms`)."""
    owned = described_demonyms(text, entities) if text is not None else frozenset()
    by_sentence: dict[int, set[str]] = {}
    for e in entities:
        if e.is_place and e.country:
            for m in e.mentions:
                if m.start not in owned:
                    by_sentence.setdefault(m.sentence, set()).add(TERRITORY_OF.get(e.country, e.country))
    return by_sentence


def place_countries(
    text: str,
    entities: tuple[Entity, ...],
    url: str | None = None,
    sentences: tuple[tuple[int, int], ...] = (),
) -> tuple[Entity, ...]:
    """The entities with the countries this module infers (see the module's docstring)."""
    places = _place_mentions(entities)
    place_names = {text[s:end]: country for s, (end, country) in places.items()}
    named_places = _place_mentions(entities, ("name",))
    alone_spans = one_person_sentences(entities, sentences)
    story = _story_home(text, entities, url, places)
    home = story.country
    published_in = publication_country(url)
    abroad_only = len(places) >= _MIN_PLACE_MENTIONS and published_in not in {c for _, c in places.values()}
    by_sentence = countries_by_sentence(entities, text)
    out = []
    for e in entities:
        if e.country is None and e.type == "PERSON":
            placed = (
                placed_by(text, e, named_places)
                or described_in(text, e, named_places)
                or home_in(text, e, named_places, alone_spans)
            )
            placed = placed or title_after_place(e, place_names)
            if placed is not None:
                e = dataclasses.replace(e, country=placed, country_source="region")
        if e.country is None and e.type == "ORG":
            one_state = _of_one_state(e)
            named = body_of_place(text, e, named_places) if one_state else None
            named = named or named_after_place(e, place_names)
            named = named or (body_named_of(e, place_names) if one_state else None)
            named = named or body_described(text, e, place_names)
            if named is not None:
                e = dataclasses.replace(e, country=named, country_source="region")
        if e.country is None and home is not None and e.type in ("PERSON", "ORG") and _of_one_state(e):
            alone = _first_sentence_within(e, text, by_sentence, home)
            # Not a group noun ("residents": ORG); a person named by a role ("the gunman") is as a named one.
            has_name = e.type == "PERSON" or any(m.kind == "name" for m in e.mentions)
            # A local story's people and public bodies, not a wire report's; not firms, which may be
            # multinationals ("a plant of a German carmaker"), in a story naming other countries.
            local = story.local and alone and (e.type == "PERSON" or e.sector in _LOCAL_SECTORS)
            widely = (story.only or local) and not is_performer(text, e)
            if (widely and has_name and _plain(e)) or (alone and _domestic(e)):
                e = dataclasses.replace(e, country=home, country_source="home")
        if (
            e.country is None
            and home is None
            and published_in is not None
            and not abroad_only
            and _domestic(e)
            and _first_sentence_within(e, text, by_sentence, published_in)
            and _of_one_state(e)
        ):
            # A local paper's story whose places tell no home (few, or misread; not three or more all
            # abroad, as an Ontario story's on a .com address): its judge or sheriff is of the paper's
            # country when their first sentence names no other.
            e = dataclasses.replace(e, country=published_in, country_source="home")
        out.append(e)
    return tuple(out)


def sports_clubs(parsed: Parsed, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """A sports story's clubs named after a big city of a country whose clubs play in its home's leagues
    (teams.club_countries); its other places are venues and clubs, its players of any country."""
    home = story_home(parsed.text, entities, parsed.article.url).country
    return club_countries(parsed.text, entities, home)


def rule_countries(parsed: Parsed, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The rules' countries from the story's places: in a sports story only its clubs of a neighbour's
    league (`sports_clubs`), else `place_countries`. Both homes stages call it (this rules-only one, and
    country_choice.py's, which then lets the ranker choose)."""
    if is_sports_story(parsed.text):
        return sports_clubs(parsed, entities)
    return place_countries(parsed.text, entities, parsed.article.url, parsed.sentences)


def run(parsed: Parsed, results: Results) -> Results:
    if is_sports_story(parsed.text):
        entities = rule_countries(parsed, results.entities)
        return results if entities == results.entities else results.replace(entities=entities)
    seen = namesakes_at_home(parsed.text, results.entities, parsed.article.url)
    return results.replace(entities=as_written(results.entities, seen, rule_countries(parsed, seen)))
