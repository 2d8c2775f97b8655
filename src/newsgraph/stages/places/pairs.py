"""A town and the division it lies in, written "Town, Division": "Dover, Kent", "Taunton, Somerset",
"Kalgoorlie, Western Australia". Each name alone has namesakes abroad (Kent and Somerset are counties of
several US states, and GeoNames lists them before England's), so each is read with the other: the
division is one of that name lying in a country where a town of the town's name lies, and the town one of
those towns. A US state or county must be the town's own state or of it (Taunton, Massachusetts lies in
no Somerset County). rank.py's hint already narrows the town by a state, a country or a Canadian or Australian
province after its comma; this narrows the division too, and reads the counties and provinces of the
other countries.

Not in a list ("Leeds, York and Hull", "Leeds, York, Hull": the name after the comma runs on into more
names, unless a country's or a nation's: "Maidstone, Kent, England"), and only when both readings agree
somewhere: a pair the gazetteer cannot place together keeps each name's own candidates. Once the town is
chosen, the division is the one it lies in (`lying_in`): both Dover, Delaware and Dover in England lie in
a Kent.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ... import lexicons
from ...geo import Place
from ...model import Entity

# What a division is: a state or province, a county, a region of a country.
DIVISION_KINDS = frozenset({"adm1", "adm2", "adm2short", "region"})
# The comma between the two names, and nothing else.
_COMMA = re.compile(r",[ \t]*\Z")
_REACH = 3
_TOWN_KINDS = ("city", "adm2", "adm2short")
# More names after the division's: a list of places, not a town and its division.
_LIST_GOES_ON = re.compile(
    r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
    r"(?P<next>[A-Z][\w.'-]*(?:[ \t][A-Z][\w.'-]*)*)"
)


def _in_list(text: str, end: int) -> bool:
    m = _LIST_GOES_ON.match(text, end)
    return m is not None and not lexicons.names_country_or_nation(m.group("next"))


def division_pairs(places: dict[str, Entity], text: str) -> list[tuple[str, str]]:
    """(town entity id, division entity id) for each name mention of a place written right after another
    place's name mention and a comma."""
    ends = {m.end: eid for eid, e in places.items() for m in e.mentions if m.kind == "name"}
    pairs = []
    for eid, e in places.items():
        for m in e.mentions:
            if m.kind != "name":
                continue
            comma = _COMMA.search(text, max(0, m.start - _REACH), m.start)
            town = ends.get(comma.start()) if comma is not None else None
            if town is not None and town != eid and (town, eid) not in pairs and not _in_list(text, m.end):
                pairs.append((town, eid))
    return pairs


def _together(town: Place, division: Place) -> bool:
    if town.country is None or town.country != division.country or town.kind not in _TOWN_KINDS:
        return False
    # A US state or county lists its state; a town of another state is not in it.
    if division.country == "USA" and division.admin1 and town.admin1:
        return division.admin1 == town.admin1
    return True


def read_together(
    towns: tuple[Place, ...], divisions: tuple[Place, ...]
) -> tuple[tuple[Place, ...], tuple[Place, ...]] | None:
    """The town's and the division's candidates that lie together (see the module's docstring), or None
    when no two do."""
    divisions = tuple(d for d in divisions if d.kind in DIVISION_KINDS)
    kept_towns = tuple(t for t in towns if any(_together(t, d) for d in divisions))
    kept_divisions = tuple(d for d in divisions if any(_together(t, d) for t in towns))
    if not kept_towns or not kept_divisions:
        return None
    return kept_towns, kept_divisions


def narrow_pairs(
    places: dict[str, Entity],
    text: str,
    cands: dict[str, tuple[Place, ...]],
    every: Callable[[Entity], tuple[Place, ...]],
) -> tuple[dict[str, tuple[Place, ...]], list[tuple[str, str]]]:
    """New candidates of the towns and divisions written "Town, Division" that can be read together, and
    those pairs. `every` gives an entity's candidates before any cut to the likeliest (Kent's English
    county comes after four American ones)."""
    out: dict[str, tuple[Place, ...]] = {}
    read_pairs = []
    for town, division in division_pairs(places, text):
        divisions = every(places[division])
        if any(d.kind == "country" for d in divisions):
            continue  # "Chicacao, Guatemala": the country, not its namesake department (rank.py's hint)
        read = read_together(out.get(town, cands[town]), divisions)
        if read is not None:
            out[town], out[division] = read
            read_pairs.append((town, division))
    return out, read_pairs


def lying_in(town: Place, divisions: tuple[Place, ...]) -> tuple[Place, ...]:
    """The divisions the chosen town lies in."""
    return tuple(d for d in divisions if d.kind in DIVISION_KINDS and _together(town, d))
