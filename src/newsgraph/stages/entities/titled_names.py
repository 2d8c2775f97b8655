"""People the model misses right after their title: "Orthodox Rabbi Daniel Wasserman of ...", "Mayor Ann
Quill said". A capitalised title word (title_phrases.is_title_word), then a given name the names list
knows and a capitalised surname (a middle initial may stand between), the name ending there, is a person
whatever the model made of those words (nothing, a place, a people). The given name must be a known one,
so that "Judge Advocate General" or "Mayor Street" are not read as names, and the word after the
surname must not be capitalised, so that a body named after a titled person ("Judge Roy Hofheinz
Pavilion") is left whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...lexicons.names import is_given_name
from .mentions import Candidate, as_people
from .title_phrases import is_title_word

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Parsed

_WORD = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?")
_INITIAL = re.compile(r"[A-Z]\.")


def titled_names(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """(start, end) tokens of each given name and surname right after a capitalised title word (`tokens`:
    the doc's, made once: Parsed.tokens)."""
    out: list[tuple[int, int]] = []
    for i in range(len(tokens) - 2):
        title, given = tokens[i], tokens[i + 1]
        if not (title.text[:1].isupper() and is_title_word(title)) or "\n" in title.whitespace_:
            continue
        if not (_WORD.fullmatch(given.text) and is_given_name(given.text)) or "\n" in given.whitespace_:
            continue
        end = i + 2
        if _INITIAL.fullmatch(tokens[end].text) and end + 1 < len(tokens):
            end += 1  # "Daniel J. Wasserman"
        surname = tokens[end]
        after = tokens[end + 1] if end + 1 < len(tokens) else None
        if not _WORD.fullmatch(surname.text) or is_title_word(surname):
            continue
        if after is not None and after.text[:1].isupper() and "\n" not in surname.whitespace_:
            continue  # the name runs on: a body named after the person, or a longer name
        out.append((i + 1, end + 1))
    return out


def add_titled_people(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with each titled name no PERSON candidate covers as a PERSON name mention; a
    candidate of another type over it gives way."""
    people = {t for c in candidates if c.type == "PERSON" for t in range(c.tok_start, c.tok_end)}
    titled = titled_names(parsed.tokens)
    return as_people(parsed, candidates, [s for s in titled if not people.intersection(range(*s))])
