"""A place entity's gazetteer candidates (`place_candidates`, `every_place`), read from its names as
written: a state's abbreviation, a qualifier before a name ("north Arlington"), a place inside a
facility's or body's name ("Henderson County Jail"), a county list; and the "City, State" hints after
its mentions. The places stage (resolve.py) narrows and ranks them.
"""

from __future__ import annotations

from collections.abc import Callable

from ...geo import Gazetteer, Place, name_key
from ...lexicons.places import place_words, street_words
from ...model import Entity
from .context import Hint, hint_after
from .rank import LOCAL, base_score, capital_floor

_WORDS = place_words()  # the word lists this module uses, from lexicons/place_words.tsv

_MAX_CANDIDATES = 30
# Words before a place name that narrow it without changing what it is: "North Texas", "metro Nashville".
_QUALIFIERS = _WORDS.qualifiers


def lookup(name: str, gaz: Gazetteer) -> tuple[Place, ...]:
    """Places for one written name: a state form ("Minn."), the name, the name without a qualifier."""
    # Abbreviations only ("Minn.", "N.D.", "TX"): full names are in the index with their namesakes
    # ("Washington" the capital). The entity layer drops a final dot, so "W.Va." may arrive as "W.Va".
    abbreviation = "." in name or (len(name) == 2 and name.isupper())
    code = (gaz.state_forms.get(name) or gaz.state_forms.get(name + ".")) if abbreviation else None
    if code is not None:
        state = gaz.state(code)
        if state is not None:
            return (state,)
    if not abbreviation and (name in gaz.state_forms or _is_province(name, gaz)):
        # A state's or a Canadian province's full name means the state, a country of that name
        # ("Georgia") or a capital ("Washington"), not the towns and counties named after it (Ontario,
        # California).
        return tuple(
            p for p in gaz.lookup(name) if p.kind in ("adm1", "country") or base_score(p) > capital_floor()
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


def _qualifier(word: str) -> bool:
    """Whether a word is one of `_QUALIFIERS` (compass words, "metro", "upper" ...) or two of them joined
    by a hyphen ("South", "south-east")."""
    return all(part in _QUALIFIERS for part in word.lower().strip(".").split("-"))


def street_name(name: str) -> bool:
    """Whether a name is a street's, not a road's: "Portland Street", "Victoria St", "Avenida Caracas"."""
    words = name.split()
    # A road named after a state runs through it ("Massachusetts Turnpike", "Florida Highway").
    last = words[-1] in street_words() and words[-1] not in _WORDS.route_words
    return len(words) > 1 and (last or words[0] in _WORDS.street_firsts)


def _is_province(name: str, gaz: Gazetteer) -> bool:
    key = name_key(name)
    return any(p.kind == "adm1" and p.country == "CAN" and name_key(p.name) == key for p in gaz.lookup(name))


def known(entity: Entity, gaz: Gazetteer, local: Callable[[Place], bool] = lambda p: True) -> bool:
    """Whether the gazetteer knows a place by one of the entity's names, or by the leading part of its
    name ("Shelbyville Recreation Center" lies in Shelbyville, and LGL marks the town inside it) when
    that part is a state, county or country or a town near the document's places (`local`): "Webb
    Center" is named after a person, not after a town called Webb far away."""
    names = {entity.name, *(m.text for m in entity.mentions if m.kind == "name")}
    if any(lookup(n, gaz) for n in names):
        return True
    return any(p.kind in ("adm1", "adm2", "country") or local(p) for p in _contained(entity.name, gaz))


def _contained(name: str, gaz: Gazetteer) -> tuple[Place, ...]:
    """For a facility or body named after a place ("Henderson County Jail", "DFL-Minneapolis"), the
    longest leading part of its name, or the part after a hyphen, that is a place: it lies there."""
    kinds = ("city", "adm2", "adm1", "country")
    words = name.split()
    parts = [" ".join(words[:n]) for n in range(len(words) - 1, 0, -1)]
    if "-" in name:
        parts.append(name.rsplit("-", 1)[1])
    for part in parts:
        # "East Broad Street", "Northeast 180th Avenue": a compass word is no place (GeoNames has regions
        # called East and Northeast abroad).
        if part[:1].isupper() and not all(w.lower().strip(".") in _QUALIFIERS for w in part.split()):
            found = tuple(p for p in lookup(part, gaz) if p.kind in kinds)
            if found:
                return found
    return ()


def place_candidates(
    entity: Entity, gaz: Gazetteer, counties: frozenset[tuple[int, int]]
) -> tuple[tuple[Place, ...], bool]:
    """Gazetteer places for the entity's names, and whether they are borrowed from the leading part of
    its name (a facility or street); a gazetteer country or capital fixes the country, a county list
    ("Clarke and Oconee counties") the kind."""
    seen: dict[tuple[str, str | None, float, float], Place] = {}
    names = [entity.name, *(m.text for m in entity.mentions if m.kind == "name")]
    for name in dict.fromkeys(names):
        for p in lookup(name, gaz):
            seen.setdefault((p.kind, p.geonameid, p.lat, p.lon), p)
    borrowed = not seen
    if borrowed:
        for p in _contained(entity.name, gaz):
            seen.setdefault((p.kind, p.geonameid, p.lat, p.lon), p)
    out = tuple(seen.values())
    if all(len(n.split()) == 1 and _qualifier(n) for n in names):
        # "the South", "the West" alone: a region of the story's country, not a division abroad that
        # GeoNames calls South (Iceland) or West (Cameroon); a town called West (Texas) may stand. So
        # "the state's south-east" is not Botswana's South-East District.
        out = tuple(p for p in out if p.kind not in ("adm1", "adm2"))
    if any((m.start, m.end) in counties for m in entity.mentions):
        out = tuple(p for p in out if p.kind in ("adm2", "adm2short")) or out
    if entity.country:
        # The entity layer's country comes from name matching alone ("Georgia", "Athens" the capital), so
        # it is one candidate among the others, and the fallback when the gazetteer has nothing.
        country = gaz.country(entity.country)
        if country is not None and (not out or name_key(entity.name) == name_key(country.name)):
            out = (country, *(p for p in out if p.kind != "country"))
    if any(m.kind == "demonym" for m in entity.mentions):
        # "Chinese", "Italians": the word of a country's or a region's people, never of a town named
        # after it (China, Maine; Italy, Texas), whatever the paper's home.
        wide = tuple(p for p in out if p.kind not in LOCAL)
        out = wide or out
    if len(out) > _MAX_CANDIDATES:
        out = tuple(sorted(out, key=base_score, reverse=True)[:_MAX_CANDIDATES])
    return out, borrowed and bool(out) and not any(p.kind == "country" for p in out)


def every_place(entity: Entity, gaz: Gazetteer) -> tuple[Place, ...]:
    """Every place the entity's names may be, none cut to the likeliest."""
    names = dict.fromkeys([entity.name, *(m.text for m in entity.mentions if m.kind == "name")])
    return tuple(dict.fromkeys(p for n in names for p in lookup(n, gaz)))


def name_hints(entity: Entity, text: str, gaz: Gazetteer) -> list[Hint]:
    out = []
    for m in entity.mentions:
        if m.kind == "name" and (h := hint_after(text, m.end, gaz)) is not None:
            out.append(h)
    return out
