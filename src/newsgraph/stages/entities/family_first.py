"""Korean names, family name first and a hyphenated given name: "Son Heung-min", "Hwang Hee-chan".

The model knows the shape when the family name is one it has seen as a name ("Moon Jae-in", "Park Ji-sung"),
but a family name that is also an English word ("Son", "Song", "Ha") it leaves out ("Heung-min" PERSON) or
takes the whole name for nothing. Then the person loses what the family name tells (the knowledge base's
entry, the name's country) and a later "Son" is no one's. A short capitalised word right before a given
name of that shape is the family name, when the given name is one the model took for a person or a names
list knows ("Heung-min"), and the word is no function word, title or month. The family name written
alone later ("Son said") is a mention of a person too, where it acts as a name does (`_NAME_ROLES`);
grouping joins it to the full name.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.names import gender_words, is_any_given_name
from ...lexicons.timex import time_words
from .mentions import Candidate, as_people

if TYPE_CHECKING:
    from ..base import Parsed

# A family name of one syllable as romanised (Kim, Son, Hwang), a space, a given name of two syllables
# joined by a hyphen, the second in lower case (Heung-min, Jae-in).
_NAME = re.compile(r"\b(?P<family>[A-Z][a-z]{1,4}) (?P<given>[A-Z][a-z]{1,5}-[a-z]{1,5})\b")
# What a name alone does in its sentence: a subject, an object, an owner ("Son's goal"), in apposition.
_NAME_ROLES = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj", "attr"})


def add_family_first_names(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with each name of the module's shape a PERSON name mention (a candidate over its given
    name alone, or running past it, gives way)."""
    doc = parsed.doc
    people = {c.text for c in candidates if c.type == "PERSON" and c.kind == "name"}
    exact = {(c.start, c.end) for c in candidates if c.type == "PERSON"}
    spans = []
    for m in _NAME.finditer(parsed.text):
        family, given = m.group("family"), m.group("given")
        if (m.start(), m.end()) in exact or not (given in people or is_any_given_name(given)):
            continue
        word = doc.char_span(m.start("family"), m.end("family"))
        if word is None or word[0].is_stop or family.lower() in _not_family_names():
            continue
        span = doc.char_span(m.start(), m.end())
        if span is not None:
            spans.append((span.start, span.end))
    spans += _family_names_alone(parsed, candidates, spans)
    return as_people(parsed, candidates, spans) if spans else candidates


def _family_names_alone(
    parsed: Parsed, candidates: list[Candidate], found: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Token spans of a family name written alone after the full name ("Son said", "Park later worked"),
    which the model leaves out where it reads a word: as a subject, an object or an owner, not followed by
    another name."""
    doc = parsed.doc
    named = [(a, doc[a].text) for a, _ in found]
    named += [
        (c.tok_start, c.text.split()[0]) for c in candidates if c.type == "PERSON" and _NAME.fullmatch(c.text)
    ]
    if not named:
        return []
    covered = {i for c in candidates for i in range(c.tok_start, c.tok_end)} | {
        i for a, b in found for i in range(a, b)
    }
    out = []
    for i, tok in enumerate(doc):
        first = min((a for a, family in named if family == tok.text), default=None)
        if first is None or i <= first or i in covered or tok.dep_ not in _NAME_ROLES:
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        if after is not None and (after.is_title or after.text == "-"):
            continue
        if i > 0 and doc[i - 1].pos_ in ("DET", "ADJ"):
            continue  # "the Song", "a new Park": the word, not the name
        out.append((i, i + 1))
    return out


@functools.cache
def _not_family_names() -> frozenset[str]:
    """Titles ("Dr", "Gen"), gendered ones ("Mr", "Lady") and months, in lower case."""
    words = gender_words()
    titles = {*lexicons.titles(), *words.male_titles, *words.female_titles}
    return frozenset(t.lower().rstrip(".") for t in titles) | frozenset(time_words().of("month"))
