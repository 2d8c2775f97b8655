"""The relations stage: an active 'leads' / 'heads' gives leader_of, on sentences written for these tests
(needs the spaCy model)."""

from __future__ import annotations

import pytest

from newsgraph import extract
from newsgraph.model import Document

pytestmark = pytest.mark.model


def relation_names(doc: Document) -> set[tuple[str, str, str]]:
    name = {e.id: e.name for e in doc.entities}
    return {(name[r.subject], r.predicate, name[r.object]) for r in doc.relations}


def test_a_person_who_leads_a_party_is_its_leader() -> None:
    doc = extract("Ana Moreira, 58, leads the Civic Renewal Party, the largest group in the assembly.")
    assert ("Ana Moreira", "leader_of", "Civic Renewal Party") in relation_names(doc)


def test_a_person_who_heads_a_commission_is_its_leader() -> None:
    doc = extract("Judge Peter Hollis heads the National Electoral Commission.")
    assert ("Peter Hollis", "leader_of", "National Electoral Commission") in relation_names(doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ana Moreira will lead the Civic Renewal Party into the next election.",  # not yet
        "Ana Moreira no longer heads the Civic Renewal Party.",  # no more
        "Striker Tomas Vidal led Benfica to a 3-1 win on Sunday.",  # a match, not an office
        "A new survey shows Maria Lopez leading the Unity Party 48 percent to 41 percent.",  # a race
        "Maria Lopez leads the Unity Party by seven points in the latest survey.",  # a race
    ],
)
def test_no_standing_role(sentence: str) -> None:
    assert not any(p == "leader_of" for _, p, _ in relation_names(extract(sentence)))
