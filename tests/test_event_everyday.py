"""Everyday uses of event words code no event (stages/events/everyday.py, lexicons/event_everyday.tsv;
docs/annotation.md 2: `non-political`, `figurative`). Every sentence here is written for the test."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsgraph import Document
from newsgraph.lexicons.events import everyday_words


def _events(extract: Callable[..., Document], text: str) -> list[tuple[str, str]]:
    return [(v.type, v.trigger.text) for v in extract(text).events]


def test_the_lists_are_read_and_lower_case() -> None:
    words = everyday_words()
    assert "car" in words.mishap_agents and "beat" in words.contest_verbs and "hospital" in words.care_words
    assert "ACCUSE" in words.sports_story_kept and "theater" in words.figurative_objects
    for name in ("mishap_agents", "contest_nouns", "market_nouns", "figurative_modifiers", "weapon_words"):
        assert all(w == w.lower() for w in getattr(words, name)), name


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "type_", "why"),
    [
        ("The visitors beat the hosts 2-1 in Sunday's league game.", "beat", "ASSAULT", "contest"),
        ("The sitting mayor defeated her challenger by 412 votes.", "defeated", "ASSAULT", "contest"),
        ("A delivery truck struck a cyclist on Elm Street on Tuesday.", "struck", "ASSAULT", "mishap"),
        (
            "A retired teacher was killed in a traffic accident near the bridge.",
            "killed",
            "ASSAULT",
            "mishap",
        ),
        ("The pickup left the road and hit a tree.", "hit", "ASSAULT", "mishap"),
        ("A kitchen fire killed a man, 84, in Dayton.", "killed", "ASSAULT", "mishap"),
        ("Strong winds and hail hit the county on Monday.", "hit", "ASSAULT", "mishap"),
        ("The injured driver was admitted to the county hospital on Friday.", "admitted", "RETREAT", "care"),
        (
            "Anyone who saw the theft is asked to call Sergeant Ruiz at 555-201-7788.",
            "asked",
            "REQUEST",
            "call-in",
        ),
        (
            "The chain warned shareholders that profits would shrink this year.",
            "warned",
            "THREATEN",
            "market",
        ),
        ("Copper prices retreated on Wednesday as demand cooled.", "retreated", "RETREAT", "market"),
        ("Her second film hits theaters across the country next week.", "hits", "ASSAULT", "figurative"),
        ("Reporters asked the mayor why he vetoed the budget.", "asked", "REQUEST", "question"),
        (
            "Asked to comment on the ruling, a ministry spokesman said nothing.",
            "Asked",
            "REQUEST",
            "question",
        ),
        ("Two guards, who asked not to be named, told reporters.", "asked", "REQUEST", "question"),
        ('"Can you help us?" the woman asked.', "asked", "REQUEST", "question"),
        (
            "The two ferry operators are locked in a price war on the island route.",
            "war",
            "ASSAULT",
            "figurative",
        ),
        ("The columnist called the new rule an attack on common sense.", "attack", "ASSAULT", "figurative"),
        (
            "The couple have been fighting a custody battle for three years.",
            "fighting",
            "ASSAULT",
            "figurative",
        ),
    ],
)
def test_an_everyday_use_is_named(
    everyday_use_of: Callable[[str, str, str], str | None], text: str, word: str, type_: str, why: str
) -> None:
    assert everyday_use_of(text, word, type_) == why


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "word", "type_"),
    [
        ("Militiamen beat two farmers near the border post on Sunday.", "beat", "ASSAULT"),
        ("The army defeated the rebels in the hills east of the capital.", "defeated", "ASSAULT"),
        ("A gunman struck a cyclist with a rifle butt on Elm Street.", "struck", "ASSAULT"),
        ("A police truck struck a landmine near the village, killing four officers.", "killing", "ASSAULT"),
        ("Two soldiers were killed in an air strike on the base.", "killed", "ASSAULT"),
        ("Israeli fire killed two men near the fence.", "killed", "ASSAULT"),
        ("Police fire killed a protester in the square.", "killed", "ASSAULT"),
        ("The navy sent two hospital ships to the island after the earthquake.", "sent", "AID"),
        ("Tehran warned that it would close the strait to tankers.", "warned", "THREATEN"),
        ("Lebanon asked the United Nations to send more peacekeepers.", "asked", "REQUEST"),
        ("Tonga asked Australia for water and tents.", "asked", "REQUEST"),
        ("Rebel fighters attacked an army convoy near the river.", "attacked", "ASSAULT"),
        ("The storm forced the government to evacuate the coast.", "evacuate", "AID"),
    ],
)
def test_a_political_use_is_kept(
    everyday_use_of: Callable[[str, str, str], str | None], text: str, word: str, type_: str
) -> None:
    assert everyday_use_of(text, word, type_) is None


@pytest.mark.model
def test_a_sports_story_is_known_by_its_headline(nlp: Any) -> None:
    from newsgraph.stages.events.everyday import is_sports_story

    assert is_sports_story(nlp("RUGBY - LIONS BEAT HOSTS IN OPENER . The Lions won on Saturday ."))
    assert is_sports_story(nlp("Girls volleyball: Eagles sweep the Hawks. The Eagles won in three sets."))
    assert not is_sports_story(nlp("Arab League - ministers meet in Cairo. They met on Monday."))
    assert not is_sports_story(nlp("The league of mayors met on Monday. They talked."))


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Eastfield beat Northgate 3-1 in the county cup final on Saturday.", "beat"),
        ("A pickup truck struck and killed a pedestrian in Dayton on Monday.", "killed"),
        ("Police said a tanker truck struck a school bus near Lyon on Friday.", "struck"),
        ("The Dayton man was flown to Miami Valley Hospital with burns.", "flown"),
        ("The retailer warned investors on Monday that profits would fall sharply.", "warned"),
        ("The shop donated the proceeds to the Red Cross.", "donated"),
        ("The proceeds were donated to the Red Cross by the bakery.", "donated"),
        ("Figures released by the Ohio health department show a rise in flu cases.", "released"),
        ("Asked to comment on the ruling, a Kenyan ministry spokesman said nothing.", "Asked"),
        ("The names of the two victims were not released by police on Sunday.", "released"),
    ],
)
def test_everyday_news_codes_no_event_on_the_trigger(
    extract: Callable[..., Document], text: str, trigger: str
) -> None:
    assert not [t for t in _events(extract, text) if t[1].split()[0] == trigger]


@pytest.mark.model
def test_the_same_words_still_code_political_events(extract: Callable[..., Document]) -> None:
    assert ("ASSAULT", "killed") in _events(
        extract, "Rebels in Mali killed two French soldiers in Gao on Monday."
    )
    assert ("THREATEN", "warned") in _events(
        extract, "Iran warned the United States that it would close the Strait of Hormuz."
    )
    assert ("RETREAT", "released") in _events(extract, "The rebels in Mali released two French aid workers.")
