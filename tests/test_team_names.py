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
