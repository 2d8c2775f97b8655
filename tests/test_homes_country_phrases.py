"""A body's country written right after its name (stages/entities/country_phrases.py), on sentences
written for these tests."""

from __future__ import annotations

import pytest

from newsgraph.model import Entity, Mention
from newsgraph.stages.entities.country_phrases import body_of_place


def _body(text: str, name: str) -> Entity:
    start = text.index(name)
    return Entity("E1", name, "ORG", (Mention(start, start + len(name), name, 0),))


def _places(text: str, **countries: str) -> dict[int, tuple[int, str]]:
    return {text.index(n): (text.index(n) + len(n), c) for n, c in countries.items()}


@pytest.mark.parametrize(
    "text",
    [
        "Norvale Paper Co of Finland will build a mill near the port.",  # a short firm form between
        "Norvale Paper Oyj of Finland will build a mill near the port.",  # a legal form
        "Norvale Paper of Finland will build a mill near the port.",
    ],
)
def test_the_place_right_after_a_bodys_name_gives_its_country(text: str) -> None:
    body = _body(text, "Norvale Paper")
    assert body_of_place(text, body, _places(text, Finland="FIN")) == "FIN"


@pytest.mark.parametrize(
    "text",
    [
        "Norvale Paper plans a mill of its own in Finland.",  # "of" further on
        "Norvale Paper Mills of Finland will build a mill.",  # a word of the name that is no firm form
        "Norvale Paper spoke of Finland at the fair.",
    ],
)
def test_no_country_when_the_place_does_not_follow_the_name(text: str) -> None:
    body = _body(text, "Norvale Paper")
    assert body_of_place(text, body, _places(text, Finland="FIN")) is None
