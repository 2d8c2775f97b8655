"""The countries a story names, for telling apart namesakes its dateline leaves open.

"HAMILTON (AP)" is a city of Canada, New Zealand, the US and Scotland: no namesake is so much bigger
than the others that the name alone says which (place_countries.city_country). The story says it: the biggest
namesake whose country the text names by its name, an alias or a demonym ("Canadian authorities").
A nation inside a state is its sovereign's ("BIRMINGHAM, England": GBR).

And a dateline says where the reporter was, not whose the people are, when the story is told of another
country, from a bureau abroad ("MANILA: ... China's dissidents ..."): `filed_from_abroad`.

A body's name may be one that bodies of many states bear alike, which a table of facts files under one
state's body ("Metropolitan Police" is a capital's force, and many cities' too): `namesake_body_abroad`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from ... import lexicons
from ...kb import normalise, without_possessive
from ...lexicons.entities import entity_words
from ..common import alternatives


@functools.cache
def _country_pattern() -> re.Pattern[str]:
    forms = set(lexicons.country_by_name()) | set(lexicons.country_by_demonym())
    forms |= {n.name for n in lexicons.nations()}
    return re.compile(rf"(?<![\w.])(?:{alternatives(f for f in forms if len(f) > 1)})(?![\w])")


@functools.cache
def _nation_sovereign() -> dict[str, str]:
    return {n.name: n.sovereign for n in lexicons.nations()}


@functools.cache
def _form_country() -> dict[str, str]:
    out = dict(_nation_sovereign())
    out.update({d: c.iso3 for d, c in lexicons.country_by_demonym().items()})
    out.update({n: c.iso3 for n, c in lexicons.country_by_name().items()})
    return out


def nation_country(name: str) -> str | None:
    """The sovereign state of a nation inside it ("England", "Scotland": GBR), else None."""
    return _nation_sovereign().get(name)


@functools.lru_cache(maxsize=8)
def named_countries(text: str) -> frozenset[str]:
    """Every country the text names by a country's name, alias or demonym, or a nation inside it."""
    table = _form_country()
    return frozenset(table[m.group(0)] for m in _country_pattern().finditer(text) if m.group(0) in table)


def named_namesake_country(name: str, text: str, min_population: int) -> str | None:
    """The country of the biggest city called `name` (at least `min_population` people) whose country
    the text names, else None."""
    from ...geo import gazetteer

    named = named_countries(text)
    places = sorted(gazetteer().lookup(name), key=lambda p: -(p.population or 0))
    for p in places:
        if p.kind == "city" and p.country and (p.population or 0) >= min_population and p.country in named:
            return p.country
    return None


# A story is told of another country than its dateline's when that country has at least this many of its
# place mentions, more than half of them, and the dateline's country at most DATELINE_MENTIONS (the
# dateline itself and one more).
ABROAD_MENTIONS = 3
DATELINE_MENTIONS = 2


def filed_from_abroad(dateline: str, counts: Counter[str]) -> bool:
    """The story, datelined in `dateline`'s country, is told of another (`counts`: country -> place
    mentions): then the dateline gives no one a home."""
    if not counts:
        return False
    top, n = counts.most_common(1)[0]
    return (
        top != dateline
        and n >= ABROAD_MENTIONS
        and n > sum(counts.values()) / 2
        and counts[dateline] <= DATELINE_MENTIONS
    )


def namesake_body_abroad(names: list[str], country: str, mentioned: frozenset[str], home: str | None) -> bool:
    """Whether a body that a table of facts gives `country` is rather a namesake of another state: every
    name the story writes for it is of words that bodies of many states bear alike (entity_words.tsv's
    shared_body_names: "Metropolitan Police", "House of Representatives", "Congress"), and the story
    names states (`mentioned`) but never that one, nor is datelined there (`home`). The text wins over
    the table: a story of a city's force that never names the state of the table's force is not about
    that force."""
    if not names or not mentioned or country in mentioned or country == home:
        return False
    return all(shared_body_name(name) for name in names)


def shared_body_name(name: str) -> bool:
    """A name of words only that bodies of many states bear alike ("House of Representatives", "Supreme
    Court", and alone "Congress" or "Senate": Peru, the Philippines and Italy have them too)."""
    words = normalise(without_possessive(name)).split()
    return bool(words) and set(words) <= entity_words().shared_body_names
