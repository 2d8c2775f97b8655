"""Bodies named after a town or region whose namesake lies in the story's home (forty-third session).

The entities stage gives a body named after a big town or a US state that town's or state's country
(build.py: `town_in_name`, `region_in_name`; source `region`): "University of Windsor" is Canada's, "Ohio
State University" the United States'. It reads the name alone, so a name whose place has a namesake
elsewhere takes the biggest: "University of Kent" the city of Kent in Washington, "Portland Municipal
Corporation" the one in Oregon. A story set in England or Jamaica that names no place of the United States
means its own county or parish. So, once the story's home is known (story_homes.py), such a body of
another country than the home, in a story that names no place of that country, takes the home when the
gazetteer knows a town, a division or a region in the home country by the name it was read by.

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
    place of the home country bears the name it was read by (see the module's docstring)."""
    if home is None:
        return entities
    # The countries the story's places lie in (a territory's as its sovereign's)
    named: set[str] = set().union(*countries_by_sentence(entities).values())
    out = []
    for e in entities:
        if (
            e.country_source == "region"
            and e.country is not None
            and e.country != home
            and e.country not in named
            and _namesake_in(e.name, e.country, home)
        ):
            e = dataclasses.replace(e, country=home)
        out.append(e)
    return tuple(out)


def _namesake_in(name: str, read_in: str, home: str) -> bool:
    """Some run of the name's capitalised words names a place of the country the rules read (`read_in`)
    and one of `home`: the town the name was read by has a namesake at home ("Kent"), not any word of it
    ("Stock" of "Karachi Stock Exchange" is an English village's name too)."""
    for run in _RUN.findall(name):
        words = run.split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                countries = {p.country for p in places_named(" ".join(words[i : i + n]), _KINDS)}
                if {read_in, home} <= countries:
                    return True
    return False
