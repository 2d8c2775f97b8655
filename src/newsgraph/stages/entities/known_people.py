"""People the model misses whom the knowledge base knows by their full name (issue 14): "NAPIER, New
Zealand, Jan 19 - Jacinda Ardern said ..." (the model read the dateline's date and the name after it as
one date and left the name out).

A run of two or three capitalised words that no mention covers, with no capitalised word right before or
after it (a longer name or a body named after a person: "George Washington University"), is a person when
the knowledge base holds a person under exactly that name form. Only where the model found nothing: a
name it typed a body or a place is retype_known_people's to judge (kb_link.py), with the article's date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .mentions import Candidate, as_people

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ...kb import ActorKB
    from ..base import Parsed

# A word of a personal name: a capital, then small letters (accented ones too), an inner hyphen or
# apostrophe ("Jean-Claude", "O'Neill").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))+")
_LENGTHS = (3, 2)


def _name_word(text: str) -> bool:
    return text[:1].isupper() and not text.isupper() and _WORD.fullmatch(text) is not None


def known_people(doc: Doc, kb: ActorKB, covered: set[int]) -> list[tuple[int, int]]:
    """(start, end) tokens of each run of name words no mention covers that the knowledge base knows in
    full as a person."""
    # Each token's shape once (a slice of the Doc per window would cost more than the whole test).
    words = [t.text for t in doc]
    named = [_name_word(w) and i not in covered for i, w in enumerate(words)]
    breaks = ["\n" in t.whitespace_ for t in doc]
    capital = [w[:1].isupper() and w.isalpha() for w in words]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        found = None
        for n in _LENGTHS:
            end = i + n
            if end > len(words) or not all(named[i:end]) or any(breaks[i : end - 1]):
                continue
            if (i > 0 and capital[i - 1]) or (end < len(words) and capital[end]):
                continue
            matches = kb.lookup(doc[i:end].text)
            if any(m.how == "name" and m.actor.type == "PERSON" for m in matches):
                found = (i, end)
                break
        if found is not None:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


def add_known_people(parsed: Parsed, candidates: list[Candidate], kb: ActorKB) -> list[Candidate]:
    """The candidates with each person `known_people` finds as a PERSON name mention."""
    covered = {t for c in candidates for t in range(c.tok_start, c.tok_end)}
    return as_people(parsed, candidates, known_people(parsed.doc, kb, covered))
