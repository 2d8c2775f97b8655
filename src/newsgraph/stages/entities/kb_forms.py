"""Name forms the knowledge-base link tries when the text's own forms leave no candidate (issue 14): the
knowledge base holds the actor under a form the text does not write.

- a party named without its country's adjective ("Labor Party" for a country's "<Demonym> Labor
  Party"), tried for each country the story names;
- a person written as a title and surname that the knowledge base lists as one of its name forms (its
  "King Olav" when the text writes "King" apart from "Olav").

Each gives candidates only: kb_link's `_one` still decides, with the same guards, and a form that leaves
two actors links to neither.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ... import lexicons
from ...kb import ActorKB, KBMatch

if TYPE_CHECKING:
    from .grouping import Cluster


@functools.cache
def _adjectives(code: str) -> tuple[str, ...]:
    """The words a country's bodies are named with: its name and its demonyms ("Israel", "Israeli")."""
    country = lexicons.country_by_code().get(code)
    if country is None:
        return ()
    return tuple(dict.fromkeys([country.name, *country.demonyms]))


def body_matches(forms: list[str], kb: ActorKB, on: str | None, countries: frozenset[str]) -> list[KBMatch]:
    """The parties of `countries` (those the story names, or the one the text gives the body) that a
    body's names stand for with the country's name or demonym before them. One match per actor."""
    found: dict[str, KBMatch] = {}
    for form in forms:
        bare = form.removesuffix("'s").removesuffix("’s").strip()
        for code in sorted(countries):
            for adjective in _adjectives(code):
                for m in kb.lookup(f"{adjective} {bare}", on):
                    if m.how == "name" and m.country == code and _a_party(m):
                        found.setdefault(m.actor.id, m)
    return list(found.values())


def _a_party(match: KBMatch) -> bool:
    """A party: bodies of many states share its name ("Labor Party", "Green Party") and the knowledge
    base tells them apart by the country's adjective. An army or a ministry without its adjective is as
    often a state's own one the knowledge base does not list that way."""
    return match.actor.type == "ORG" and any(r.role == "party" for r in match.actor.roles)


def titled_matches(cluster: Cluster, titles: tuple[str, ...], kb: ActorKB, on: str | None) -> list[KBMatch]:
    """The people the knowledge base lists under a title and a one-word name of the cluster together
    ("Ayatollah X", "Sheikh Y"), matched as a whole name form, never as a surname."""
    words = {m.text.removesuffix("'s").removesuffix("’s") for m in cluster.mentions if m.kind == "name"}
    found: dict[str, KBMatch] = {}
    for title in titles:
        for word in sorted(w for w in words if " " not in w.strip()):
            for m in kb.lookup(f"{title} {word}", on):
                if m.how == "name" and m.actor.type == "PERSON":
                    found.setdefault(m.actor.id, m)
    return list(found.values())
