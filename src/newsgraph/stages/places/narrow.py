"""What the text says to narrow a name's candidates before they are ranked: a country's own name is the
country, and a dateline names a town of the country the story is filed from.

- **A country's name** ("Peru", "Lebanon") is the country, not one of its namesake towns, unless a state or
  country written after it qualifies it ("Peru, Ind.") or the town lies near the towns the document names
  (resolve.py: a local paper's neighbour). The paper's home or a state the story names
  alone does not outweigh that: a farmer who grew up in Indiana may sell coffee from Peru and Colombia.
  In a story that names nothing outside the towns' country the ranker decides as for any name: there a
  local paper's "Jordan" is most often its neighbour (LGL dev, measured: the rule without this exception
  moved 8 of its mentions abroad, most of them wrongly).
- **A wire dateline** ("HAVANA (AP) --", "BONN 1996-08-30") without a qualifier names a town prominent
  enough to stand alone, so its namesakes of a tenth its size or less are out (AP style qualifies the rest:
  "MANSFIELD, Texas").
- **A dateline's qualifier** ("HAMILTON, Bermuda (AP)") names the country or state even when the gazetteer
  lacks that town: the entity takes the country or the state, not a namesake elsewhere.
- **A dateline** takes a town of the country most of the story's other places lie in (for a local paper's
  own dateline, with its publication's country), when it has one there: the story says where it was
  filed.
- **A local paper's own town**: a place its web address names ("Paris" in "theparisnews.com") that a
  first reading put abroad, in a country no other place of the story lies in, is a town of the paper's
  country (masthead_towns_abroad, towns_in); and a town it put abroad that has a namesake near a town
  the web address names is that neighbour ("Dublin" in a Columbus paper is Dublin, Ohio: host_towns),
  unless the story names that other country or one of its provinces (resolve.py).
- **A national paper's town**: a paper of a country's own web ending (".ca") naming a town the first
  reading put abroad, in a country no other place of the story lies in, means its big namesake at home
  when there is one ("downtown London" in a London, Ontario paper: national_namesakes).
- **"NAME City"** read abroad is the town NAME near the story's other towns ("San Fernando City" in a Los
  Angeles story: city_named_towns).
"""

from __future__ import annotations

from ... import lexicons
from ...geo import Gazetteer, Place
from ...model import Entity
from ...nlp.datelines import Dateline
from ..common import HOST_TOWN_LETTERS, host_letters, host_names
from .context import Hint, is_wire
from .rank import LOCAL, LOCAL_KM, Choice, fits, km

# How small, next to the largest town of its name, a wire dateline's namesake may be and still be meant.
_WIRE_SHARE = 0.1
_HOME_WEIGHT = 2.0


def country_named(entity: Entity, gaz: Gazetteer) -> str | None:
    """The country whose own name every name mention of the entity is ("Peru", "PERU"), else None. A US
    state's name ("Georgia") is left to the ranker: both readings are common."""
    names = {m.text for m in entity.mentions if m.kind == "name"}
    if not names:
        return None
    by_name = lexicons.country_by_name()
    found = set()
    for n in names:
        country = by_name.get(n) or by_name.get(n.title())
        if country is None or n in gaz.state_forms or n.title() in gaz.state_forms:
            return None
        found.add(country.iso3)
    return found.pop() if len(found) == 1 else None


def as_country(candidates: tuple[Place, ...], hints: list[Hint], country: str) -> tuple[Place, ...]:
    """A country's name keeps its country-wide candidates (the country, a province of that name), unless a
    qualifier after it fits one of its towns."""
    if any(fits(p, h) for p in candidates if p.kind in LOCAL for h in hints):
        return candidates
    wide = tuple(p for p in candidates if p.kind not in LOCAL)
    return wide if any(p.country == country for p in wide) else candidates


def dateline_of(entity: Entity, marks: dict[tuple[int, int], Dateline]) -> Dateline | None:
    """The dateline one of the entity's name mentions stands in, if any."""
    for m in entity.mentions:
        if m.kind == "name" and (d := marks.get((m.start, m.end))) is not None:
            return d
    return None


def prominent(candidates: tuple[Place, ...], dateline: Dateline) -> tuple[Place, ...]:
    """A wire dateline without a qualifier keeps the towns of at least a tenth the largest's size."""
    if not is_wire(dateline) or dateline.qualifier is not None:
        return candidates
    towns = [p.population for p in candidates if p.kind in LOCAL]
    if not towns:
        return candidates
    floor = _WIRE_SHARE * max(towns)
    return tuple(p for p in candidates if p.kind not in LOCAL or p.population >= floor)


def qualified(candidates: tuple[Place, ...], hints: list[Hint], gaz: Gazetteer) -> tuple[Place, ...]:
    """A dateline's qualifier that fits none of its candidates: the state or country it names."""
    if not hints or any(fits(p, h) for p in candidates for h in hints):
        return candidates
    h = hints[0]
    named = gaz.state(h.state) if h.state is not None else None
    if named is None and h.country is not None:
        named = gaz.country(h.country)
    return (named,) if named is not None else candidates


def story_country(
    entity_id: str, votes: dict[str, tuple[str, float]], dateline: Dateline, home: str | None
) -> str | None:
    """The country at least half of the other places' first-pass weight lies in (two mentions at least).
    A local paper's own dateline (not a wire's) counts its publication's country as two more mentions,
    and a tie goes to it: the paper's area is where its reporters file from."""
    counts: dict[str, float] = {}
    for eid, (country, weight) in votes.items():
        if eid != entity_id:
            counts[country] = counts.get(country, 0.0) + weight
    if home is not None and not is_wire(dateline):
        counts[home] = counts.get(home, 0.0) + _HOME_WEIGHT
    if not counts:
        return None
    top = max(counts, key=lambda c: (counts[c], c == home))
    n = counts[top]
    return top if n >= 2 and 2 * n >= sum(counts.values()) else None


def filed_in(candidates: tuple[Place, ...], dateline: Dateline, country: str | None) -> tuple[Place, ...]:
    """An unqualified dateline's candidates in the story's country, when it has towns there."""
    return candidates if dateline.qualifier is not None else towns_in(candidates, country)


def towns_in(candidates: tuple[Place, ...], country: str | None) -> tuple[Place, ...]:
    """The candidates that are towns of `country`, when it has any, else all of them: an unqualified
    dateline's (filed_in), or the town a local paper's web address names ("Paris" in "theparisnews.com":
    a local paper is named after its town)."""
    if country is None:
        return candidates
    there = tuple(p for p in candidates if p.country == country and p.kind in LOCAL)
    return there or candidates


def masthead_towns_abroad(
    places: dict[str, Entity], first: dict[str, Choice], url: str | None, home: str | None
) -> list[str]:
    """The places a local paper's web address names ("Paris" in "theparisnews.com") that the first pass
    put abroad, in a country no other place of the story lies in: the paper's own town, not its famous
    namesake (towns_in narrows them to the paper's country, `home`, the web address's). Not when the
    story names another place of that country (a Canadian paper on .com naming its Ontario neighbours
    keeps its Canadian town)."""
    return [
        eid
        for eid, c in first.items()
        if c.place.country != home and host_names(url, places[eid].name) and _alone_in_its_country(eid, first)
    ]


def _alone_in_its_country(entity_id: str, first: dict[str, Choice]) -> bool:
    """No other place of the story lies, by the first pass, in the country this one was put in."""
    country = first[entity_id].place.country
    return not any(o.place.country == country for k, o in first.items() if k != entity_id)


def host_towns(url: str | None, home: str | None, gaz: Gazetteer) -> tuple[Place, ...]:
    """The towns of the paper's country, `home`, that its web address's host names, its letters run
    together ("Columbus" in "columbuslocalnews.com"): the longest name found, every town of it (the host
    does not say which Columbus)."""
    if not url or home is None:
        return ()
    core = host_letters(url)
    for size in range(len(core), HOST_TOWN_LETTERS - 1, -1):
        found = tuple(
            p
            for i in range(len(core) - size + 1)
            for p in gaz.lookup(core[i : i + size])
            if p.country == home and p.kind in LOCAL
        )
        if found:
            return found
    return ()


def masthead_neighbours(
    places: dict[str, Entity],
    first: dict[str, Choice],
    cands: dict[str, tuple[Place, ...]],
    url: str | None,
    home: str | None,
    gaz: Gazetteer,
) -> dict[str, tuple[Place, ...]]:
    """The towns the first pass put abroad that have namesakes near a town the paper's web address names
    (host_towns), narrowed to those namesakes: a Columbus paper's "Dublin" is Dublin, Ohio. Not the
    paper's own town (masthead_towns_abroad's), nor when the story names that other country or one of
    its provinces by name ("Dublin, Ireland"; a demonym, "Irish pride", is no such name)."""
    masthead = host_towns(url, home, gaz)
    if not masthead:
        return {}
    wide = {
        c.place.country
        for eid, c in first.items()
        if c.place.kind not in LOCAL and any(m.kind == "name" for m in places[eid].mentions)
    }
    out = {}
    for eid, c in first.items():
        if c.place.country in (home, *wide) or host_names(url, places[eid].name):
            continue
        beside = tuple(
            p
            for p in cands[eid]
            if p.country == home and p.kind in LOCAL and any(km(p, a) < LOCAL_KM for a in masthead)
        )
        if beside:
            out[eid] = beside
    # "Dublin City" (the gazetteer knows only Ireland's) is the town just read at home, named longer.
    followers = {
        eid: out[k]
        for eid, c in first.items()
        if eid not in out
        for k in out
        if first[k].place.country == c.place.country and places[eid].name.startswith(places[k].name + " ")
    }
    return {**out, **followers}


# How large a town of a national paper's country must be for the paper's bare mention of its name to be it
# rather than a namesake abroad (London, Ontario, for a Canadian paper; not a village named Paris).
_NATIONAL_TOWN_MIN = 100_000


def national_namesakes(
    places: dict[str, Entity], first: dict[str, Choice], cands: dict[str, tuple[Place, ...]], home: str | None
) -> dict[str, tuple[Place, ...]]:
    """For a paper of a country's own web ending (".ca", not ".com"): the towns the first pass put
    abroad, in a country no other place of the story lies in and that it does not name, which have a
    namesake of _NATIONAL_TOWN_MIN people at home, narrowed to it ("downtown London" in a London,
    Ontario paper)."""
    if home is None:
        return {}
    out = {}
    for eid, c in first.items():
        country = c.place.country
        if country in (None, home) or c.place.kind not in LOCAL or not _alone_in_its_country(eid, first):
            continue
        big = tuple(
            p
            for p in cands[eid]
            if p.country == home and p.kind in LOCAL and p.population >= _NATIONAL_TOWN_MIN
        )
        if big:
            out[eid] = big
    return out


def city_named_towns(
    places: dict[str, Entity], first: dict[str, Choice], home: str | None, gaz: Gazetteer
) -> dict[str, tuple[Place, ...]]:
    """A "NAME City" the first pass put abroad (the gazetteer knows the Philippines' "San Fernando City")
    is the town NAME of the paper's country, `home`, when one lies near a town the story names there (a
    Los Angeles story's "San Fernando City Councilwoman"). Without a paper, of the country every other
    town of the story lies in."""
    out = {}
    for eid, c in first.items():
        name = places[eid].name
        if not name.endswith(" City"):
            continue
        others = [o.place for k, o in first.items() if k != eid and o.place.kind in LOCAL]
        countries = {p.country for p in others}
        country = home if home is not None else (countries.pop() if len(countries) == 1 else None)
        anchors = [p for p in others if p.country == country]
        if country is None or c.place.country == country or not anchors:
            continue
        towns = tuple(
            p
            for p in gaz.lookup(name.removesuffix(" City"))
            if p.country == country and p.kind in LOCAL and any(km(p, a) < LOCAL_KM for a in anchors)
        )
        if towns:
            out[eid] = towns
    return out
