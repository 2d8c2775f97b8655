"""Word lists of the places stage (lexicons/place_words.tsv), read by name."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import Row, _split, read_lists, read_table


@dataclass(frozen=True)
class PlaceWords:
    """One field per list of lexicons/place_words.tsv (why each list exists is said in the file's header)."""

    calendar: frozenset[str]
    place_nouns: frozenset[str]
    place_preps: frozenset[str]
    person_titles: frozenset[str]
    speech_verbs: tuple[str, ...]
    nature_words: frozenset[str]
    lower_qualifiers: frozenset[str]
    named_place_words: tuple[str, ...]
    map_words: frozenset[str]
    place_heads: frozenset[str]
    locative_preps: frozenset[str]
    qualifiers: frozenset[str]
    abbreviations: tuple[str, ...]
    state_bodies: frozenset[str]
    within_nouns: frozenset[str]
    street_firsts: frozenset[str]
    route_words: frozenset[str]


@functools.cache
def place_words() -> PlaceWords:
    return read_lists("place_words.tsv", PlaceWords)


# ---------------------------------------------------------------- the place tables

_DEGREES = {"lat": 90.0, "lon": 180.0}


def _degrees(row: Row, column: str) -> float:
    """The latitude or longitude in `column`: a ConfigError naming the file, line and column when it is not
    a number of degrees in range (a bare float() would raise a ValueError that names none of them)."""
    limit = _DEGREES[column]
    try:
        value = float(row[column])
    except ValueError:
        value = float("nan")
    if not -limit <= value <= limit:  # NaN fails this too
        raise row.error(column, f"{row[column]!r} is not a number of degrees from {-limit:g} to {limit:g}")
    return value


@functools.cache
def street_words() -> frozenset[str]:
    """Words of street and road names, case as written (places_street_words.tsv)."""
    return frozenset(r["word"] for r in read_table("places_street_words.tsv", ("word",)))


@functools.cache
def generic_words() -> frozenset[str]:
    """Lower-cased words too generic to be a place's name on their own (places_generic_words.tsv)."""
    return frozenset(r["word"].lower() for r in read_table("places_generic_words.tsv", ("word",)))


@functools.cache
def court_district_words() -> frozenset[str]:
    """Words before "District" in a federal judicial district's name (places_court_districts.tsv)."""
    return frozenset(r["word"] for r in read_table("places_court_districts.tsv", ("word",)))


@functools.cache
def home_suffixes() -> tuple[tuple[str, str], ...]:
    """(lower-cased end of a source's domain or name, ISO3 country) in file order (places_home.tsv). Every
    end starts with a dot, so that a source's own host matches on a label boundary only."""
    out = []
    for r in read_table("places_home.tsv", ("suffix", "country")):
        if not r["suffix"].startswith("."):
            raise r.error("suffix", f"{r['suffix']!r} does not start with a dot (write '.{r['suffix']}')")
        out.append((r["suffix"].lower(), r["country"]))
    return tuple(out)


@dataclass(frozen=True)
class NotPlaceWord:
    word: str  # "*word" matches as the end of a capitalised word
    type: str  # ORG or PERSON
    alone: bool  # no place even as a whole name on its own


@functools.cache
def not_place_words() -> tuple[NotPlaceWord, ...]:
    """Words that make a name an organisation's or a person's, not a place's (places_not_place_words.tsv)."""
    out = []
    for r in read_table("places_not_place_words.tsv", ("word", "type", "alone")):
        if r["type"] not in ("ORG", "PERSON"):
            raise r.error("type", f"{r['word']!r} has type {r['type']!r}, not ORG or PERSON")
        if r["alone"] not in ("", "alone"):
            raise r.error("alone", f"{r['alone']!r} is neither empty nor 'alone'")
        out.append(NotPlaceWord(r["word"], r["type"], r["alone"] == "alone"))
    return tuple(out)


@functools.cache
def centroids() -> dict[str, tuple[float, float]]:
    """ISO3 -> (lat, lon) where a country's GeoNames point is a poor centre (places_centroids.tsv)."""
    return {
        r["iso3"]: (_degrees(r, "lat"), _degrees(r, "lon"))
        for r in read_table("places_centroids.tsv", ("iso3", "lat", "lon"))
    }


@dataclass(frozen=True)
class UsState:
    code: str
    name: str
    abbreviations: tuple[str, ...]
    lat: float
    lon: float


@functools.cache
def us_states() -> tuple[UsState, ...]:
    columns = ("code", "name", "abbreviations", "lat", "lon")
    return tuple(
        UsState(r["code"], r["name"], _split(r["abbreviations"]), _degrees(r, "lat"), _degrees(r, "lon"))
        for r in read_table("places_us_states.tsv", columns)
    )


@dataclass(frozen=True)
class Region:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    lat: float
    lon: float
    kind: str
    demonyms: tuple[str, ...] = ()  # "African", "Kurds": words named after the region


@functools.cache
def regions() -> tuple[Region, ...]:
    """Regions, seas and continents the GeoNames extracts lack (places_regions.tsv)."""
    return _region_table("places_regions.tsv", "region")


@functools.cache
def counties() -> tuple[Region, ...]:
    """Counties and council areas of the United Kingdom and Ireland (places_counties.tsv): the gazetteer's
    only, since the GeoNames extracts lack them."""
    return _region_table("places_counties.tsv", "adm2")


def _region_table(filename: str, kind: str) -> tuple[Region, ...]:
    """The rows of a table of named areas in places_regions.tsv's columns; `kind` where a row gives none."""
    columns = ("name", "aliases", "country", "lat", "lon", "kind", "demonyms")
    return tuple(
        Region(
            r["name"],
            _split(r["aliases"]),
            r["country"] or None,
            _degrees(r, "lat"),
            _degrees(r, "lon"),
            r["kind"] or kind,
            _split(r["demonyms"]),
        )
        for r in read_table(filename, columns)
    )


@functools.cache
def province_abbreviations() -> dict[str, tuple[str, str]]:
    """An abbreviation of a Canadian province or an Australian state ("Ont.", "N.S.W.") -> (its country's
    ISO3, the province's name) (places_province_forms.tsv)."""
    rows = read_table("places_province_forms.tsv", ("form", "country", "province"))
    return {r["form"]: (r["country"], r["province"]) for r in rows}


@functools.cache
def city_states() -> dict[str, tuple[str, str]]:
    """A state's or country's name -> (its great city's gazetteer name, ISO3), for names news uses for
    both ("New York", "Mexico", "Kuwait"): places_city_states.tsv."""
    return {
        r["name"]: (r["city"], r["country"])
        for r in read_table("places_city_states.tsv", ("name", "city", "country"))
    }


_READINGS = ("international", "domestic")


@dataclass(frozen=True)
class RegionReading:
    """One reading of a region the document's kind decides ("the West": political or the western US)."""

    name: str
    forms: tuple[str, ...]  # as written after "the"
    reading: str  # international | domestic
    country: str | None
    lat: float
    lon: float


@functools.cache
def region_readings() -> tuple[RegionReading, ...]:
    """The readings of "the West" and its like, in file order (places_readings.tsv)."""
    out = []
    for r in read_table("places_readings.tsv", ("name", "forms", "reading", "country", "lat", "lon")):
        if r["reading"] not in _READINGS:
            raise r.error("reading", f"{r['reading']!r} is not one of {', '.join(_READINGS)}")
        forms = _split(r["forms"])
        if not forms:
            raise r.error("forms", "empty")
        out.append(
            RegionReading(
                r["name"], forms, r["reading"], r["country"] or None, _degrees(r, "lat"), _degrees(r, "lon")
            )
        )
    return tuple(out)
