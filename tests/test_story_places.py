"""A short story whose few places all lie in one country is set there (stages/entities/story_places.py),
on stories written for these tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.model import Entity, Mention
from newsgraph.stages.entities.story_places import places_home

# One place of the story (Durban) named once: too few mentions for homes.py's share of places
_TOWNSHIP = (
    "Residents of a hillside township spent another week without running water on Tuesday. Ward "
    "councillor Bongani Mthethwa said the municipality {where} had promised repairs within ten days. Lindiwe "
    "Khumalo, who runs a creche from her home, said she had turned children away. A local charity, the "
    "Ubuntu Water Trust, has been handing out bottled water{extra}."
)


def _countries(doc: Document) -> dict[str, tuple[str | None, str | None]]:
    return {e.name: (e.country, e.country_source) for e in doc.entities if e.type in ("PERSON", "ORG")}


@pytest.mark.model
def test_a_short_story_is_set_in_the_one_country_of_its_places(extract: Callable[..., Document]) -> None:
    out = _countries(extract(_TOWNSHIP.format(where="in Durban", extra="")))
    # (a person's name may tell the country first: name_countries.py)
    for name in ("Bongani Mthethwa", "Lindiwe Khumalo", "Ubuntu Water Trust"):
        assert out[name][0] == "ZAF", name
    assert out["Ubuntu Water Trust"] == ("ZAF", "home")


@pytest.mark.model
@pytest.mark.parametrize(
    ("where", "extra"),
    [
        # a place someone comes from sets no story
        ("there", " with a retired nurse from Durban"),
        # an actor of another country leaves the story unplaced
        ("in Durban", " bought from Nestle"),
        # so does a place of another country
        ("in Durban", " shipped in from Mozambique"),
        # and money counted in another country's currency
        ("in Durban", " bought with a grant of 2 million yen"),
    ],
)
def test_what_leaves_a_short_story_unplaced(extract: Callable[..., Document], where: str, extra: str) -> None:
    out = _countries(extract(_TOWNSHIP.format(where=where, extra=extra)))
    assert out["Ubuntu Water Trust"] == (None, None)


@pytest.mark.model
def test_a_sports_story_is_left_alone(extract: Callable[..., Document]) -> None:
    # A sports story by its headline (stages/common.is_sports_story): its clubs' towns place no player
    text = (
        "SOCCER - WANDERERS WIN\nDurban Wanderers beat the Coastal Rovers 3-1 in the league on "
        "Saturday. Striker Kagiso Ndlovu scored twice and coach Thabo Sithole said the win kept their "
        "title hopes alive."
    )
    out = _countries(extract(text))
    assert out["Kagiso Ndlovu"][1] != "home" and out["Thabo Sithole"][1] != "home"


def test_with_no_place_of_its_own_the_places_inside_bodies_names_set_the_story() -> None:
    text = "Harbourton Town Council voted on Monday. Resident Siobhan Murphy said she was pleased."
    council = Entity(
        "E1",
        "Harbourton Town Council",
        "ORG",
        (Mention(0, 23, "Harbourton Town Council", 0),),
        country="IRL",
        country_source="region",
    )
    resident = Entity("E2", "Siobhan Murphy", "PERSON", (Mention(50, 64, "Siobhan Murphy", 1),))
    assert places_home(text, (council, resident), None) == "IRL"
    # Bodies named after places of two countries say nothing of where the story is
    other = dataclasses.replace(council, id="E3", name="Kingsport Harbour Board", country="GBR")
    assert places_home(text, (council, other, resident), None) is None
