"""A body the rules placed by the town in its name, whose namesake lies in the story's home
(stages/entities/namesake_bodies.py). Entities and sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import entity

from newsgraph.model import Document, Entity, Mention
from newsgraph.stages.entities.namesake_bodies import namesake_bodies_at_home


def _entity(name: str, type_: str, country: str, source: str | None = None) -> Entity:
    return Entity(
        name, name, type_, (Mention(0, len(name), name, 0),), country=country, country_source=source
    )


def test_a_body_named_after_a_town_abroad_with_a_namesake_at_home_takes_the_home() -> None:
    # "Kent": a big city in Washington, and a county of England, where the story is set.
    kent = _entity("University of Kent", "ORG", "USA", "region")
    places = (_entity("Canterbury", "GPE", "GBR"), _entity("England", "GPE", "GBR"))
    assert namesake_bodies_at_home((*places, kent), "GBR")[-1].country == "GBR"


def test_the_reading_stands_when_the_story_names_its_country_or_no_namesake_is_at_home() -> None:
    kent = _entity("University of Kent", "ORG", "USA", "region")
    places = (_entity("Canterbury", "GPE", "GBR"), _entity("Seattle", "GPE", "USA"))
    assert namesake_bodies_at_home((*places, kent), "GBR")[-1].country == "USA"  # a place of the US named
    windsor = _entity("University of Windsor", "ORG", "CAN", "region")
    assert namesake_bodies_at_home((windsor,), "KEN")[-1].country == "CAN"  # no Windsor in Kenya
    # Only the rules' reading of a name: a country the text gave stands.
    said = _entity("University of Kent", "ORG", "USA", "text")
    assert namesake_bodies_at_home((said,), "GBR")[-1].country == "USA"


@pytest.mark.model
def test_a_storys_home_corrects_a_body_named_after_a_town_with_a_namesake(
    extract: Callable[..., Document],
) -> None:
    text = (
        "The novelist Ruth Ellery, who taught history at the University of Kent for thirty years, won the "
        "prize on Thursday. Ellery, who was born in Zanzibar, came to England as a student and lives in "
        "Canterbury. Her publisher said she would give the prize money to a library in Margate."
    )
    assert entity(extract(text, "2021-10-07"), "University of Kent").country == "GBR"


def test_without_a_namesake_at_home_the_one_other_named_country_with_one_takes_the_body() -> None:
    # A Stockholm story that names England: Sweden has no Kent, England has one.
    kent = _entity("University of Kent", "ORG", "USA", "region")
    places = (_entity("Stockholm", "GPE", "SWE"), _entity("England", "GPE", "GBR"))
    assert namesake_bodies_at_home((*places, kent), "SWE")[-1].country == "GBR"
    # No home at all: the London borough's council in a story of Ohio is the Ohio suburb's.
    bexley = _entity("Bexley City Council", "ORG", "GBR", "region")
    assert namesake_bodies_at_home((_entity("Ohio", "GPE", "USA"), bexley), None)[-1].country == "USA"


def test_two_other_named_countries_with_a_namesake_leave_the_reading() -> None:
    # England and Sierra Leone both have a Kent: no one choice, so the rules' reading stands
    kent = _entity("University of Kent", "ORG", "USA", "region")
    places = (_entity("England", "GPE", "GBR"), _entity("Freetown", "GPE", "SLE"))
    assert namesake_bodies_at_home((*places, kent), None)[-1].country == "USA"
