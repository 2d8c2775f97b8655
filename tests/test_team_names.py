"""Teams named by a town and a nickname or club word, and US college sides ("Iowa State"), in any story
(stages/entities/team_names.py). Names and sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.stages.entities.team_names import is_team_name


@pytest.mark.parametrize(
    "name",
    ["Winnipeg Jets", "Boston Bruins", "Coventry City", "Luton Town", "Iowa State", "Bolton Wanderers"],
)
def test_a_town_and_a_nickname_is_a_team(name: str) -> None:
    assert is_team_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Sioux Falls",  # a town the gazetteer knows whole
        "Kansas City",
        "Cape Town",
        "Kensington Gardens",  # a place's plural ("Gardens") is no nickname
        "Washington State",  # written for the state itself
        "England Lions",  # a national side is named as its nation
        "Boston Globe",  # no plural
        "Springfield",
    ],
)
def test_places_and_papers_are_no_teams(name: str) -> None:
    assert not is_team_name(name)


@pytest.mark.model
def test_teams_the_model_took_for_places_are_organisations(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The Winnipeg Jets beat the Boston Bruins 4-2 on Saturday. Iowa State beat Kansas State 70-64, "
        "and Coventry City drew with Luton Town.",
        "2017-02-12",
    )
    orgs = {e.name: e.country for e in doc.entities if e.type == "ORG"}
    assert orgs["Winnipeg Jets"] == "CAN" and orgs["Boston Bruins"] == "USA"
    assert orgs["Iowa State"] == "USA" and orgs["Kansas State"] == "USA"
    assert orgs["Coventry City"] == "GBR" and orgs["Luton Town"] == "GBR"
    assert not any(e.type == "ORG" and e.name == "Boston" for e in doc.entities)


def _kinds(doc: Document) -> dict[str, str]:
    return {e.name: "place" if e.is_place else e.type for e in doc.entities}


@pytest.mark.model
def test_a_town_that_beats_another_by_a_score_is_a_club_without_a_sports_headline(
    extract: Callable[..., Document],
) -> None:
    # Prose with a match's score (forty-second session): the towns are clubs
    kinds = _kinds(extract("Napoli beat Fiorentina 2-1 on Sunday. Torino drew 1-1 with Genoa in Turin."))
    assert kinds["Napoli"] == kinds["Torino"] == "ORG"
    assert kinds["Turin"] == "place"  # where they played


@pytest.mark.model
def test_a_town_in_prose_without_a_score_or_right_before_one_stays_a_place(
    extract: Callable[..., Document],
) -> None:
    kinds = _kinds(extract("Lagos will host the regional summit next week, officials said."))
    assert kinds["Lagos"] == "place"
    # nor in a story with a score elsewhere
    doc = extract("Lagos will host the regional summit next week. In football, Enyimba won 2-0 on Sunday.")
    assert _kinds(doc)["Lagos"] == "place"
    doc = extract(
        "Amstelhoek won the Dutch hockey title on Sunday, beating RHC Veldzicht of Rotterdam 2-1 in a "
        "penalty shoot-out."
    )
    assert _kinds(doc)["Rotterdam"] == "place"
    # A player's surname the model took for a person stays one ("Okafor scored twice")
    kinds = _kinds(extract("Jackson scored twice as Kano Pillars beat Enyimba 3-1 on Sunday."))
    assert kinds.get("Jackson", "PERSON") == "PERSON"
