"""Teams named by their town and a nickname or a club word, in any story: "Winnipeg Jets", "Coventry
City", "Bolton Wanderers", and US college sides named "<State> State" ("Iowa State").

The model takes such a name for a place as often as not (it is made of one), or tags the town alone
("Boston" of "Boston Bruins"), and a place is no actor, so the team was lost. A name of two words or
more is a team's when its last word is a capitalised plural that closes no place's name (entity_words'
`place_plurals`: "Sioux Falls", "Kensington Gardens" are places) or a club word (`team_suffixes`),
what stands before it is a place the gazetteer knows and no country (national sides are named as
their nations), and the gazetteer does not know the whole name ("Kansas City", "Cape Town" are
places). "<State> State" is a university or its side, except where news writes it for the state
itself ("Washington State", "New York State"). The story's kind does not matter: unlike "Essex" alone
(teams.py), these names are no place anywhere.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import entity_words
from ...lexicons.places import us_states
from .cluster import Cluster
from .mentions import Candidate

if TYPE_CHECKING:
    from ..base import Parsed

# States whose name with "State" is written for the state itself as often as for a university.
_STATE_ITSELF = frozenset({"Washington", "New York"})


def _nickname(word: str) -> bool:
    """A team's last word: a capitalised plural that ends no place's name, or a club word."""
    words = entity_words()
    lower = word.lower()
    if not word[:1].isupper() or not word.isalpha() or word.isupper():
        return False
    return lower in words.team_suffixes or (
        lower.endswith("s") and len(word) >= 4 and lower not in words.place_plurals
    )


def _town_and_nickname(name: str) -> bool:
    from ...geo import gazetteer

    words = name.split()
    if len(words) < 2 or not _nickname(words[-1]) or words[0] in _COMPASS:
        return False
    town = " ".join(words[:-1])
    if _nation(town) or _nation(town.title()):
        return False
    places = gazetteer()
    found = sorted(places.lookup(town), key=lambda p: -(p.population or 0))
    if not found or places.lookup(name) or places.lookup(words[-1]):
        return False  # no town, a place whole ("Kansas City"), or a place's own name last ("North Texas")
    # "Coventry City", "Luton Town": a club word after a town abroad; in the US "Huntsville City" and
    # "Kanawha City" are the town itself or a part of it.
    return words[-1].lower() not in entity_words().team_suffixes or found[0].country != "USA"


# Words of a direction that open a region's name ("North Texas"), not a town's.
_COMPASS = frozenset(
    {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central"}
)


def _nation(name: str) -> bool:
    """A country's or a nation's name ("Brazil", "England"): its side is named as the nation."""
    return lexicons.names_country_or_nation(name)


def _state_university(name: str) -> bool:
    words = name.split()
    if len(words) < 2 or words[-1] != "State":
        return False
    state = " ".join(words[:-1])
    return state not in _STATE_ITSELF and any(s.name == state for s in us_states())


def is_team_name(name: str) -> bool:
    """`name` is a team's by its shape: a town and a nickname or club word, or a US state and "State"."""
    return _state_university(name) or _town_and_nickname(name)


def extend_team_names(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """A place mention the model ended before its team's nickname ("Boston" of "Boston Bruins", "Kansas"
    of "Kansas State") made the team's ORG mention, when no other mention holds the next word."""
    doc = parsed.doc
    starts = {c.tok_start for c in candidates}
    out = []
    for c in candidates:
        nxt = c.tok_end
        if (
            c.type in ("GPE", "LOC")
            and c.kind == "name"
            and nxt < len(doc)
            and nxt not in starts
            and doc[nxt - 1].whitespace_ == " "
            and is_team_name(doc[c.tok_start : nxt + 1].text)
        ):
            c = Candidate.from_span(parsed, doc[c.tok_start : nxt + 1], "ORG", "name")
        out.append(c)
    return out


def retype_named_teams(clusters: list[Cluster]) -> None:
    """Place clusters all of whose names are teams' by their shape become organisations (in place)."""
    for c in clusters:
        if c.type not in ("GPE", "LOC") or (c.kb or "").startswith(("country:", "nation:", "demonym:")):
            continue
        if c.names and all(is_team_name(m.text) for m in c.names):
            c.type = "ORG"
            c.mentions = [dataclasses.replace(m, type="ORG") for m in c.mentions]
