"""The places stage: GPE and LOC entities resolved to a country, coordinates and GeoNames id, offline.

Each place entity gets candidates from the gazetteer (newsgraph.geo) by its names. Candidates are ranked
by kind and population, then by what the document says: a "City, State" or "City, Country" pattern after
a mention, the states and countries the other places of the document lie in (a first pass gives those),
and how near a candidate lies to the other places. The stage also retypes as places the PERSON/ORG
entities that the text uses as places ("police in Alexandria", "Fargo, N.D.") and adds the names of
"City, State" patterns that the NER missed; it never removes or renumbers entities.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .. import lexicons
from ..geo import Gazetteer, Place, gazetteer, name_key
from ..model import Entity
from ..pipeline import Parsed, Results
from .places_add import add_missing_places, local_names, nested_places
from .places_context import Hint, county_lists, datelines, hint_after, looks_like_place, looks_like_street
from .teams import is_sports_story

# Prior score by kind: a country or state name means that unit more often than a town of the same name
# (a town scores log10 of its population, 0-7).
_KIND_PRIOR = {
    "country": 9.0,
    "adm1": 7.0,
    "region": 8.0,
    "continent": 8.0,
    "water": 7.0,
    "area": 8.0,
    "adm2": 6.0,
    "adm2short": 3.5,
}
_FOREIGN_ADM1 = 4.5
_LOCAL = ("city", "adm2", "adm2short")
_MAX_CANDIDATES = 30
# Words before a place name that narrow it without changing what it is: "North Texas", "metro Nashville".
_QUALIFIERS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "northern",
    "southern", "eastern", "western", "central", "upper", "lower", "metro", "downtown", "greater",
    "suburban", "rural", "midtown", "uptown", "mid", "inner", "coastal", "far",
}  # fmt: skip


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


@functools.cache
def _base_capital_floor() -> float:
    """The base score a national capital of 100,000 people reaches: no mere town outranks it."""
    return math.log10(100_001) + 0.5 + _CAPITAL_BONUS


def _base(p: Place) -> float:
    if p.kind == "city":
        score = math.log10(p.population + 1) + (0.5 if p.population >= 100_000 else 0.0)
        if p.population >= 100_000 and (p.country or "", name_key(p.name)) in _capitals():
            score += _CAPITAL_BONUS
        return score
    if p.kind == "adm1" and p.country != "USA":
        return _FOREIGN_ADM1
    return _KIND_PRIOR.get(p.kind, 5.0)


def _fits(p: Place, h: Hint) -> bool:
    if h.state is not None and p.country == "USA" and p.admin1 == h.state and p.kind in _LOCAL:
        return True
    return h.country is not None and p.country == h.country and p.kind != "country"


def _km(a: Place, b: Place) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(min(1.0, h)))


def _cell(p: Place) -> tuple[int, int]:
    return math.floor(p.lat), math.floor(p.lon)


_MAX_SPREAD_CELLS = 20
_AROUND = [(i, j) for i in (-1, 0, 1) for j in (-1, 0, 1)]


@dataclass(frozen=True)
class Support:
    """For one cell or state: the weight of each entity with a candidate there, and their total."""

    total: float
    by_entity: dict[str, float]

    def others(self, entity_id: str) -> float:
        return self.total - self.by_entity.get(entity_id, 0.0)


def _supports(weights: dict[object, dict[str, float]]) -> dict[object, Support]:
    return {k: Support(sum(v.values()), v) for k, v in weights.items()}


@dataclass(frozen=True)
class Context:
    """What the rest of the document says about where its places lie.

    `near` and `states` map a one-degree cell (with the eight around it: 100-300 km) or a US state to the
    entities with a candidate there and how much that counts (an entity with candidates all over the map
    counts little); `countries` are the shares of countries among first-pass choices, `named_states` the
    US states the text names, `chosen_states` those of first-pass town choices.
    """

    home: str | None
    near: dict[object, Support]
    states: dict[object, Support]
    countries: dict[str, float] = dataclasses.field(default_factory=dict)
    named_states: frozenset[str] = frozenset()
    chosen_states: dict[object, Support] = dataclasses.field(default_factory=dict)
    neighbours: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)


def _support(where: Support | None, entity_id: str) -> float:
    return where.others(entity_id) if where is not None else 0.0


def _score(p: Place, hints: list[Hint], ctx: Context, entity_id: str) -> float:
    s = _base(p)
    for h in hints:
        s += 20.0 if _fits(p, h) else -20.0
    if p.country is not None and p.country == ctx.home:
        s += 2.5
    if p.country:
        s += 3.0 * ctx.countries.get(p.country, 0.0)
        if p.kind == "country" and any(ctx.countries.get(n, 0.0) for n in ctx.neighbours.get(p.country, ())):
            s += 1.5
    if p.country == "USA" and p.admin1:
        if p.admin1 in ctx.named_states and p.kind != "adm1":
            s += 3.0
        s += 1.0 * min(3.0, _support(ctx.states.get(p.admin1), entity_id))
        s += 1.5 * min(2.0, _support(ctx.chosen_states.get(p.admin1), entity_id))
    if p.kind in _LOCAL:
        s += 1.5 * min(3.0, _support(ctx.near.get(_cell(p)), entity_id))
    return s


def _choose(candidates: tuple[Place, ...], hints: list[Hint], ctx: Context, entity_id: str) -> Choice | None:
    if not candidates:
        return None
    # A pattern only speaks about candidates it can apply to: "Georgia, Texas" in a list is no hint.
    hints = [h for h in hints if any(_fits(p, h) for p in candidates)]
    scored = sorted(((_score(p, hints, ctx, entity_id), i) for i, p in enumerate(candidates)), reverse=True)
    best, i = scored[0]
    margin = best - scored[1][0] if len(scored) > 1 else 10.0
    return Choice(candidates[i], best, margin)


def _lookup(name: str, gaz: Gazetteer) -> tuple[Place, ...]:
    """Places for one written name: a state form ("Minn."), the name, the name without a qualifier."""
    # Abbreviations only ("Minn.", "N.D.", "TX"): full names are in the index with their namesakes
    # ("Washington" the capital). The entity layer drops a final dot, so "W.Va." may arrive as "W.Va".
    abbreviation = "." in name or (len(name) == 2 and name.isupper())
    code = (gaz.state_forms.get(name) or gaz.state_forms.get(name + ".")) if abbreviation else None
    if code is not None:
        state = gaz.state(code)
        if state is not None:
            return (state,)
    if not abbreviation and name in gaz.state_forms:
        # A state's full name means the state, a country of that name ("Georgia") or a capital
        # ("Washington"), not the towns and counties named after it.
        return tuple(
            p for p in gaz.lookup(name) if p.kind in ("adm1", "country") or _base(p) > _base_capital_floor()
        )
    words = name.split()
    if len(words) > 1 and words[0].islower() and words[0].strip(".") in _QUALIFIERS:
        words = words[1:]  # "north Arlington" is part of Arlington, not North Arlington
        name = " ".join(words)
    found = gaz.lookup(name)
    if found:
        return found
    while len(words) > 1 and words[0].lower().strip(".") in _QUALIFIERS:
        words = words[1:]
        found = gaz.lookup(" ".join(words))
        if found:
            return found
    return ()


def _contained(name: str, gaz: Gazetteer) -> tuple[Place, ...]:
    """For a facility or body named after a place ("Henderson County Jail", "DFL-Minneapolis"), the
    longest leading part of its name, or the part after a hyphen, that is a place: it lies there."""
    kinds = ("city", "adm2", "adm1", "country")
    words = name.split()
    parts = [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    if "-" in name:
        parts.append(name.rsplit("-", 1)[1])
    for part in parts:
        if part[:1].isupper():
            found = tuple(p for p in _lookup(part, gaz) if p.kind in kinds)
            if found:
                return found
    return ()


def _candidates(entity: Entity, gaz: Gazetteer, counties: frozenset[tuple[int, int]]) -> tuple[Place, ...]:
    """Gazetteer places for the entity's names; a gazetteer country or capital fixes the country, a
    county list ("Clarke and Oconee counties") the kind."""
    seen: dict[tuple[str, str | None, float, float], Place] = {}
    names = [entity.name, *(m.text for m in entity.mentions if m.kind == "name")]
    for name in dict.fromkeys(names):
        for p in _lookup(name, gaz):
            seen.setdefault((p.kind, p.geonameid, p.lat, p.lon), p)
    if not seen:
        for p in _contained(entity.name, gaz):
            seen.setdefault((p.kind, p.geonameid, p.lat, p.lon), p)
    out = tuple(seen.values())
    if any((m.start, m.end) in counties for m in entity.mentions):
        out = tuple(p for p in out if p.kind in ("adm2", "adm2short")) or out
    if entity.country:
        # The entity layer's country comes from name matching alone ("Georgia", "Athens" the capital), so
        # it is one candidate among the others, and the fallback when the gazetteer has nothing.
        country = gaz.country(entity.country)
        if country is not None and (not out or name_key(entity.name) == name_key(country.name)):
            out = (country, *(p for p in out if p.kind != "country"))
    if len(out) > _MAX_CANDIDATES:
        out = tuple(sorted(out, key=_base, reverse=True)[:_MAX_CANDIDATES])
    return out


def _hints(entity: Entity, text: str, gaz: Gazetteer) -> list[Hint]:
    out = []
    for m in entity.mentions:
        if m.kind == "name" and (h := hint_after(text, m.end, gaz)) is not None:
            out.append(h)
    return out


def _spread(cands: dict[str, tuple[Place, ...]]) -> tuple[dict[object, Support], dict[object, Support]]:
    """Where each entity's candidates lie: around one-degree cells and in US states, each weighing
    2/(number of them), at most 1."""
    near: dict[object, dict[str, float]] = {}
    states: dict[object, dict[str, float]] = {}
    for eid, places in cands.items():
        own_cells = {_cell(p) for p in places if p.kind in _LOCAL}
        own_states = {p.admin1 for p in places if p.country == "USA" and p.admin1}
        if len(own_cells) > _MAX_SPREAD_CELLS:
            own_cells = set()  # a name found all over the map says nothing about where the others are
        for la, lo in own_cells:
            w = min(1.0, 2.0 / len(own_cells))
            for i, j in _AROUND:
                slot = near.setdefault((la + i, lo + j), {})
                slot[eid] = max(slot.get(eid, 0.0), w)
        for st in own_states:
            states.setdefault(st, {})[eid] = min(1.0, 2.0 / len(own_states))
    return _supports(near), _supports(states)


def _country_shares(choices: dict[str, Choice], weights: dict[str, int]) -> dict[str, float]:
    countries: Counter[str] = Counter()
    for eid, c in choices.items():
        if c.place.country:
            countries[c.place.country] += weights.get(eid, 1)
    n = sum(countries.values()) or 1
    return {k: v / n for k, v in countries.items()}


def home_country(url: str | None) -> str | None:
    """The country a source publishes in, from its web address (places_home.tsv), if known."""
    if not url:
        return None
    host = url.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    best = None
    for suffix, iso3 in _home_suffixes():
        if host.endswith(suffix) and (best is None or len(suffix) > len(best[0])):
            best = (suffix, iso3)
    return best[1] if best else None


@functools.cache
def _home_suffixes() -> tuple[tuple[str, str], ...]:
    return tuple((r[0].lower(), r[1]) for r in lexicons.read_tsv("places_home.tsv", 2))


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


def choose_places(
    entities: tuple[Entity, ...], parsed: Parsed, gaz: Gazetteer, counties: frozenset[tuple[int, int]]
) -> dict[str, Choice]:
    """The best gazetteer place for each GPE/LOC entity that has one (two passes; see the module doc)."""
    text = parsed.text
    places = {e.id: e for e in entities if e.is_place}
    cands = {eid: _candidates(e, gaz, counties) for eid, e in places.items()}
    hints = {eid: _hints(e, text, gaz) for eid, e in places.items()}
    weights = {eid: sum(m.kind == "name" for m in e.mentions) or 1 for eid, e in places.items()}
    near, states = _spread(cands)
    ctx = Context(home_country(parsed.article.url), near, states, neighbours=gaz.neighbours)
    first = {eid: c for eid in places if (c := _choose(cands[eid], hints[eid], ctx, eid)) is not None}
    named = {c.place.admin1 for c in first.values() if c.place.kind == "adm1" and c.place.country == "USA"}
    named |= {h.state for hs in hints.values() for h in hs if h.state}
    chosen: dict[object, dict[str, float]] = {}
    for eid, c in first.items():
        if c.place.country == "USA" and c.place.admin1 and c.place.kind in _LOCAL:
            chosen.setdefault(c.place.admin1, {})[eid] = 1.0
    ctx = dataclasses.replace(
        ctx,
        countries=_country_shares(first, weights),
        named_states=frozenset(named),
        chosen_states=_supports(chosen),
    )
    return {eid: c for eid in places if (c := _choose(cands[eid], hints[eid], ctx, eid)) is not None}


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


_LOCAL_KM = 80.0


def _local_test(choices: dict[str, Choice]) -> Callable[[Place], bool]:
    """Whether a place lies near the document's resolved towns (or, without towns, in a state it names)."""
    anchors = [c.place for c in choices.values() if c.place.kind in _LOCAL]
    states = {c.place.admin1 for c in choices.values() if c.place.kind == "adm1" and c.place.country == "USA"}

    def local(p: Place) -> bool:
        if anchors:
            return any(_km(p, a) < _LOCAL_KM for a in anchors)
        return p.country == "USA" and p.admin1 in states

    return local


_ACTOR_DEPS = ("nsubj", "nsubjpass")


def _acts(parsed: Parsed, start: int, end: int) -> bool:
    """Whether the mention is the subject of a verb ("Welch went home"): people act, towns rarely do."""
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ in _ACTOR_DEPS and span.root.head.pos_ == "VERB"


def retype_places(
    entities: tuple[Entity, ...],
    choices: dict[str, Choice],
    parsed: Parsed,
    gaz: Gazetteer,
    marked: frozenset[tuple[int, int]],
) -> tuple[Entity, ...]:
    """PERSON/ORG entities the text uses as places become GPE (the NER's most common place error)."""
    text = parsed.text
    local = _local_test(choices)

    # In a sports story the entity layer has made clubs named after places ORG on purpose.
    retypable = ("PERSON",) if is_sports_story(text) else ("PERSON", "ORG")
    out = []
    for e in entities:
        if e.type in retypable and e.country is None:
            if looks_like_street(e):
                e = dataclasses.replace(e, type="LOC")
            elif looks_like_place(e, text, gaz, local, marked, lambda m: _acts(parsed, m.start, m.end)):
                e = dataclasses.replace(e, type="GPE")
        out.append(e)
    return tuple(out)


def run(parsed: Parsed, results: Results) -> Results:
    gaz = gazetteer()
    text = parsed.text
    counties = frozenset(county_lists(text))
    marked = counties | frozenset(datelines(text))
    entities = add_missing_places(results.entities, parsed, gaz)
    first = choose_places(entities, parsed, gaz, counties)
    entities = retype_places(entities, first, parsed, gaz, marked)
    entities = nested_places(entities, parsed, gaz)
    entities = local_names(entities, parsed, gaz, _local_test(first))
    choices = choose_places(entities, parsed, gaz, counties)
    return results.replace(entities=apply_places(entities, choices, parsed))
