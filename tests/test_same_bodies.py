"""A story's names of one body that the knowledge base links to the same entry are one actor
(stages/entities/same_bodies.py); on entities and sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.model import Entity, Mention, Relation
from newsgraph.stages.entities.same_bodies import merge_same_bodies


def _body(id: str, name: str, start: int, kb_id: str | None, country: str | None = None) -> Entity:
    mention = Mention(start, start + len(name), name, 0)
    return Entity(id, name, "ORG", (mention,), country=country, kb_id=kb_id, aliases=(name,))


def test_bodies_linked_to_one_entry_become_one_and_ids_follow() -> None:
    full = _body("E1", "Tarvik Holding Group", 0, "ntb:TARVIK")
    person = Entity("E2", "Lina Ek", "PERSON", (Mention(30, 37, "Lina Ek", 0),), kb_id="ntb:TARVIK")
    short = _body("E3", "THG", 60, "ntb:TARVIK", country="SWE")
    other = _body("E4", "Norvale", 80, "ntb:NORVALE")
    relations = (Relation("E2", "member_of", "E3", 1), Relation("E2", "member_of", "E1", 1))
    entities, moved = merge_same_bodies((full, person, short, other), relations)
    assert [(e.id, e.name) for e in entities] == [
        ("E1", "Tarvik Holding Group"),
        ("E2", "Lina Ek"),  # a person is never merged into a body, whatever its link
        ("E3", "Norvale"),
    ]
    body = entities[0]
    assert [m.text for m in body.mentions] == ["Tarvik Holding Group", "THG"]
    assert body.country == "SWE" and body.aliases == ("Tarvik Holding Group", "THG")
    assert moved == (Relation("E2", "member_of", "E1", 1),)  # one relation, to the one body


def test_bodies_without_a_link_of_their_own_stay_apart() -> None:
    # kb_id None: no link, or a Phoenix code that files several bodies under one
    a, b = _body("E1", "Harbour Board", 0, None), _body("E2", "Harbour Board", 40, None)
    assert merge_same_bodies((a, b), ()) == ((a, b), ())


@pytest.mark.model
def test_an_acronym_the_model_took_for_a_place_joins_the_body_it_abbreviates(
    extract: Callable[..., Document],
) -> None:
    text = (
        "Volkswagen said on Tuesday it would recall 40,000 cars in Brazil. Analysts said VW had little "
        "choice after regulators in Brasilia opened an inquiry."
    )
    doc = extract(text, "2020-05-01")
    (body,) = [e for e in doc.entities if e.type == "ORG" and any(m.text == "VW" for m in e.mentions)]
    assert body.name == "Volkswagen" and body.country == "DEU" and body.kb_id is not None
