"""Names the model typed wrongly that the actor knowledge base knows (newsgraph.kb), retyped before the
entities stage groups and links them (build.py; kb_link.py links them after): a body or a place whose full
name is exactly one person's name form becomes that person (since the fifty-fourth session also a region,
"Erling Haaland" typed LOC, and a performer or player known by one name, "Raphinha", "Beyoncé"); a "person"
that is only a party's one-word name, a transliterated name of hyphen-glued words the knowledge base knows
only as an organisation ("Lashkar-e-Taiba"), or a body the text names by a form kb_forms.py reads becomes
that body; an acronym typed a place that spells a body the story names in full, or that the knowledge base
lists as the acronym of a body the story names by another name ("Volkswagen ... VW"; forty-ninth session),
becomes that body, and so does a "place" the gazetteer does not know whose whole name is one body's of the
knowledge base (forty-sixth session). Moved out of kb_link.py in the forty-fifth session.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ...geo import gazetteer
from ...kb import ActorKB, KBActor, normalise, without_possessive
from ...lexicons.names import first_names
from .grouping import ORG_WORDS
from .kb_forms import a_party, an_acronym, body_matches, names_written, one_named_body
from .name_shapes import glued_name

if TYPE_CHECKING:
    from .cluster import Cluster


def retype_known_people(clusters: list[Cluster], kb: ActorKB | None, on: str | None) -> list[Cluster]:
    """Bodies and places the model typed ORG, GPE or LOC whose name is, in full, exactly one person's name
    form in the knowledge base ("Jan Kavan" tagged GPE; a one-word name: `_one_named_person`) become that
    person (PERSON), so that their bare
    surname joins them (grouping.merge_misfiled_people) and the link gives their country. Only two to four
    capitalised words with no word of a body's name ("Bank", "Party"), not a gazetteer place, and a match
    by the whole name, never by a surname alone. The other way, a one-word "person" that is only a party's
    name, of a country the story names (`_one_body`), a "person" of glued words the knowledge base knows
    only as a body (`_a_glued_body`), an acronym typed a place that is the initials of a body the story
    names in full (`_acronym_of_a_named_body`), and a place no gazetteer place bears the name of that is
    one body of the knowledge base by its whole name (`_no_place_but_a_body`) become that body (ORG)."""
    if kb is None:
        return clusters
    mentioned = frozenset(m.code for c in clusters for m in c.mentions if m.code)
    for c in clusters:
        if (
            c.type in ("ORG", "GPE", "LOC")
            and c.kb is None
            and (_one_person(c, kb, on) or _one_named_person(c, kb, on))
        ):
            _retype(c, "PERSON")
        elif c.kb is None and _a_known_body(c, clusters, kb, on, mentioned):
            _retype(c, "ORG")
    return clusters


def _a_known_body(
    cluster: Cluster, clusters: list[Cluster], kb: ActorKB, on: str | None, mentioned: frozenset[str]
) -> bool:
    if cluster.type == "PERSON":
        return (
            _one_body(cluster, kb, on, mentioned)
            or one_named_body(cluster, kb, on)
            or _a_glued_body(cluster, kb, on)
        )
    if cluster.type in ("GPE", "LOC") and _no_place_but_a_body(cluster, kb, on):
        return True
    return cluster.type == "GPE" and _acronym_of_a_named_body(cluster, clusters, kb, on, mentioned)


def _no_place_but_a_body(cluster: Cluster, kb: ActorKB, on: str | None) -> bool:
    """A name the model typed a place that the gazetteer knows no place by, but the knowledge base knows
    by that whole name as one organisation and as nothing else ("brands such as H&M and Primark",
    "Kaupthing"; forty-sixth session)."""
    names = {without_possessive(m.text) for m in cluster.mentions if m.kind == "name"}
    if len(names) != 1 or any(m.code or m.kind != "name" for m in cluster.mentions):
        return False
    name = names.pop()
    return not name.isupper() and _no_place_one_body(name, kb, on) is not None


def _no_place_one_body(name: str, kb: ActorKB, on: str | None) -> KBActor | None:
    """The one organisation the knowledge base knows by `name` as written, when it knows that name as
    nothing else and the gazetteer knows no place by it; else None."""
    if name in gazetteer():
        return None
    matches = kb.lookup(name, on)
    if len({x.actor.id for x in matches}) != 1 or any(x.how != "name" for x in matches):
        return None
    return matches[0].actor if matches[0].actor.type == "ORG" else None


def _a_glued_body(cluster: Cluster, kb: ActorKB, on: str | None) -> bool:
    """A "person" named by a transliterated name of glued words ("Lashkar-e-Taiba") that the knowledge
    base knows in full as an organisation and as nothing else: no one's given and family name is glued
    so, while armed groups and parties of South Asia often are."""
    names = {without_possessive(m.text) for m in cluster.mentions if m.kind == "name"}
    if len(names) != 1 or not glued_name(name := names.pop()):
        return False
    matches = [m for m in kb.lookup(name, on) if m.how == "name"]
    return bool(matches) and all(m.actor.type == "ORG" for m in matches)


def _acronym_of_a_named_body(
    cluster: Cluster, clusters: list[Cluster], kb: ActorKB, on: str | None, mentioned: frozenset[str]
) -> bool:
    """An acronym the model typed a place (it may spell a state's postal code) that is the initials of
    exactly one body of a country the story names, a body the story also names in full; or that the
    knowledge base lists as the acronym of one body only, a body the story names in full by another of
    its names ("Volkswagen ... VW", no initials; forty-ninth session)."""
    names = {m.text for m in cluster.mentions if m.kind == "name"}
    if len(names) != 1 or any(m.code for m in cluster.mentions) or not an_acronym(next(iter(names))):
        return False  # before the names of every other cluster are gathered: most places are no acronym
    written = names_written(c for c in clusters if c is not cluster)
    found = body_matches(list(names), kb, on, mentioned, written)
    if found:
        return len(found) == 1 and found[0].how == "initials"
    name = without_possessive(next(iter(names))).strip()
    actor = _no_place_one_body(name, kb, on)
    return actor is not None and any(
        normalise(n) in written for n in (actor.name, *actor.aliases) if n != name
    )


def _retype(cluster: Cluster, kind: str) -> None:
    for i, m in enumerate(cluster.mentions):
        cluster.mentions[i] = dataclasses.replace(m, type=kind)
    cluster.type = kind


def _one_body(cluster: Cluster, kb: ActorKB, on: str | None, mentioned: frozenset[str]) -> bool:
    """A one-word name the model typed a person that is no person of the knowledge base, nor a given
    name, but is the whole name of exactly one party of a country the story names (a party called by a
    word of its own). Only parties: a firm or a club is often named after a person, so a one-word
    person may well be the person."""
    word = _one_word(cluster)
    if word is None:
        return False
    matches = kb.lookup(word, on)
    if any(m.actor.type != "ORG" for m in matches):
        return False
    parties = {m.actor.id for m in matches if m.how == "name" and m.country in mentioned and a_party(m)}
    return len(parties) == 1 and len({m.actor.id for m in matches}) == 1


def _one_named_person(cluster: Cluster, kb: ActorKB, on: str | None) -> bool:
    """A one-word name that the knowledge base knows as one person's whole name and as nothing else, no
    other person's surname either ("Raphinha", "Beyoncé", "Shakira"), and that is no given name, no
    gazetteer place and no acronym: a performer or a player known by one name, which the model often
    types a body."""
    word = _one_word(cluster)
    if word is None or word in gazetteer():
        return False
    matches = kb.lookup(word, on)
    return len({m.actor.id for m in matches}) == 1 and all(
        m.how == "name" and m.actor.type == "PERSON" for m in matches
    )


def _one_word(cluster: Cluster) -> str | None:
    """The one capitalised word every mention of the cluster names it by ("Tidewave", "Raphinha"), when it
    is no acronym and no given name; else None."""
    words = {without_possessive(m.text) for m in cluster.mentions}
    if len(words) != 1 or any(m.kind != "name" for m in cluster.mentions):
        return None
    word = words.pop()
    if " " in word or not word[:1].isupper() or word.isupper() or word.lower() in first_names():
        return None
    return word


def _one_person(cluster: Cluster, kb: ActorKB, on: str | None) -> bool:
    found: set[str] = set()
    for m in cluster.mentions:
        words = without_possessive(m.text).split()
        if m.kind != "name" or not 2 <= len(words) <= 4 or m.text.isupper():
            return False
        if not all(w[:1].isupper() for w in words) or {w.lower() for w in words} & ORG_WORDS:
            return False
        if cluster.type == "LOC" and m.text in gazetteer():
            return False
        matches = kb.lookup(" ".join(words), on)
        people = {x.actor.id for x in matches if x.how == "name"}
        if not people or any(x.actor.type != "PERSON" for x in matches):
            return False
        found |= people
    return len(found) == 1
