"""A person named as a performer is known beyond the town of a local story (stages/entities/performers.py),
on names and sentences written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.model import Entity, Mention
from newsgraph.stages.entities.homes import place_countries
from newsgraph.stages.entities.performers import is_performer


def _person(text: str, name: str, sentence: int = 0, ident: str = "P1") -> Entity:
    start = text.index(name)
    return Entity(ident, name, "PERSON", (Mention(start, start + len(name), name, sentence),))


_LIST = (
    "The barn sale drew a crowd. Film stars such as Mara Quill and Dev Oran have sent boots, and Tess Lumb "
    "is said to shop there."
)


@pytest.mark.parametrize("name", ["Mara Quill", "Dev Oran", "Tess Lumb"])
def test_the_examples_of_a_plural_performer_noun_are_performers(name: str) -> None:
    assert is_performer(_LIST, _person(_LIST, name, 1))


@pytest.mark.parametrize(
    "text",
    [
        "Singers including Mara Quill will perform at the fair.",
        "A celebrity like Mara Quill rarely shops in town.",
        "The actress Mara Quill opened the fair.",  # the word right before the name, as before
    ],
)
def test_other_openers_and_the_singular(text: str) -> None:
    assert is_performer(text, _person(text, "Mara Quill"))


@pytest.mark.parametrize(
    "text",
    [
        # the performer noun is in another sentence
        "Film stars came to the fair. Neighbours such as Mara Quill sold boots.",
        "Farmers such as Mara Quill sold boots at the fair.",  # no performer noun
        "Film stars visited, said Mara Quill, who runs the fair.",  # no word opening examples
    ],
)
def test_no_performer_without_a_performer_noun_opening_examples_in_the_sentence(text: str) -> None:
    assert not is_performer(text, _person(text, "Mara Quill"))


def test_a_local_story_does_not_give_its_home_to_the_stars_it_lists() -> None:
    text = (
        "Rain fell on Dayton, Akron and Toledo. Pop singers like Mara Quill and Ned Pike wore boots. "
        "Ada Roe sells them."
    )
    places = tuple(
        Entity(
            name,
            name,
            "GPE",
            (Mention(text.index(name), text.index(name) + len(name), name, 0),),
            country="USA",
        )
        for name in ("Dayton", "Akron", "Toledo")
    )
    people = (
        _person(text, "Mara Quill", 1),
        _person(text, "Ned Pike", 1, "P2"),
        _person(text, "Ada Roe", 2, "P3"),
    )
    out = {e.name: e.country for e in place_countries(text, (*places, *people))}
    assert out["Ada Roe"] == "USA"  # a resident of a story set in one country
    assert out["Mara Quill"] is None and out["Ned Pike"] is None
