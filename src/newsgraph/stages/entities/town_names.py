"""Towns the model typed a person or a body: "a nine-year-old boy from Vellore", "RHC Maaszicht of
Rotterdam", "the port of Szczecin", "Rescuers in Christchurch". The small model knows few towns of
the world; a name it took for a person or a body, written right after "in", "at", "near", "of", "from" or
"outside", that is the name of a town of at least `_MIN_POPULATION` people (the gazetteer's biggest place
of that name being a town), is a place there and wherever the story writes it so. The places stage then
resolves it as it resolves any other (its country, its namesakes).

Or written as a modifier after an article, before a noun a town's name modifies (forty-second session:
"A Dunedin primary school", "the Rotterdam firm X", "an Ede farmer"; entity_words' `town_modified`).

Not: a town's name that is a given name too ("Chelsea", "Florence"), unless a big city
(`_GIVEN_NAME_CITY`: "Asunción", "Verona"); a name run on into a longer one ("Kensington and Chelsea
council"); a name in capitals (an acronym: "EU" is a French village's too); a possessive ("at
Barcelona's offices"); after "at" in a sentence with a score ("held 2-2 at Chelsea": a club's ground);
anything in a sports story ("joined Milan from Torino": a club).

A town and its division or country the model took for one body or person ("of Maidstone, Kent" ORG,
"Kalgoorlie, Western Australia" ORG) are two places (`split_town_divisions`) when the gazetteer knows a
town of the first name (of the size above) in a country where a division or country of each later name
lies.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from ...lexicons.entities import entity_words
from ...lexicons.names import is_given_name
from ..common import is_sports_story
from .mentions import Candidate
from .place_countries import places_named

if TYPE_CHECKING:
    from ...geo import Place
    from ..base import Parsed

# The word right before the name says where: "in PLACE", "of PLACE" ...
_LOCATIVE = re.compile(r"\b(?P<word>[Ii]n|at|near|of|from|outside)\s+\Z")
# The name runs on ("Kensington and Chelsea", "Kiel Week") or owns something, as a body does ("at
# Barcelona's offices").
_RUNS_ON = re.compile(r"\s+(?:and|&)\s+[A-Z]|\s*-?[A-Z]|['’]s\b")
_SCORE = re.compile(r"\b\d{1,3}-\d{1,3}\b")
_MIN_POPULATION = 10_000
# Not a US county without its "County" ("Jones"): a surname's namesake too, and US style writes the state.
_DIVISIONS = ("adm1", "adm2", "region", "country")
_PARTS = re.compile(r"[A-Z][\w.'-]*(?:[ -][A-Za-z][\w.'-]*)*")
_GIVEN_NAME_CITY = 200_000


def retype_towns(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with every name candidate typed PERSON or ORG whose text is a town written after a
    word of place (see the module's docstring) typed GPE."""
    text = parsed.text
    if is_sports_story(text):
        return candidates  # "joined Milan from Torino": clubs are named by their towns
    towns = {c.text for c in candidates if _town_written_so(parsed, c)}
    if not towns:
        return candidates
    return [
        dataclasses.replace(c, type="GPE")
        if c.kind == "name" and c.type in ("PERSON", "ORG") and c.text in towns
        else c
        for c in candidates
    ]


def _town_written_so(parsed: Parsed, c: Candidate) -> bool:
    text = parsed.text
    if c.kind != "name" or c.type not in ("PERSON", "ORG") or c.kb is not None or c.text.isupper():
        return False
    before = _LOCATIVE.search(text, max(0, c.start - 12), c.start)
    if _RUNS_ON.match(text, c.end):
        return False
    if before is None and not _modifies_a_noun(text, c.start, c.end):
        return False
    if (
        before is not None
        and before.group("word") == "at"
        and _SCORE.search(text, *parsed.sentences[c.sentence])
    ):
        return False
    places = places_named(c.text, ("city", "adm1", "adm2", "region", "country", "area"))
    return bool(places) and places[0].kind == "city" and big_enough_town(c.text, places[0])


# An article right before the name, and after it a noun a town modifies, with one word between at most
# ("a Dunedin primary school", "the Kuantan property developer").
_ARTICLE = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+\Z")
_MODIFIED = (re.compile(r"\s+(?P<noun>[a-z]+)\b"), re.compile(r"\s+[a-z]+\s+(?P<noun>[a-z]+)\b"))


def _modifies_a_noun(text: str, start: int, end: int) -> bool:
    """The name stands as a modifier before a noun a town's name modifies (entity_words' `town_modified`),
    after an article (forty-second session)."""
    nouns = entity_words().town_modified
    after = (hit.group("noun") for pattern in _MODIFIED if (hit := pattern.match(text, end)) is not None)
    return (
        any(noun in nouns for noun in after) and _ARTICLE.search(text, max(0, start - 6), start) is not None
    )


def big_enough_town(name: str, town: Place) -> bool:
    """A town the model's person or body `name` may be taken for: of at least `_MIN_POPULATION` people, or
    `_GIVEN_NAME_CITY` when the name opens with a given name ("Chelsea", "Florence")."""
    floor = _GIVEN_NAME_CITY if is_given_name(name.split()[0]) else _MIN_POPULATION
    return (town.population or 0) >= floor


def split_town_divisions(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates, with each name typed PERSON or ORG that reads "Town, Division" or "Town, Division,
    Country" split into one GPE name candidate a part (see the module's docstring)."""
    out: list[Candidate] = []
    for c in candidates:
        parts = _town_and_divisions(c) or []
        spans = [parsed.doc.char_span(c.start + start, c.start + end) for start, end in parts]
        if not spans or any(span is None for span in spans):
            out.append(c)  # not that shape, or a part the tokens do not bound: the name stays whole
            continue
        out.extend(Candidate.from_span(parsed, span, "GPE", "name") for span in spans if span is not None)
    return out


def _town_and_divisions(c: Candidate) -> list[tuple[int, int]] | None:
    """The offsets (within the name) of the town's and the divisions' names, or None."""
    if c.kind != "name" or c.type not in ("PERSON", "ORG") or c.kb is not None or ", " not in c.text:
        return None
    pieces = c.text.split(", ")
    if len(pieces) > 3 or not all(_PARTS.fullmatch(p) for p in pieces):
        return None
    floor = _GIVEN_NAME_CITY if is_given_name(pieces[0].split()[0]) else _MIN_POPULATION
    towns = {p.country for p in places_named(pieces[0], ("city",)) if (p.population or 0) >= floor}
    for piece in pieces[1:]:
        if not towns & {p.country for p in places_named(piece, _DIVISIONS)}:
            return None
    out, at = [], 0
    for piece in pieces:
        out.append((at, at + len(piece)))
        at += len(piece) + 2
    return out
