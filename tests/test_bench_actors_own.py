"""bench/actors_own.py's alignment of annotated actors to entities, on a passage written here, and the
shape of the shipped own passage sets."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from training_script import load_training_script

BENCH = str(Path(__file__).resolve().parent.parent / "bench")


@pytest.fixture(scope="module", autouse=True)
def _bench_on_path() -> Iterator[None]:
    """The two scripts import bench/actors_gold.py's helpers, as run from bench/ they find it."""
    sys.path.insert(0, BENCH)
    yield
    sys.path.remove(BENCH)


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


def _country_sets(bench: ModuleType) -> list[str]:
    """Every shipped set of passages annotated with actors (the pronoun sets carry `persons` instead)."""
    names = []
    for path in sorted(bench.OWN.glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            if "actors" in json.loads(f.readline()):
                names.append(path.stem)
    return names


def test_the_shipped_sets_read_and_each_actor_is_written_in_its_passage(bench: ModuleType) -> None:
    names = _country_sets(bench)
    # the held-out sets the bench refuses to list are among them
    assert set(bench.HELD_OUT) <= set(names) and {"tuning_own7", "country_traps"} <= set(names)
    for name in names:
        passages = bench.load_set(name)
        assert len(passages) >= 60
        for p in passages:
            for a, (full, _) in zip(p.actors, bench.actor_spans(p), strict=True):
                assert full, f"{p.id}: {a.name!r} is not in the text"
                assert a.type in ("PERSON", "ORG") and (a.country is None or len(a.country) == 3)


@pytest.fixture(scope="module")
def pronouns_bench() -> ModuleType:
    return load_training_script("bench/pronouns_own.py", "pronouns_own_bench")  # type: ignore[no-any-return]


def test_a_pronoun_is_scored_by_the_persons_its_entity_names(pronouns_bench: ModuleType) -> None:
    text = "Ana Ruiz met Ben Ruiz. She left, and he stayed; his ship sailed."
    record = {
        "text": text,
        "persons": {"ana": {"gender": "f", "spans": [[0, 8]]}, "ben": {"gender": "m", "spans": [[13, 21]]}},
        "pronouns": [[23, 26, "ana"], [37, 39, "ben"], [48, 51, "ben"]],
    }
    entities = [([(23, 26)], [(0, 8)]), ([(37, 39)], [(0, 8)])]  # "he" given to Ana; "his" to no one
    assert pronouns_bench.outcome(record, entities) == ["right", "other gender", "unresolved"]


_PRONOUN_SETS = sorted(
    p.stem for p in (Path(__file__).parent.parent / "training/actors/own").glob("*pronoun*.jsonl")
)


@pytest.mark.parametrize("name", _PRONOUN_SETS)
def test_the_pronoun_sets_point_at_gendered_pronouns_and_written_names(
    pronouns_bench: ModuleType, name: str
) -> None:
    import json

    assert name in pronouns_bench.SETS  # every shipped pronoun set is one the bench can score
    for line in (pronouns_bench.OWN / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        for start, end, key in r["pronouns"]:
            assert r["text"][start:end].lower() in pronouns_bench.PRONOUN_GENDER, (r["id"], start)
            assert key == "None" or key in r["persons"]
        for p in r["persons"].values():
            assert all(0 <= a < b <= len(r["text"]) for a, b in p["spans"])
