"""First-order divisions (provinces, states, regions) as evidence of a town's country.

A dateline's qualifier may name a province rather than a country ("BRANDON, Manitoba", "PERTH, Western
Australia", "BRANDON, Man."), and a bare dateline's town with namesakes of like size abroad ("HAMILTON")
is told apart by a division the story names elsewhere, often inside a body's name ("the Waikato Regional
Council"). The divisions are the gazetteer's (GeoNames first-order divisions, the US states, and the
province abbreviations of lexicons/places_province_forms.tsv).
"""

from __future__ import annotations

import functools
import re

from .gazetteer import gazetteer


def division_country(name: str, town: str, country_too: bool = False) -> str | None:
    """The country of the first-order division (a province, state or region) called `name` ("Manitoba",
    "Man.", "Western Australia", "Waikato"): of the countries with a division of that name, the one where
    a town called `town` lies when that is one, else the only one; None for no division. A name that is
    also a country's ("Georgia") is read as a division only with `country_too`, and only where the town
    lies ("ATLANTA, Georgia")."""
    is_country, divisions = _divisions(name)
    if is_country and not country_too:
        return None
    towns = town_countries(town) & divisions
    if len(towns) == 1:
        return towns.pop()
    return divisions.pop() if len(divisions) == 1 and not country_too else None


def _divisions(name: str) -> tuple[bool, set[str]]:
    """Whether a country is called `name`, and the countries with a first-order division of that name."""
    found = gazetteer().lookup(name)
    return any(p.kind == "country" for p in found), {
        p.country for p in found if p.kind == "adm1" and p.country
    }


def town_countries(name: str) -> set[str]:
    """The countries with a town called `name` in the gazetteer."""
    return {p.country for p in gazetteer().lookup(name) if p.kind == "city" and p.country}


# A capitalised word, or two or three in a row ("Western Australia", "Bay of Plenty" is left out).
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,2}")


@functools.lru_cache(maxsize=8)
def named_division_namesake(name: str, text: str) -> str | None:
    """The country of a town called `name` that lies in a country whose first-order division the text
    names ("HAMILTON -- ... the Waikato Regional Council said": NZL), when the divisions it names point at
    one such country; else None. For a bare dateline's town with namesakes of like size abroad. A run of
    capitalised words counts for each of its word runs ("Waikato" of "Waikato Regional Council") that is
    no country's name and whose divisions lie in one of the towns' countries."""
    towns = town_countries(name)
    if len(towns) < 2:
        return None
    named: set[str] = set()
    for run in dict.fromkeys(m.group(0) for m in _CAPITALISED.finditer(text)):
        words = run.split()
        for n in range(len(words), 0, -1):
            for start in range(len(words) - n + 1):
                is_country, divisions = _divisions(" ".join(words[start : start + n]))
                if not is_country and len(divisions & towns) == 1:
                    named |= divisions & towns
    return named.pop() if len(named) == 1 else None
