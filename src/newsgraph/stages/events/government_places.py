"""The places that may stand for a government in an event's roles (roles.py, section 5 of
docs/annotation.md): a country, or its national capital ("sanctions on Iran", "Washington said"); a town,
region or coast never does. Split from roles.py.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ... import lexicons
from ...geo.gazetteer import gazetteer
from ...geo.place import name_key

if TYPE_CHECKING:
    from ...model import Entity


@functools.cache
def _capital_ids() -> frozenset[str]:
    """Gazetteer ids of the national capitals (the city of the capital's name in its country)."""
    places = gazetteer()
    return frozenset(
        p.geonameid
        for c in lexicons.countries()
        if c.capital
        for p in places.lookup(c.capital)
        if p.kind == "city" and p.country == c.iso3 and p.geonameid
    )


def government_place(ent: Entity) -> bool:
    """A country or a national capital, the places that may stand for a government ("Washington said").
    A place the gazetteer did not resolve is given the benefit of the doubt ("Kiev", an old spelling)."""
    if ent.geonameid is None:
        return True
    if country_itself(ent):
        return True
    country = lexicons.country_by_code().get(ent.country or "")
    if country is not None and name_key(ent.name) == name_key(country.capital):
        return True
    return ent.geonameid in _capital_ids()


def country_itself(ent: Entity) -> bool:
    """The country itself, by its gazetteer id (named by an alias: "the U.S.", "Britain") or its name."""
    country = lexicons.country_by_code().get(ent.country or "")
    return country is not None and (
        ent.geonameid == country.geonameid or name_key(ent.name) == name_key(country.name)
    )
