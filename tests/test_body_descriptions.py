"""A body placed by the description written beside its name (entities/country_phrases.py
`body_described`), and a story's lead naming where it happens (homes.py `_lead_mentions`). Sentences written
for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import countries

from newsgraph import Document
from newsgraph.model import Entity, Mention
from newsgraph.stages.entities.country_phrases import body_described


@pytest.mark.model
def test_a_town_or_demonym_in_a_description_right_beside_a_body_places_it(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "The Tallinn start-up Voogla Ltd has raised 12 million euros in a round led by the Stockholm "
        "venture firm Granholt Capital. A Chilean wine company, Viñas Sur Group, also took part. The "
        "Verbeek Water Fund, a charity based in Utrecht, gave a grant."
    )
    found = countries(doc)
    assert found["Voogla Ltd"] == "EST"
    assert found["Granholt Capital"] == "SWE"
    assert found["Viñas Sur Group"] == "CHL"
    assert found["Verbeek Water Fund"] == "NLD"


def _body(text: str, name: str) -> Entity:
    """A body named once in `text`, as the names stage gives it."""
    start = text.index(name)
    return Entity("E1", name, "ORG", (Mention(start, start + len(name), name, 0),))


def test_the_trade_after_a_town_may_follow_a_modifier() -> None:
    text = "The show is backed by the Fundacao Maresia, a Lisbon arts foundation, and two banks."
    body = _body(text, "Fundacao Maresia")
    assert body_described(text, body, {"Lisbon": "PRT"}) == "PRT"
    assert body_described(text.replace("foundation", "poet"), body, {"Lisbon": "PRT"}) is None


@pytest.mark.parametrize("where", ["in", "from", "based in"])
def test_a_trade_in_or_from_a_town_after_a_bodys_name_places_it(where: str) -> None:
    text = f"It was shipped by Agrocampo SA, a grain exporter {where} Paysandu, on Monday."
    body = _body(text, "Agrocampo SA")
    assert body_described(text, body, {"Paysandu": "URY"}) == "URY"
    # Not where a person the model took for a body was born
    born = text.replace(f"grain exporter {where}", "poet born in")
    assert body_described(born, _body(born, "Agrocampo SA"), {"Paysandu": "URY"}) is None


@pytest.mark.parametrize("trade", ["shipping agent", "spinning mill", "company registered"])
def test_any_noun_describing_a_body_in_a_town_after_its_name_places_it(trade: str) -> None:
    # The trades list is needed before a name ("the Lisbon talks"), not after it with "in PLACE"
    text = f"The wool goes to Harbor Freight Partners, a {trade} in Prato, each spring."
    body = _body(text, "Harbor Freight Partners")
    assert body_described(text, body, {"Prato": "ITA"}) == "ITA"


def test_a_town_based_description_after_a_bodys_name_places_it_whatever_its_noun() -> None:
    text = "Northbrook Minerals, the Vancouver-based explorer, holds the licence in the Gobi."
    body = _body(text, "Northbrook Minerals")
    assert body_described(text, body, {"Vancouver": "CAN"}) == "CAN"
    assert body_described(text.replace("-based", ""), body, {"Vancouver": "CAN"}) is None


@pytest.mark.parametrize("phrase", ["based in", "which is based in", "headquartered in"])
def test_a_bodys_seat_written_after_its_name_without_a_noun_places_it(phrase: str) -> None:
    text = f"The clinic was rebuilt by Maple Hands Relief, {phrase} Winnipeg, after the storm."
    body = _body(text, "Maple Hands Relief")
    assert body_described(text, body, {"Winnipeg": "CAN"}) == "CAN"
    # Not a place the name is followed by otherwise
    assert body_described(text.replace(phrase, "seen in"), body, {"Winnipeg": "CAN"}) is None


@pytest.mark.model
def test_a_description_without_its_article_or_noun_places_a_body_too(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "AMSTERDAM, June 9 (Reuters) - Dutch animal nutrition group Voerwerk Holding has agreed to buy a "
        "rival. Residents said the Vancouver-based Northbrook Minerals had begun drilling."
    )
    found = countries(doc)
    assert found["Voerwerk Holding"] == "NLD"
    assert found["Northbrook Minerals"] == "CAN"


@pytest.mark.model
def test_a_description_of_two_countries_places_no_body(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The Nairobi firm Brandvoll Partners, a company based in London, bought the mill on Monday."
    )
    assert countries(doc)["Brandvoll Partners"] is None


@pytest.mark.model
def test_the_place_a_lead_names_outweighs_a_visitors_demonym_and_home_town(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "The harbour office in Tromsø has ordered a Russian trawler to stay at the quay. The captain, "
        "Pavel Gromov of Murmansk, said the hold had been loaded correctly. Harbour master Sigrid Aasen "
        "said the ship could sail once part of the catch had been moved."
    )
    assert countries(doc)["Sigrid Aasen"] != "RUS"
