"""A person named as another's relative takes that person's country (stages/entities/relatives.py), on
sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import person, person_country

from newsgraph import Document


@pytest.mark.model
def test_a_relative_in_a_story_filed_abroad_takes_the_persons_country_not_the_datelines(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "MEXICO CITY (AP) - The Colombian writer Tomas Arbelaez died on Thursday at his home. "
        "He is survived by his wife, Mercedes Ocampo, and their two sons.",
        "2014-04-18",
    )
    assert person_country(doc, "Tomas Arbelaez") == ("COL", "text")
    assert person_country(doc, "Mercedes Ocampo") == ("COL", "kin")


@pytest.mark.model
def test_a_possessive_or_an_of_phrase_names_whose_relative_a_person_is(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "PARIS - The Chilean poet Ramon Vidal's widow, Matilde Rojas, spoke on Monday.", "2014-04-18"
    )
    assert person_country(doc, "Matilde Rojas") == ("CHL", "kin")
    doc = extract(
        "LONDON - The Russian former officer Sergei Dravnikov was found unconscious. "
        "Yulia Dravnikova, the daughter of Sergei Dravnikov, was also taken to hospital.",
        "2018-03-05",
    )
    assert person_country(doc, "Yulia Dravnikova") == ("RUS", "kin")


@pytest.mark.model
def test_a_relative_of_a_person_whose_country_is_only_guessed_takes_nothing_from_them(
    extract: Callable[..., Document],
) -> None:
    doc = extract("MIAMI (AP) - Tom Lenz's brother, Ivo Lenz, was held on Tuesday.", "2000-02-24")
    assert person(doc, "Tom Lenz").country_source in ("home", "dateline")
    assert person_country(doc, "Ivo Lenz")[1] != "kin"
