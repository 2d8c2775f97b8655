"""Towns the model typed a person or a body (stages/entities/town_names.py), on sentences written for these
tests."""

from __future__ import annotations

from collections.abc import Callable
from types import SimpleNamespace

import pytest

from newsgraph import Document
from newsgraph.stages.entities.mentions import Candidate
from newsgraph.stages.entities.town_names import retype_towns


def _types(doc: Document, name: str) -> set[str]:
    return {e.type for e in doc.entities if e.name == name}


@pytest.mark.model
def test_a_town_after_a_word_of_place_is_a_place(extract: Callable[..., Document]) -> None:
    doc = extract("HC Amstelveld beat RHC Maaszicht of Rotterdam 2-1 in a penalty shoot-out on Sunday.")
    assert _types(doc, "Rotterdam") == {"GPE"}
    assert [e.country for e in doc.entities if e.name == "Rotterdam"] == ["NLD"]


def _retyped(text: str, name: str, type_: str = "ORG") -> str:
    start = text.index(name)
    c = Candidate(start, start + len(name), name, type_, "name", None, 0, 1, 0)
    parsed = SimpleNamespace(text=text, sentences=((0, len(text)),))  # one sentence, as these are
    return retype_towns(parsed, [c])[0].type  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("The boy from Vellore got a new heart.", "Vellore", "PERSON"),
        ("Rescuers in Christchurch say they no longer expect survivors.", "Christchurch", "ORG"),
        ("It was bought by Agritela SpA of Verona last year.", "Verona", "PERSON"),  # a given name, a city
        # a modifier of a noun a town modifies, after an article (forty-second session)
        ("A Dunedin primary school closed for a week.", "Dunedin", "ORG"),
        ("Police charged an Odesa grain trader on Monday.", "Odesa", "PERSON"),
    ],
)
def test_a_town_the_model_typed_a_person_or_body_is_retyped(text: str, name: str, type_: str) -> None:
    assert _retyped(text, name, type_) == "GPE"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tottenham were held 2-2 at Chelsea on Sunday.", "Chelsea"),  # a score: a club's ground
        ("The payment was then made directly at Barcelona's offices on Friday.", "Barcelona"),  # it owns
        ("SOCCER - LENTINI MOVES\nLentini joined Milan from Torino in a big deal.", "Torino"),  # sports
        ("The leader of Kensington and Chelsea council resigned.", "Kensington"),  # a longer name
        ("Leaders met at a summit of EU members.", "EU"),  # an acronym, and a village too small
        ("A letter came from Chelsea on Monday.", "Chelsea"),  # a given name and a small town
        ("The band played in Verona Hall on Friday.", "Verona"),  # runs on
        ("Hanna Verona said the town was quiet.", "Verona"),  # no word of place before it
        ("A Dunedin mood settled over the meeting.", "Dunedin"),  # no noun a town modifies
        ("Dunedin school staff were told on Sunday.", "Dunedin"),  # no article before it
    ],
)
def test_a_club_a_body_or_a_person_named_like_a_town_stays_what_it_is(text: str, name: str) -> None:
    assert _retyped(text, name) == "ORG"
