"""The places stage's last step: the chosen places written back to their entities.

A chosen place gives its entity a country, coordinates and a GeoNames id; a capital that acts
("Washington warned") becomes its government (ORG); a state or country named like its great city ("New
York") is the city where the text says so; and a place the gazetteer does not know takes the country most
of the document's places lie in.
"""

from __future__ import annotations

import dataclasses
import functools
from collections import Counter

from ... import lexicons
from ...geo import Gazetteer
from ...lexicons.places import city_states
from ...model import Entity
from ..base import Parsed
from .rank import Choice


@functools.cache
def _capital_of() -> dict[str, str]:
    return {c.capital: c.iso3 for c in lexicons.countries() if c.capital}


def _government(entity: Entity, parsed: Parsed) -> str | None:
    """The country whose government a capital stands for ("Washington said"), else None."""
    code = _capital_of().get(entity.name)
    names = [m for m in entity.mentions if m.kind == "name"]
    if code is None or not names:
        return None
    doc = parsed.doc
    for m in names:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or span.root.dep_ not in ("nsubj", "nsubjpass") or span.root.head.pos_ != "VERB":
            return None
    return code


_DOMINANT_SHARE = 0.6
_DOMINANT_MIN = 2


def _dominant_country(choices: dict[str, Choice]) -> str | None:
    """The country most of the document's resolved places lie in, when they mostly agree."""
    countries = Counter(c.place.country for c in choices.values() if c.place.kind != "country")
    countries.pop(None, None)
    if not countries:
        return None
    top, n = countries.most_common(1)[0]
    total = sum(countries.values())
    return top if n >= _DOMINANT_MIN and n / total >= _DOMINANT_SHARE else None


def apply_places(
    entities: tuple[Entity, ...], choices: dict[str, Choice], parsed: Parsed
) -> tuple[Entity, ...]:
    # A place the gazetteer does not know (a lake, a park, a hamlet) lies, like its neighbours in the
    # text, in the document's dominant country; its coordinates stay unknown.
    dominant = _dominant_country(choices)
    out = []
    for e in entities:
        choice = choices.get(e.id)
        if e.is_place and e.type == "GPE" and (gov := _government(e, parsed)) is not None:
            out.append(dataclasses.replace(e, type="ORG", country=gov, lat=None, lon=None, geonameid=None))
        elif choice is not None:
            p = choice.place
            out.append(dataclasses.replace(e, country=p.country, lat=p.lat, lon=p.lon, geonameid=p.geonameid))
        elif e.is_place and e.country is None and dominant is not None:
            out.append(dataclasses.replace(e, country=dominant))
        else:
            out.append(e)
    return tuple(out)


def city_over_state(
    entities: tuple[Entity, ...],
    choices: dict[str, Choice],
    parsed: Parsed,
    gaz: Gazetteer,
    marked: frozenset[tuple[int, int]],
) -> dict[str, Choice]:
    """A state or country whose name is also its great city's ("New York", "Mexico", "Kuwait") is the city
    where the text says so: a dateline ("NEW YORK (AP)") or "New York-based"."""
    table = city_states()
    out = dict(choices)
    by_id = {e.id: e for e in entities}
    for eid, c in choices.items():
        entity = by_id[eid]
        if c.place.kind not in ("adm1", "country"):
            continue
        names = [m for m in entity.mentions if m.kind == "name"]
        row = next((table[k] for k in (entity.name, *(m.text.title() for m in names)) if k in table), None)
        if row is None:
            continue
        cities = [p for p in gaz.lookup(row[0]) if p.kind == "city" and p.country == row[1]]
        if not cities:
            continue
        city = max(cities, key=lambda p: p.population)
        # Only what the text says outright: LGL puts "flights to New York" and even a story naming
        # Manhattan in the state, so places of the city beside it are not evidence enough.
        if any((m.start, m.end) in marked or parsed.text.startswith("-based", m.end) for m in names):
            out[eid] = Choice(city, c.score, c.margin)
    return out
