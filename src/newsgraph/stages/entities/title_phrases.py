"""Title phrases read off the parse: where a title standing before a name begins and ends, its head word in
the titles lexicon, the entity that qualifies it ("X's Foreign Minister", "X Department Spokesperson") and
the body after it ("Ambassador to X").

This stands apart from roles.py: it reads the tokens and which entity each token belongs to, and knows
nothing of whose title it is. roles.py records what a phrase says of a person (titles, country, relations);
anaphora.py and agents.py ask the same questions of descriptions without a name.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LOWER

from ... import lexicons
from ...lexicons.entities import entity_words
from .cluster import Cluster
from .mentions import split_abbreviation

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = entity_words()  # the word lists this module uses, from lexicons/entity_words.tsv

# Words that may stand inside a title before its head word ("transitional President", "Vice President").
MODIFIERS = _WORDS.title_modifiers
POSSESSIVE = {"'s", "’s", "'", "’"}
_COMPLEMENT = _WORDS.title_complements


@dataclass(frozen=True)
class TitlePhrase:
    start: int  # first token of the title (after any qualifier)
    end: int  # one past the title's last token (complement included)
    head: int  # the title's head word
    title: str
    sector: str | None
    role: str | None
    qualifier: Cluster | None
    qualifier_start: int  # first token of the whole phrase, qualifier included
    complement: Cluster | None = None


def _title_entry(tokens: list[str]) -> lexicons.Title | None:
    """The longest lexicon title that the words end with. The parse splits a hyphen off its words
    ("Secretary", "-", "General"): the title is looked up as written ("secretary-general"), so the
    General of a Secretary-General is not a military rank."""
    table = lexicons.titles()
    for n in range(min(6, len(tokens)), 0, -1):
        if tokens[-n] == "-":
            continue
        entry = table.get(" ".join(tokens[-n:]).replace(" - ", "-").lower())
        if entry is not None:
            return entry
    return None


def _title_with_of(doc: Doc, head: int) -> int | None:
    """The first token of a lexicon title with "of" in it that ends at token `head` ("head of state",
    "Chancellor of the Exchequer"): their last word alone is no title."""
    if _of_positions(doc).isdisjoint(range(max(0, head - _longest_title_with_of() + 2), head + 1)):
        return None  # asked of every token: most have no "of" before them
    table = lexicons.titles()
    for n in range(_longest_title_with_of(), 2, -1):
        if head - n + 1 >= 0:
            words = [t.lower_ for t in doc[head - n + 1 : head + 1]]
            if "of" in words and " ".join(words) in table:
                return head - n + 1
    return None


@functools.cache
def _longest_title_with_of() -> int:
    """Words in the lexicon's longest title with "of" ("secretary of health and human services": 6)."""
    return max((len(t.split()) for t in lexicons.titles() if " of " in f" {t} "), default=3)


# The "of" test above, by slicing the doc, cost more than the rest of the title search: the positions of
# "of" are read once per document (the few documents in hand kept; a Doc hashes by identity), from the
# doc's array of lower-case forms (a walk over the doc makes a Token object of every word).
@functools.lru_cache(maxsize=4)
def _of_positions(doc: Doc) -> frozenset[int]:
    return frozenset(np.flatnonzero(doc.to_array(LOWER) == doc.vocab.strings["of"]).tolist())


def _hyphen_before(doc: Doc, start: int) -> bool:
    """Token `start` is the second half of a hyphenated word: "General" of "Secretary-General"."""
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 1].whitespace_
        and not doc[start - 2].whitespace_
        and doc[start - 2].is_alpha
    )


def is_title_word(token: Token) -> bool:
    return (
        _title_entry([token.text]) is not None
        or token.lower_ in ("vice-president",)
        or (split_abbreviation(token) and _title_entry([token.text + "."]) is not None)
        or _title_start(token) is not None
    )


def _title_start(token: Token) -> int | None:
    """The first token of the longest title of several words that the token ends with the words before
    it, though it is no title alone ("executive" of "Apple chief executive NAME"), else None."""
    if token.lower_ not in _last_title_words():
        return None
    table = lexicons.titles()
    found = None
    for n in (2, 3):
        start = token.i - n + 1
        if start < 0:
            break
        if " ".join(t.lower_ for t in token.doc[start : token.i + 1]) in table:
            found = start
    return found


@functools.cache
def _last_title_words() -> frozenset[str]:
    """The last words of the lexicon's titles of several words ("executive" of "chief executive")."""
    return frozenset(title.split()[-1] for title in lexicons.titles() if " " in title)


def _compound_of_title(tok: Token, head: int) -> bool:
    """A noun or adjective the parse attaches inside the title: "Communication Minister", "policy chief"."""
    return (
        tok.dep_ in ("compound", "amod")
        and head >= tok.head.i > tok.i
        and tok.pos_ in ("NOUN", "PROPN", "ADJ")
        and tok.ent_type_ not in ("PERSON", "DATE", "CARDINAL")
    )


def title_ending_at(doc: Doc, head: int, token_cluster: dict[int, Cluster]) -> TitlePhrase | None:
    """A title phrase whose head word is token `head`, extended left over modifiers and a qualifier."""
    start = _title_with_of(doc, head)  # before the entity test: "Secretary of State" is no body's name
    if start is None and (not is_title_word(doc[head]) or head in token_cluster):
        return None
    if start is None:
        # A title of several words ("chief executive") read whole, unless an entity stands inside it: that
        # is its qualifier ("Assistant U.S. Attorney": the loop below stops at "U.S.").
        start = _title_start(doc[head])
        if start is None or any(t in token_cluster for t in range(start, head)):
            start = head
    while start > 0:
        prev = doc[start - 1]
        if prev.i in token_cluster:
            break  # an entity before the title is its qualifier ("State Department Spokesperson")
        if _hyphen_before(doc, start) and start - 2 not in token_cluster:
            start -= 2  # "Secretary-General", "Governor-General", "commander-in-chief" read whole
            continue
        if prev.lower_ in MODIFIERS or is_title_word(prev) or _compound_of_title(prev, head):
            start -= 1
            continue
        if (
            prev.lower_ == "and"
            and start >= 2
            and start - 2 not in token_cluster
            and is_title_word(doc[start - 2])
        ):
            start -= 1  # "chairman and chief executive": one title of two, its qualifier before both
            continue
        break
    words = [t.text for t in doc[start : head + 1]]
    entry = _title_entry(words) or _title_entry([doc[head].text])
    if entry is None and split_abbreviation(doc[head]):
        entry = _title_entry([*words[:-1], doc[head].text + "."])
    qualifier, q_start = None, start
    i = start - 1
    if i >= 0 and doc[i].text in POSSESSIVE:
        i -= 1
    if i >= 0 and i in token_cluster:
        qualifier = token_cluster[i]
        q_start = i
        while q_start > 0 and token_cluster.get(q_start - 1) is qualifier:
            q_start -= 1
    end, complement = head + 1, None
    if end < len(doc) and doc[end].lower_ in _COMPLEMENT and entry and entry.role in ("represents", "leader"):
        j = end + 1
        while j < len(doc) and doc[j].lower_ == "the":
            j += 1
        if j in token_cluster:
            complement = token_cluster[j]
            while j < len(doc) and token_cluster.get(j) is complement:
                j += 1
            end = j
    title = doc[start:end].text
    if (
        qualifier is not None
        and qualifier.type == "ORG"
        and q_start < start
        and doc[start - 1].text not in POSSESSIVE
    ):
        title = doc[q_start:end].text  # "State Department Spokesperson": the body is part of the title
    return TitlePhrase(
        start=start,
        end=end,
        head=head,
        title=title,
        sector=entry.sector if entry else None,
        role=entry.role if entry else None,
        qualifier=qualifier,
        qualifier_start=q_start,
        complement=complement,
    )
