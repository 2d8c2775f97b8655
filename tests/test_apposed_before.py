"""Countries from what is written right before a name: a description and a comma in apposition to a
person's name (stages/entities/apposed_before.py), a town's possessive before a body's (seated.py), on
sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import entity, person_country

from newsgraph import Document


@pytest.mark.model
def test_a_description_before_a_comma_in_apposition_gives_its_demonyms_country(
    extract: Callable[..., Document],
) -> None:
    doc = extract("Their Danish coach, Peter Walsh, who joined in the summer, was pleased.", "2021-03-02")
    assert person_country(doc, "Peter Walsh") == ("DNK", "text")
    doc = extract("The club's Norwegian playmaker, Tom Baker, scored eight goals on Sunday.", "2021-03-02")
    assert person_country(doc, "Tom Baker") == ("NOR", "text")


@pytest.mark.model
def test_a_phrase_before_a_comma_that_is_not_in_apposition_describes_nobody(
    extract: Callable[..., Document],
) -> None:
    doc = extract("In the Danish capital, Anna Holm said the talks had failed.", "2021-03-02")
    assert person_country(doc, "Anna Holm") != ("DNK", "text")


@pytest.mark.model
def test_a_towns_possessive_before_a_bodys_name_seats_the_body_there(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "The round was led by a Lagos bank, with San Francisco's Orvane Capital also taking part.",
        "2021-03-02",
    )
    fund = entity(doc, "Orvane Capital", "ORG")
    assert (fund.country, fund.country_source) == ("USA", "text")
