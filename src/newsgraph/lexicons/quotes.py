"""Word lists of the quotes stage (lexicons/quote_words.tsv), read by name."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import read_lists


@dataclass(frozen=True)
class QuoteWords:
    """One field per list of lexicons/quote_words.tsv (why each list exists is said in the file's header)."""

    aside_marks: frozenset[str]
    object_preps: frozenset[str]
    attitude_preps: frozenset[str]
    tied_preps: frozenset[str]
    noun_preps: frozenset[str]
    bare_objects: frozenset[str]
    setting_preps: frozenset[str]
    medium_preps: frozenset[str]
    occasion_preps: frozenset[str]
    headline_small_words: frozenset[str]


@functools.cache
def quote_words() -> QuoteWords:
    return read_lists("quote_words.tsv", QuoteWords)
