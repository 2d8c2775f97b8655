"""Names in the sentence a dateline opens, read without the dateline (nlp/dateline_lead.py), on sentences
written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import entity, person

from newsgraph import Document


@pytest.mark.model
@pytest.mark.parametrize(
    "dateline",
    ["LIMA - ", "LIMA, Peru - ", "LIMA — "],
)
def test_a_person_named_right_after_a_dateline_is_found_whole(
    extract: Callable[..., Document], dateline: str
) -> None:
    doc = extract(dateline + "Teodoro Quispe said on Monday the mill would hire 40 people.", "2019-03-04")
    found = person(doc, "Teodoro Quispe")
    assert found.country == "PER"
    assert not [e.name for e in doc.entities if "LIMA" in e.name and e.type != "GPE"]


@pytest.mark.model
def test_the_models_own_names_in_the_datelines_sentence_stay(extract: Callable[..., Document]) -> None:
    doc = extract("SYDNEY — The Penrith Panthers made it five wins in a row on Saturday night.", "2019-03-04")
    assert entity(doc, "Penrith Panthers", "ORG").country == "AUS"


@pytest.mark.model
def test_a_sports_headline_shaped_like_a_dateline_is_no_sentence(extract: Callable[..., Document]) -> None:
    doc = extract("CYCLING - NORWAY TOP ESTONIA IN JUNIOR RACE .\nTALLINN 2002-05-11\n", "2002-05-11")
    assert {e.name for e in doc.entities if e.type == "PERSON"} == set()
