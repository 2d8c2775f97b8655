"""Sports teams named after places: in a sports story, "Essex 372", "Leicestershire beat Somerset" and the
"CHICAGO 74 58" line of a standings table name clubs (ORG), not the places. National teams stay places,
as news and CoNLL both treat them ("Romania beat Wales").

A story is a sports story when its headline opens with a sport's name; only then are all the cues applied,
so "Essex police said" in a news story is untouched. In a story without such a headline (forty-second
session: own passages and most real stories have none), a name is a club only in a sentence with a match's
score ("Napoli beat Fiorentina 2-1"), by a sports verb, "against" or "v"; not by a figure after it, not a
gazetteer place of its own ruler (a capital), and a "person" only when the name is a big town's or a
region's and no given name.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from ...kb import without_possessive
from ...lexicons.entities import entity_words, leagues_abroad, sports_words
from ...lexicons.names import is_given_name
from ...model import Entity
from ..common import is_sports_story
from .cluster import Cluster
from .place_countries import biggest_alone, places_named
from .players import is_initialled

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...kb import ActorKB
    from ..base import Parsed
    from .mentions import Candidate

_WORDS = entity_words()  # the word lists this module uses, from lexicons/entity_words.tsv

_SCORE = re.compile(r"\d+(?:[-/]\d+)?|\.\d+")
_DATELINE = re.compile(
    r",?\s+(?:\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)",
    re.IGNORECASE,
)
_VERSUS = _WORDS.versus


def _team_cue(doc: Doc, text: str, start: int, end: int, person: bool = False, scores: bool = True) -> bool:
    """The name at tokens start..end is a team's: a score or "vs" beside it, "against" before it, or a
    sports verb's party (`text` is the document's: Doc.text joins every token on each call; `person`:
    the model took the name for a person's; `scores`: a figure right after the name is a cue, as in a
    table of results, not in prose: "beating RHC Maaszicht of Rotterdam 2-1")."""
    _, verbs = sports_words()
    nxt = doc[end] if end < len(doc) else None
    prev = doc[start - 1] if start > 0 else None
    if _DATELINE.match(text, doc[end - 1].idx + len(doc[end - 1].text)):
        return False  # "DUBLIN 1996-08-30", "LONDON, Aug 30": a dateline, not a score
    if scores and nxt is not None and _SCORE.fullmatch(nxt.text) and nxt.ent_type_ not in ("DATE", "TIME"):
        return True  # a score or a standings row
    if (nxt is not None and nxt.lower_ in _VERSUS) or (prev is not None and prev.lower_ in _VERSUS):
        return True
    head = doc[end - 1]
    if head.dep_ == "pobj" and head.head.lower_ == "against" and not person:
        # "their match against Nottinghamshire": an opponent (national sides never get here); a boxer's
        # or a player's surname is one too, but a person's ("a rematch against Camacho").
        return True
    return head.dep_ in ("nsubj", "dobj", "pobj") and (
        head.head.lemma_.lower() in verbs or (head.dep_ == "pobj" and head.head.head.lemma_.lower() in verbs)
    )


def _club_name(name: str) -> bool:
    """A club's name by its shape: a town and a club word ("Leeds United", "Bristol Rovers"; entity_words
    club_suffixes)."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in _WORDS.club_suffixes


def retype_teams(parsed: Parsed, clusters: list[Cluster], kb: ActorKB | None = None) -> None:
    """Turn place clusters that act as clubs in a sports story into organisations (in place), and drop
    the sport's name in an all-caps headline ("CRICKET -"), which the model takes for a body. A place
    the knowledge base knows by that very name as a club is one there ("Leicestershire" in a cricket
    story), whatever the sentence does with it ("so Leicestershire, second in the table, stay ...")."""
    headed = is_sports_story(parsed.text)
    if not headed and not _MATCH_SCORE.search(parsed.text):
        return
    doc = parsed.doc
    if headed:
        sports, _ = sports_words()
        for c in clusters:
            c.mentions = [m for m in c.mentions if m.text.lower() not in sports]
        clusters[:] = [c for c in clusters if c.mentions]
    for c in clusters:
        if c.type not in ("GPE", "LOC", "PERSON") or (c.kb or "").startswith(
            ("country:", "nation:", "demonym:")
        ):
            continue  # national sides are named as their nations, as news and CoNLL both do
        # "Manchester United" is a club's name by its shape, whatever the model made of it.
        club = bool(c.names) and all(_club_name(m.text) for m in c.names)
        club = club or _known_club(kb, c)
        if (
            not club
            and c.type == "PERSON"
            and any(len(m.text.split()) > 1 or is_initialled(m.text) for m in c.names)
        ):
            continue  # a full personal name is a player, and so is an initialled one ("T.O'Hara 109")
        person = c.type == "PERSON"
        names = c.names if headed else _prose_names(parsed, c, person)
        if club or any(
            _team_cue(doc, parsed.text, m.tok_start, m.tok_end, person, scores=headed) for m in names
        ):
            c.type = "ORG"
            c.mentions = [dataclasses.replace(m, type="ORG") for m in c.mentions]


def _prose_names(parsed: Parsed, c: Cluster, person: bool) -> list[Candidate]:
    """The names of `c` that team cues are read at in a story without a sport's headline: only in a
    sentence with a match's score ("Valencia beat Getafe 2-1"), not one hosting a summit; none of a place
    of the gazetteer's own ruler (a capital: "PARIS (Reuters)"); and of a "person" only a name that is a
    town's or a region's and no given name ("Torino drew", not "Dillion scored 20 points"). A figure right
    after the name is no cue there (`_team_cue`'s `scores`)."""
    if c.kb:
        return []
    return [m for m in c.names if _scored(parsed, m.sentence) and (not person or _place_not_person(m.text))]


# A match's score: "2-1", "27-19", "4 - 2"; not a date's range ("12-14 June") nor a season ("2019-20").
_MATCH_SCORE = re.compile(
    r"(?<![\d/-])\b\d{1,3}\s?-\s?\d{1,3}\b(?![\d/-])(?!\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
)


def _scored(parsed: Parsed, sentence: int) -> bool:
    """The sentence holds a match's score."""
    start, end = parsed.sentences[sentence]
    return _MATCH_SCORE.search(parsed.text, start, end) is not None


# A town a club in prose may be named after (a person's name is seldom a town this big).
_CLUB_TOWN_POPULATION = 50_000


def _place_not_person(name: str) -> bool:
    """The name is a big town's or a region's, and opens with no given name."""
    if is_given_name(name.split()[0]):
        return False
    places = places_named(name, ("city", "adm1", "region"))
    return bool(places) and (places[0].kind != "city" or (places[0].population or 0) >= _CLUB_TOWN_POPULATION)


def _known_club(kb: ActorKB | None, cluster: Cluster) -> bool:
    """Every name of the place is, as written, a club's name in the knowledge base and no other actor's."""
    if kb is None or not cluster.names:
        return False
    for m in cluster.names:
        name = m.text.title() if m.text.isupper() else m.text
        found = [k for k in kb.lookup(name) if k.how == "name"]
        if not found or any(k.actor.type != "ORG" or (k.role and k.role.role) != "club" for k in found):
            return False
    return True


# A club's town is a big city: at least this many people, and this many times any namesake in another
# country ("Toronto", not "Sale" of Morocco for the English club, nor "Surrey" of Canada).
_CLUB_CITY_POPULATION = 500_000
_CLUB_CITY_MARGIN = 10


def club_countries(text: str, entities: tuple[Entity, ...], home: str | None) -> tuple[Entity, ...]:
    """In a sports story of a league of `home`, a club named after a big city of a country whose clubs
    play in that league (lexicons/sports_leagues_abroad.tsv: "TORONTO" in a US baseball table) is of
    that city's country; the story's home, which the ranker gives the clubs of a domestic league, is
    not theirs. Only between such countries: a big city abroad with a club's name is otherwise a
    namesake (the gazetteer lacks many towns of a club's own country)."""
    if home is None or not is_sports_story(text):
        return entities
    abroad = {b for a, b in leagues_abroad() if a == home}
    if not abroad:
        return entities
    out = []
    for e in entities:
        if e.type == "ORG" and e.country is None:
            towns = {_club_town(m.text) for m in e.mentions if m.kind == "name"}
            if len(towns) == 1 and (country := towns.pop()) in abroad:
                e = dataclasses.replace(e, country=country, country_source="region")
        out.append(e)
    return tuple(out)


def _club_town(name: str) -> str | None:
    """The country of the big city whose name opens the club's name ("TORONTO", "Toronto Blue Jays"),
    else None: the longest opening words that name a city decide."""
    words = name.split()
    for n in range(min(3, len(words)), 0, -1):
        form = " ".join(words[:n])
        cities = places_named(form.title() if form.isupper() else form, ("city",))
        if cities:
            return biggest_alone(cities, _CLUB_CITY_POPULATION, _CLUB_CITY_MARGIN)
    return None


# A club named by its town alone in prose ("Liverpool", "Nantes"): a town of at least this many people, and
# this many times any namesake in another country (Portland, Oregon beside Portland, Maine).
_TOWN_CLUB_POPULATION = 100_000
_TOWN_CLUB_MARGIN = 5


def town_club_countries(parsed: Parsed, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """A body of no country named only by a big town's name ("Liverpool beat Everton 2-1", "Nantes sacked
    their coach") is a club of that town's country (source `region`), when a sentence naming it acts
    out a match: a score in it, or the body a party of a sports verb, "against" or "v" (or the story is
    a sports story by its headline). Not a given name ("Chelsea"): the gazetteer's towns of that name are
    seldom the club's."""
    headed = is_sports_story(parsed.text)
    out = []
    for e in entities:
        if e.type == "ORG" and e.country is None and e.kb_id is None:
            names = [m for m in e.mentions if m.kind == "name"]
            forms = {without_possessive(m.text) for m in names}
            country = town_club_country(forms.pop()) if len(forms) == 1 else None
            # The town first: reading the sentences for a match is the dearer test
            if country is not None and (
                headed or any(_plays(parsed, m.start, m.end, m.sentence) for m in names)
            ):
                e = dataclasses.replace(e, country=country, country_source="region")
        out.append(e)
    return tuple(out)


def town_club_country(name: str) -> str | None:
    """The country of the big town a club named by one word is named after ("Nantes"), else None: none
    for a given name, an acronym, or a town with a namesake abroad near its size."""
    if " " in name or is_given_name(name) or name.isupper():
        return None
    return biggest_alone(places_named(name, ("city",)), _TOWN_CLUB_POPULATION, _TOWN_CLUB_MARGIN)


def _plays(parsed: Parsed, start: int, end: int, sentence: int) -> bool:
    span = parsed.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    return _scored(parsed, sentence) or _team_cue(parsed.doc, parsed.text, span.start, span.end, scores=False)
