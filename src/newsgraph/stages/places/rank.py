"""Ranking a place entity's gazetteer candidates: a prior by kind and population, then what the document
says (patterns after a mention, the paper's home country, the countries and US states of the other places,
and how near the other places' candidates lie).
"""

from __future__ import annotations

import dataclasses
import functools
import math
from dataclasses import dataclass
from typing import NamedTuple

from ... import lexicons
from ...geo import Place, name_key
from .context import Hint

# Prior score by kind: a country or state name means that unit more often than a town of the same name
# (a town scores log10 of its population, 0-7).
_KIND_PRIOR = {
    "country": 9.0,
    "adm1": 7.0,
    "region": 8.0,
    "continent": 8.0,
    "water": 7.0,
    "area": 8.0,
    "union": 8.0,
    "adm2": 6.0,
    "adm2short": 3.5,
}
_FOREIGN_ADM1 = 6.0
LOCAL = ("city", "adm2", "adm2short")
# How far from the towns a story names a place may lie and still be their neighbour (resolve.py,
# narrow.py).
LOCAL_KM = 80.0


@dataclass(frozen=True)
class Choice:
    place: Place
    score: float
    margin: float


_CAPITAL_BONUS = 1.5


@functools.cache
def _capitals() -> frozenset[tuple[str, str]]:
    """(country, name key) of national capitals: news names them far more often than their size says."""
    return frozenset((c.iso3, name_key(c.capital)) for c in lexicons.countries() if c.capital)


def is_capital(p: Place) -> bool:
    """Whether the place is a national capital (of 100,000 people or more: not a namesake village)."""
    return p.kind == "city" and p.population >= 100_000 and (p.country or "", name_key(p.name)) in _capitals()


@functools.cache
def capital_floor() -> float:
    """The base score a national capital of 100,000 people reaches: no mere town outranks it."""
    return math.log10(100_001) + 0.5 + _CAPITAL_BONUS


def base_score(p: Place) -> float:
    if p.kind == "city":
        score = math.log10(p.population + 1) + (0.5 if p.population >= 100_000 else 0.0)
        if is_capital(p):
            score += _CAPITAL_BONUS
        return score
    if p.kind == "adm1" and p.country != "USA":
        # A nation inside a state ("Wales", "Scotland", "Quebec") means itself as a country's name does,
        # unless the text says otherwise: its namesake towns (Wales, Massachusetts) must not outvote it.
        return _KIND_PRIOR["country"] if _is_nation(p) else _FOREIGN_ADM1
    return _KIND_PRIOR.get(p.kind, 5.0)


@functools.cache
def _nations() -> frozenset[tuple[str, str]]:
    """(sovereign, name key) of the nations of lexicons/nations.tsv ("England", "Quebec")."""
    return frozenset((n.sovereign, name_key(n.name)) for n in lexicons.nations())


def _is_nation(p: Place) -> bool:
    return (p.country or "", name_key(p.name)) in _nations()


def fits(p: Place, h: Hint) -> bool:
    if h.state is not None and p.country == "USA" and p.admin1 == h.state and p.kind in LOCAL:
        return True
    return h.country is not None and p.country == h.country and p.kind != "country"


def km(a: Place, b: Place) -> float:
    return _km_points((a.lat, a.lon), (b.lat, b.lon))


def cell(p: Place) -> tuple[int, int]:
    return math.floor(p.lat), math.floor(p.lon)


def fine_cell(p: Place) -> tuple[str, int, int]:
    """A quarter-degree cell: with the eight around it, 30-80 km (a town and its county)."""
    return "fine", math.floor(p.lat * 4), math.floor(p.lon * 4)


_MAX_SPREAD_CELLS = 20
_AROUND = [(i, j) for i in (-1, 0, 1) for j in (-1, 0, 1)]


class Support(NamedTuple):
    """For one cell or state: the weight of each entity with a candidate there, and their total. (A named
    tuple: spread makes one for every cell around every candidate, and a frozen dataclass is slower to
    make.)"""

    total: float
    by_entity: dict[str, float]

    def others(self, entity_id: str) -> float:
        return self.total - self.by_entity.get(entity_id, 0.0)


def supports(weights: dict[object, dict[str, float]]) -> dict[object, Support]:
    return {k: Support(sum(v.values()), v) for k, v in weights.items()}


@dataclass(frozen=True)
class Context:
    """What the rest of the document says about where its places lie.

    `near` and `states` map a one-degree cell (with the eight around it: 100-300 km), a quarter-degree
    one (30-80 km) or a US state to the
    entities with a candidate there and how much that counts (an entity with candidates all over the map
    counts little); `countries` are the weights of countries among first-pass choices and `votes` each
    entity's own (country, weight), left out when that entity is scored; `named_states` the
    US states the text names, `chosen_states` those of first-pass town choices.
    """

    home: str | None
    near: dict[object, Support]
    states: dict[object, Support]
    countries: dict[str, float] = dataclasses.field(default_factory=dict)
    votes: dict[str, tuple[str, float]] = dataclasses.field(default_factory=dict)
    named_states: frozenset[str] = frozenset()
    chosen_states: dict[object, Support] = dataclasses.field(default_factory=dict)
    neighbours: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    country_points: dict[str, tuple[float, float]] = dataclasses.field(default_factory=dict)


def _share(ctx: Context, country: str, entity_id: str) -> float:
    """The share of `country` among the first-pass countries of the entities other than `entity_id`."""
    own_country, own = ctx.votes.get(entity_id, ("", 0.0))
    total = sum(ctx.countries.values()) - own
    if total <= 0:
        return 0.0
    return (ctx.countries.get(country, 0.0) - (own if own_country == country else 0.0)) / total


def _support(where: Support | None, entity_id: str) -> float:
    return where.others(entity_id) if where is not None else 0.0


_NEAR_REGION = 2.0
_REGION_REACH_KM = 3000.0


def _near_share(p: Place, ctx: Context, entity_id: str) -> float:
    """The share of the document's other countries that lie within reach of a sea or region without a
    country: "the Gulf" of a story about Iraq and Kuwait is the Persian Gulf, of one about Texas the Gulf
    of Mexico."""
    # Each country once: the many mentions of "U.S." warships in the Gulf must not outvote Iraq, Iran
    # and Kuwait.
    own_country, own = ctx.votes.get(entity_id, ("", 0.0))
    total = near = 0
    for country, weight in ctx.countries.items():
        where = ctx.country_points.get(country)
        if where is None or weight - (own if country == own_country else 0.0) <= 0:
            continue
        total += 1
        near += _km_points((p.lat, p.lon), where) <= _REGION_REACH_KM
    return near / total if total else 0.0


def _km_points(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance between two (lat, lon) points."""
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def _score(p: Place, hints: list[Hint], ctx: Context, entity_id: str) -> float:
    s = base_score(p)
    for h in hints:
        s += 20.0 if fits(p, h) else -20.0
    if p.country is not None and p.country == ctx.home:
        s += 2.5
    if p.country:
        # The other places' countries: a name said five times must not confirm its own first guess.
        s += 3.0 * _share(ctx, p.country, entity_id)
        if p.kind == "country" and any(ctx.countries.get(n, 0.0) for n in ctx.neighbours.get(p.country, ())):
            s += 1.5
    if p.country == "USA" and p.admin1:
        if p.admin1 in ctx.named_states and p.kind != "adm1":
            s += 3.0
        s += 1.0 * min(3.0, _support(ctx.states.get(p.admin1), entity_id))
        s += 1.5 * min(2.0, _support(ctx.chosen_states.get(p.admin1), entity_id))
    if p.country is None and p.kind in ("water", "region"):
        s += _NEAR_REGION * _near_share(p, ctx, entity_id)
    if p.kind in LOCAL:
        s += 1.5 * min(3.0, _support(ctx.near.get(cell(p)), entity_id))
        s += 0.5 * min(2.0, _support(ctx.near.get(fine_cell(p)), entity_id))
    return s


def choose(candidates: tuple[Place, ...], hints: list[Hint], ctx: Context, entity_id: str) -> Choice | None:
    if not candidates:
        return None
    # A pattern only speaks about candidates it can apply to: "Georgia, Texas" in a list is no hint.
    hints = [h for h in hints if any(fits(p, h) for p in candidates)]
    scored = sorted(((_score(p, hints, ctx, entity_id), i) for i, p in enumerate(candidates)), reverse=True)
    best, i = scored[0]
    margin = best - scored[1][0] if len(scored) > 1 else 10.0
    return Choice(candidates[i], best, margin)


_NAMESAKE_WEIGHT = 0.5


def _cell_weights(places: tuple[Place, ...]) -> dict[tuple[int, int], float]:
    """How much each one-degree cell of an entity's town candidates counts. A name that is a country's or
    a national capital's ("Denmark", "Brussels") means that place unless the text says otherwise, so its
    namesake towns (Denmark and Brussels, Wisconsin) count a quarter: they must not vouch for each other
    and outvote the capital, yet still break a tie ("Paris" and "Henry County", Tennessee)."""
    floor = capital_floor()
    prominent = any(
        p.kind == "country" or (p.kind in ("city", "adm1") and base_score(p) >= floor) for p in places
    )
    out: dict[tuple[int, int], float] = {}
    for p in places:
        if p.kind in LOCAL:
            w = _NAMESAKE_WEIGHT if prominent and base_score(p) < floor else 1.0
            out[cell(p)] = max(out.get(cell(p), 0.0), w)
    return out


def spread(cands: dict[str, tuple[Place, ...]]) -> tuple[dict[object, Support], dict[object, Support]]:
    """Where each entity's candidates lie: around one-degree cells and in US states, each weighing
    2/(number of them), at most 1."""
    near: dict[object, dict[str, float]] = {}
    states: dict[object, dict[str, float]] = {}
    for eid, places in cands.items():
        own_cells = _cell_weights(places)
        own_states = {p.admin1 for p in places if p.country == "USA" and p.admin1}
        if len(own_cells) > _MAX_SPREAD_CELLS:
            own_cells = {}  # a name found all over the map says nothing about where the others are
        for (la, lo), factor in own_cells.items():
            w = min(1.0, 2.0 / len(own_cells)) * factor
            for i, j in _AROUND:
                slot = near.setdefault((la + i, lo + j), {})
                slot[eid] = max(slot.get(eid, 0.0), w)
        own_fine = {fine_cell(p): own_cells[cell(p)] for p in places if p.kind in LOCAL} if own_cells else {}
        for (tag, la, lo), factor in own_fine.items():
            w = min(1.0, 2.0 / len(own_fine)) * factor
            for i, j in _AROUND:
                slot = near.setdefault((tag, la + i, lo + j), {})
                slot[eid] = max(slot.get(eid, 0.0), w)
        for st in own_states:
            states.setdefault(st, {})[eid] = min(1.0, 2.0 / len(own_states))
    return supports(near), supports(states)


def country_votes(choices: dict[str, Choice], weights: dict[str, int]) -> dict[str, tuple[str, float]]:
    """Each entity's first-pass country, weighted by its number of name mentions."""
    return {
        eid: (c.place.country, float(weights.get(eid, 1))) for eid, c in choices.items() if c.place.country
    }


def country_weights(votes: dict[str, tuple[str, float]]) -> dict[str, float]:
    out: dict[str, float] = {}
    for country, weight in votes.values():
        out[country] = out.get(country, 0.0) + weight
    return out
