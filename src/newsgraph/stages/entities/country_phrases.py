"""A body's country written right after its name, or in it after "of" (homes.py gives it, source `region`):

- "ACME Co of PLACE", "ACME of the PLACE", "ACME in PLACE" (thirty-first session: "the Museo del Prado in
  Madrid", "Kampong Books in Singapore"): a story of foreign firms abroad names their country so, once,
  and the dateline's or the story's home would otherwise be theirs. The place must follow the name, or the
  name and the firm's legal form ("Corp", "Co"), directly: "of" further on names the topic or the owner of
  something else ("a plant of ACME in PLACE");
- "University of CITY", "Bank of CITY": the city a body is named after, as a city opening a name
  ("CITY Police Department", homes.py) places it; a place of the story by that name, else a big city with
  no namesake of its size elsewhere. A city only: a body named after a country or a state ("University of
  STATE") is read by the rules of the names stage, and a state may share its name with a country.
- "the Tallinn start-up Lumiline", "a Chilean wine company, NAME", "NAME, a charity based in Utrecht",
  "NAME, a grain exporter from PLACE", "NAME, based in PLACE" (forty-second session): a description of a
  body (a trade of country_cues.tsv's `descriptor`, the nouns seated.py reads after a demonym) placed by a
  town of the story, a big city or a demonym, right before or after its name (thirtieth session; the
  trades one list since the thirty-first). Since the forty-eighth session any noun will do after the
  name when "in" or "from" and the place follow it ("NAME, a shipping agent in Rotterdam") or "-based"
  joins the place to it ("NAME, the Vancouver-based explorer")."""

from __future__ import annotations

import re

from ... import lexicons
from ...lexicons.entities import home_words
from ...model import Entity
from .countries import country_cues
from .name_shapes import is_legal_form
from .place_countries import city_country

# After a body's name: an optional capitalised word (the firm's legal form, checked below), then "of" or
# "in" and an optional "the", then the place.
_OF_PLACE = re.compile(r"(?:[ \t]+([A-Z][A-Za-z]*\.?),?)?[ \t]+(?:of|in)[ \t]+(?:the[ \t]+)?")


def _firm_form(word: str | None) -> bool:
    return word is None or is_legal_form(word) or word.rstrip(".").lower() in home_words().firm_forms


def body_of_place(text: str, e: Entity, places: dict[int, tuple[int, str]]) -> str | None:
    """The country of the place written right after one of a body's names ("ACME Co of PLACE"), when
    every such place lies in one country; `places`: each place name mention's start -> (end, country)."""
    found = set()
    for m in e.mentions:
        if m.kind != "name":
            continue
        gap = _OF_PLACE.match(text, m.end)
        if gap is None or not _firm_form(gap.group(1)):
            continue
        place = places.get(gap.end())
        if place is not None:
            found.add(place[1])
    return found.pop() if len(found) == 1 else None


# "of" inside a body's name, then one or two capitalised words: the place it is named after.
_NAMED_OF = re.compile(r"[ \t]of[ \t]+(?:the[ \t]+)?([A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+)?)")


def body_named_of(e: Entity, by_name: dict[str, str]) -> str | None:
    """The country of the city a body's name holds after "of" ("University of CITY", "Bank of CITY Law
    School"), when every such name gives one country; `by_name`: each place mention's text -> its country.
    Not a body named after a pact or a meeting ("Treaty of CITY": home_words' `not_local_bodies`)."""
    found = set()
    for m in e.mentions:
        if m.kind != "name" or m.text.split()[0].lower() in home_words().not_local_bodies:
            continue
        for hit in _NAMED_OF.finditer(m.text):
            words = hit.group(1).split()
            for n in range(len(words), 0, -1):
                opening = " ".join(words[:n])
                country = by_name.get(opening) or _city_only(opening)
                if country is not None:
                    found.add(country)
                    break
    return found.pop() if len(found) == 1 else None


def _city_only(name: str) -> str | None:
    """city_country's reading of a name the gazetteer knows as a city before anything else of that name
    (not "Georgia", a country and a state)."""
    from ...geo import gazetteer

    known = sorted(gazetteer().lookup(name), key=lambda p: -(p.population or 0))
    return city_country(name) if known and known[0].kind == "city" else None


# A description before a body's name: "the PLACE(-based) [up to three words] NOUN[,] " right before it.
# The article may be left out ("Dutch animal nutrition group NAME"), and after "PLACE-based" the noun
# ("the Vancouver-based NAME").
_PLACED_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?)[ \t]+|(?<![\w'’-]))(?P<place>[A-Z][\w'’]+(?:[ \t-][A-Z][\w'’]+){0,3}?)"
    r"(?:(?P<based>-based)|[ \t]+(?:[a-z][\w-]*[ \t]+){0,3}?(?P<noun>[a-z][a-z-]*)),?[ \t]+$"
)
# After it: ", a [up to three words] NOUN (based) in PLACE", "..., a NOUN from PLACE" or ", a PLACE(-based)
# [words] NOUN".
_BASED_AFTER = re.compile(
    r",[ \t]+(?:an?|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?P<noun>[a-z][a-z-]*)[ \t]+"
    r"(?:(?:based|headquartered)[ \t]+in|in|from)[ \t]+(?P<place>[A-Z][\w'-]+(?:[ \t][A-Z][\w'-]+)?)"
)
# Or with no noun: ", based in PLACE", ", which is headquartered in PLACE".
_BARE_BASED_AFTER = re.compile(
    r",[ \t]+(?:(?:which|that)[ \t]+is[ \t]+)?(?P<based>based|headquartered)[ \t]+in[ \t]+"
    r"(?P<place>[A-Z][\w'-]+(?:[ \t][A-Z][\w'-]+)?)"
)
# (The place's letters are taken lazily, so that "-based" is not read as part of its name.)
_PLACED_AFTER = re.compile(
    r",[ \t]+(?:an?|the)[ \t]+(?P<place>[A-Z][\w'-]+?(?:[ \t][A-Z][\w'-]+?)?)(?P<based>-based)?[ \t]+"
    r"(?P<words>(?:[a-z][\w-]*[ \t]+){0,3}[a-z][a-z-]*)\b"
)


def body_described(text: str, e: Entity, by_name: dict[str, str]) -> str | None:
    """The country of the town or demonym of a description right before or after one of a body's names
    ("the Tallinn start-up NAME", "NAME, a Chilean wine company"), when all such give one country;
    `by_name`: each place mention's text -> its country (else a big city, else a demonym)."""
    nouns = country_cues().descriptor
    found = set()
    for m in e.mentions:
        if m.kind != "name":
            continue
        hits = [_PLACED_BEFORE.search(text, max(0, m.start - 90), m.start)]
        hits += [_BASED_AFTER.match(text, m.end), _BARE_BASED_AFTER.match(text, m.end)]
        hits += [_PLACED_AFTER.match(text, m.end)]
        for hit in hits:
            if hit is None:
                continue
            groups = hit.groupdict()
            # after the name, the noun is any of the words ("a Lisbon arts foundation", "a Lisbon firm
            # that makes ..."): the first of them may be a modifier
            heads = set(groups["words"].split()) if groups.get("words") else {groups.get("noun")}
            if not heads & nouns and not groups.get("based") and not _any_trade_in(hit):
                continue
            country = _place_country(hit.group("place"), by_name)
            if country is not None:
                found.add(country)
    return found.pop() if len(found) == 1 else None


# Participles of a person's life, never of a body's seat.
_PERSONS_PARTICIPLES = frozenset({"born", "raised"})


def _any_trade_in(hit: re.Match[str]) -> bool:
    """Whether ", a NOUN in PLACE" or "from PLACE" right after a body's name places it whatever its
    trade ("NAME, a shipping agent in Rotterdam", "a spinning mill in Prato"): the place follows the noun
    that describes the body itself, where before its name or after a demonym a noun of the trades list is
    needed to tell the body's description from a phrase about something else ("the Lisbon talks"); a
    participle places it too ("a company registered in PLACE"). Not "born" or "raised" ("NAME, a Belgian
    born in Morocco"): a name the model took for a body's that is a person's (forty-eighth session)."""
    noun = hit.groupdict().get("noun")
    return hit.re is _BASED_AFTER and noun is not None and noun not in _PERSONS_PARTICIPLES


def _place_country(written: str, by_name: dict[str, str]) -> str | None:
    """A place of the story by that name, a big city with no namesake of its size, or a demonym."""
    demonym = lexicons.country_by_demonym().get(written)
    return by_name.get(written) or _city_only(written) or (demonym.iso3 if demonym else None)
