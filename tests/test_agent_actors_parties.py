"""Common-noun actors that events need (stages/entities/agents.py; issue 13, "no source though the sentence
names one"): groups that speak, counted people, a lower-case head the tagger calls a proper noun, and
the people nouns added to the lexicon."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.lexicons.agents import agent_nouns
from newsgraph.model import Document, Entity


def _at(doc: Document, phrase: str) -> Entity | None:
    """The entity with a mention whose text is `phrase`."""
    return next((e for e in doc.entities if any(m.text == phrase for m in e.mentions)), None)


def test_a_group_that_speaks_is_an_actor_and_they_joins_it(extract: Callable[..., Document]) -> None:
    doc = extract("The farmers said on Monday that they would block the highway.")
    farmers = _at(doc, "farmers")
    assert farmers is not None and farmers.type == "ORG" and farmers.sector == "AGR"
    assert any(m.text == "they" for m in farmers.mentions)


def test_a_group_speakers_quote_is_its_own(extract: Callable[..., Document]) -> None:
    doc = extract('"We will not pay the new tax," the shopkeepers declared on Friday.')
    shopkeepers = _at(doc, "shopkeepers")
    assert shopkeepers is not None
    assert [q.speaker for q in doc.quotes] == [shopkeepers.id]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The blast killed four guards and wounded 30 others.", "others"),
        ("Dozens were injured when the march turned violent.", "Dozens"),
        ("Nine died in the fire at the depot.", "Nine"),
    ],
    ids=["counted-others", "dozens", "a-verb-of-harm"],
)
def test_counted_people_are_a_group(extract: Callable[..., Document], text: str, phrase: str) -> None:
    group = _at(extract(text), phrase)
    assert group is not None and group.type == "ORG"
    assert [m.kind for m in group.mentions] == ["nominal"]


def test_others_without_a_number_are_no_actor(extract: Callable[..., Document]) -> None:
    assert _at(extract("Some stayed at home, but others joined the march."), "others") is None


def test_a_lower_case_head_tagged_as_a_name_is_a_common_noun(extract: Callable[..., Document]) -> None:
    doc = extract("The city auditor accused the parks department of wasting money on consultants.")
    department = _at(doc, "parks department")
    assert department is not None and department.type == "ORG" and department.sector == "GOV"


def test_people_nouns_added_for_event_arguments() -> None:
    nouns = agent_nouns()
    assert nouns["rescuer"].type == "PERSON" and nouns["rescuer"].sector == "CVL"
    assert nouns["trooper"].sector == "COP" and nouns["witness"].type == "PERSON"


def test_troopers_after_by_are_the_agent(extract: Callable[..., Document]) -> None:
    doc = extract("The driver was arrested by state troopers after a long chase.")
    troopers = _at(doc, "state troopers")
    assert troopers is not None and troopers.sector == "COP"
