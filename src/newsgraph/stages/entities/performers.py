"""Whether a person is named as a performer (an actress, a singer, a celebrity): someone known beyond the
town of a local story that mentions them, so the story's home is not theirs (homes.py), nor a place they
are "in" (country_evidence.py). home_words.tsv's `performers` lists the words; read:

- right before or after a name: "actress NAME", "NAME, the singer", "NAME, a Hollywood star";
- as the examples of a plural or singular performer noun earlier in the name's sentence: "celebrities such
  as NAME and NAME", "stars like NAME" (`example_openers`). A sentence that opens a list of famous people
  goes on naming famous people, joined by "and" to a clause of its own as often as to the list.
"""

from __future__ import annotations

import functools
import re

from ...lexicons.entities import home_words
from ...model import Entity

# "actress NAME", "NAME, the singer", "NAME, a Hollywood star": a description right before or after a name.
_WORD_BEFORE = re.compile(r"([A-Za-z-]+)[ \t]+$")
_WORDS_AFTER = re.compile(r",[ \t]+(?:the|an?)[ \t]+((?:[\w'-]+[ \t]+){0,2}[\w'-]+)")
# How far back in its sentence the list's noun may stand; the sentence's start is the last full stop,
# question or exclamation mark, or line break before the name.
_LIST_REACH = 300
_SENTENCE_END = re.compile(r"[.!?][\"')]*[ \t]+(?=[A-Z\"'(])|\n")


def is_performer(text: str, e: Entity) -> bool:
    """Whether one of the person's names is described as a performer's (see the module's docstring)."""
    words = home_words().performers
    for m in e.mentions:
        if m.kind != "name":
            continue
        before = _WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
        after = _WORDS_AFTER.match(text, m.end)
        if (before and before.group(1).lower() in words) or (
            after and set(after.group(1).lower().split()) & words
        ):
            return True
        if _listed_as_performer(text, m.start):
            return True
    return False


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _listed_as_performer(text: str, start: int) -> bool:
    """Whether the sentence before `start` holds a performer noun followed by a word that opens its
    examples ("celebrities such as", "stars like", "singers including")."""
    reach = max(0, start - _LIST_REACH)
    opening = reach
    for end in _SENTENCE_END.finditer(text, reach, start + 1):  # the lookahead reads the name's capital
        opening = end.end()
    before = text[opening:start].lower().split()
    performers = home_words().performers
    for i, word in enumerate(before):
        noun = _singular(word.strip(",;:\"'()"))
        if noun not in performers:
            continue
        rest = tuple(before[i + 1 :])
        if any(rest[: len(o)] == o for o in _openers()):
            return True
    return False


@functools.cache
def _openers() -> frozenset[tuple[str, ...]]:
    """home_words' `example_openers`, each as its words ("such as": ("such", "as"))."""
    return frozenset(tuple(o.split()) for o in home_words().example_openers)
