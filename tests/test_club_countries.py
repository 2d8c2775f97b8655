"""Clubs named after a big city of a country whose clubs play in the story's home leagues
(stages/entities/teams.club_countries), and clubs named by a big town alone in a sentence that plays a
match (teams.town_club_countries). Standings and sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph import extract
from newsgraph.model import Document, Entity
from newsgraph.stages.entities.teams import club_countries, town_club_country

pytestmark = pytest.mark.model

_US_TABLE = (
    "BASEBALL - WHERE THE CLUBS STAND\n"
    "NEW YORK 1996-08-30\n"
    "How the big-league clubs stood when the week closed, wins first:\n"
    "EASTERN DIVISION\n"
    "BOSTON 70 62\n"
    "TORONTO 61 72\n"
    "CENTRAL DIVISION\n"
    "DETROIT 50 83\n"
    "MONTREAL 71 60\n"
)

_ENGLISH_TABLE = (
    "CRICKET - WHERE THE COUNTIES STAND\n"
    "LONDON 1996-08-30\n"
    "How the counties stood when the week closed, games played first:\n"
    "Essex 15 210\n"
    "Surrey 15 198\n"
    "Sale 14 150\n"
)


def _club(doc: Document, name: str) -> Entity:
    for e in doc.entities:
        if any(m.text == name and m.kind == "name" for m in e.mentions):
            return e
    raise AssertionError(f"no entity named {name!r}: {[e.name for e in doc.entities]}")


def test_a_canadian_club_in_a_us_league_is_canadian() -> None:
    doc = extract(_US_TABLE, published="1996-08-30")
    for name in ("TORONTO", "MONTREAL"):
        club = _club(doc, name)
        assert club.type == "ORG" and club.country == "CAN", club
    assert _club(doc, "BOSTON").country in ("USA", None)


def test_a_namesake_city_abroad_gives_no_club_its_country() -> None:
    # Surrey and Sale have bigger namesakes in Canada and Morocco, which play in no English league.
    doc = extract(_ENGLISH_TABLE, published="1996-08-30")
    for name in ("Surrey", "Sale"):
        assert _club(doc, name).country not in ("CAN", "MAR")


def test_outside_sports_stories_and_without_a_home_nothing_changes() -> None:
    doc = extract("Toronto officials met in Ottawa on Monday.", published="1996-08-30")
    assert club_countries(doc.text, doc.entities, "USA") == doc.entities
    sports = extract(_US_TABLE, published="1996-08-30")
    assert club_countries(sports.text, sports.entities, None) == sports.entities


def test_a_club_named_by_its_town_and_a_club_word_is_a_club_of_that_country() -> None:
    # The model reads both names as people's.
    doc = extract(
        "SOCCER - CLUB FINED\nMOSCOW 1996-08-30\nThe club, who beat Manchester United in the cup last "
        "year, were fined on Friday. Leeds United drew.",
        published="1996-08-30",
    )
    for name in ("Manchester United", "Leeds United"):
        club = _club(doc, name)
        assert (club.type, club.country) == ("ORG", "GBR"), club


def _country_of(doc: Document, name: str) -> tuple[str | None, str | None]:
    found = next(e for e in doc.entities if e.name == name)
    return found.country, found.country_source


def test_a_club_named_by_its_big_town_alone_is_of_that_towns_country() -> None:
    doc = extract("Bordeaux sacked their coach after a 3-0 defeat at Lens on Saturday.", "2021-03-01")
    assert _country_of(doc, "Bordeaux") == ("FRA", "region")
    # A club the knowledge base holds under its everyday name and a form ("FC Nantes") is its entry's
    doc = extract("Nantes sacked their coach after a 3-0 defeat at Lens on Saturday.", "2021-03-01")
    assert _country_of(doc, "Nantes") == ("FRA", "kb")
    doc = extract("Portland beat Denver 112-104 on Friday night.", "2021-03-01")
    assert _country_of(doc, "Portland") == ("USA", "region")  # Oregon's, far bigger than Maine's


def test_a_town_of_namesakes_abroad_or_a_given_name_tells_no_clubs_country() -> None:
    assert town_club_country("Nantes") == "FRA"
    assert town_club_country("Valencia") is None  # Venezuela's is bigger than Spain's
    assert town_club_country("Chelsea") is None  # a given name: the gazetteer's Chelseas are small towns
    assert town_club_country("Leeds United") is None  # a club's name of its own is read elsewhere
