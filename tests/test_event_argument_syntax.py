"""Who fills an event's roles in general syntax the parser reads in a way the role rules did not expect
(stages/events/clause_arguments.py, sentence_coder.py): an infinitive of purpose, an active verb
coordinated after a passive one, an event noun inside the object of a verb of receiving, the from-phrase
of a noun of movement.

Sentences are written for these tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from event_roles import event_roles

from newsgraph.model import Document
from newsgraph.stages.events.actors import ActorFinder
from newsgraph.stages.events.clause_arguments import is_passive, subject_token


def _subject_of(nlp: Any, text: str, word: str) -> str | None:
    [verb] = [t for t in nlp(text) if t.text == word]
    subj = subject_token(verb)
    return None if subj is None else subj.text


def test_an_infinitive_of_purpose_is_done_by_the_main_subject(nlp: Any) -> None:
    # the parser hangs "to threaten" on the noun "order"
    text = "Ruritania moved tanks to the frontier in order to threaten Borduria."
    assert _subject_of(nlp, text, "threaten") == "Ruritania"


def test_an_active_verb_after_a_passive_one_shares_its_subject(extract: Callable[..., Document]) -> None:
    text = "The Ostrian garrison had been surrounded and had withdrawn from Velka by Friday."
    source, _ = event_roles(extract, text, "RETREAT")
    assert source == ["Ostrian garrison"]


def test_a_bare_participle_after_a_passive_stays_passive(nlp: Any) -> None:
    assert _subject_of(nlp, "A farmer was beaten and robbed by an officer in Dorne.", "robbed") is None


def test_an_event_noun_in_the_object_of_a_verb_of_winning_is_the_from_phrase_s(
    extract: Callable[..., Document],
) -> None:
    source, target = event_roles(extract, "Kenya won pledges of aid from Japan after the floods.", "AID")
    assert (source, target) == (["Japan"], ["Kenya"])


def test_the_from_phrase_of_a_withdrawal_is_where_from_not_who_withdraws(
    extract: Callable[..., Document],
) -> None:
    source, target = event_roles(
        extract, "The withdrawal of Turkish troops from Cyprus began on Monday.", "RETREAT"
    )
    assert source == ["Turkish troops"]
    assert "Cyprus" not in target


def test_the_from_phrase_of_a_withdrawal_under_a_support_verb_is_where_from(
    extract: Callable[..., Document],
) -> None:
    # the noun is the passive subject of a verb that carries it, not its own anchor
    source, target = event_roles(
        extract, "The withdrawal of the army from Velka was completed on Sunday.", "RETREAT"
    )
    assert (source, target) == (["army"], [])


def test_an_event_noun_in_the_of_phrase_of_a_carried_noun_is_done_by_the_carrier(
    extract: Callable[..., Document],
) -> None:
    # "announce" carries the act of its object; the event noun hangs one "of" further down
    for text in (
        "The European Union announced the imposition of sanctions on Ostria.",
        "The imposition of sanctions on Ostria was announced by the European Union.",
    ):
        assert event_roles(extract, text, "SANCTION") == (["European Union"], ["Ostria"])


def test_a_control_gerund_the_parser_hangs_on_a_named_object_is_done_by_it(
    extract: Callable[..., Document],
) -> None:
    # the parser attaches "of collaborating" to the name, not to "accuses"
    text = "The ruling party accuses the NLP of cooperating with Ostria ."
    assert event_roles(extract, text, "COOPERATE") == (["NLP"], ["Ostria"])


def test_who_complies_with_or_answers_a_demand_is_its_target(extract: Callable[..., Document]) -> None:
    text = "The rebels complied with the Ostrian government's demand."
    assert event_roles(extract, text, "REQUEST") == (["Ostrian government"], ["rebels"])
    # a passive bearing verb: its agent bears the act
    text = "A request from the Ostrian ministry was answered by the European Union."
    assert event_roles(extract, text, "REQUEST") == (["Ostrian ministry"], ["European Union"])


def test_who_repels_an_attack_is_its_target(extract: Callable[..., Document]) -> None:
    text = "The garrison repelled an attack by Bordurian troops."
    assert event_roles(extract, text, "ASSAULT") == (["Bordurian troops"], ["garrison"])


def test_who_is_wanted_for_questioning_is_questioned(extract: Callable[..., Document]) -> None:
    text = "Anna Holt is wanted for questioning over the death of a Velka judge."
    source, target = event_roles(extract, text, "ACCUSE")
    assert source == []
    assert "Anna Holt" in target


def test_who_is_lobbied_for_aid_would_give_it(extract: Callable[..., Document]) -> None:
    text = "Ostrian farmers have lobbied the European Union for aid after the floods."
    assert event_roles(extract, text, "AID") == (["European Union"], ["Ostrian farmers"])


def test_a_by_agent_the_parser_hangs_on_the_recipient_is_the_agent(extract: Callable[..., Document]) -> None:
    # "by" attaches to "envoy", inside the verb's to-phrase
    text = "An invitation to visit Velka was extended to the Ostrian envoy by the Bordurian government."
    assert event_roles(extract, text, "AGREE") == (["Bordurian government"], ["Ostrian envoy"])


def test_an_answered_act_that_names_no_doer_gets_no_bearing_reading(extract: Callable[..., Document]) -> None:
    text = "The Ostrian campaign and the Bordurian party did not reply to requests for an interview."
    doc = extract(text, published="2023-08-03")
    assert [v for v in doc.events if v.type == "REQUEST"] == []


def test_a_participle_with_a_by_agent_after_a_passive_is_passive(nlp: Any) -> None:
    # the parser gives "killed" the agent and no auxiliary of its own
    doc = nlp("The teacher was stabbed and killed by an Ostrian guard near the market.")
    [verb] = [t for t in doc if t.text == "killed"]
    assert any(c.dep_ == "agent" for c in verb.children)
    assert is_passive(verb)


def test_a_visit_in_a_time_phrase_is_made_by_the_person_who_acts(
    extract: Callable[..., Document], monkeypatch: Any
) -> None:
    # with the rules alone (no ranker), nothing in the noun's own phrase names the visitor
    monkeypatch.setattr(ActorFinder, "_model", lambda self: (None, frozenset()))
    text = "Anna Holt spoke to farmers during a visit to Borduria on Monday."
    source, _ = event_roles(extract, text, "CONSULT", "visit")
    assert source == ["Anna Holt"]
