"""Places the text puts inside another: "the San Blas district of Cusco", "Chicago's Pilsen neighbourhood",
"Xlendi, a village on Gozo", "Clontarf in Dublin". The inner place lies in the outer one's country, so a
namesake abroad that the gazetteer knows (San Blas in Mexico, Pilsen in Czechia) must not stand for a
quarter it does not know, nor a namesake far from the outer town (Lima's Miraflores for "the Miraflores
district of Arequipa"); the inner place then keeps the outer one's country, and the outer town's point
with no GeoNames id of its own.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left

from ...geo import Gazetteer, Place
from ...lexicons.places import place_words
from ...model import Entity
from .rank import LOCAL, LOCAL_KM, Choice, km

_NOUNS = "|".join(sorted(place_words().within_nouns, key=len, reverse=True))
# "X district of Y", "X neighbourhood in Y"
_NOUN_OF = re.compile(rf"\s+(?:{_NOUNS})\s+(?:of|in|on)\s+(?:the\s+)?")
# "X, a hillside neighbourhood of Y", "X (a suburb of Y)", "X, the old quarter of Y"
_APPOSED = re.compile(
    rf"(?:,\s+|\s+\()(?:an?|the)\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{_NOUNS})\s+(?:of|in|on|near|outside)\s+(?:the\s+)?"
)
# "Clontarf in Dublin" ("on" is too often something else: "sanctions imposed by the West on Belarus")
_IN = re.compile(r"\s+in\s+(?:the\s+)?")
# "Chicago's Pilsen", "Manhattan’s West Side"
_POSSESSIVE = re.compile(r"['’]s\s+(?:the\s+)?$")


# What the inner place may have been read as: a town, a county or a province, not a country or a region
_INNER_KINDS = frozenset(("city", "adm2", "adm2short", "adm1"))


@dataclasses.dataclass(frozen=True)
class _Name:
    start: int
    end: int
    entity: str


def _names(entities: tuple[Entity, ...]) -> list[_Name]:
    return sorted(
        (_Name(m.start, m.end, e.id) for e in entities if e.is_place for m in e.mentions if m.kind == "name"),
        key=lambda n: n.start,
    )


def _starting_at(names: list[_Name], starts: list[int], at: int) -> _Name | None:
    i = bisect_left(starts, at)
    return names[i] if i < len(names) and names[i].start == at else None


def containers(entities: tuple[Entity, ...], text: str) -> dict[str, str]:
    """Each place entity the text puts inside another, and that other (the first pattern found)."""
    names = _names(entities)
    starts = [n.start for n in names]
    ends = {n.end: n for n in names}
    out: dict[str, str] = {}
    for inner in names:
        if inner.entity in out:
            continue
        outer = None
        for pattern in (_NOUN_OF, _APPOSED, _IN):
            m = pattern.match(text, inner.end)
            if m is not None and (outer := _starting_at(names, starts, m.end())) is not None:
                break
        if outer is None and (before := _POSSESSIVE.search(text, max(0, inner.start - 8), inner.start)):
            outer = ends.get(before.start())
        if outer is not None and outer.entity != inner.entity:
            out[inner.entity] = outer.entity
    return out


def inside_containers(
    entities: tuple[Entity, ...], choices: dict[str, Choice], text: str, gaz: Gazetteer
) -> tuple[tuple[Entity, ...], dict[str, Choice]]:
    """The choices with each inner place where its outer place lies: its namesake there, or, when the
    gazetteer knows none there, no place, and on the entity the outer place's country and, for an outer
    town or county, its point (a quarter lies within a few kilometres of its town's point; a province's or
    a country's point says too little)."""
    pairs = containers(entities, text)
    if not pairs:
        return entities, choices
    by_id = {e.id: e for e in entities}
    out = dict(choices)
    countries: dict[str, tuple[str, Place | None]] = {}
    for inner, outer in pairs.items():
        held = choices.get(outer)
        where = held.place if held is not None else None
        country = where.country if where is not None else by_id[outer].country
        mine = choices.get(inner)
        if country is None or (mine is not None and _lies_in(mine.place, where, country)):
            continue
        if mine is not None and mine.place.kind not in _INNER_KINDS:
            continue  # a country, a region or a sea stays itself: "Israel in Gaza", "the West in Syria"
        if mine is None and any(p.kind not in _INNER_KINDS for p in gaz.lookup(by_id[inner].name)):
            continue  # "western Africa in Morocco": a continent left unresolved stays so
        there = _namesake_within(by_id[inner], where, country, gaz)
        if there is not None:
            out[inner] = Choice(there, mine.score if mine else 0.0, mine.margin if mine else 0.0)
        else:
            out.pop(inner, None)
            countries[inner] = (country, where if where is not None and where.kind in LOCAL else None)
    if not countries:
        return entities, out
    placed = tuple(_placed(e, *countries[e.id]) if e.id in countries else e for e in entities)
    return placed, out


def _placed(entity: Entity, country: str, town: Place | None) -> Entity:
    """The entity in `country`, at the point of the `town` it lies in if any, with no GeoNames id of its
    own."""
    lat, lon = (town.lat, town.lon) if town is not None else (None, None)
    return dataclasses.replace(entity, country=country, lat=lat, lon=lon, geonameid=None)


def _lies_in(place: Place, outer: Place | None, country: str) -> bool:
    """Whether the chosen place lies where the outer place does: in its country, and near it when the
    outer place is a town or a county ("the Miraflores district of Arequipa" is not Lima's Miraflores)."""
    if place.country != country:
        return False
    # A province is no quarter of a town ("beat Otago in Christchurch": a team's province, not inside it)
    return outer is None or outer.kind not in LOCAL or place.kind == "adm1" or km(place, outer) <= LOCAL_KM


def _namesake_within(entity: Entity, outer: Place | None, country: str, gaz: Gazetteer) -> Place | None:
    """The inner place's namesake that lies where the outer place does: near a town or county (the
    nearest, within LOCAL_KM), or, in a province, a country or an outer place left unresolved, the largest
    in the country (the gazetteer's provinces carry no code their towns share); None when none lies near
    a town (a quarter the gazetteer does not know beside a namesake town far off keeps the country and no
    point)."""
    found = [p for p in gaz.lookup(entity.name) if p.country == country and p.kind != "country"]
    if outer is None or outer.kind not in LOCAL:
        return max(found, key=lambda p: p.population, default=None)
    near = [p for p in found if km(p, outer) <= LOCAL_KM]
    return min(near, key=lambda p: km(p, outer), default=None)
