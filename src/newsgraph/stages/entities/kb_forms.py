"""Name forms the knowledge-base link tries when the text's own forms leave no candidate (issue 14): the
knowledge base holds the actor under a form the text does not write.

- a party named without its country's adjective ("Labor Party" for a country's "<Demonym> Labor
  Party"), tried for each country the story names;
- a body written as an acronym the knowledge base lists under no name ("the XA" for an "Xland
  Authority"), read as the initials of a body of a country the story names that it also names in full;
- a person written as a title and surname that the knowledge base lists as one of its name forms (its
  "King Olav" when the text writes "King" apart from "Olav");
- a club written by its everyday name, without the abbreviation of its form the knowledge base writes
  ("Chelsea" for "Chelsea FC", "Napoli" for "SSC Napoli"): only for a body, so a town the model took
  for a place stays one.

Each gives candidates only: kb_link's `_one` still decides, with the same guards, and a form that leaves
two actors links to neither.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ... import lexicons
from ...kb import ActorKB, KBMatch, normalise, without_possessive
from ...lexicons.names import is_given_name

if TYPE_CHECKING:
    from .cluster import Cluster

# The letters of an acronym read as initials: fewer are anything ("A"), more are rarely initials.
_ACRONYM_LETTERS = range(2, 7)


@functools.cache
def _adjectives(code: str) -> tuple[str, ...]:
    """The words a country's bodies are named with: its name and its demonyms ("Israel", "Israeli")."""
    country = lexicons.country_by_code().get(code)
    if country is None:
        return ()
    return tuple(dict.fromkeys([country.name, *country.demonyms]))


def body_matches(
    forms: list[str], kb: ActorKB, on: str | None, countries: frozenset[str], written: frozenset[str]
) -> list[KBMatch]:
    """The organisations of `countries` (those the story names, or the one the text gives the body) that a
    body's names stand for in a form the knowledge base does not list: a party with the country's name
    or demonym before it, or a body whose initials they are and whose name the story writes in full
    (`written`: the normalised names of the story's entities); and a club they call by its everyday name,
    of any country (`_one` decides between namesakes, by the countries the story names). One match per
    actor."""
    found: dict[str, KBMatch] = {}
    for form in forms:
        bare = _bare(form)
        for code in sorted(countries):
            for adjective in _adjectives(code):
                for m in kb.lookup(f"{adjective} {bare}", on):
                    if m.how == "name" and m.country == code and a_party(m):
                        found.setdefault(m.actor.id, m)
        for m in kb.clubs(bare, on):
            found.setdefault(m.actor.id, m)
        if _an_acronym(bare) and not kb.lookup(bare, on):
            for m in kb.initials(bare, on):
                if m.country in countries and _written(m, written):
                    found.setdefault(m.actor.id, m)
    return list(found.values())


def a_party(match: KBMatch) -> bool:
    """A party: bodies of many states share its name ("Labor Party", "Green Party") and the knowledge
    base tells them apart by the country's adjective. An army or a ministry without its adjective is as
    often a state's own one the knowledge base does not list that way."""
    return match.actor.type == "ORG" and any(r.role == "party" for r in match.actor.roles)


def names_written(clusters: Iterable[Cluster]) -> frozenset[str]:
    """The normalised names of the clusters' name mentions: what a story writes in full."""
    return frozenset(normalise(m.text) for c in clusters for m in c.mentions if m.kind == "name")


def _written(match: KBMatch, written: frozenset[str]) -> bool:
    """Whether the story writes the body's name in full: many bodies of a country share initials, and a
    reader expands an acronym from the name given before (or after) it."""
    return any(normalise(name) in written for name in (match.actor.name, *match.actor.aliases))


def an_acronym(form: str) -> bool:
    """Whether a name is written as an acronym (a possessive aside): only such a form reads as initials."""
    return _an_acronym(_bare(form))


def _bare(form: str) -> str:
    return without_possessive(form).strip()


def _an_acronym(form: str) -> bool:
    letters = form.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) in _ACRONYM_LETTERS


def titled_matches(cluster: Cluster, titles: tuple[str, ...], kb: ActorKB, on: str | None) -> list[KBMatch]:
    """The people the knowledge base lists under a title and a name of the cluster together ("Ayatollah
    X", "Sheikh Y", "King Juan Carlos"), matched as a whole name form, never as a surname."""
    words = {without_possessive(m.text).strip() for m in cluster.mentions if m.kind == "name"}
    found: dict[str, KBMatch] = {}
    for title in titles:
        for word in sorted(words):
            for m in kb.lookup(f"{title} {word}", on):
                if m.how == "name" and m.actor.type == "PERSON":
                    found.setdefault(m.actor.id, m)
    return list(found.values())


def one_named_body(cluster: Cluster, kb: ActorKB, on: str | None) -> bool:
    """A name of two to five capitalised words the model typed a person ("Mamelodi Sundowns") that is, in
    full, the name of exactly one body of the knowledge base and of no person, and opens with no given
    name: a firm or a club named after a person ("Ralph Lauren") may well be the person."""
    names = {without_possessive(m.text) for m in cluster.mentions if m.kind == "name"}
    if any(m.kind == "pronoun" for m in cluster.mentions) or not names:
        return False
    name = max(names, key=len)
    words = name.split()
    if not 2 <= len(words) <= 5 or not all(w[:1].isupper() for w in words) or name.isupper():
        return False
    if is_given_name(words[0]):
        return False
    matches = [m for m in kb.lookup(name, on) if m.how == "name"]
    return len({m.actor.id for m in matches}) == 1 and matches[0].actor.type == "ORG"
