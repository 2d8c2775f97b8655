"""Where the pronoun's gender points past the nearest person of unknown gender (stages/entities/pronouns.py
`_chained`): two pronouns of one gender in one sentence are one person, and a person of that gender in
reach outweighs one named by a description or a single word outside a subject. Sentences written for
these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import person, pronouns_of

from newsgraph import Document


@pytest.mark.model
def test_a_second_she_of_a_sentence_stays_with_the_first_not_a_person_of_no_known_gender(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Dana Whitcomb, 21, admitted fraud on Monday. Because of her help against a gang run by Zuberi Tavi "
        "Okafor, the state asked that she get a suspended term."
    )
    assert pronouns_of(person(doc, "Dana Whitcomb")) == ["her", "she"]
    assert "she" not in pronouns_of(person(doc, "Zuberi Tavi Okafor"))


@pytest.mark.model
def test_a_narrative_pronoun_does_not_follow_a_chain_inside_a_quotation(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        '"Send Kim Dae-sung home, where his family waits," Red Cross chief Paek Sun-ok said in a letter to '
        "his counterpart."
    )
    assert "his" in pronouns_of(person(doc, "Paek Sun-ok"))


@pytest.mark.model
def test_a_person_of_the_pronouns_gender_outweighs_a_description_or_one_word_of_unknown_gender(
    extract: Callable[..., Document],
) -> None:
    described = extract(
        "Ellen Park flew to Rome on Monday. Reporters asked Chicago's archbishop about the visit before she "
        "spoke."
    )
    assert pronouns_of(person(described, "Ellen Park")) == ["she"]
    one_word = extract("Ellen Park opened the shop on Monday. Customers thanked the baker, and she smiled.")
    assert pronouns_of(person(one_word, "Ellen Park")) == ["she"]
    # named in full, a person of unknown gender keeps the pronoun (no names list knows "Okonye"; the
    # rare names list now knows this test's earlier "Zuberi", a man's name)
    full = extract("Ellen Park visited the school on Monday. Pupils gave Okonye Tavi a card before she left.")
    assert pronouns_of(person(full, "Okonye Tavi")) == ["she"]


@pytest.mark.model
def test_an_object_in_a_relative_clause_is_not_the_person_the_clause_describes(
    extract: Callable[..., Document],
) -> None:
    # "who" stands for Ogunleye, so "him" in its clause is someone else (Adeyemi), whatever her name says.
    doc = extract(
        "Prosecutors said Olumide Adeyemi moved the money. Adeola Ogunleye, a teller who worked under him "
        "for three years, testified on Tuesday."
    )
    assert "him" not in pronouns_of(person(doc, "Adeola Ogunleye"))
    assert "him" in pronouns_of(person(doc, "Olumide Adeyemi"))


@pytest.mark.model
def test_a_possessive_in_a_relative_clause_opened_by_who_is_the_person_it_describes(
    extract: Callable[..., Document],
) -> None:
    # The subject of the sentence, of a gender no list knows, is not who "his" stands for.
    doc = extract(
        "Sheikh Hasnat Kabir was sworn in as premier on Tuesday. Kabir is the daughter of Tariq Hamdan, the "
        "town's first mayor, who was killed in 1975 along with most of his family."
    )
    assert pronouns_of(person(doc, "Tariq Hamdan")) == ["his"]
    assert "his" not in pronouns_of(person(doc, "Hasnat Kabir"))


@pytest.mark.model
def test_a_nickname_given_after_a_name_is_that_person(extract: Callable[..., Document]) -> None:
    doc = extract(
        "BANGKOK - Noodle seller Siriporn Chaiyasit, known to everyone as Beer, moved her stall. Taxi "
        "driver Thanakorn Boonmee, whose nickname is Golf, carried her pots. Beer says she has not "
        "charged Golf for a meal since."
    )
    siriporn, thanakorn = person(doc, "Siriporn Chaiyasit"), person(doc, "Thanakorn Boonmee")
    assert [m.text for m in siriporn.mentions if m.kind == "name"] == ["Siriporn Chaiyasit", "Beer", "Beer"]
    assert [m.text for m in thanakorn.mentions if m.kind == "name"] == ["Thanakorn Boonmee", "Golf", "Golf"]
    assert "she" in pronouns_of(siriporn)


@pytest.mark.model
def test_a_nickname_after_is_known_or_a_long_place_phrase_is_that_person(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Fruit seller Wannee Srisuk, known to every shopper at the Thonburi weekend market as Ploy, lost her "
        "pitch on Monday. The inspector who closed it, Somchai Rattanakul, is known as Tong, and he says "
        "Ploy may come back in June."
    )
    wannee, somchai = person(doc, "Wannee Srisuk"), person(doc, "Somchai Rattanakul")
    assert [m.text for m in wannee.mentions if m.kind == "name"] == ["Wannee Srisuk", "Ploy", "Ploy"]
    assert [m.text for m in somchai.mentions if m.kind == "name"] == ["Somchai Rattanakul", "Tong"]


@pytest.mark.model
def test_a_bodys_other_name_after_known_as_is_that_body(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The inquiry was handed to the Office for Serious Harbour Crime, known as the Pelicans, on Monday. "
        "The Pelicans said two more arrests were likely."
    )
    bodies = [e for e in doc.entities if e.type == "ORG" and "Pelicans" in {m.text for m in e.mentions}]
    assert [e.name for e in bodies] == ["Office for Serious Harbour Crime"]
    assert [m.text for m in bodies[0].mentions if m.kind == "name"][-2:] == ["Pelicans", "Pelicans"]


@pytest.mark.model
def test_no_guess_between_two_people_nothing_tells_apart(extract: Callable[..., Document]) -> None:
    # Two names no list knows, both subjects just before: a guess would give "he" and "her" to the
    # wrong ones; one name that says the gender settles both
    text = (
        "Two Lagos potters, Tavi Orrin and {} Vanlow, have finished a kiln behind the market. Orrin built "
        "the walls; Vanlow made the chimney. He said he first saw her work at a fair and wrote to her."
    )
    doc = extract(text.format("Kesh"))
    assert pronouns_of(person(doc, "Tavi Orrin")) == [] and pronouns_of(person(doc, "Kesh Vanlow")) == []
    doc = extract(text.format("Maria"))
    assert pronouns_of(person(doc, "Tavi Orrin")) == ["he", "he"]
    assert pronouns_of(person(doc, "Maria Vanlow")) == ["her", "her"]
