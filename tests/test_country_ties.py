"""A person's own ties to a country the story's home cannot have (stages/entities/country_ties.py): where
their family is and where they go back to, read off the parse, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph import Article
from newsgraph.pipeline import Pipeline
from newsgraph.stages import entities, places, timex
from newsgraph.stages.entities.country_ties import Ties, country_ties

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ties_of(nlp: Any) -> Any:
    """Person name -> the countries the parse ties them to (`Ties`), for a text read by the stages up to
    homes.py's rules."""
    pipeline = Pipeline(stages=[entities.STAGE, timex.STAGE, places.STAGE, entities.RULES_HOMES_STAGE])

    def ties(text: str) -> dict[str, Ties]:
        doc, parse = pipeline.parse(Article.make(text, published="2024-05-06"))
        found = country_ties(parse, doc.entities)
        return {e.name: found[e.id] for e in doc.entities if e.id in found}

    return ties


def test_where_the_persons_family_is(ties_of: Any) -> None:
    found = ties_of("Marta Silva's parents in Portugal wrote to the court on Monday.")
    assert found["Marta Silva"] == Ties(kin={"PRT"})


def test_where_the_person_is_sent_back_to(ties_of: Any) -> None:
    found = ties_of("Omar Haddad was deported to Jordan last week, the court said.")
    assert found["Omar Haddad"] == Ties(returns={"JOR"})


def test_going_back_is_a_return_though_the_parser_hangs_the_place_on_back(ties_of: Any) -> None:
    found = ties_of("Ilse Brandt said on Monday that she wants to go back to Austria.")
    assert found["Ilse Brandt"] == Ties(returns={"AUT"})


def test_who_is_returned_is_the_object_not_the_subject(ties_of: Any) -> None:
    found = ties_of("Paul Reed returned Kofi Mensah to Ghana on Friday.")
    assert found.get("Kofi Mensah") == Ties(returns={"GHA"})
    assert "Paul Reed" not in found


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Brandt spoke in Austria on Monday.",  # where she was, not a return nor a journey
        "Ilse Brandt's lawyer in Austria wrote to the court.",  # not family
        "Ilse Brandt spoke to the press about Austria.",  # a topic
    ],
)
def test_no_tie(ties_of: Any, text: str) -> None:
    assert "Ilse Brandt" not in ties_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Ilse Brandt flew to Austria on Monday.",
        "Ilse Brandt visited Austria in May.",
        "Ilse Brandt's trip to Austria was short.",
    ],
)
def test_a_journey_to_a_country_as_a_whole_is_a_visit(ties_of: Any, text: str) -> None:
    assert ties_of(text)["Ilse Brandt"] == Ties(visits={"AUT"})


def test_a_journey_to_a_town_is_no_visit(ties_of: Any) -> None:
    assert "Ilse Brandt" not in ties_of("Ilse Brandt flew to Vienna on Monday.")


@pytest.mark.parametrize(
    "text",
    [
        "Carlos Mena filed a request on Monday. He asked to bring the boy to his parents in Peru.",
        "Carlos Mena filed a request on Monday so that he could send the boy off to his grandfather in Peru.",
    ],
)
def test_a_pronoun_beside_another_person_as_the_verbs_object_ties_no_one(ties_of: Any, text: str) -> None:
    # whose kin is in Peru: the boy's, whom the verb has as its object, as often as the subject's
    assert "Carlos Mena" not in ties_of(text)


def test_a_pronoun_of_the_subject_alone_still_ties(ties_of: Any) -> None:
    found = ties_of("Carlos Mena filed a request on Monday. He wants to live with his mother in Peru.")
    assert found["Carlos Mena"] == Ties(kin={"PER"})


@pytest.mark.parametrize(
    "text",
    [
        "Ruth Obi spoke in Cork on Monday. Her brother Sam Eze, who lives in Ghana, sent a letter.",
        "Ruth Obi spoke in Cork on Monday. Sam Eze lives in Ghana and sent a letter.",
        "Ruth Obi spoke in Cork on Monday. Her son, Sam Eze, who lives with his uncle in Ghana, wrote too.",
    ],
)
def test_where_the_person_lives_a_relative_clause_too(ties_of: Any, text: str) -> None:
    assert ties_of(text)["Sam Eze"].lives == {"GHA"}


def test_a_place_a_person_only_speaks_in_is_no_residence(ties_of: Any) -> None:
    assert "Ruth Obi" not in ties_of("Ruth Obi, who spoke in Ghana on Monday, sent a letter.")
