"""A firm's names within one document (grouping.py asks): the legal name, its bare own word, and the core
of an organisation's name without its generic tail.

- "Cofinec" of "Cofinec S.A.", "Ericsson" of "LM Ericsson AB": a legal name (a legal form at its end) and
  its own word, whatever the model typed each.
- "Brandel" of "Brandel Industries Inc", "Daeyang" of "Daeyang Electronics Co": the firm's own word before
  trade words (entity_words' firm_words and firm_trade_words).
- "Crestline" of "Crestline Health Technologies" (forty-second session): a coined word before trade words,
  with no legal form, when the word is no surname of a person the story names, no given name and no big
  city's name.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import entity_words
from ...lexicons.names import is_given_name
from .mentions import Candidate
from .place_countries import places_named

if TYPE_CHECKING:
    from .cluster import Cluster

_WORDS = entity_words()

# Words dropped from the end of an organisation's name when names are compared (entity_words' org_tails:
# "Wagner Group" = "Wagner"), and the words that join a legal form to it ("Merck & Co., Inc.", "Smith and
# Company"): dropped with it.
_ORG_TAILS = frozenset({*_WORDS.org_tails, "&", "and", "co"})
_ACRONYM_SKIP = _WORDS.acronym_skip
_FIRM_WORDS = _WORDS.firm_words
_TRADE_WORDS = _FIRM_WORDS | _WORDS.firm_trade_words
# Legal forms written in lower case after a capital ("Inc", "Co", "Plc"); one in capitals or with a period
# ("AB", "S.A.") is one by its shape.
_LOWER_LEGAL_TAILS = ("inc", "ltd", "corp", "co", "plc", "llc", "gmbh", "bhd")
# A coined word that is a city of this size is the city ("Dunedin" of "Dunedin Foods"), not the firm.
_BIG_TOWN = 100_000
_TOWNS = ("city", "adm1", "adm2")


@functools.lru_cache(maxsize=8192)  # asked for every organisation mention against every cluster
def org_core(key: str) -> str:
    words = key.split()
    while len(words) > 1 and words[-1].rstrip(",") in _ORG_TAILS:
        words.pop()
    if words:
        words[-1] = words[-1].rstrip(",")  # "Moderna, Inc." is Moderna
    return " ".join(words)


def _without_initials(core: str) -> str:
    """A firm's name without the initials before it ("lm ericsson" -> "ericsson"), as a bare short form."""
    words = core.split()
    while len(words) > 1 and len(words[0]) <= 3 and words[0].isalpha() and words[0] not in _ACRONYM_SKIP:
        words.pop(0)
    return " ".join(words)


# The last words of a firm's legal name ("S.A.", "AB", "Inc."): a sign that a bare word is the firm.
def legal_tail(m: Candidate) -> bool:
    return _legal_tail_of(m.text, m.key)


# Both firm tests run for every mention against every name before it, and depend on the texts alone.
@functools.lru_cache(maxsize=8192)
def _legal_tail_of(text: str, key: str) -> bool:
    last = text.split()[-1]
    return org_core(key) != key and (last.isupper() or "." in last or last.lower() in _LOWER_LEGAL_TAILS)


def firm_forms(full: Candidate, bare: Candidate) -> bool:
    """`bare` is one word, the short form of a firm's legal name `full`: "Cofinec" of "Cofinec S.A.",
    "Ericsson" of "LM Ericsson AB" (initials before the name dropped, when `full` has a legal tail)."""
    return _firm_forms_of(full.text, full.key, bare.key)


@functools.lru_cache(maxsize=8192)
def _firm_forms_of(full_text: str, full_key: str, bare_key: str) -> bool:
    if " " in bare_key or not _legal_tail_of(full_text, full_key):
        return False
    core = org_core(full_key)
    if bare_key in (core, _without_initials(core)):
        return True
    # "Brandel" of "Brandel Industries Inc": the firm's own word before trade words (entity_words'
    # firm_words); never a title ("General" of "General Motors Corp" is a rank before a name).
    words = _without_initials(core).split()
    return (
        len(words) > 1
        and words[0] == bare_key
        and all(w in _TRADE_WORDS for w in words[1:])
        and bare_key not in lexicons.titles()
    )


def firm_of(clusters: list[Cluster], m: Candidate) -> Cluster | None:
    """The cluster of a firm that `m` names by its legal name or its bare word, across the model's types
    (a person, place or body; never a gazetteer place or a person with a full name)."""
    if m.kb is not None or m.kind != "name" or m.type not in ("PERSON", "ORG", "GPE", "LOC"):
        return None
    if " " in m.key and not legal_tail(m):
        return None  # neither a bare word nor a legal name: no pair of forms can hold (firm_forms)
    for c in reversed(clusters):
        if c.kb is not None or c.type not in ("PERSON", "ORG", "GPE", "LOC"):
            continue
        if c.type == "PERSON" and any(" " in n.key for n in c.names):
            continue
        if any(firm_forms(n, m) or firm_forms(m, n) for n in c.names):
            return c
        if c.type == "ORG" and any(_coined_firm_word(n.key, m.key) for n in c.names):
            return c if _bare_word_of_no_person(clusters, m) else None
    return None


def hyphened_firm_of(clusters: list[Cluster], m: Candidate) -> Cluster | None:
    """The latest body named by hyphened words whose first is `m`'s one word: "Freeport" of
    "Freeport-McMoRan", "Harley" of "Harley-Davidson" (a story names such a firm by its first word after
    naming it in full, and the model takes that word for a town, a person or another body)."""
    if m.kind != "name" or m.code or " " in m.key or len(m.key) < 3 or not m.text[:1].isupper():
        return None
    for c in reversed(clusters):
        if c.type == "ORG" and any(_hyphened_first(n.text) == m.key for n in c.names):
            return c
    return None


@functools.lru_cache(maxsize=4096)
def _hyphened_first(name: str) -> str | None:
    """The first of a one-word name's hyphened parts, lower case ("freeport" of "Freeport-McMoRan"), else
    None; none of a pair of places ("Fargo-Moorhead", a metropolitan area the model may call a body)."""
    if " " in name or "-" not in name:
        return None
    first, rest = name.split("-", 1)
    if len(first) < 3 or (places_named(first, _TOWNS) and places_named(rest, _TOWNS)):
        return None
    return first.lower()


@functools.lru_cache(maxsize=8192)
def _coined_firm_word(full_key: str, bare_key: str) -> bool:
    """`bare_key` is the coined first word of a firm's name without a legal form, every later word a
    trade word: "Crestline" of "Crestline Health Technologies", "Haeundae" of "Haeundae Foods" (a story
    names the firm in full once, then by that word, which the model often takes for a person)."""
    words = full_key.split()
    return (
        len(words) > 1
        and words[0] == bare_key
        and all(w in _TRADE_WORDS for w in words[1:])
        and bare_key not in lexicons.titles()
    )


def _bare_word_of_no_person(clusters: list[Cluster], m: Candidate) -> bool:
    """The bare word is no one's surname in the story ("Ms Ford" of "Ford Motor"), no given name, and no big
    city's name."""
    if is_given_name(m.text) or any(
        c.type == "PERSON" and any(len(n.key.split()) > 1 and n.key.split()[-1] == m.key for n in c.names)
        for c in clusters
    ):
        return False
    towns = places_named(m.text, ("city",))
    return not towns or (towns[0].population or 0) < _BIG_TOWN
