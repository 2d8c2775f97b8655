"""Common-noun actors (stages/entities/agents.py): an argument phrase headed by an agent noun is an actor."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.lexicons.agents import agent_nouns, agent_words
from newsgraph.model import Document, Entity


def _at(doc: Document, phrase: str) -> Entity | None:
    """The entity with a mention whose text is `phrase`."""
    return next((e for e in doc.entities if any(m.text == phrase for m in e.mentions)), None)


def test_lexicon_types_people_and_bodies() -> None:
    nouns = agent_nouns()
    assert nouns["kidnapper"].type == "PERSON" and nouns["kidnapper"].sector == "CRM"
    assert nouns["court"].type == "ORG" and nouns["court"].sector == "JUD"
    assert "warship" not in nouns and "hospital" not in nouns  # things and places are no actors
    assert nouns["suspect"].source == "project"
    assert "by" in agent_words().role_preps


def test_the_same_phrase_later_is_the_same_actor(extract: Callable[..., Document]) -> None:
    doc = extract("The kidnappers freed two aid workers on Sunday. Later the kidnappers demanded a ransom.")
    kidnappers = [e for e in doc.entities if e.name == "kidnappers"]
    assert len(kidnappers) == 1
    actor = kidnappers[0]
    assert actor.type == "ORG" and actor.sector == "CRM" and actor.country is None
    assert [m.kind for m in actor.mentions] == ["nominal", "nominal"]
    assert _at(doc, "aid workers") is not None


def test_a_body_and_a_demonym_give_type_and_country(extract: Callable[..., Document]) -> None:
    doc = extract("A court in Lagos convicted seven Iraqi men on Monday. The men denied the charges.")
    court = _at(doc, "court")
    assert court is not None and court.type == "ORG" and court.sector == "JUD"
    men = _at(doc, "Iraqi men")
    assert men is not None and men.country == "IRQ" and men.name == "Iraqi men"
    assert _at(doc, "men") is men  # the determiner and the number stay out of the name; "the men" joins


def test_a_hyphenated_identity_in_a_phrase_names_the_citizenship_last(
    extract: Callable[..., Document],
) -> None:
    doc = extract("Mexican-American activists marched to the courthouse on Monday.")
    activists = _at(doc, "Mexican-American activists")
    assert activists is not None and activists.country == "USA"


def test_a_states_body_or_party_written_as_a_name_is_a_named_actor(
    extract: Callable[..., Document],
) -> None:
    doc = extract(
        "Flooding closed three roads near Dayton and Akron in Ohio on Monday. Officials in Columbus said "
        "the Army would send engineers, and Republicans in the legislature asked for more money. "
        "Pilgrims and Buddhists prayed in the rain."
    )
    army, party = _at(doc, "Army"), _at(doc, "Republicans")
    assert army is not None and [m.kind for m in army.mentions] == ["name"] and army.type == "ORG"
    assert party is not None and [m.kind for m in party.mentions] == ["name"] and party.country == "USA"
    believers = _at(doc, "Buddhists")  # believers are no body of a state: still a description
    assert believers is None or all(m.kind != "name" for m in believers.mentions)
    # A Title Case line (a section head) capitalises every word: no name is read off it.
    doc = extract(
        "The two leaders met on Monday.\n\nCombining Forces With Neighbours.\n\nThey talked for hours."
    )
    assert all(m.kind != "name" for e in doc.entities for m in e.mentions if m.text == "Forces")


def test_an_indefinite_phrase_is_someone_new(extract: Callable[..., Document]) -> None:
    doc = extract("A man attacked a guard in the market. Police arrested a man near the station.")
    men = [e for e in doc.entities if e.name == "man"]
    assert len(men) == 2
    assert all(e.type == "PERSON" for e in men)


def test_no_country_is_guessed(extract: Callable[..., Document]) -> None:
    doc = extract("Soldiers in Mali said on Friday that protesters had blocked the road.")
    protesters = _at(doc, "protesters")
    assert protesters is not None and protesters.country is None


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Many people believe the vote was rigged.", "people"),  # generic
        ("She is a judge in Ohio.", "judge"),  # a predicate, not an actor
        ("The rebels fired artillery at the town.", "artillery"),  # a thing
        ("He works as a teacher in a village school.", "teacher"),  # "as": no party
        ("Syria said it would withdraw its troops from Lebanon.", "troops"),  # moved by an actor
    ],
    ids=["generic", "predicate", "instrument", "no-party-preposition", "moved-by-an-actor"],
)
def test_non_acting_uses_are_no_actors(extract: Callable[..., Document], text: str, phrase: str) -> None:
    assert _at(extract(text), phrase) is None


def test_a_person_named_by_a_common_noun_takes_no_he_or_she(extract: Callable[..., Document]) -> None:
    # a description is as often a named person's: a pronoun given to it would be taken from that person
    doc = extract("John Baker met a lawyer on Monday. He said the lawyer had attacked the guards.")
    lawyer = _at(doc, "lawyer")
    assert lawyer is not None and lawyer.type == "PERSON"
    assert [m.kind for m in lawyer.mentions] == ["nominal", "nominal"]
    baker = _at(doc, "John Baker")
    assert baker is not None and any(m.text == "He" for m in baker.mentions)


def test_they_joins_a_plural_actor(extract: Callable[..., Document]) -> None:
    doc = extract("The gunmen stormed the hotel on Tuesday. They seized twelve hostages.")
    gunmen = _at(doc, "gunmen")
    assert gunmen is not None and any(m.text == "They" for m in gunmen.mentions)
    hostages = _at(doc, "hostages")
    assert hostages is not None and hostages is not gunmen
    seized = [v for v in doc.events if v.trigger.text.startswith("seized")]
    assert seized and gunmen.id in seized[0].source and hostages.id in seized[0].target


def test_a_headline_noun_is_no_actor(extract: Callable[..., Document]) -> None:
    text = "Police arrest kidnappers in Lagos\nPolice arrested the kidnappers on Monday."
    doc = extract(text)
    body = text.index("\n")
    nominal = [m for e in doc.entities for m in e.mentions if m.kind == "nominal"]
    assert nominal and all(m.start > body for m in nominal)


def test_a_title_repeated_as_the_first_line_is_a_headline(extract: Callable[..., Document]) -> None:
    text = "Former senator calls for new rules.\nThe senator called on lawmakers to act."
    doc = extract(text, title="Former senator calls for new rules")
    body = text.index("\n")
    nominal = [m for e in doc.entities for m in e.mentions if m.kind == "nominal"]
    assert nominal and all(m.start > body for m in nominal)


def test_a_definite_title_joins_the_one_person_holding_it(extract: Callable[..., Document]) -> None:
    doc = extract("Acme spokesman John Reyes spoke on Monday. Police later questioned the spokesman.")
    reyes = _at(doc, "John Reyes")
    assert reyes is not None and _at(doc, "spokesman") is reyes


def test_a_singular_speaker_naming_no_one_else_is_an_actor(extract: Callable[..., Document]) -> None:
    # the speaker is the source of "we" in the quote (docs/annotation.md 11, rule 10): it must be an entity
    doc = extract('"We will never give up the port," the navy commander declared on Monday.')
    commander = _at(doc, "navy commander")
    assert commander is not None and commander.type == "PERSON"
    assert [q.speaker for q in doc.quotes] == [commander.id]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('"The border stays shut," a spokesman for Chad said.', "spokesman"),  # speaks for Chad
        ("The Electoral Commission met. The commission said the vote was fair.", "commission"),  # its voice
        ("Lawyers for Acme Corp said the ruling would be appealed.", "Lawyers"),  # a group speaking for one
    ],
    ids=["speaks-for-a-named-entity", "a-named-body-before", "a-group-speaking-for-a-named-entity"],
)
def test_speakers_read_as_another_voice_stay_text(
    extract: Callable[..., Document], text: str, phrase: str
) -> None:
    assert _at(extract(text), phrase) is None


def test_a_number_standing_for_people_is_a_group(extract: Callable[..., Document]) -> None:
    doc = extract("Militants stormed the village and abducted nine. The army freed the nine on Friday.")
    nine = _at(doc, "nine")
    assert nine is not None and nine.type == "ORG"
    assert [m.text for m in nine.mentions] == ["nine", "nine"]  # "the nine" is the same group
    abducted = next(v for v in doc.events if v.trigger.text == "abducted")
    assert abducted.target == (nine.id,)
    assert _at(extract("The firm won 3 of the 12 contracts."), "3") is None  # "of": no people counted


def test_the_possessor_of_an_act_is_an_actor(extract: Callable[..., Document]) -> None:
    doc = extract("The junta rejected the regional bloc's call for new elections.")
    bloc = _at(doc, "regional bloc")
    assert bloc is not None
    rejected = next(v for v in doc.events if v.trigger.text == "rejected")
    assert rejected.target == (bloc.id,)


@pytest.mark.parametrize(
    "text",
    ["The ministry requested $2 billion from the donors.", "The agency requested 500 million in new funds."],
    ids=["money", "a-sum"],
)
def test_an_amount_is_no_group_of_people(extract: Callable[..., Document], text: str) -> None:
    doc = extract(text)
    assert not any(e.name in ("billion", "million", "2 billion", "500 million") for e in doc.entities)


def test_the_words_of_a_named_persons_title_are_no_actor_of_their_own(
    extract: Callable[..., Document],
) -> None:
    """A title phrase before a name is that person's ("Polish chief of staff NAME"): neither its head
    with the demonym ("Polish chief") nor its of-phrase ("staff") is someone else."""
    doc = extract(
        "Polish chief of staff Jan Wrona met the envoys on Monday. "
        "Hungarian head of state Laszlo Varga spoke later. "
        "Linden spokeswoman Maria Olsen said the road would reopen."
    )
    people = {e.name: e for e in doc.entities if e.type == "PERSON"}
    assert set(people) == {"Jan Wrona", "Laszlo Varga", "Maria Olsen"}, sorted(people)
    assert (people["Jan Wrona"].country, people["Jan Wrona"].titles) == ("POL", ("chief of staff",))
    assert people["Laszlo Varga"].country == "HUN"
    assert not any(e.name.lower() in ("staff", "spokeswoman") for e in doc.entities)


def test_a_description_with_a_name_in_apposition_is_that_persons(extract: Callable[..., Document]) -> None:
    # Issue 14: descriptions and appositions merge into the named actor, the description as a title.
    doc = extract(
        "BERLIN (Reuters) - A Belgian truck driver, Yannick Peeters, 38, is accused of organising the "
        "shipment. Police on Friday freed an American journalist, Jo Ann Reyes, who had been held."
    )
    peeters = _at(doc, "Yannick Peeters")
    assert peeters is not None and _at(doc, "Belgian truck driver") is peeters
    assert peeters.country == "BEL" and "Belgian truck driver" in peeters.titles
    reyes = _at(doc, "Jo Ann Reyes")
    assert reyes is not None and reyes.country == "USA" and _at(doc, "American journalist") is reyes
    assert [e.name for e in doc.entities if e.type == "PERSON"] == ["Yannick Peeters", "Jo Ann Reyes"]
