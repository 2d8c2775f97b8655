"""The country a place's written name gives, with no parse: a region of one country (US states with their
abbreviations and postal codes, the regions of places_regions.tsv), a big city without a namesake abroad
near its size, and the article's dateline ("NAIROBI, Kenya (AP) _"). These are lookups in the lexicons and
the gazetteer, shared by the rules that read a person's or a body's country from the words around it
(countries.py), the story's home (homes.py) and the country ranker's evidence (country_evidence.py).

And a local paper's town named like a big city abroad, which the places stage may read as the big city:
for the actors' countries, the town at home (`namesakes_at_home`).
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING

from ... import lexicons
from ...geo.divisions import division_country, named_division_namesake, town_countries
from ...lexicons.entities import entity_words
from ...lexicons.places import province_abbreviations, regions, us_states
from ...model import Entity
from ...nlp.datelines import Dateline, find_datelines
from ..common import host_names, publication_country
from .story_countries import named_countries, named_namesake_country, nation_country

if TYPE_CHECKING:
    from ...geo import Place

# The story's home is its dateline's (nlp.datelines) at the start of a line: "NAIROBI, Kenya (AP) _",
# "WASHINGTON _", "LONDON (Reuters) -", "MINSK 1996-08-30", "JOHANNESBURG, August 7 (Xinhua) --". Not one
# that only a single hyphen ends, which sports headlines use ("SOCCER - ROMANIA BEAT LITHUANIA").
_HOME_REACH = 400
# A dateline's city gives its country when it is a big city and no namesake elsewhere comes close.
_CITY_POPULATION = 50_000
_CITY_MARGIN = 5


def _named_country(form: str) -> str | None:
    country = lexicons.country_by_name().get(form)
    if country is not None:
        return country.iso3
    return region_countries().get(form) or region_countries().get(form + ".")


def city_country(name: str, floor: int = _CITY_POPULATION) -> str | None:
    """The country of a big city of that name (`floor` people at least) with no namesake elsewhere near its
    size, else None."""
    return biggest_alone(places_named(name, ("city", "country")), floor, _CITY_MARGIN)


def places_named(name: str, kinds: tuple[str, ...]) -> list[Place]:
    """The gazetteer's places of that name and of those kinds that lie in a country, biggest first."""
    from ...geo import gazetteer

    places = sorted(gazetteer().lookup(name), key=lambda p: -(p.population or 0))
    return [p for p in places if p.kind in kinds and p.country]


def biggest_alone(places: list[Place], floor: int, margin: float) -> str | None:
    """The country of the first (biggest) of `places` when it has at least `floor` people and `margin`
    times as many as any of them in another country, else None."""
    if not places or (places[0].population or 0) < floor:
        return None
    top = places[0]
    rival = max(((p.population or 0) for p in places if p.country != top.country), default=0)
    return top.country if (top.population or 0) >= margin * rival else None


@functools.lru_cache(maxsize=8)
def story_start(text: str) -> int:
    """Where the story's text begins: its dateline's start when a line opens with one ("STOCKHOLM
    1996-08-30", "NAIROBI, Kenya (AP) _"), so that a headline above it is left out; else 0."""
    d = next((d for d in find_datelines(text, _HOME_REACH) if d.at_line_start), None)
    return d.start if d is not None else 0


def trusted_dateline(d: Dateline, text: str) -> bool:
    """A dateline the story's home trusts: at the start of a line; not one only a hyphen ends unless a
    sentence follows it (a sports headline's shape: "SOCCER - ROMANIA BEAT LITHUANIA"; but "ENNIS - The
    council voted"); a colon's only when it names a country or a big city ("KARACHI: The ..."; not a
    transcript's speaker, "CLINTON: I think ...")."""
    if not d.at_line_start:
        return False
    if d.delimiter == "colon":
        city = text[d.start : d.end].title()
        return (_named_country(city) or city_country(city)) is not None
    return d.agency or d.delimiter != "hyphen" or d.then_sentence


@functools.lru_cache(maxsize=8)
def home_country(text: str) -> str | None:
    """The country of the article's dateline ("NAIROBI, Kenya (AP)": KEN; "BIRMINGHAM, England": GBR), None
    without one; a city with namesakes of like size abroad is the biggest one the story names the
    country of (story_countries.py)."""
    d = next((d for d in find_datelines(text, _HOME_REACH) if trusted_dateline(d, text)), None)
    if d is None:
        return None
    if d.qualifier:
        # "Netherlands" is the lexicon's "The Netherlands"; "England" a nation of GBR.
        forms = (d.qualifier, d.qualifier.title(), "The " + d.qualifier.title())
        named = next((c for f in forms if (c := _named_country(f) or nation_country(f))), None)
        town = text[d.start : d.end].title()
        if named is not None and named not in town_countries(town):
            # "ATLANTA, Georgia": the state where the town lies, not the country of that name
            return division_country(d.qualifier, town, country_too=True) or named
        # "BRANDON, Manitoba", "PERTH, Western Australia": a province, state or region of one country
        return named or division_country(d.qualifier, town)
    city = text[d.start : d.end].title()
    return (
        _named_country(city)
        or city_country(city)
        or named_namesake_country(city, text[d.end :], _CITY_POPULATION)
        or named_division_namesake(city, text[d.end :])
    )


@functools.cache
def region_countries() -> dict[str, str]:
    """A written form of a region of one country -> ISO3: US states (name, AP abbreviation, postal code),
    the regions of places_regions.tsv that lie in one country, and the abbreviations of Canadian provinces
    and Australian states ("Ont.")."""
    out: dict[str, str] = {}
    for state in us_states():
        for form in (state.name, *state.abbreviations, state.code):
            out.setdefault(form, "USA")
    for region in regions():
        if region.country:
            for form in (region.name, *region.aliases):
                out.setdefault(form, region.country)
    for form, (country, _) in province_abbreviations().items():
        out.setdefault(form, country)
    return out


def shadowed_by_region(name: str, country: str) -> bool:
    """Whether the country an organisation's name seems to give is a region of another country there
    ("Georgia Bureau of Investigation", "New Jersey Transit"): then the name gives no country."""
    known = lexicons.country_by_code().get(country)
    if known is None:
        return False
    padded = f" {name} "
    return any(
        other != country and f" {form} " in padded and any(n in form for n in (known.name, *known.aliases))
        for form, other in region_countries().items()
    )


@functools.cache
def _state_names() -> tuple[str, ...]:
    """US state names and AP abbreviations that are no country's name ("Georgia" is both) and no postal
    code ("IN", "OR" are words of capitalised headlines)."""
    countries = lexicons.country_by_name()
    forms = (f for state in us_states() for f in (state.name, *state.abbreviations))
    return tuple(f for f in forms if f not in countries and len(f) > 2)


def region_in_name(name: str) -> str | None:
    """USA for a body whose name holds a US state ("Texas Department of Public Safety", "Ohio State
    University"), else None. Other regions are left out: their country is often disputed (Kashmir, Golan)
    or not the body's ("Kurdistan Workers' Party" is Turkey's)."""
    padded = " " + name.removesuffix("'s") + " "
    return "USA" if any(f" {form} " in padded for form in _state_names()) else None


def town_in_name(name: str, places: frozenset[str] = frozenset()) -> str | None:
    """The country of the big town a body is named after when it sits there ("University of Windsor",
    "Lagos University", "Delhi Police", "Leeds United", "AC Milan"; entity_words' seat_heads,
    club_suffixes and club_prefixes): a town of at least _CITY_POPULATION
    with no namesake abroad near its size (`city_country`), else None (Cambridge, Hamilton). None too
    when the story names the town among its `places`: which town it is, a local paper's namesake of a
    big city abroad, is then the places' reading (`namesakes_at_home`), not the name's."""
    words = name.removesuffix("'s").replace(",", " ").split()
    words_of = entity_words()
    heads, prefixes = words_of.seat_heads | words_of.club_suffixes, words_of.club_prefixes
    for i, word in enumerate(words):
        if word.lower() not in heads and not (i == 0 and word.lower() in prefixes and len(words) > 1):
            continue
        if i == 0 and word.lower() in prefixes:
            town = _club_town(words[1:])  # "AC Milan", "Real Madrid", "Racing FC de Kribi"
        elif i + 2 < len(words) and words[i + 1] == "of":
            town = _capitalised_run(words[i + 2 :])  # "University of Windsor Law"
        else:
            town = _capitalised_run(words[:i][::-1])[::-1]  # "Lagos State University": "Lagos State"
        for n in range(len(town), 0, -1):  # "Lagos State" then "Lagos"
            form = " ".join(town[:n])
            if form in places:
                return None
            if form in lexicons.country_by_name() or form in region_countries():
                break  # a country or a region is no town ("University of Georgia"): build.py reads it
            found = city_country(form)
            if found is not None:
                return found
    return None


def _club_town(words: list[str]) -> list[str]:
    """The town of a club's name after its prefix: the capitalised words after the last particle ("FC de
    Kribi", "de Bertoua"), else those left when its short capitals are dropped ("AC Milan", "FC Porto")."""
    last = max((k for k, w in enumerate(words) if w.islower()), default=None)
    if last is not None:
        return _capitalised_run(words[last + 1 :])
    return _capitalised_run([w for w in words if not (w.isupper() and len(w) <= 3)])


def _capitalised_run(words: list[str]) -> list[str]:
    """The words up to the first that is not capitalised, at most three."""
    run: list[str] = []
    for word in words[:3]:
        if not word[:1].isupper():
            break
        run.append(word)
    return run


# A town a story is set in is named at least this often.
_TOWN_MENTIONS = 2


def namesakes_at_home(text: str, entities: tuple[Entity, ...], url: str | None) -> tuple[Entity, ...]:
    """The entities as the actors' countries should read them. A town the places stage read as one of its
    namesakes, in a story that supports that reading by nothing else, is read as the namesake the story's
    other places support, with the places whose names hold its name ("TOWN City"):
    - a local paper's town taken for its big namesake abroad (a suburb named like a European capital) is
      the paper's country's town of that name, when the story names another place of the paper's country
      or the paper's web address names the town (a local paper is named after its town: "thetownnews.com");
    - a town taken for a small namesake in the paper's country (a web address's generic ending says little)
      is the big city of that name with no namesake near its size (`city_country`), when the story names
      another place of that city's country.
    Only when the story has no dateline, names the town at least twice, never names the country it was read
    in (by a name, a demonym or another place of it), and the gazetteer knows a city of that name there."""
    from ...geo import gazetteer

    published_in = publication_country(url)
    if published_in is None or home_country(text) is not None:
        return entities
    places = [e for e in entities if e.is_place and e.country]
    named = named_countries(text)
    moved: dict[str, str] = {}
    for town in places:
        read_in = town.country
        if (
            read_in in named
            or town.id in moved
            or sum(m.kind == "name" for m in town.mentions) < _TOWN_MENTIONS
        ):
            continue
        its_own = [p for p in places if f" {town.name} " in f" {p.name} " and p.country == read_in]
        others = [p for p in places if p not in its_own]
        at = published_in if read_in != published_in else city_country(town.name)
        if at is None or at == read_in or any(p.country == read_in for p in others):
            continue
        by_paper = at == published_in and host_names(url, town.name)
        supported = by_paper or any(p.country == at for p in others)
        if supported and any(p.kind == "city" and p.country == at for p in gazetteer().lookup(town.name)):
            moved.update((p.id, at) for p in its_own)
    if not moved:
        return entities
    return tuple(dataclasses.replace(e, country=moved[e.id]) if e.id in moved else e for e in entities)


def as_written(
    entities: tuple[Entity, ...], seen: tuple[Entity, ...], read: tuple[Entity, ...]
) -> tuple[Entity, ...]:
    """`read`, the entities computed from the view `seen` of `entities`, with the places `seen` re-read
    (`namesakes_at_home`) given back as the places stage wrote them: the view is the actors' only."""
    if seen is entities:
        return read
    original = {e.id: e for e, s in zip(entities, seen, strict=True) if e is not s}
    return tuple(original.get(e.id, e) for e in read)


def is_big_place(word: str) -> bool:
    """A country, or a town of 100,000 people or more, is called `word` ("Jordan", "Lima", "Leeds"): "Lima
    Burrows, 27," may be a list. A given name borne by both genders ("Ashley") is no names list's, and few
    towns are called so."""
    from ...geo import gazetteer

    return any(p.kind == "country" or (p.population or 0) >= 100_000 for p in gazetteer().lookup(word))
