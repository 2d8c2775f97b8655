"""Word lists of the timex stage's rules (lexicons/timex_rule_words.tsv), read by name.

The words the timex regexes are built from are in timex_words.tsv (read by stages/timex/lexicon.py);
these are the lists the rules consult around a match."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import read_lists


@dataclass(frozen=True)
class TimexRuleWords:
    """One field per list of lexicons/timex_rule_words.tsv (the file's header says why each exists)."""

    past_aux: frozenset[str]
    perfect_aux: frozenset[str]
    present_aux: frozenset[str]
    unit_codes: dict[str, str]
    ambiguous_months: frozenset[str]
    pm_parts: tuple[str, ...]
    a_unit_not_duration: tuple[str, ...]
    part_codes: dict[str, str]
    ordinals: dict[str, int]
    undotted_months: frozenset[str]


@functools.cache
def timex_rule_words() -> TimexRuleWords:
    return read_lists("timex_rule_words.tsv", TimexRuleWords)
