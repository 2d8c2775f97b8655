"""A body named again by its town or its country's demonym ("The Leeds firm", "the Bergen-based company",
"the Norwegian company"): a mention of the body that gives it the place's country
(stages/entities/seat_anaphors.py), on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import entity

from newsgraph import Document


def _body(doc: Document, name: str) -> tuple[str | None, list[str]]:
    found = entity(doc, name, "ORG")
    return found.country, [m.text for m in found.mentions if m.kind == "nominal"]


@pytest.mark.model
def test_a_town_before_a_bodys_noun_names_the_body_of_the_sentence_before(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Tamsin Koller, chief executive of Brightwell Partners, said the deal was done. "
        "The Leeds firm employs 40 people.",
        "2021-03-02",
    )
    assert _body(doc, "Brightwell Partners") == ("GBR", ["Leeds firm"])
    # The town is a place, not a person nor a body of its own ("Leeds" PERSON, "Leeds firm" ORG).
    assert [e.type for e in doc.entities if "Leeds" in e.name] == ["GPE"]


@pytest.mark.model
def test_a_seat_or_a_demonym_before_a_bodys_noun_gives_its_country(extract: Callable[..., Document]) -> None:
    story = "Nordvik Holdings reported a higher profit on Tuesday. The {} company said sales rose 4 percent."
    assert _body(extract(story.format("Bergen-based"), "2021-03-02"), "Nordvik Holdings") == (
        "NOR",
        ["Bergen-based company"],
    )
    assert _body(extract(story.format("Norwegian"), "2021-03-02"), "Nordvik Holdings") == (
        "NOR",
        ["Norwegian company"],
    )


@pytest.mark.model
def test_the_description_stands_for_the_subject_not_the_body_named_last(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Harwick Motors agreed on Wednesday to buy the brand from Lindqvist Group. "
        "The Birmingham carmaker said the deal would close in March.",
        "2021-03-02",
    )
    assert _body(doc, "Harwick Motors") == ("GBR", ["Birmingham carmaker"])
    assert _body(doc, "Lindqvist Group") == (None, [])


@pytest.mark.model
def test_no_body_is_meant_when_two_are_named_and_neither_is_the_subject(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Forty paintings from the Galleria Ostrova will go on show at the Halvard Kunsthall from "
        "Friday, one of the largest loans the Oslo museum has made.",
        "2021-03-02",
    )
    assert all("Oslo museum" not in [m.text for m in e.mentions] for e in doc.entities)


@pytest.mark.model
def test_a_body_of_another_country_is_not_the_one_meant(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The French group Alcoria said on Monday it would close two plants. "
        "The Leeds firm employs 40 people.",
        "2021-03-02",
    )
    assert _body(doc, "Alcoria") == ("FRA", [])
