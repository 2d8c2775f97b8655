"""Word lists of the timex stage's rules (lexicons/timex_rule_words.tsv), read by name.

The words the timex regexes are built from are in timex_words.tsv (read by stages/timex/lexicon.py);
these are the lists the rules consult around a match."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import read_lists, read_table


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
    counted_back_or_ahead: frozenset[str]
    part_codes: dict[str, str]
    ordinals: dict[str, int]
    last_ordinals: frozenset[str]
    undotted_months: frozenset[str]
    timeml_quantifiers: dict[str, str]  # word -> TIMEX3 mod of a duration, in file order
    number_only_quantifiers: frozenset[str]
    timeml_positions: dict[str, str]  # word -> START/MID/END, in file order
    part_of_positions: dict[str, str]
    prefix_positions: dict[str, str]
    point_mods: dict[str, str]  # a duration's mod -> the mod of a point ("... ago", a clock time)
    timeml_comparatives: tuple[str, ...]
    trailing_bounds: dict[str, str]  # "or less" -> EQUAL_OR_LESS: a bound after a count of time
    count_suffixes: dict[str, str]  # "plus" -> MORE_THAN: "20-plus years", "a decade-plus"
    counted_from_now: tuple[str, ...]
    year_ago_adjectives: frozenset[str]
    periodical_words: frozenset[str]
    periodical_kinds: frozenset[str]
    fraction_measures: frozenset[str]


@functools.cache
def timex_rule_words() -> TimexRuleWords:
    return read_lists("timex_rule_words.tsv", TimexRuleWords)


# ---------------------------------------------------------------- the timex tables


@dataclass(frozen=True)
class TimeWords:
    """Each class of lexicons/timex_words.tsv as lower-cased word -> value."""

    classes: dict[str, dict[str, str]]

    def of(self, cls: str) -> dict[str, str]:
        return self.classes.get(cls, {})


@functools.cache
def time_words() -> TimeWords:
    classes: dict[str, dict[str, str]] = {}
    for r in read_table("timex_words.tsv", ("class", "word", "value")):
        # the class column comes first so the file reads as grouped lists
        classes.setdefault(r["class"], {})[r["word"].lower()] = r["value"]
    return TimeWords(classes)


@functools.cache
def phrases() -> dict[str, tuple[str, str]]:
    """Lower-cased fixed phrase -> (type, value)."""
    return {
        r["phrase"].lower(): (r["type"], r["value"])
        for r in read_table("timex_phrases.tsv", ("phrase", "type", "value"))
    }


@functools.cache
def holidays() -> dict[str, str]:
    """Holiday name as written -> rule."""
    return {r["name"]: r["rule"] for r in read_table("timex_holidays.tsv", ("name", "rule"))}


@functools.cache
def cues() -> dict[str, frozenset[str]]:
    """Cue class -> lower-cased words."""
    out: dict[str, set[str]] = {}
    for r in read_table("timex_cues.tsv", ("word", "class")):
        out.setdefault(r["class"], set()).add(r["word"].lower())
    return {k: frozenset(v) for k, v in out.items()}
