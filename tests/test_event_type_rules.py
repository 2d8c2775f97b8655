"""Type rules of the events stage written from the guidelines (docs/annotation.md 4) and the PLOVER manual:
a force that arrives is deployed, a conviction is a SANCTION, a declared ceasefire and a dropped demand
are concessions; a negated acceptance is a refusal and a negated intention keeps its type; a passive puts
a phrase's object before its verb; expelling members is a SANCTION, backing armed groups AID; a planned
deployment stays MOBILIZE, a planned protest PROTEST.
Hand-written sentences, the default stage."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsgraph.model import Document, Event
from newsgraph.stages.events.lexicon import find_triggers
from newsgraph.stages.events.rules import force_mode


def _types(extract: Callable[..., Document], text: str) -> dict[str, str]:
    """Trigger text -> type of the default stage's events."""
    return {v.trigger.text: v.type for v in extract(text).events}


def _subject(nlp: Any, text: str, verb: str) -> Any:
    doc = nlp(text)
    tok = next(t for t in doc if t.lemma_ == verb)
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Two thousand Dutch troops arrived in Lithuania on Friday.", "troops"),
        ("Hundreds of Chilean police officers arrived in the capital.", "police"),
        ("The Peruvian army arrived in the northern province.", "troops"),
        ("The Dutch defence minister arrived in Lithuania on Friday.", None),
        ("The army chief arrived in Lima for talks.", None),
    ],
)
def test_a_force_as_subject_gives_the_mobilize_mode(nlp: Any, text: str, mode: str | None) -> None:
    assert force_mode(_subject(nlp, text, "arrive")) == mode


@pytest.mark.model
def test_arriving_troops_are_a_deployment_and_a_minister_visits(extract: Callable[..., Document]) -> None:
    assert "MOBILIZE" in _types(extract, "Two thousand Dutch troops arrived in Lithuania on Friday.").values()
    assert "CONSULT" in _types(extract, "The Dutch defence minister arrived in Lithuania on Friday.").values()


@pytest.mark.model
def test_a_conviction_is_a_sanction(extract: Callable[..., Document]) -> None:
    assert (
        _types(extract, "A court in Lyon convicted the former mayor of fraud on Monday.").get("convicted")
        == "SANCTION"
    )


@pytest.mark.model
def test_declaring_a_ceasefire_and_dropping_a_demand_are_concessions(
    extract: Callable[..., Document],
) -> None:
    assert (
        "CONCEDE"
        in _types(extract, "The Tamil rebels declared a ceasefire with the government on Sunday.").values()
    )
    assert (
        "CONCEDE" in _types(extract, "The opposition party dropped its demand for a new election.").values()
    )


def _on(extract: Callable[..., Document], text: str, word: str) -> Event:
    """The default stage's event whose trigger holds `word`."""
    return next(v for v in extract(text).events if word in v.trigger.text)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Chile will not accept the Peruvian demands for a new border, the foreign minister said.", "accept"),
        ("The Bolivian senate did not endorse the trade plan of the Argentine government.", "endorse"),
    ],
)
def test_a_negated_acceptance_is_a_stated_refusal(
    extract: Callable[..., Document], text: str, word: str
) -> None:
    event = _on(extract, text, word)  # docs/annotation.md 11, 33
    assert (event.type, event.negated, event.modality) == ("REJECT", False, "asserted")


@pytest.mark.model
def test_a_negated_intention_is_no_threat(extract: Callable[..., Document]) -> None:
    event = _on(
        extract, "The Egyptian army will not fire on demonstrators, General Hassan told reporters.", "fire"
    )
    assert (event.type, event.negated) == ("ASSAULT", True)
    sent = _on(extract, "Brazil will not send troops to Haiti, the defence minister said.", "send")
    assert sent.type != "THREATEN" and sent.negated


@pytest.mark.model
def test_a_passive_subject_is_the_object_of_a_verb_phrase(nlp: Any) -> None:
    doc = nlp("Three Ukrainian diplomats were expelled by Hungary on Monday.")
    found = {(m.entry.type, m.entry.words[0], doc[m.head].lemma_) for m in find_triggers(doc[:])}
    assert ("SANCTION", "expel", "expel") in found  # the phrase "expel diplomats", headed by its verb


@pytest.mark.model
def test_expelling_members_is_a_sanction_and_expelling_journalists_coercion(
    extract: Callable[..., Document],
) -> None:
    text = "The ruling party in Harare expelled four MPs who had criticised the president."
    assert _on(extract, text, "expel").type == "SANCTION"
    assert _on(extract, "Hungary expelled three Austrian journalists on Monday.", "expel").type == "COERCE"


@pytest.mark.model
def test_backing_armed_groups_is_aid_and_backing_a_plan_support(extract: Callable[..., Document]) -> None:
    assert _on(extract, "Estonia denied backing the rebels in northern Mali.", "backing").type == "AID"
    text = "The rebels said they were backed by Russian artillery during the assault on the town."
    assert _on(extract, text, "backed").type == "AID"
    assert _on(extract, "Sweden backed the Finnish plan for a new fishing quota.", "backed").type == "SUPPORT"


@pytest.mark.model
def test_a_vow_to_scrap_a_deal_or_to_sanction_is_a_threat(extract: Callable[..., Document]) -> None:
    # docs/annotation.md 4: "vowed to scrap the deal" is THREATEN or REJECT, never AGREE
    text = "The Zambian minister vowed to scrap the deal with the mining company."
    assert _on(extract, text, "vowed").type == "THREATEN"
    assert (
        _on(extract, "Spain vowed to impose sanctions on the Venezuelan government.", "vowed").type
        == "THREATEN"
    )
    text = "The Peruvian parliament scrapped the trade agreement with Chile."
    assert _on(extract, text, "scrapped").type == "REJECT"


@pytest.mark.model
def test_a_cancelled_or_blocked_meeting_or_bid_is_a_rejection(extract: Callable[..., Document]) -> None:
    # docs/annotation.md 4, REJECT: a cancelled meeting; the passive puts the talks before "called off"
    text = "The peace talks were called off by the Sudanese army after the attack."
    assert _on(extract, text, "called").type == "REJECT"
    text = "Greece blocked the Albanian bid for membership of the bloc."
    assert _on(extract, text, "blocked").type == "REJECT"


@pytest.mark.model
def test_a_passive_phrase_finds_its_object_in_a_counted_subject(extract: Callable[..., Document]) -> None:
    text = "Thousands of reservists were called up by the Greek army on Saturday."
    assert _on(extract, text, "called").type == "MOBILIZE"


@pytest.mark.model
def test_a_planned_deployment_stays_mobilize(extract: Callable[..., Document]) -> None:
    event = _on(extract, "Argentina will deploy 500 soldiers to the border with Paraguay in April.", "deploy")
    assert (event.type, event.modality) == ("MOBILIZE", "future")


@pytest.mark.model
def test_a_planned_protest_stays_protest(extract: Callable[..., Document]) -> None:
    text = "Nurses in Valparaiso will march to the regional health ministry on Friday."
    event = _on(extract, text, "march")
    assert (event.type, event.modality) == ("PROTEST", "future")
