"""Countries from the places a story is set in, once the places stage has resolved them (it runs after the
entities stage, so this is a stage of its own, after places):

- a person placed by a place right after their name ("Dana Whitfield, 44, of Dayton, Ohio", "Ann Bolt, a
  Dayton resident"): that place's country, source `region`;
- a body whose name holds a place of the story ("Dayton Police Department", "Lane County Board"), is
  followed by "of PLACE" ("ACME Co of PLACE") or is named after a city ("University of CITY":
  country_phrases.py): that place's country, source `region`;
- the story's home country (`home`): the dateline's, else the country of more than half the story's place
  mentions (a territory's counting as its sovereign's), else the publication's country when every place of a
  story too short for that lies there, or when it is named more often than any other. It goes to roles of
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
from ..common import is_sports_story, publication_country
from .countries import is_domestic_title
from .country_phrases import body_named_of, body_of_place
from .performers import is_performer
from .place_countries import as_written, city_country, home_country, namesakes_at_home, story_start
from .story_countries import filed_from_abroad

# Sectors of bodies of domestic life, placed at home when their first sentence names no other country.
_HOME_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "EDU"})
# Bodies a local story's home country may go to when it names other countries too.
_LOCAL_SECTORS = _HOME_SECTORS | {"MIL"}
# Bodies of more than one state, never given a home country.
_NOT_HOME_SECTORS = frozenset({"IGO", "NGO", "REB"})
# Sectors of titles whose holders a story names as often abroad as at home (presidents, secretaries).
_ABROAD_SECTORS = frozenset({"GOV", "MIL", "IGO"})
# What may follow a name before the place that places the person: "NAME, 44, of PLACE", "NAME of PLACE",
# "NAME, who is from PLACE", "NAME, a PLACE resident".
_PLACED_BY = re.compile(
    r"(?:,[ \t]*\d{1,3},?)?[ \t]+(?:of|from)[ \t]+|,[ \t]*who[ \t]+(?:is|was|lives)[ \t]+(?:from|in)[ \t]+"
    r"|,[ \t]*an?[ \t]+(?=[A-Z])"
)
_RESIDENT_WORDS = re.compile(r"[ \t]+(?:resident|native|woman|man)\b")
# "NAME, an obstetrician in PLACE": a lower-case description of one to three words, then "in"/"from".
_DESCRIBED_IN = re.compile(r",[ \t]+(?:an?|the)[ \t]+((?:[a-z][\w'-]*[ \t]+){1,3})(?:in|from)[ \t]+")
# "at his home in PLACE": where the one person a sentence names lives.
_HOME_IN = re.compile(r"\b(?:his|her)[ \t]+(?:home|house|hometown)[ \t]+(?:in|at|near)[ \t]+")
# "from his PLACE office": a place before a noun of where one lives or works (home_words' `own_places`).
_HIS = re.compile(r"\b(?:his|her)[ \t]+")
_NOUN_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
# A story's home from its places: enough place mentions, and more than half of them in one country.
_MIN_PLACE_MENTIONS = 3
_HOME_SHARE = 1 / 2
# Territories whose places count as their sovereign's for a story's home (a US story naming Guam).
TERRITORY_OF = {"ASM": "USA", "GUM": "USA", "MNP": "USA", "PRI": "USA", "VIR": "USA", "UMI": "USA"}


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
    `local`: its places and its publication agree on it (a local paper's story, not a wire report)."""

    country: str | None
    only: bool = False
    local: bool = False


def story_home(text: str, entities: tuple[Entity, ...], url: str | None = None) -> StoryHome:
    """The story's home country: the dateline's (unless the story is told of another country, from a
    bureau abroad: story_countries.filed_from_abroad), else that of more than half its place mentions,
    which must name two places at least and agree with the publication's country when it is known."""
    return _story_home(text, entities, url, _place_mentions(entities))


def _story_home(
    text: str, entities: tuple[Entity, ...], url: str | None, places: dict[int, tuple[int, str]]
) -> StoryHome:
    """`story_home`, given the document's `_place_mentions`, which `place_countries` reads as well. A story
    too short for the share of its places (fewer than three mentions or one place) is at home where its
    publication is when every place it names lies there; a longer one whose places lie in several
    countries, when its publication's is named more often than any other."""
    counts: Counter[str] = Counter(country for _, country in places.values())
    published_in = publication_country(url)
    home = home_country(text)
    total = sum(counts.values())
    local = False
    if home is not None and filed_from_abroad(home, counts):
        home = None
    if home is None and total >= _MIN_PLACE_MENTIONS and _distinct_places(entities) >= 2:
        top, n = counts.most_common(1)[0]
        home = top if n > _HOME_SHARE * total else None
        home = None if published_in is not None and published_in != home else home
        local = home is not None and published_in == home
    if home is None and set(counts) <= {published_in} and published_in is not None:
        # A local paper's short story: every place it names (one or two, or none the names stage found:
        # "the township", "the club") lies where the paper is published.
        home, local = published_in, True
    if home is None and total >= _MIN_PLACE_MENTIONS:
        # A local paper's story of home and abroad ("of Muncie ... killed in Iraq ... Afghanistan"): the
        # paper's country when it is named more often than any other, though not in most mentions.
        ranked = counts.most_common(2)
        if ranked[0][0] == published_in and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            home, local = published_in, True
    only = home is not None and set(counts) <= {home} and total >= _MIN_PLACE_MENTIONS
    return StoryHome(home, only, local)


def _placed_by(text: str, e: Entity, places: dict[int, tuple[int, str]]) -> str | None:
    """The country of a place written right after one of a person's names, None when none is."""
    found = set()
    for m in e.mentions:
        if m.kind != "name":
            continue
        gap = _PLACED_BY.match(text, m.end)
        if gap is None:
            continue
        place = places.get(gap.end())
        if place is None:
            continue
        if gap.group().rstrip().endswith((" a", " an")) and not _RESIDENT_WORDS.match(text, place[0]):
            continue  # "NAME, a Paris lawyer" is not said; "NAME, a Boston native" is
        found.add(place[1])
    return found.pop() if len(found) == 1 else None


def _described_in(text: str, e: Entity, places: dict[int, tuple[int, str]]) -> str | None:
    """The country of the place a description after a name puts the person in ("NAME, an obstetrician in
    PLACE"), unless the description is of someone away from home ("a correspondent in PLACE")."""
    found = set()
    for m in e.mentions:
        gap = _DESCRIBED_IN.match(text, m.end) if m.kind == "name" else None
        if gap is None or set(gap.group(1).split()) & home_words().visiting:
            continue
        place = places.get(gap.end())
        if place is not None:
            found.add(place[1])
    return found.pop() if len(found) == 1 else None


def _home_in(
    text: str, e: Entity, places: dict[int, tuple[int, str]], spans: dict[int, tuple[int, int]]
) -> str | None:
    """The country of "his/her home in PLACE" or "his/her PLACE office" in a sentence that names this person
    and no other (`spans`: such sentences' character spans)."""
    found = set()
    for m in e.mentions:
        span = spans.get(m.sentence) if m.kind == "name" else None
        if span is None:
            continue
        for hit in _HOME_IN.finditer(text, span[0], span[1]):
            place = places.get(hit.end())
            if place is not None:
                found.add(place[1])
        for hit in _HIS.finditer(text, span[0], span[1]):
            place = places.get(hit.end())
            noun = _NOUN_AFTER.match(text, place[0]) if place is not None else None
            if place is not None and noun is not None and noun.group(1) in home_words().own_places:
                found.add(place[1])
    return found.pop() if len(found) == 1 else None


def _one_person_sentences(
    entities: tuple[Entity, ...], sentences: tuple[tuple[int, int], ...]
) -> dict[int, tuple[int, int]]:
    """Sentence index -> its character span, for the sentences that name exactly one person."""
    named: dict[int, set[str]] = {}
    for e in entities:
        if e.type == "PERSON":
            for m in e.mentions:
                if m.kind == "name":
                    named.setdefault(m.sentence, set()).add(e.id)
    return {i: sentences[i] for i, ids in named.items() if len(ids) == 1 and i < len(sentences)}


def _named_after_place(e: Entity, by_name: dict[str, str]) -> str | None:
    """The country of a place that opens a body's name ("Dayton Police Department"): a place of the story
    (`by_name`: each place mention's text -> its country), else a big city the gazetteer knows with no
    namesake of its size elsewhere ("Karachi Stock Exchange", "Nairobi police")."""
    return _opened_by_place([m.text for m in e.mentions if m.kind == "name"], by_name)


def _opened_by_place(names: list[str], by_name: dict[str, str]) -> str | None:
    found = set()
    for name in names:
        words = name.split()
        if len(words) < 2 or words[-1].lower() in home_words().not_local_bodies:
            continue
        for n in range(len(words) - 1, 0, -1):
            opening = " ".join(words[:n])
            country = by_name.get(opening)
            if country is None and n <= 2 and all(w[:1].isupper() and w.isalpha() for w in words[:n]):
                country = city_country(opening)
            if country is not None:
                found.add(TERRITORY_OF.get(country, country))
                break
    return found.pop() if len(found) == 1 else None


def _title_after_place(e: Entity, by_name: dict[str, str]) -> str | None:
    """The country of a place that opens a person's title ("Lagos police spokesman NAME", "Dayton Mayor
    NAME"): the place's, as for a body named after it."""
    return _opened_by_place(list(e.titles), by_name)


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
        e.sector not in _NOT_HOME_SECTORS
        and e.kb_id is None
        and not abroad
        and not words & home_words().not_home_words
        and e.name.lower() not in home_words().not_home_names
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


def countries_by_sentence(entities: tuple[Entity, ...]) -> dict[int, set[str]]:
    """Sentence index -> the countries of the places it names (a territory's as its sovereign's)."""
    by_sentence: dict[int, set[str]] = {}
    for e in entities:
        if e.is_place and e.country:
            for m in e.mentions:
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
    alone_spans = _one_person_sentences(entities, sentences)
    story = _story_home(text, entities, url, places)
    home = story.country
    published_in = publication_country(url)
    by_sentence = countries_by_sentence(entities)
    out = []
    for e in entities:
        if e.country is None and e.type == "PERSON":
            placed = (
                _placed_by(text, e, named_places)
                or _described_in(text, e, named_places)
                or _home_in(text, e, named_places, alone_spans)
            )
            placed = placed or _title_after_place(e, place_names)
            if placed is not None:
                e = dataclasses.replace(e, country=placed, country_source="region")
        if e.country is None and e.type == "ORG":
            one_state = _of_one_state(e)
            named = body_of_place(text, e, named_places) if one_state else None
            named = named or _named_after_place(e, place_names)
            named = named or (body_named_of(e, place_names) if one_state else None)
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
            and _domestic(e)
            and _first_sentence_within(e, text, by_sentence, published_in)
            and _of_one_state(e)
        ):
            # A local paper's story whose places tell no home (few, or misread): its judge, sheriff or
            # district attorney is of the paper's country when their first sentence names no other.
            e = dataclasses.replace(e, country=published_in, country_source="home")
        out.append(e)
    return tuple(out)


def run(parsed: Parsed, results: Results) -> Results:
    if is_sports_story(parsed.text):
        return results  # a sports story's places are venues and clubs, its players of any country
    seen = namesakes_at_home(parsed.text, results.entities, parsed.article.url)
    entities = place_countries(parsed.text, seen, parsed.article.url, parsed.sentences)
    return results.replace(entities=as_written(results.entities, seen, entities))
