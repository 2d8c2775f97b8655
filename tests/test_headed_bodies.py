"""Bodies the model misses, found by the head word that ends their name (orgs.add_headed_bodies; issue 14).
Hand-written sentences."""

from __future__ import annotations

from collections.abc import Callable

from newsgraph.model import Document


def test_a_capitalised_name_ending_in_a_bodys_head_word_is_an_organisation(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Mr. Dorsey also holds the Right to Life Party nomination for the race, aides said on Monday. "
        "Later the Grand Valley Tenants Association met in the library."
    )
    bodies = {e.name for e in doc.entities if e.type == "ORG"}
    assert {"Right to Life Party", "Grand Valley Tenants Association"} <= bodies


def test_the_article_opening_a_sentence_is_no_part_of_the_name(extract: Callable[..., Document]) -> None:
    doc = extract("The Upper Hollow Tenants Association met on Monday in the library.")
    assert "Upper Hollow Tenants Association" in {e.name for e in doc.entities if e.type == "ORG"}
