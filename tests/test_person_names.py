"""Persons the model typed a body (stages/entities/person_names.py), on names and sentences written for
these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.kb import load_kb
from newsgraph.stages.entities.person_names import reads_as_person


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Giovanni Botta", True),
        ("Karim El Amrani", True),  # a particle inside the surname
        ("Kofi Mensah-Bonsu", True),
        ("Liam O'Neill", True),
        ("Ewan McAllister", True),
        ("Grace Bible Church", False),  # a body's word
        ("Victoria University Press", False),
        ("Marta Holdings", False),
        ("Christian Aid", False),  # a body of the knowledge base
        ("Morgan Stanley", False),  # a body of the knowledge base
        ("Giovanni BOTTA", False),  # capitals: an acronym's shape
        ("Botta", False),  # one word
        ("Ferrari Botta", False),  # no given name first
    ],
)
def test_a_name_reads_as_a_persons(name: str, person: bool) -> None:
    assert reads_as_person(name, load_kb()) is person


@pytest.mark.model
def test_a_person_the_model_typed_a_body_is_a_person(extract: Callable[..., Document]) -> None:
    doc = extract("Celso Macuácua said the port would reopen on Monday. He did not say when.")
    assert [e.type for e in doc.entities if e.name == "Celso Macuácua"] == ["PERSON"]
