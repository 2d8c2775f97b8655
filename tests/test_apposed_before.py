"""A person's country from a description before the name and a comma, in apposition to it
(stages/entities/apposed_before.py), on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document


def _person(doc: Document, name: str) -> tuple[str | None, str | None]:
    [e] = [e for e in doc.entities if e.name == name]
    return e.country, e.country_source


@pytest.mark.model
def test_a_description_before_a_comma_in_apposition_gives_its_demonyms_country(
    extract: Callable[..., Document],
) -> None:
    doc = extract("Their Danish coach, Peter Walsh, who joined in the summer, was pleased.", "2021-03-02")
    assert _person(doc, "Peter Walsh") == ("DNK", "text")
    doc = extract("The club's Norwegian playmaker, Tom Baker, scored eight goals on Sunday.", "2021-03-02")
    assert _person(doc, "Tom Baker") == ("NOR", "text")


@pytest.mark.model
def test_a_phrase_before_a_comma_that_is_not_in_apposition_describes_nobody(
    extract: Callable[..., Document],
) -> None:
    doc = extract("In the Danish capital, Anna Holm said the talks had failed.", "2021-03-02")
    assert _person(doc, "Anna Holm") != ("DNK", "text")
