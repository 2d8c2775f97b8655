"""Word lists of the claim check's features (lexicons/check_words.tsv), read by name."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import read_lists, read_table, titles


@dataclass(frozen=True)
class CheckWords:
    """One field per list of lexicons/check_words.tsv (why each list exists is said in the file's header)."""

    light_verbs: frozenset[str]
    number_words: dict[str, int]
    scales: dict[str, int]
    vague_amounts: frozenset[str]
    amount_ranges: dict[str, str]
    approximators: frozenset[str]
    lower_bounds: frozenset[str]
    upper_bounds: frozenset[str]
    negating_verbs: frozenset[str]
    modal_words: frozenset[str]
    implicative_verbs: frozenset[str]
    org_generic_words: frozenset[str]


@functools.cache
def check_words() -> CheckWords:
    return read_lists("check_words.tsv", CheckWords)


# ---------------------------------------------------------------- word classes and antonyms


@functools.cache
def word_classes() -> dict[str, str]:
    """Lemma -> closed class (colour, weekday, ordinal ...), plus the one-word titles of titles.tsv as the
    class "title" (a claim's "chief executive" where the sources say "founder")."""
    classes = {t: "title" for t in titles() if " " not in t}
    classes.update(
        {r["word"].lower(): r["class"] for r in read_table("check_classes.tsv", ("class", "word"))}
    )
    return classes


@functools.cache
def antonyms() -> dict[str, frozenset[str]]:
    pairs: dict[str, set[str]] = {}
    for r in read_table("check_antonyms.tsv", ("word", "antonym")):
        a, b = r["word"], r["antonym"]
        pairs.setdefault(a.lower(), set()).add(b.lower())
        pairs.setdefault(b.lower(), set()).add(a.lower())
    return {k: frozenset(v) for k, v in pairs.items()}
