"""The parties of the states outside the G20 (scripts/data/parties_world/, filtered into the notable lists'
parties_world.tsv by scripts/filter_party_lists.py; issue 14): the shipped list is what the helpers' lists
give; a name that names no one party stays out; a party's own name links to its country. Names below
that are not the shipped ones are invented for these tests."""

from __future__ import annotations

from typing import Any

import pytest
from training_script import load_training_script

from newsgraph.kb import load_kb


def _script() -> Any:
    return load_training_script("scripts/filter_party_lists.py", "filter_party_lists")


@pytest.mark.model
def test_the_shipped_list_is_what_the_helpers_lists_give() -> None:
    script = _script()
    text, _ = script.build()
    assert script.OUT.read_text(encoding="utf-8") == text, "run: python scripts/filter_party_lists.py"


@pytest.mark.parametrize(
    ("name", "shared"),
    [
        ("Labour Party", True),
        ("Social Democratic Party", True),
        ("Party of Action and Solidarity", True),
        ("Partido Liberal", True),
        ("Malawi Congress Party", False),
        ("Kaskazi Farmers' Party", False),
    ],
)
def test_a_name_of_only_the_words_many_parties_share_names_no_one(name: str, shared: bool) -> None:
    assert _script().generic(name) is shared


@pytest.mark.model
@pytest.mark.parametrize(
    ("form", "english"),
    [
        ("Our Time", True),
        ("Public Affairs", True),
        ("Prosperous Armenia", False),
        ("Movement for Change", False),
    ],
)
def test_a_phrase_of_english_words_is_no_partys_own_name(form: str, english: bool) -> None:
    script = _script()
    words = script.notable.english_words()
    assert script._english_phrase(form, words) is english


def test_a_bracket_naming_a_state_is_the_helpers_not_the_name() -> None:
    unbracketed = _script()._unbracketed
    assert unbracketed("Democrat Party (Thailand)") == "Democrat Party"
    assert unbracketed("Labour Party (Netherlands)") == "Labour Party"  # "The Netherlands"
    assert unbracketed("CPN (Unified Socialist)") == "CPN (Unified Socialist)"


def test_a_partys_own_name_links_to_its_country_and_a_shared_one_to_none() -> None:
    kb = load_kb()
    assert {m.country for m in kb.lookup("Malawi Congress Party")} == {"MWI"}
    assert {m.country for m in kb.lookup("Isamaa")} == {"EST"}
    # Uruguay's and Paraguay's Colorado parties share the name: neither gets it
    assert not kb.lookup("Colorado Party")
    # An English rendering that a sentence writes for other things is no party's name
    assert not kb.lookup("Our Time")
