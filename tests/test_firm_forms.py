"""A firm's legal form tells whose company law it was founded under (stages/entities/firm_forms.py), on
names and stories written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.stages.entities.firm_forms import form_countries


def test_the_longest_listed_form_at_the_end_of_a_name_is_read() -> None:
    assert form_countries("Tenaga Hijau Sdn Bhd") == {"MYS"}
    assert form_countries("Kuusisto Oyj") == {"FIN"}
    assert form_countries("Kuusisto Oyj,") == {"FIN"}
    assert form_countries("Cementos Llano SAB de CV") == {"MEX"}
    assert form_countries("Ponte Rosso S.p.A") == {"ITA", "CHL"}  # the final period left out
    # Not inside a word, not a name that is only the form, not a form many countries share
    assert form_countries("Baltic Ship") == form_countries("Oyj") == form_countries("Acme Ltd") == frozenset()


def _country(doc: Document, name: str) -> tuple[str | None, str | None]:
    found = next(e for e in doc.entities if e.name == name)
    return found.country, found.country_source


@pytest.mark.model
def test_a_form_of_one_country_outweighs_the_dateline(extract: Callable[..., Document]) -> None:
    doc = extract(
        "STOCKHOLM (Reuters) - Shipping group Aalto Marine Oyj said on Monday it had agreed to buy a ferry "
        "from a Swedish operator for 40 million euros.",
        "2019-05-06",
    )
    assert _country(doc, "Aalto Marine Oyj") == ("FIN", "text")


@pytest.mark.model
def test_a_form_of_other_countries_takes_a_guess_from_the_story_away(
    extract: Callable[..., Document],
) -> None:
    # "AS" is a Norwegian, Estonian or Latvian firm's: not one of Maine's, whatever the dateline says
    doc = extract(
        "ROCKLAND, Maine - Harbor officials signed a contract on Tuesday with the shipyard Holmvik Verft AS "
        "for two electric ferries to serve the islands of Penobscot Bay. Harbor master Dale Corliss said "
        "the boats would arrive in the spring.",
        "2022-05-10",
    )
    assert _country(doc, "Holmvik Verft AS") == (None, None)
    assert form_countries("Mlekara Ezerska DOOEL") == {"MKD"}


def test_an_aktiengesellschaft_is_of_the_german_speaking_states() -> None:
    assert form_countries("Uhrenwerk Talberg AG") == {"DEU", "AUT", "CHE", "LIE"}


@pytest.mark.model
def test_a_form_several_states_define_is_of_the_one_the_story_goes_to(
    extract: Callable[..., Document],
) -> None:
    # A Dutch or Belgian form, in a Kenyan story whose one place abroad is Dutch
    doc = extract(
        "NAIVASHA, Kenya - Flower growers around the lake signed a supply deal on Monday with the importer "
        "Bloemhandel Ooms B.V., which will fly 30 tonnes of roses a week to its auction hall in Aalsmeer in "
        "the Netherlands. Grower Peter Kamau said prices had doubled since January.",
        "2021-03-08",
    )
    assert _country(doc, "Bloemhandel Ooms B.V.") == ("NLD", "text")
    # A form of states the story never goes to gets no country from it
    doc = extract(
        "NAIVASHA, Kenya - Flower growers around the lake signed a supply deal on Monday with the importer "
        "Bloemhandel Ooms B.V., which will fly 30 tonnes of roses a week to Europe. Grower Peter Kamau said "
        "prices had doubled since January.",
        "2021-03-08",
    )
    assert _country(doc, "Bloemhandel Ooms B.V.") == (None, None)
