"""Objects that make a trigger verb no event (lexicons/plover_not_objects.tsv, stages/events/lexicon.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document
from newsgraph.lexicons.events import not_objects


def _events(extract: Callable[..., Document], text: str) -> list[tuple[str, str]]:
    return [(v.type, v.trigger.text) for v in extract(text).events]


def test_the_table_is_read_by_verb() -> None:
    table = not_objects()
    assert "report" in table["release"] and "comment" in table["decline"] and "call" in table["receive"]
    assert all(v == v.lower() for words in table.values() for v in words)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Police in Lagos released a video of the arrest on Monday.",
        "A spokesman for the Kenyan army declined to comment on the raid.",
        "The German foreign ministry declined all comment.",
        "Police in Denver received a call from the French embassy.",
    ],
)
def test_a_listed_object_codes_nothing(extract: Callable[..., Document], text: str) -> None:
    assert not [t for t in _events(extract, text) if t[1] in ("released", "declined", "received")]


@pytest.mark.model
def test_other_objects_still_code_the_event(extract: Callable[..., Document]) -> None:
    assert ("RETREAT", "released") in _events(extract, "The rebels in Mali released two French aid workers.")
    assert ("REJECT", "declined") in _events(extract, "Russia declined the invitation from NATO.")
    assert ("CONSULT", "received") in _events(
        extract, "President Ruto received the Ethiopian prime minister in Nairobi."
    )
