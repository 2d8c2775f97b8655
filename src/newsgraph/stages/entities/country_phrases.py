"""A body's country written right after its name: "ACME Co of PLACE", "ACME of the PLACE" (homes.py gives
it, source `region`). A story of foreign firms abroad names their country so, once, and the dateline's
or the story's home would otherwise be theirs. The place must follow the name, or the name and the
firm's legal form ("Corp", "Co"), directly: "of" further on names the topic or the owner of something
else ("a plant of ACME in PLACE")."""

from __future__ import annotations

import re

from ...lexicons.entities import home_words
from ...model import Entity
from .mentions import is_legal_form

# After a body's name: an optional capitalised word (the firm's legal form, checked below), then "of"
# and an optional "the", then the place.
_OF_PLACE = re.compile(r"(?:[ \t]+([A-Z][A-Za-z]*\.?),?)?[ \t]+of[ \t]+(?:the[ \t]+)?")


def _firm_form(word: str | None) -> bool:
    return word is None or is_legal_form(word) or word.rstrip(".").lower() in home_words().firm_forms


def body_of_place(text: str, e: Entity, places: dict[int, tuple[int, str]]) -> str | None:
    """The country of the place written right after one of a body's names ("ACME Co of PLACE"), when
    every such place lies in one country; `places`: each place name mention's start -> (end, country)."""
    found = set()
    for m in e.mentions:
        if m.kind != "name":
            continue
        gap = _OF_PLACE.match(text, m.end)
        if gap is None or not _firm_form(gap.group(1)):
            continue
        place = places.get(gap.end())
        if place is not None:
            found.add(place[1])
    return found.pop() if len(found) == 1 else None
