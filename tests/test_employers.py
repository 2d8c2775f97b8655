"""A person of no country takes the country of the body the text names them a post at
(stages/entities/employers.py). Sentences written for these tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from people_support import countries

from newsgraph import Document
from newsgraph.model import Entity, Mention
from newsgraph.stages.entities.employers import employer_countries


@pytest.mark.model
def test_whose_post_and_its_post_carry_the_bodys_country(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The fish farm was bought by the Bergen group Havbruk Vest, whose finance director, Oeyvind Strand, "
        "said insurance would cover part of the loss. The Tallinn start-up Voogla Ltd has raised money from "
        "the Stockholm venture firm Granholt Capital. Its chief executive, Kadri Tamm, said the money would "
        "pay for expansion."
    )
    found = countries(doc)
    assert found["Oeyvind Strand"] == "NOR"
    assert found["Kadri Tamm"] == "EST"  # the sentence before names Voogla first, not Granholt
    assert [e.country_source for e in doc.entities if e.name == "Kadri Tamm"] == ["org"]


@pytest.mark.model
def test_a_rank_between_the_post_and_the_name_keeps_the_employer(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The fish farm was bought by the Bergen group Havbruk Vest, whose spokesman, Captain Oeyvind Strand, "
        "said insurance would cover part of the loss."
    )
    strand = next(e for e in doc.entities if e.name == "Oeyvind Strand")
    assert (strand.country, strand.country_source, strand.titles) == ("NOR", "org", ("Captain", "spokesman"))


@pytest.mark.model
def test_its_post_needs_a_body_in_its_own_sentence(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The Oslo firm Fjordlys AS opened a plant on Monday. A Swiss buyer will visit it; its owner, Regula "
        "Baumann, said the price was fair."
    )
    # The employer rule gives her nothing (the story's home, Norway by its first sentence's firm, may
    # still reach her through the ranker, which weighs her sentence's "Swiss").
    assert [e.country_source for e in doc.entities if e.name == "Regula Baumann"] != ["org"]


def test_the_employer_outweighs_the_storys_home_and_needs_no_comma() -> None:
    text = (
        "Ferries in Kochi will go electric. The hull was designed by Kieler Werft GmbH, a small company in "
        "Kiel, whose engineer Jonas Brandt tested it."
    )

    def at(name: str, type_: str, sentence: int, **kw: object) -> Entity:
        start = text.index(name)
        return Entity(name, name, type_, (Mention(start, start + len(name), name, sentence),), **kw)  # type: ignore[arg-type]

    firm = at("Kieler Werft GmbH", "ORG", 1, country="DEU", country_source="region")
    guessed = at("Jonas Brandt", "PERSON", 1, country="IND", country_source="home")
    [_, brandt] = employer_countries(text, (firm, guessed))
    assert (brandt.country, brandt.country_source) == ("DEU", "org")
    said = dataclasses.replace(guessed, country_source="text")  # what the text says of him stands
    assert employer_countries(text, (firm, said))[1].country == "IND"


def test_a_guessed_country_gives_way_only_to_a_body_country_that_was_not_guessed() -> None:
    text = "GENEVA — Jonas Brandt, chairman of the Kieler Werft Association, said the talks had stalled."
    start = text.index("Kieler")
    name = "Kieler Werft Association"
    firm = Entity("E1", name, "ORG", (Mention(start, start + len(name), name, 0),))
    person = Entity("E2", "Jonas Brandt", "PERSON", (Mention(9, 21, "Jonas Brandt", 0),))
    guessed_firm = dataclasses.replace(firm, country="CHE", country_source="dateline")
    guessed_man = dataclasses.replace(person, country="DEU", country_source="name")
    # the dateline's guess for the body is no better for its chairman than his own
    assert employer_countries(text, (guessed_firm, guessed_man))[1].country == "DEU"
    home_man = dataclasses.replace(person, country="DEU", country_source="home")
    assert employer_countries(text, (guessed_firm, home_man))[1].country == "DEU"
    # a man of no country takes it; a body's country the text gave outweighs his guessed one
    assert employer_countries(text, (guessed_firm, person))[1].country == "CHE"
    said_firm = dataclasses.replace(firm, country="CHE", country_source="text")
    assert employer_countries(text, (said_firm, home_man))[1].country == "CHE"


@pytest.mark.parametrize(
    "after",
    [
        ", the chief economist at Kieler Werft GmbH,",
        ", head of the Kieler Werft GmbH,",
        ", Kieler Werft GmbH's buyer,",
    ],
)
def test_a_post_at_a_body_written_after_the_name_gives_its_country(after: str) -> None:
    text = f"Jonas Brandt{after} said the boat was ready."
    start = text.index("Kieler")
    firm = Entity("E1", "Kieler Werft GmbH", "ORG", (Mention(start, start + 17, "Kieler Werft GmbH", 0),))
    firm = dataclasses.replace(firm, country="DEU", country_source="region")
    person = Entity("E2", "Jonas Brandt", "PERSON", (Mention(0, 12, "Jonas Brandt", 0),))
    assert employer_countries(text, (firm, person))[1].country == "DEU"
    fan = text.replace("chief economist", "fan").replace("head", "fan").replace("buyer", "fan")
    assert employer_countries(fan, (firm, person))[1].country is None  # no post: no employer


@pytest.mark.model
def test_an_international_bodys_officer_is_of_no_country_in_that_office(
    extract: Callable[..., Document],
) -> None:
    # The dateline's country and a place beside the office are the body's venue, not its officer's state
    doc = extract(
        "DUSHANBE, Tajikistan - Marco Bellini, the technical delegate of United World Wrestling, praised the "
        "organisation. Clara Hessler, of UNESCO's office in Tashkent, said the festival showed how an old "
        "city could keep its crafts alive.",
        "2021-10-17",
    )
    found = countries(doc)
    assert found["Marco Bellini"] is None
    assert found["Clara Hessler"] is None


def test_a_former_officer_of_an_international_body_keeps_their_own_country() -> None:
    def story(text: str) -> tuple[Entity, Entity]:
        start = text.index("Pan-Sahel")
        name = Mention(start, start + 26, "Pan-Sahel Water Commission", 0)
        body = Entity("E1", name.text, "ORG", (name,), sector="IGO", sector_source="kb")
        return body, Entity("E2", "Awa Diallo", "PERSON", (Mention(0, 10, "Awa Diallo", 0),), country="SEN")

    now = "Awa Diallo, the chairwoman of Pan-Sahel Water Commission, spoke."
    assert employer_countries(now, story(now))[1].country is None  # in office: of no state
    former = "Awa Diallo, a former chairwoman of Pan-Sahel Water Commission, spoke."
    assert employer_countries(former, story(former))[1].country == "SEN"  # out of it: her own


@pytest.mark.model
@pytest.mark.parametrize("post", ["partner", "managing partner"])
def test_a_partner_of_a_firm_named_before_the_post_takes_its_country(
    extract: Callable[..., Document], post: str
) -> None:
    # A venture firm's partner is its officer, as its "director" is (lexicons/titles.tsv).
    doc = extract(
        f"NAIROBI - A Nairobi start-up raised money in a round led by Lagos-based Oruka Ventures. Oruka "
        f"Ventures {post} Chidera Ebube will join the board."
    )
    person = next(e for e in doc.entities if e.name == "Chidera Ebube")
    assert (person.country, person.country_source) == ("NGA", "org")
