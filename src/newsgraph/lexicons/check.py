"""Word lists of the claim check's features (lexicons/check_words.tsv), read by name."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import read_lists


@dataclass(frozen=True)
class CheckWords:
    """One field per list of lexicons/check_words.tsv (why each list exists is said in the file's header)."""

    light_verbs: frozenset[str]
    number_words: dict[str, int]
    scales: dict[str, int]
    vague_amounts: frozenset[str]


@functools.cache
def check_words() -> CheckWords:
    return read_lists("check_words.tsv", CheckWords)
