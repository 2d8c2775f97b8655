"""bench/actors_own.py's alignment of annotated actors to entities, on a passage written here, and the
shape of the shipped own passage sets."""

from __future__ import annotations

from types import ModuleType

import pytest
from training_script import load_training_script


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load_training_script("bench/actors_own.py", "actors_own_bench")  # type: ignore[no-any-return]


def test_an_actor_is_the_entity_over_its_names_and_its_country_is_scored(bench: ModuleType) -> None:
    text = "Ana Ruiz of the Tolvar Council met Ben Ruiz. Ruiz said the council would vote."
    actors = (
        bench.Actor("Ana Ruiz", "PERSON", "ESP", ("Ruiz",)),
        bench.Actor("Tolvar Council", "ORG", "ESP", ()),
        bench.Actor("Ben Ruiz", "PERSON", None, ()),
    )
    p = bench.Passage("x", "local", False, "2020-01-01", text, actors)
    entities = [
        (False, "ESP", [(0, 8), (45, 49)]),  # Ana Ruiz, and the bare "Ruiz"
        (True, "ESP", [(16, 30)]),  # the council taken for a place: no actor
        (False, "FRA", [(35, 43)]),  # Ben Ruiz, annotated with no country
    ]
    assert bench.outcome(p, entities) == ["right", "not found", "wrong country"]
    # "Ruiz" inside "Ben Ruiz" is Ben's name, not one of Ana's spans.
    assert bench.actor_spans(p)[0][1] == [(0, 8), (45, 49)]


def test_the_shipped_sets_read_and_each_actor_is_written_in_its_passage(bench: ModuleType) -> None:
    for name in ("heldout_own1", "heldout_own2", "tuning_own2"):
        passages = bench.load_set(name)
        assert len(passages) >= 60
        for p in passages:
            for a, (full, _) in zip(p.actors, bench.actor_spans(p), strict=True):
                assert full, f"{p.id}: {a.name!r} is not in the text"
                assert a.type in ("PERSON", "ORG") and (a.country is None or len(a.country) == 3)
