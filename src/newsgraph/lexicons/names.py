"""Given names with the share of women bearing them (lexicons/first_names.tsv, and the rarer ones of
first_names_rare.tsv for a gender only; built by scripts/build_first_names.py from nomquamgender, MIT),
and the gender/number word lists of lexicons/gender_words.tsv, read by name."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal

from . import read_lists, read_table

Gender = Literal["m", "f"]

#: A name counts as a woman's at or above this share of women bearing it, as a man's at or below
#: MALE_AT_MOST; between the two it says nothing. The file keeps only names <= 0.2 or >= 0.8.
FEMALE_AT_LEAST = 0.85
MALE_AT_MOST = 0.15
#: The same for a name that outweighs the text's own pronouns and keeps two namesakes apart ("Michelle"
#: 0.99 does, "Lindsey" 0.90, borne by a well-known senator, does not).
STRONG_FEMALE_AT_LEAST = 0.97
STRONG_MALE_AT_MOST = 0.03


@dataclass(frozen=True)
class GenderWords:
    """One field per list of lexicons/gender_words.tsv (why each list exists is said in the file's header)."""

    male_titles: frozenset[str]
    female_titles: frozenset[str]
    male_nouns: frozenset[str]
    female_nouns: frozenset[str]
    male_pronouns: frozenset[str]
    female_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    group_heads: frozenset[str]
    first_singular: frozenset[str]
    first_plural: frozenset[str]
    quote_marks: frozenset[str]
    credit_phrases: tuple[str, ...]
    headline_small_words: frozenset[str]
    byline_starts: tuple[str, ...]
    vietnamese_family_names: frozenset[str]
    male_middle_names: frozenset[str]
    female_middle_names: frozenset[str]
    female_surname_endings: tuple[str, ...]
    not_female_surnames: frozenset[str]


@functools.cache
def gender_words() -> GenderWords:
    return read_lists("gender_words.tsv", GenderWords)


@functools.cache
def first_names() -> dict[str, float]:
    """Lower-case given name -> share of its bearers who are women."""
    return _shares("first_names.tsv")


@functools.cache
def rare_first_names() -> dict[str, float]:
    """The same for rarer names (first_names_rare.tsv): a person's gender only, never a given name's test."""
    return _shares("first_names_rare.tsv")


@functools.cache
def world_first_names() -> dict[str, float]:
    """The project's own given names of cultures those sources cover thinly (first_names_world.tsv),
    answered like the rare ones: a person's gender only, after them."""
    return _shares("first_names_world.tsv")


def _shares(filename: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for row in read_table(filename, ("name", "p_female")):
        try:
            p = float(row["p_female"])
        except ValueError:
            raise row.error("p_female", f"{row['p_female']!r} is not a number") from None
        if not 0.0 <= p <= 1.0:
            raise row.error("p_female", f"{p} is not between 0 and 1")
        out[row["name"]] = p
    return out


def first_name_gender(name: str, strong: bool = False) -> Gender | None:
    """'m' or 'f' when the given name leans clearly one way (with `strong`, overwhelmingly), else None
    (unknown or ambiguous names). Without `strong`, a name too rare for first_names.tsv answers from
    first_names_rare.tsv, then first_names_world.tsv: fewer bearers, or two annotators' knowledge, say
    less than the sources' counts, so never strongly enough to outweigh the text."""
    key = _fold(name)
    p = first_names().get(key)
    if p is None and not strong:
        p = rare_first_names().get(key)
    if p is None and not strong:
        p = world_first_names().get(key)
    return _lean(p, strong)


def rare_name_gender(name: str) -> Gender | None:
    """The gender of a given name too rare for first_names.tsv that first_names_rare.tsv says nearly all
    bearers share (as `first_name_gender` with `strong`), None for any other name."""
    key = _fold(name)
    return None if key in first_names() else _lean(rare_first_names().get(key), strong=True)


def middle_name_gender(words: list[str]) -> Gender | None:
    """The gender a Vietnamese full name's middle name says ("Nguyen Van Hung" 'm', "Tran Thi Lan" 'f';
    gender_words.tsv), for a name of three words or more that opens with a family name; else None."""
    if len(words) < 3:
        return None
    lists = gender_words()
    folded = [_fold(w) for w in words]
    if folded[0] not in lists.vietnamese_family_names:
        return None
    return _gender_in(folded[1], lists.male_middle_names, lists.female_middle_names)


def surname_gender(surname: str) -> Gender | None:
    """'f' for a surname with an ending only women's surnames have (gender_words.tsv
    female_surname_endings: "Petrova", "Kowalska", "Jonsdottir"), else None: a surname of this form says
    nothing of a man."""
    folded = _fold(surname)
    lists = gender_words()
    if len(folded) < 5 or folded in lists.not_female_surnames:
        return None
    return "f" if folded.endswith(lists.female_surname_endings) else None


def world_name_gender(name: str) -> Gender | None:
    """The gender of a given name of the project's own list of names of thinly covered cultures
    (first_names_world.tsv: two annotators agreed on it, 9 in 10 of its bearers or more), None for any
    other name."""
    return _lean(world_first_names().get(_fold(name)), strong=False)


def _lean(p: float | None, strong: bool) -> Gender | None:
    """'f' or 'm' when the share of women `p` leans clearly (with `strong`, overwhelmingly) one way."""
    if p is None:
        return None
    if p >= (STRONG_FEMALE_AT_LEAST if strong else FEMALE_AT_LEAST):
        return "f"
    if p <= (STRONG_MALE_AT_MOST if strong else MALE_AT_MOST):
        return "m"
    return None


def is_given_name(name: str) -> bool:
    """`name` is a given name the names list knows, of either gender."""
    return _fold(name) in first_names()


def is_any_given_name(name: str) -> bool:
    """`name` is a given name one of the three lists knows (first_names.tsv, the rare and the world ones),
    whatever gender it leans to: a word people bear as a given name, for telling a person's name from a
    body's."""
    key = _fold(name)
    return key in first_names() or key in rare_first_names() or key in world_first_names()


def title_gender(word: str) -> Gender | None:
    """The gender a title before a name says ("Mr." -> 'm', "Queen" -> 'f'), else None."""
    words = gender_words()
    return _gender_in(word.lower().rstrip("."), words.male_titles, words.female_titles)


def noun_gender(word: str) -> Gender | None:
    """The gender a description's head noun says ("spokeswoman" -> 'f'), else None."""
    words = gender_words()
    return _gender_in(word.lower(), words.male_nouns, words.female_nouns)


def pronoun_gender(word: str) -> Gender | None:
    """The gender a third-person pronoun says ("he" -> 'm', "Her" -> 'f'), else None ("they", "it")."""
    words = gender_words()
    return _gender_in(word.lower(), words.male_pronouns, words.female_pronouns)


def _gender_in(key: str, male: frozenset[str], female: frozenset[str]) -> Gender | None:
    """'m' when key is in the male list, else 'f' when in the female one, else None."""
    if key in male:
        return "m"
    if key in female:
        return "f"
    return None


def _fold(name: str) -> str:
    """nomquamgender's own key form: lower case, accents dropped (the build kept ASCII names only)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", name.lower().strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
