"""A figure of faith or antiquity named alone is of no modern state (stages/entities/homes.py), on names
and sentences written for these tests."""

from __future__ import annotations

import dataclasses

import pytest

from newsgraph.model import Entity, Mention
from newsgraph.stages.entities.homes import place_countries, serves_one_state


def _person(text: str, name: str, sentence: int = 0) -> Entity:
    start = text.index(name)
    return Entity("P1", name, "PERSON", (Mention(start, start + len(name), name, sentence),))


@pytest.mark.parametrize("name", ["Buddha", "Jesus Christ", "Muhammad", "Confucius"])
def test_a_figure_of_faith_serves_no_one_state(name: str) -> None:
    text = f"The mural shows {name} beside a river."
    assert not serves_one_state(text, _person(text, name))


def test_a_first_name_alone_of_a_longer_name_says_nothing() -> None:
    text = "Muhammad Ali Khan opened a bakery on Main Street."
    assert serves_one_state(text, _person(text, "Muhammad Ali Khan"))


def test_a_local_story_does_not_give_its_home_to_a_figure_of_faith() -> None:
    text = "Rain fell on Dayton, Akron and Toledo. A class in Akron read about Buddha and Nell Pryor."

    def place(name: str, sentence: int) -> Entity:
        start = text.index(name)
        return Entity(name, name, "GPE", (Mention(start, start + len(name), name, sentence),), country="USA")

    entities = (
        place("Dayton", 0),
        place("Toledo", 0),
        Entity(
            "Akron",
            "Akron",
            "GPE",
            (
                Mention(text.index("Akron"), text.index("Akron") + 5, "Akron", 0),
                Mention(text.rindex("Akron"), text.rindex("Akron") + 5, "Akron", 1),
            ),
            country="USA",
        ),
        _person(text, "Buddha", 1),
        dataclasses.replace(_person(text, "Nell Pryor", 1), id="P2"),
    )
    out = {e.name: e.country for e in place_countries(text, entities)}
    assert out["Nell Pryor"] == "USA"  # a resident of a story set in one country
    assert out["Buddha"] is None
