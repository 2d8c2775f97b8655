"""Bodies named by a country and their field, or an acronym and a country (country_bodies.py), on sentences
written here: the body is found and takes the country its name holds."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document


def _bodies(doc: Document) -> dict[str, str | None]:
    return {e.name: e.country for e in doc.entities if e.type == "ORG"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "body", "country"),
    [
        ("Transport Malta said the new bus lanes in Qormi would open in June.", "Transport Malta", "MLT"),
        ("Athletics Kenya suspended two coaches after the trials in Eldoret.", "Athletics Kenya", "KEN"),
        ("The under-19 trophy is organised every spring by Sri Lanka Cricket.", "Sri Lanka Cricket", "LKA"),
        ("IDA Ireland said the software firm would hire 90 people in Sligo.", "IDA Ireland", "IRL"),
    ],
)
def test_a_country_and_its_field_name_one_body(
    extract: Callable[..., Document], text: str, body: str, country: str
) -> None:
    doc = extract(text)
    assert _bodies(doc).get(body) == country, [(e.name, e.type) for e in doc.entities]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "ATHLETICS - KENYA WIN THREE GOLDS ON FINAL DAY .",
        "The exporter signed a 3 bln SEK Norway contract on Friday.",
        "Cyclists from Kenya and Ethiopia will race in the mountains.",
    ],
)
def test_a_headline_or_a_qualifier_makes_no_body(extract: Callable[..., Document], text: str) -> None:
    doc = extract(text)
    assert not any(
        e.type == "ORG" and any(c in e.name for c in ("KENYA", "Norway", "Kenya")) for e in doc.entities
    ), [(e.name, e.type) for e in doc.entities]
