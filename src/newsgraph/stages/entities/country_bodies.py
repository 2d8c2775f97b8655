"""Bodies named by a country and what they are in charge of: "Transport Malta", "Athletics Kenya", "Sri Lanka
Cricket", "Statistics Canada"; and a firm's branch named by its acronym and the country: "MTN Nigeria",
"IDA Ireland".

The model knows the country's name and often tags it alone ("Malta" GPE of "Transport Malta said"), or
takes the whole for a person ("IDA Ireland" PERSON). The body then is not found at all, or its "said"
goes to the country's government. A country the gazetteer knows, with a capitalised word of a field
(entity_words.tsv `country_fields`) right before or after it, or an acronym of two to five capitals right
before it (not a gazetteer name itself: "US", "EU"), in one sentence, is one ORG name with it. The country
stage then gives the body the country its name holds.
"""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING

from ...lexicons.entities import entity_words
from .mentions import Candidate, gazetteer_index

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..base import Parsed

_ACRONYM = re.compile(r"[A-Z]{2,5}")


def add_country_bodies(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with each country name that a field word or an acronym beside it makes a body's
    (see the module's docstring) replaced by an ORG name candidate over both, and each whole name of that
    shape the model typed otherwise typed ORG."""
    doc = parsed.doc
    spans: list[tuple[int, int]] = []
    for c in candidates:
        if c.kind != "name" or c.kb is None or not c.kb.startswith("country:"):
            continue
        start, end = c.tok_start, c.tok_end
        if start > 0 and _beside(doc[start - 1], doc[start:end], before=True):
            spans.append((start - 1, end))
        elif end < len(doc) and _beside(doc[end], doc[start:end], before=False):
            spans.append((start, end + 1))
    out = [_retyped(c) for c in candidates]
    if not spans:
        return out
    taken = {i for a, b in spans for i in range(a, b)}
    kept = [c for c in out if not taken.intersection(range(c.tok_start, c.tok_end))]
    added = [Candidate.from_span(parsed, doc[a:b], "ORG", "name") for a, b in spans]
    return sorted([*kept, *added], key=lambda c: c.start)


def _beside(word: Token, country: Span, before: bool) -> bool:
    """Whether `word`, right before (or after) the country's name, names a body with it: not in a headline
    in capitals ("ROMANIA BEAT LITHUANIA", "THE U.S. OPEN"), nor when the two only qualify a noun after
    them ("1.2 bln SKR China order")."""
    head = country[-1]
    if word.sent.start != head.sent.start or head.is_upper or head.dep_ == "compound":
        return False
    if (word.whitespace_ if before else head.whitespace_) != " ":
        return False
    if word.is_title and word.lower_ in entity_words().country_fields:
        return True
    return before and bool(_ACRONYM.fullmatch(word.text)) and word.text not in gazetteer_index()


def _retyped(c: Candidate) -> Candidate:
    """A whole name "FIELD Country", "Country FIELD" or "ACRONYM Country" the model typed a person or place,
    typed ORG."""
    words = c.text.split()
    if c.kind != "name" or c.type == "ORG" or len(words) < 2:
        return c
    fields = entity_words().country_fields
    first, last = words[0], words[-1]
    field_first = first.istitle() and first.lower() in fields and _country(words[1:])
    field_last = last.istitle() and last.lower() in fields and _country(words[:-1])
    acronym = bool(_ACRONYM.fullmatch(first)) and first not in gazetteer_index() and _country(words[1:])
    return dataclasses.replace(c, type="ORG", kb=None) if field_first or field_last or acronym else c


def _country(words: list[str]) -> bool:
    known = gazetteer_index().get(" ".join(words))
    return known is not None and known[1].startswith("country:")
