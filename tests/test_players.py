"""Players named by an initial and a surname in a sports story's results, and scores the parse cuts into
pieces (stages/entities/players.py, orgs._is_score). Result lines written for these tests."""

from __future__ import annotations

import pytest

from newsgraph import Document, extract
from newsgraph.stages.entities.players import is_initialled

pytestmark = pytest.mark.model

_SCORES = (
    "CRICKET - COUNTY CHAMPIONSHIP SCORES .\nLEEDS 2001-06-04\n"
    "Close of play scores on Friday :\n"
    "Harrowshire 83 and 174 ( P. Quennell 4-38 ) , Westshire 296 .\n"
    "Eastshire 195 , Northshire 429-7 ( C. Amberley 80 not out , T.O'Brannock 63 ; H. Pell 69 ) .\n"
)


def types(doc: Document) -> dict[str, str]:
    return {m.text: e.type for e in doc.entities for m in e.mentions if m.kind == "name"}


def test_initialled_names() -> None:
    assert is_initialled("P. Quennell") and is_initialled("T.O'Brannock") and is_initialled("A. Smith-Pell")
    assert not is_initialled("Quennell") and not is_initialled("W. Va.") and not is_initialled("U.S. Army")


def test_players_in_results_are_people() -> None:
    found = types(extract(_SCORES))
    for player in ("P. Quennell", "C. Amberley", "T.O'Brannock", "H. Pell"):
        assert found.get(player) == "PERSON", (player, found)


def test_a_score_cut_into_pieces_still_marks_its_club() -> None:
    found = types(extract(_SCORES))
    assert found.get("Northshire") == "ORG", found  # "429-7": three tokens to the parse
    assert found.get("Westshire") == "ORG", found


def test_outside_sports_stories_initials_are_left_to_the_model() -> None:
    doc = extract("The board met on Monday. J. Harrowby Holdings said it would appeal the ruling.")
    assert "J. Harrowby" not in types(doc)
