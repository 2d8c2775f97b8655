"""Countries the parse ties to a person (stages/entities/country_links.py), candidates the actor-country
ranker may give in a story of two countries, on sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph import Article
from newsgraph.model import Entity, Mention
from newsgraph.pipeline import Pipeline
from newsgraph.stages import entities, places, timex
from newsgraph.stages.entities.country_evidence import FEATURES, candidates
from newsgraph.stages.entities.country_links import Links, country_links
from newsgraph.stages.entities.story_evidence import document_evidence

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def links_of(nlp: Any) -> Any:
    """Person name -> the Links of that person, for a text read by the stages up to homes.py's rules."""
    pipeline = Pipeline(stages=[entities.STAGE, timex.STAGE, places.STAGE, entities.RULES_HOMES_STAGE])

    def links(text: str) -> dict[str, Links]:
        doc, parse = pipeline.parse(Article.make(text, published="2024-05-06"))
        found = country_links(parse, doc.entities, doc.relations)
        return {e.name: found[e.id] for e in doc.entities if e.id in found}

    return links


def test_a_place_in_the_persons_phrase_describes_them(links_of: Any) -> None:
    found = links_of("Tomas Berg, a teacher at the harbour school in Oslo, said the ferry was late.")
    assert found["Tomas Berg"].described == {"NOR"}


def test_the_walk_goes_on_past_a_group_in_the_persons_phrase(links_of: Any) -> None:
    found = links_of("Ana Ruiz, the treasurer of the striking farmers in Quito, signed the letter on Monday.")
    assert found["Ana Ruiz"].described == {"ECU"}


def test_a_place_inside_a_description_still_describes(links_of: Any) -> None:
    # "the PLACE farmers" is a group's description, not a name: the place is not the group's name
    found = links_of("Luis Ortega, the treasurer of the Quito farmers, signed the letter on Monday.")
    assert found["Luis Ortega"].described == {"ECU"}


def test_the_place_of_the_persons_verb_locates_them(links_of: Any) -> None:
    found = links_of("Rosa Quispe spoke in Lima on Monday.")
    assert found["Rosa Quispe"].located == {"PER"}


@pytest.mark.parametrize(
    "text",
    [
        "Rosa Quispe arrived in Lima on Monday.",  # a visit
        "Rosa Quispe flew to Lima on Monday.",  # a journey
        "Rosa Quispe spoke of Lima on Monday.",  # a topic
        "Rosa Quispe spoke at a school in Lima on Monday.",  # a venue's place, not the verb's own
        "Rosa Quispe, who taught for years in Lima, retired on Monday.",  # a past told in a relative clause
        "Lima war veteran Rosa Quispe spoke on Monday.",  # a modifier before the name: the rules' cues
        "Rosa Quispe in Lima, a spokeswoman for the mayor, said the roads were closed.",  # where she was
    ],
)
def test_no_link(links_of: Any, text: str) -> None:
    assert "Rosa Quispe" not in links_of(text)


def test_the_body_a_person_speaks_for_gives_its_country(links_of: Any) -> None:
    found = links_of("Dana Kowal, a spokeswoman for the Polish Ministry of Health, said it was safe.")
    assert found["Dana Kowal"].member == {"POL"}


def test_a_linked_country_is_a_candidate_the_ranker_may_give() -> None:
    text = "Iraq war veteran John Smith spoke at the rally."
    iraq = Entity("E1", "Iraq", "GPE", (Mention(0, 4, "Iraq", 0),), country="IRQ")
    smith = Entity("E2", "John Smith", "PERSON", (Mention(17, 27, "John Smith", 0),))
    doc = document_evidence(text, (iraq, smith), None)
    [plain] = candidates(smith, doc, None)
    assert not plain.pickable  # named near the person: evidence, not an answer
    [linked] = candidates(smith, doc, None, Links(located={"IRQ"}))
    assert linked.pickable and dict(zip(FEATURES, linked.features, strict=True))["located"] == 1


def test_a_person_of_the_other_country_of_a_story_takes_it(extract: Any) -> None:
    # The dateline's country is the story's home, but the person is placed in the other country it names.
    doc = extract(
        "OSLO (AP) -- Norway's government said Monday it would ask Sweden to return the painting. "
        "In Stockholm, Karin Holm told reporters the painting would stay where it is.",
        "2024-05-06",
    )
    [holm] = [e for e in doc.entities if e.name == "Karin Holm"]
    assert holm.country == "SWE"


def test_a_person_takes_the_home_of_the_body_they_lead(extract: Any) -> None:
    # A president is named abroad as often as at home, so the home alone is not given to one in a story
    # naming another country; the body he presides may take it, and he is of that body.
    doc = extract(
        "LIMA (AP) -- Peru's fishing boats stayed in port on Monday, and Chile's fleet followed. "
        "Hugo Salas, president of the Fishermen's Union, called the strike a success.",
        "2024-05-06",
    )
    [salas] = [e for e in doc.entities if e.name == "Hugo Salas"]
    assert salas.country == "PER"
