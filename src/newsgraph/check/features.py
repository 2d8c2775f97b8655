"""What the claim check compares, read off a parsed text: content words, numbers, names, dates, negation.

Everything here is per sentence (or per claim span) so that evidence can be pointed at by offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicons import country_by_code, country_by_demonym, country_by_name
from ..lexicons.check import antonyms as antonyms  # re-exported: the checker and tests read them here
from ..lexicons.check import check_words
from ..lexicons.check import word_classes as word_classes
from ..model import Document, Entity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

_WORDS = check_words()  # the word lists this module uses, from lexicons/check_words.tsv

CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"})
#: Words too common in claims to say anything about support (reporting verbs, light verbs).
LIGHT_VERBS = _WORDS.light_verbs

_UNITS = _WORDS.number_words
_SCALES = _WORDS.scales
# "hundreds of", "dozens of": vague amounts, compared as words.
_VAGUE = _WORDS.vague_amounts
_DIGITS = re.compile(r"^\d[\d,]*(\.\d+)?$")
# "5bn", "3.5m", "200k": a figure with its scale glued on, as business news writes it.
_SCALED = re.compile(r"^(\d[\d,]*(?:\.\d+)?)(k|m|mn|mln|b|bn|tn|trn)$", re.IGNORECASE)
_SUFFIX_SCALE = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}


@dataclass(frozen=True)
class Number:
    """An amount in the text: its value (None for vague amounts like "hundreds") and its words."""

    value: float | None
    text: str
    start: int
    end: int


def number_value(words: list[str]) -> float | None:
    """The value of a run of number words and digits ("1,500", "3.5 million", "twenty-one")."""
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        for w in raw.lower().split("-"):
            scaled = _SCALED.match(w)
            if _DIGITS.match(w):
                current += float(w.replace(",", ""))
            elif scaled:
                current += float(scaled.group(1).replace(",", "")) * _SUFFIX_SCALE[scaled.group(2).lower()]
            elif w in _UNITS:
                current += _UNITS[w]
            elif w in _SCALES:
                current = (current or 1) * _SCALES[w]
                if _SCALES[w] >= 1000:
                    total, current = total + current, 0.0
            elif w == "and":
                continue
            else:
                return None
            seen = True
    return total + current if seen else None


def numbers(tokens: SpacySpan, skip: frozenset[int]) -> list[Number]:
    """Amounts in a span, leaving out tokens inside time expressions (`skip`: token indices)."""
    out: list[Number] = []
    run: list[Token] = []

    def close() -> None:
        if run:
            words = [t.text for t in run]
            value = number_value(words)
            text = " ".join(words)
            if value is not None or text.lower() in _VAGUE:
                out.append(Number(value, text.lower(), run[0].idx, run[-1].idx + len(run[-1].text)))
            run.clear()

    for t in tokens:
        numeric = t.like_num or t.lower_ in _SCALES or _SCALED.match(t.text) or (t.lower_ == "and" and run)
        if t.i not in skip and (numeric or (t.lower_ in _VAGUE and t.pos_ in ("NOUN", "ADJ", "NUM"))):
            run.append(t)
        else:
            close()
    close()
    return out


def same_number(a: Number, b: Number) -> bool:
    if a.value is None or b.value is None:
        return a.text == b.text
    return abs(a.value - b.value) <= 0.005 * max(abs(a.value), abs(b.value), 1.0)


def content_lemmas(tokens: SpacySpan) -> list[Token]:
    return [
        t
        for t in tokens
        if t.pos_ in CONTENT_POS and not t.is_stop and not t.is_punct and t.lemma_.lower() not in LIGHT_VERBS
    ]


def is_negated(token: Token) -> bool:
    """A verb (or the verb of a copula) with "not", "never", "no" among its dependents."""
    return any(
        c.dep_ == "neg" or (c.lower_ in ("never", "no") and c.dep_ in ("det", "advmod"))
        for c in token.children
    )


def entity_keys(entity: Entity) -> frozenset[str]:
    """How an entity can be found in another text: its names, a person's surname, a country's code."""
    keys: set[str] = set()
    for n in (entity.name, *entity.aliases):
        keys.add("name:" + n.casefold().removeprefix("the "))
    if entity.type == "PERSON":
        keys.add("surname:" + entity.name.split()[-1].casefold())
    country = country_of_name(entity.name) if entity.type in ("GPE", "LOC", "ORG") else None
    if country:
        keys.add("country:" + country)
    return frozenset(keys)


def country_of_name(name: str) -> str | None:
    c = country_by_name().get(name.removeprefix("the ")) or country_by_demonym().get(name)
    return c.iso3 if c else None


def country_name(iso3: str) -> str:
    c = country_by_code().get(iso3)
    return c.name if c else iso3


def name_entities(doc: Document) -> list[Entity]:
    """Entities the text names (not only refers to with a pronoun or a description)."""
    return [e for e in doc.entities if any(m.kind in ("name", "demonym") for m in e.mentions)]
