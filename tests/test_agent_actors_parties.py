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


def test_a_group_making_an_accusation_is_an_actor(extract: Callable[..., Document]) -> None:
    doc = extract("Prosecutors allege that the two men bribed a customs officer.")
    prosecutors = _at(doc, "Prosecutors")
    assert prosecutors is not None and prosecutors.sector == "JUD"


def test_a_group_that_only_reports_stays_text(extract: Callable[..., Document]) -> None:
    # no part in what it reports: as an actor it would be one more candidate source for the shelling
    assert _at(extract("The port was shelled overnight, officials said."), "officials") is None


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


def test_soldiers_acted_on_are_an_actor_but_not_those_sent(extract: Callable[..., Document]) -> None:
    doc = extract("Rebels released 14 soldiers captured during the fighting.")
    soldiers = _at(doc, "soldiers")
    assert soldiers is not None and soldiers.sector == "MIL"
    assert _at(extract("The general deployed 500 soldiers to the north."), "soldiers") is None
    assert _at(extract("The mayor requested more troops after the riot."), "troops") is None


def test_the_party_in_an_of_phrase_of_a_gerund(extract: Callable[..., Document]) -> None:
    doc = extract("The senator condemned the beating and jailing of activists.")
    activists = _at(doc, "activists")
    assert activists is not None and activists.type == "ORG"


def test_a_lower_case_word_tagged_as_an_adjective_in_an_argument_is_a_noun() -> None:
    import spacy
    from spacy.tokens import Doc

    from newsgraph.stages.entities.agents import _mistagged_noun

    words = ["Aid", "to", "the", "junta", "stopped", "Junta"]
    tags = ["NN", "IN", "DT", "JJ", "VBD", "JJ"]
    deps = ["nsubj", "prep", "det", "pobj", "ROOT", "dobj"]
    heads = [4, 0, 3, 1, 4, 4]
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, deps=deps, heads=heads)
    assert _mistagged_noun(doc[3])
    assert not _mistagged_noun(doc[5])  # capitalised: a name the model did not type


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The mining giant threatened to sue the government.", "mining giant"),
        ("The multinational force attacked the rebel camp.", "multinational force"),
        ("The mayor threatened to sue the newspaper.", "newspaper"),
    ],
    ids=["a-company-giant", "a-force-with-a-determiner", "a-newspaper"],
)
def test_bodies_added_for_event_arguments(extract: Callable[..., Document], text: str, phrase: str) -> None:
    body = _at(extract(text), phrase)
    assert body is not None and body.type == "ORG"


def test_force_without_a_determiner_is_no_body(extract: Callable[..., Document]) -> None:
    assert _at(extract("The army seized power by force in 1999."), "force") is None


def test_those_a_clause_describes_are_a_group(extract: Callable[..., Document]) -> None:
    doc = extract("The governor of Vellmark promised to punish those who looted the warehouses.")
    those = _at(doc, "those")
    assert those is not None and those.type == "ORG"


def test_two_groups_of_those_are_two_actors(extract: Callable[..., Document]) -> None:
    doc = extract("Rebels attacked those who stayed in the village. The army arrested those who fled.")
    groups = [e for e in doc.entities if any(m.text == "those" for m in e.mentions)]
    assert len(groups) == 2


def test_those_before_a_noun_is_no_actor(extract: Callable[..., Document]) -> None:
    assert _at(extract("The minister criticised those plans on Monday."), "those") is None


def test_people_by_role_and_office_are_people_nouns() -> None:
    nouns = agent_nouns()
    for noun in ("aide", "adviser", "warden", "staffer", "appointee", "negotiator"):
        assert nouns[noun].type == "PERSON", noun
    assert nouns["panel"].type == "ORG" and nouns["personnel"].type == "ORG"
    for thing in ("office", "building", "aircraft"):  # things are no actors
        assert thing not in nouns


def test_a_warden_who_acts_is_an_actor(extract: Callable[..., Document]) -> None:
    warden = _at(extract("The prison warden punished two inmates for the escape attempt."), "prison warden")
    assert warden is not None and warden.type == "PERSON" and warden.sector == "COP"
