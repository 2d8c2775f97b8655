"""A storm named like a person is no actor ("Hurricane Helene ... Helene moved north"), while a park named
after a storm word stays a place. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document


def _names(doc: Document) -> set[str]:
    return {m.text for e in doc.entities for m in e.mentions if m.kind == "name"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "storm"),
    [
        (
            "Hurricane Helene made landfall in Florida on Thursday. Helene then moved north into "
            "Georgia, where Governor Brian Kemp declared an emergency.",
            "Helene",
        ),
        ("Typhoon Haiyan struck the central Philippines on Friday. Haiyan killed thousands.", "Haiyan"),
        ("Tropical Storm Ana formed off the Carolinas. Forecasters said Ana would weaken.", "Ana"),
    ],
)
def test_a_storms_name_is_no_actor(extract: Callable[..., Document], text: str, storm: str) -> None:
    doc = extract(text, "2024-09-27")
    assert storm not in _names(doc)
    assert not any(e.type == "PERSON" and storm in e.name for e in doc.entities)


@pytest.mark.model
def test_the_people_of_a_storm_story_stay(extract: Callable[..., Document]) -> None:
    doc = extract(
        "Hurricane Helene made landfall in Florida on Thursday. Governor Brian Kemp said Georgia "
        "would recover, and Helene Ortiz, a nurse in Valdosta, said she had worked all night.",
        "2024-09-27",
    )
    people = {e.name for e in doc.entities if e.type == "PERSON"}
    assert "Brian Kemp" in people
    assert "Helene" not in people  # the storm's one-word name; the nurse's full name is another word


@pytest.mark.model
def test_a_park_named_after_a_storm_word_is_still_a_place(extract: Callable[..., Document]) -> None:
    doc = extract("The family spent Saturday at Hurricane Harbor in Arlington, Texas.", "2019-07-06")
    assert "Hurricane Harbor" in _names(doc)
