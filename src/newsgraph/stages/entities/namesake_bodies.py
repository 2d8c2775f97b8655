"""Bodies named after a town or region whose namesake lies in the story's home (forty-third session).

The entities stage gives a body named after a big town or a US state that town's or state's country
(build.py: `town_in_name`, `region_in_name`; source `region`): "University of Windsor" is Canada's, "Ohio
State University" the United States'. It reads the name alone, so a name whose place has a namesake
elsewhere takes the biggest: "University of Kent" the city of Kent in Washington, "Portland Municipal
Corporation" the one in Oregon. A story set in England or Jamaica that names no place of the United States
means its own county or parish. So, once the story's home is known (story_homes.py), such a body of
another country than the home, in a story that names no place of that country, takes the home when the
gazetteer knows a town, a division or a region in the home country by the name it was read by. Without a
home, or with no namesake there, the body takes the one country among those the story names places of
where such a namesake lies (forty-sixth session): "Bexley City Council" beside the Ohio Department of
Transportation is the Ohio suburb's, "University of Kent" in a Stockholm story that names England is the
English county's.

Not in a sports story: clubs named after their towns play in other countries' leagues ("TORONTO" in a
table of American baseball results is the Canadian city's club, though Ohio has a Toronto).
"""

from __future__ import annotations

import dataclasses
import re

from ...model import Entity
from .homes import countries_by_sentence
from .place_countries import places_named

# A run of capitalised words of a name ("University of Kent": "University", "Kent").
_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")
_KINDS = ("city", "adm1", "adm2", "region", "area")


def namesake_bodies_at_home(entities: tuple[Entity, ...], home: str | None) -> tuple[Entity, ...]:
    """The entities, with each one the rules placed by a town or region in its name (source `region`) in
    another country than the story's `home`, of which the story names no place, given the home when a
    place of the home country bears the name it was read by, else the one other country the story names
    a place of where one does (see the module's docstring)."""
    # The countries the story's places lie in (a territory's as its sovereign's)
    named: set[str] = set().union(*countries_by_sentence(entities).values())
    out = []
    for e in entities:
        read_in = e.country
        if e.country_source == "region" and read_in is not None and read_in != home and read_in not in named:
            namesakes = _namesake_countries(e.name, read_in)
            if home is not None and home in namesakes:
                e = dataclasses.replace(e, country=home)
            else:
                # Without a home, or none there: the one other country the story names that has one
                others = sorted((named - {read_in}) & namesakes)
                if len(others) == 1:
                    e = dataclasses.replace(e, country=others[0])
        out.append(e)
    return tuple(out)


def _namesake_countries(name: str, read_in: str) -> set[str]:
    """The countries where a run of the name's capitalised words names a place, as it names one of the
    country the rules read (`read_in`): where the town the name was read by has a namesake ("Kent"), not
    any word of it ("Stock" of "Karachi Stock Exchange" is an English village's name too). Read once per
    body, then asked of the home and of every country the story names."""
    found: set[str] = set()
    for run in _RUN.findall(name):
        words = run.split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                countries = {p.country for p in places_named(" ".join(words[i : i + n]), _KINDS) if p.country}
                if read_in in countries:
                    found |= countries
    return found - {read_in}
