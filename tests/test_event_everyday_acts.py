"""Everyday acts that borrow an event word code no event (stages/events/everyday_acts.py,
lexicons/event_everyday_acts.tsv; docs/annotation.md 2 and 11 rule 17). Every sentence here is written for
the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.lexicons.events import everyday_acts_words


def test_the_lists_are_read_and_lower_case() -> None:
    words = everyday_acts_words()
    assert (
        "travel" in words.motion_verbs
        and "council" in words.one_body_marks
        and "say" in words.reporting_verbs
    )
    for name in ("goal_objects", "observers", "hazards", "habit_adverbs", "capacity_nouns", "actor_nouns"):
        assert all(w == w.lower() for w in getattr(words, name)), name


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "type_", "why"),
    [
        ("Commuters traveling on Highway 9 face long delays this week.", "traveling", "CONSULT", "travel"),
        ("Two tonnes of rice arrived in the port of Beira on Monday.", "arrived", "CONSULT", "travel"),
        ("She was traveling at about 50 mph when the tire burst.", "traveling", "CONSULT", "travel"),
        ("The clinic received 400 doses of the vaccine on Friday.", "received", "CONSULT", "receipt"),
        ("The new bridge design meets the safety test set by the county.", "meets", "CONSULT", "goal"),
        ("The proposal was met with criticism from parents.", "met", "CONSULT", "goal"),
        ("The library board will hold its monthly meeting on Tuesday.", "meeting", "CONSULT", "own meeting"),
        (
            "About 80 residents came to a community meeting at the school.",
            "meeting",
            "CONSULT",
            "own meeting",
        ),
        ("Forecasters warned that the drought could worsen in July.", "warned", "THREATEN", "forecast"),
        (
            "The health agency warned of a high risk of flooding along the coast.",
            "warned",
            "THREATEN",
            "forecast",
        ),
        ("The truce may collapse within days, observers warned.", "warned", "THREATEN", "forecast"),
        ("The mayor said the city should repave the main road.", "said", "REQUEST", "reporting"),
        ("We never paid the rebels, the minister insisted.", "insisted", "REQUEST", "reporting"),
        ("The singer hurt himself badly in the fall.", "hurt", "ASSAULT", "self"),
        ("Parliaments usually approve the budget after a long debate.", "approve", "SUPPORT", "generic"),
        ("The governor has the right to dismiss the mayors of the province.", "dismiss", "REJECT", "generic"),
        ("The mayor discussed the new parking rules on local radio.", "discussed", "CONSULT", "own meeting"),
        ("Two weapons inspectors reached the plant on Monday.", "inspectors", "ACCUSE", "agent"),
        ("The sheriff's office received a call from a neighbor at 2 a.m.", "call", "REQUEST", "phone call"),
        ("The cashier was fired after the audit found missing cash.", "fired", "ASSAULT", "dismissal"),
        ("The little boy has been fighting leukemia since May.", "fighting", "ASSAULT", "figurative"),
        ("Forty parents signed up for the evening class.", "signed", "SUPPORT", "phrasal"),
        ("Rising demand for copper lifted the miner's profits.", "demand", "REQUEST", "market"),
        ("The county fairground hosted the spring rodeo on Saturday.", "hosted", "CONSULT", "receipt"),
        ("Anyone with information can call the station on 01632-960123.", "call", "REQUEST", "call-in"),
        ("The governor came to Dayton to discuss the flood repairs.", "discuss", "CONSULT", "own meeting"),
    ],
)
def test_an_everyday_act_is_named(
    everyday_use_of: Callable[[str, str, str], str | None], text: str, word: str, type_: str, why: str
) -> None:
    assert everyday_use_of(text, word, type_) == why


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "type_"),
    [
        ("The Kenyan foreign minister will travel to Addis Ababa next week.", "travel", "AGREE"),
        ("The Chinese premier arrived in Moscow on Monday for two days of talks.", "arrived", "CONSULT"),
        ("The Pope received the Argentine president at the Vatican.", "received", "CONSULT"),
        ("The prime minister met the Irish president in Dublin.", "met", "CONSULT"),
        ("The minister held a meeting with the union leaders on Monday.", "meeting", "CONSULT"),
        ("Tehran warned that it would close the strait to tankers.", "warned", "THREATEN"),
        ("The general warned the rebels that his troops would storm the town.", "warned", "THREATEN"),
        ("The sheriff told the squatters to leave the farm by noon.", "told", "REQUEST"),
        ("The mayor told the water board that it must cut the fees.", "told", "REQUEST"),
        ("Rebels killed two soldiers near the border on Sunday.", "killed", "ASSAULT"),
        ("The government imposed new sanctions on the airline on Monday.", "imposed", "SANCTION"),
        ("The Kenyan president discussed the dam with the Ethiopian prime minister.", "discussed", "CONSULT"),
        ("The union's call for a general strike went unheeded.", "call", "REQUEST"),
        ("Soldiers fired at the crowd outside the governor's office.", "fired", "ASSAULT"),
        ("The two presidents signed a border treaty in Lima.", "signed", "SUPPORT"),
        ("The prime minister hosted his Greek counterpart in Ankara.", "hosted", "CONSULT"),
        ("The rebels repeated their demand for a ceasefire.", "demand", "REQUEST"),
    ],
)
def test_a_political_act_is_kept(
    everyday_use_of: Callable[[str, str, str], str | None], text: str, word: str, type_: str
) -> None:
    assert everyday_use_of(text, word, type_) is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The school board members are meeting on Tuesday at the town library.", "meeting"),
        ("The county clinic received 300 doses of flu vaccine from the state.", "received"),
        ("Economists warned that inflation could climb again this winter.", "warned"),
        ('"Our budget is balanced," the mayor of Dayton insisted.', "insisted"),
    ],
)
def test_everyday_acts_code_no_event_on_the_trigger(
    extract: Callable[..., Document], text: str, trigger: str
) -> None:
    assert not [v for v in extract(text).events if v.trigger.text.split()[0] == trigger]
