"""Countries from the places a story is set in, once the places stage has resolved them (it runs after the
entities stage, so this is a stage of its own, after places):

- a person placed by a place right after their name ("Dana Whitfield, 44, of Dayton, Ohio", "Ann Bolt, a
  Dayton resident"): that place's country, source `region`; also when the knowledge base had linked the
  name "of PLACE" to a namesake of another country ("James Mitchell of Charleston", not St Vincent's prime
  minister), whose link then goes;
- a body whose name holds a place of the story ("Dayton Police Department", "Lane County Board"), is
  followed by "of PLACE" ("ACME Co of PLACE") or is named after a city ("University of CITY":
  country_phrases.py): that place's country, source `region`;
- the story's home country (`home`, story_homes.py): the dateline's, else the country of more than half the
  story's place mentions (a territory's counting as its sovereign's; the place names of its first sentence
  count twice; an amount in one state's own currency counts as a mention of that state's places:
  currencies.py), else the publication's country when every place of a
  story too short for that lies there, or when it is named more often than any other; else, in a story
  with no dateline or web address, the one country its first sentence's places lie in when it says where
  ("Fish traders in Kisumu", "A Gold Coast planner") and it counts no money in another state's
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
from dataclasses import dataclass

from ... import lexicons
from ...lexicons.entities import home_words
from ...model import Entity
from ..base import Parsed, Results
from ..common import is_sports_story, publication_country
from .countries import is_domestic_title
from .country_phrases import body_described, body_named_of, body_of_place
from .performers import is_performer
from .place_countries import as_written, namesakes_at_home, story_start
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
from .story_homes import MIN_PLACE_MENTIONS, place_mentions, story_home, story_home_of
from .teams import club_countries

# Sectors of bodies of domestic life, placed at home when their first sentence names no other country.
_HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "EDU"})
# Bodies a local story's home country may go to when it names other countries too.
_LOCAL_SECTORS = _HOME_SECTORS | {"MIL"}
# Bodies of more than one state, never given a home country.
_NOT_HOME_SECTORS = frozenset({"IGO", "NGO", "REB"})
# Sectors of titles whose holders a story names as often abroad as at home (presidents, secretaries).
_ABROAD_SECTORS = frozenset({"GOV", "MIL", "IGO"})


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
    places = place_mentions(entities)
    place_names = {text[s:end]: country for s, (end, country) in places.items()}
    named_places = place_mentions(entities, ("name",))
    alone_spans = one_person_sentences(entities, sentences)
    story = story_home_of(text, entities, url, places)
    home = story.country
    published_in = publication_country(url)
    abroad_only = len(places) >= MIN_PLACE_MENTIONS and published_in not in {c for _, c in places.values()}
    by_sentence = countries_by_sentence(entities, text)
    out = []
    for e in entities:
        if e.type == "PERSON" and e.country_source == "kb" and e.kb_id is not None:
            # "The driver, James Mitchell of Charleston": the text places the person elsewhere than the
            # knowledge base's namesake (a Caribbean prime minister): the text wins, and the link goes
            placed = placed_by(text, e, named_places) if _of_a_place(text, e) else None
            if placed is not None and placed != e.country:
                sector = None if e.sector_source == "kb" else e.sector
                sector_source = None if sector is None else e.sector_source
                e = dataclasses.replace(
                    e,
                    country=None,
                    country_source=None,
                    kb_id=None,
                    sector=sector,
                    sector_source=sector_source,
                )
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


# Right after a person's name: "of" a place, as a local story introduces its residents ("James Mitchell of
# Charleston", "NAME, 44, of Dayton"), not where a visitor is ("who is in Johannesburg")
_OF_PLACE = re.compile(r",?\s+(?:\d{1,3},\s+)?of\s+[A-Z]")


def _of_a_place(text: str, e: Entity) -> bool:
    """Some name mention of the person is followed by "of PLACE" (`_OF_PLACE`)."""
    return any(m.kind == "name" and _OF_PLACE.match(text, m.end) for m in e.mentions)


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
