"""A body's country written right after its name (stages/entities/country_phrases.py), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.model import Entity, Mention
from newsgraph.stages.entities.country_phrases import body_named_of, body_of_place
from newsgraph.stages.entities.homes import place_countries


def _body(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity("E1", name, "ORG", (Mention(start, start + len(name), name, 0),))


def _places(text: str, **countries: str) -> dict[int, tuple[int, str]]:
    return {text.index(n): (text.index(n) + len(n), c) for n, c in countries.items()}


@pytest.mark.parametrize(
    "text",
    [
        "Norvale Paper Co of Finland will build a mill near the port.",  # a short firm form between
        "Norvale Paper Oyj of Finland will build a mill near the port.",  # a legal form
        "Norvale Paper of Finland will build a mill near the port.",
        "Norvale Paper in Finland will build a mill near the port.",  # where it is (thirty-first session)
    ],
)
def test_the_place_right_after_a_bodys_name_gives_its_country(text: str) -> None:
    body = _body(text, "Norvale Paper")
    assert body_of_place(text, body, _places(text, Finland="FIN")) == "FIN"


@pytest.mark.parametrize(
    "text",
    [
        "Norvale Paper plans a mill of its own in Finland.",  # "of" further on
        "Norvale Paper Mills of Finland will build a mill.",  # a word of the name that is no firm form
        "Norvale Paper spoke of Finland at the fair.",
        "Norvale Paper spoke in Finland at the fair.",
    ],
)
def test_no_country_when_the_place_does_not_follow_the_name(text: str) -> None:
    body = _body(text, "Norvale Paper")
    assert body_of_place(text, body, _places(text, Finland="FIN")) is None


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("University of Toronto", "CAN"),  # a big city with no namesake of its size
        ("Bank of Montreal", "CAN"),
        ("University of Windsor Law School", "CAN"),  # the city, then more of the name
        ("Ferrol College of Dayton", "USA"),  # a place of the story by that name
    ],
)
def test_a_body_named_after_a_city_takes_its_country(name: str, country: str) -> None:
    text = f"A lecturer at the {name} spoke in Dayton on Monday."
    assert body_named_of(_body(text, name), {"Dayton": "USA"}) == country


@pytest.mark.parametrize(
    "name",
    [
        "University of Georgia",  # a country and a state: the names stage reads it
        "Treaty of Toronto",  # named after the city where it was signed
        "Friends of Gardening",  # no place
    ],
)
def test_no_country_from_a_name_of_no_city(name: str) -> None:
    text = f"A lecturer at the {name} spoke on Monday."
    assert body_named_of(_body(text, name), {}) is None


def test_a_local_papers_fallback_home_yields_to_the_city_a_body_is_named_after() -> None:
    text = "The plan was drafted at Dayton. A graduate of the University of Windsor said it was fair."
    start = text.index("University of Windsor")
    entities = (
        Entity("E1", "Dayton", "GPE", (Mention(22, 28, "Dayton", 0),), country="USA"),
        Entity(
            "E2",
            "University of Windsor",
            "ORG",
            (Mention(start, start + 21, "University of Windsor", 1),),
            sector="EDU",
        ),
    )
    body = place_countries(text, entities, "http://www.daytondailynews.com/1")[1]
    assert (body.country, body.country_source) == ("CAN", "region")
