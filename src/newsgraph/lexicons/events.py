"""Word lists of the events stage (lexicons/event_words.tsv), read by name."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import read_lists


@dataclass(frozen=True)
class EventWords:
    """One field per list of lexicons/event_words.tsv (why each list exists is said in the file's header)."""

    target_preps: tuple[str, ...]
    place_preps: tuple[str, ...]
    relative_pronouns: tuple[str, ...]
    state_bodies: tuple[str, ...]
    intent_nouns: tuple[str, ...]
    first_person: tuple[str, ...]
    hypothetical_modals: tuple[str, ...]
    negating_verbs: tuple[str, ...]
    background_marks: tuple[str, ...]
    protests: tuple[str, ...]
    eventive_heads: tuple[str, ...]
    speech_nouns: tuple[str, ...]
    demanding_verbs: tuple[str, ...]
    not_met: tuple[str, ...]
    promises: tuple[str, ...]
    light_verb_preps: tuple[str, ...]


@functools.cache
def event_words() -> EventWords:
    return read_lists("event_words.tsv", EventWords)
