"""The claim pairs' maker (training/claims/make_pairs.py, pair_edits.py): its word tables, the replay of a
recipe, and the edits it makes of hand-written sentences."""

from __future__ import annotations

import random
from typing import Any

import pytest
from training_script import load_training_script

make_pairs = load_training_script("training/claims/make_pairs.py", "claims_make_pairs")
pair_edits = load_training_script("training/claims/pair_edits.py", "claims_pair_edits")


def test_edit_word_tables_are_well_formed() -> None:
    words = pair_edits.edit_words()
    for table in (words.opposites, words.shifts, words.synonyms):
        assert table and all(k and v and k != v for k, v in table.items())
    assert "police" in words.actors and words.opposites["rose"] == "fell"


def test_replay_keeps_stretches_and_applies_edits() -> None:
    text = "On Monday, the council met. It approved the plan."
    recipe = {"keep": [[11, 27]], "edits": [[15, 22, "board"]]}
    assert make_pairs.replay(recipe, text) == "The board met."


def test_subtle_edits_are_picked_first() -> None:
    ops = ["added_place", "antonym", "entity_new", "number_near"]
    picks = [pair_edits.pick_ops(ops, random.Random(seed), 1)[0] for seed in range(300)]
    assert picks.count("antonym") + picks.count("number_near") > 1.6 * (
        picks.count("added_place") + picks.count("entity_new")
    )


@pytest.fixture(scope="module")
def nlp() -> Any:
    return make_pairs.plain_nlp()


def edits(nlp: Any, sentence: str) -> dict[str, list[str]]:
    """op -> the sentence as each edit of that op leaves it."""
    doc = nlp(sentence)
    out: dict[str, list[str]] = {}
    for op, _, changes in pair_edits.sentence_edits(next(doc.sents), {}, {}, random.Random(16)):
        recipe = {"keep": [[0, len(sentence)]], "edits": [list(c) for c in changes]}
        out.setdefault(op, []).append(make_pairs.replay(recipe, sentence))
    return out


@pytest.mark.model
def test_subject_and_object_actors_swap(nlp: Any) -> None:
    made = edits(nlp, "The police arrested two men in the harbour on Friday.")
    assert "Two men arrested the police in the harbour on Friday." in made["role_swap"]


@pytest.mark.model
def test_names_exchange_places_unless_listed_together(nlp: Any) -> None:
    made = edits(nlp, "Anna Berg defeated Carla Vint in the final in Madrid.")
    assert made["entity_exchange"] == ["Carla Vint defeated Anna Berg in the final in Madrid."]
    assert "entity_exchange" not in edits(nlp, "Anna Berg and Carla Vint reached the final in Madrid.")


@pytest.mark.model
def test_amounts_and_days_shift_a_little(nlp: Any) -> None:
    made = edits(nlp, "The company hired 120 workers in Ohio on March 12, its chief said.")
    near = made["number_near"][0]
    assert near != "The company hired 120 workers in Ohio on March 12, its chief said."
    assert any(f" {n} workers" in near for n in (96, 108, 132, 144))
    day = made["date_near"][0]
    assert "March 12" not in day and "March " in day
