"""Two pronouns of one gender in one sentence are one person (stages/entities/pronouns.py `_chained`).
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document, Entity


def _person(doc: Document, name: str) -> Entity:
    return next(e for e in doc.entities if e.type == "PERSON" and e.name == name)


def _pronouns(entity: Entity) -> list[str]:
    return [m.text.lower() for m in entity.mentions if m.kind == "pronoun"]


@pytest.mark.model
def test_a_second_she_of_a_sentence_stays_with_the_first_not_a_person_of_no_known_gender(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Dana Whitcomb, 21, admitted fraud on Monday. Because of her help against a gang run by Zuberi Tavi "
        "Okafor, the state asked that she get a suspended term."
    )
    assert _pronouns(_person(doc, "Dana Whitcomb")) == ["her", "she"]
    assert "she" not in _pronouns(_person(doc, "Zuberi Tavi Okafor"))


@pytest.mark.model
def test_a_narrative_pronoun_does_not_follow_a_chain_inside_a_quotation(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        '"Send Kim Dae-sung home, where his family waits," Red Cross chief Paek Sun-ok said in a letter to '
        "his counterpart."
    )
    assert "his" in _pronouns(_person(doc, "Paek Sun-ok"))
