"""Storms named like people: "Hurricane Helene", "Typhoon Haiyan", "Cyclone Idai".

The model tags a storm's name as a person (or a place), and the story then names it alone ("Helene moved
north"): a PERSON actor that makes landfall, takes "she" and a country. A storm is no actor. A name right
after a storm word (entity_words' `storm_words`, capitalised as a name's part) is a storm's when it is one
word and a given name or a name the model calls a person: "Hurricane Harbor", a water park, is neither.
Every mention of that name in the story is then dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...lexicons.entities import entity_words
from ...lexicons.names import first_name_gender, is_given_name

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Parsed
    from .mentions import Candidate


def storm_names(tokens: Sequence[Token]) -> set[str]:
    """The one-word names that follow a storm word in the document ("Helene" of "Tropical Storm Helene";
    `tokens`: the doc's, made once: Parsed.tokens)."""
    words = entity_words().storm_words
    names: set[str] = set()
    for i in range(1, len(tokens)):
        tok, prev = tokens[i], tokens[i - 1]
        if prev.text not in words or not tok.text[:1].isupper() or not tok.is_alpha:
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha:
            continue  # "Hurricane Harbor Park", "Typhoon Lagoon Resort": a longer name
        if is_given_name(tok.text) or first_name_gender(tok.text) or tok.ent_type_ == "PERSON":
            names.add(tok.text)
    return names


def drop_storm_names(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates without the mentions of a storm's name."""
    names = storm_names(parsed.tokens)
    if not names:
        return candidates
    return [c for c in candidates if c.text.split()[-1] not in names]  # "Helene", and "Hurricane Helene"
