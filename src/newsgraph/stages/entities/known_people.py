"""People the model misses whom the knowledge base knows by their full name (issue 14): "NAPIER, New
Zealand, Jan 19 - Jacinda Ardern said ..." (the model read the dateline's date and the name after it as
one date and left the name out).

A run of two or three capitalised words that no mention covers, with no capitalised word right before or
after it (a longer name or a body named after a person: "George Washington University"), is a person when
the knowledge base holds a person under exactly that name form. Only where the model found nothing: a
name it typed a body or a place is retype_known_people's to judge (kb_retype.py), with the article's date.

And people the model misses whose age the text writes after their name ("BRISTOL - Ashley Burrows, 27,
was found guilty": the model reads the words after a dateline poorly): a run of two or three name words
no mention covers, opening with a given name (a word the names lists know, or no country's or big town's
name), right before ", AGE," (thirtieth session).

And a person the model cut short, whose full name the knowledge base knows (forty-third session): the
model reads "Prime Minister Theresa May now faces" as "Theresa", the month's name left out, and "Park
Jae-sang" as "Park Jae". A person's name mention followed by one to three words no mention covers (a name
word, or the hyphened rest of one) is that longer name when the knowledge base holds a person under exactly
that form and no capitalised word follows it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.names import first_name_gender, is_given_name
from .mentions import Candidate, as_people
from .place_countries import is_big_place

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

    from ...kb import ActorKB
    from ..base import Parsed

# A word of a personal name: a capital, then small letters (accented ones too), an inner hyphen or
# apostrophe ("Jean-Claude", "O'Neill").
_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))+")
_LENGTHS = (3, 2)


def _name_word(text: str) -> bool:
    return text[:1].isupper() and not text.isupper() and _WORD.fullmatch(text) is not None


def known_people(parsed: Parsed, kb: ActorKB, covered: set[int]) -> list[tuple[int, int]]:
    """(start, end) tokens of each run of name words no mention covers that the knowledge base knows in
    full as a person."""
    # Each token's shape once (a slice of the Doc per window would cost more than the whole test).
    tokens, text = parsed.tokens, parsed.text
    words = [t.text for t in tokens]
    named = [_name_word(w) and i not in covered for i, w in enumerate(words)]
    breaks = ["\n" in t.whitespace_ for t in tokens]
    capital = [w[:1].isupper() and w.isalpha() for w in words]
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not named[i]:
            i += 1  # no run opens here (most words): the windows below would all fail on it
            continue
        found = None
        for n in _LENGTHS:
            end = i + n
            if end > len(words) or not all(named[i:end]) or any(breaks[i : end - 1]):
                continue
            if (i > 0 and capital[i - 1]) or (end < len(words) and capital[end]):
                continue
            matches = kb.lookup(text[tokens[i].idx : tokens[end - 1].idx + len(words[end - 1])])
            if any(m.how == "name" and m.actor.type == "PERSON" for m in matches):
                found = (i, end)
                break
        if found is not None:
            out.append(found)
            i = found[1]
        else:
            i += 1
    return out


# ", 27," after a name: an age in apposition.
_AGE = re.compile(r"[ \t]*,[ \t]*(\d{1,3})[ \t]*,")


def aged_people(
    tokens: Sequence[Token], text: str, spans: dict[int, tuple[int, int, str]]
) -> list[tuple[int, int]]:
    """(start, end) tokens of each run of two or three name words, opening with a given name (not a
    title, a demonym, a country or a big town: `is_big_place`) and followed by an age in apposition (",
    27,"), with no capitalised word right before it. No mention may cover it (`spans`: each covered token
    -> its mention's token span and type) but one ending it that the model typed other than a person (the
    surname "Burrows" or the whole name typed a body): where the model found the person, its span stands
    ("Judge Olga NAME", "Mexican NAME"). `tokens` are the doc's and `text` its text (Parsed.tokens and
    Parsed.text: Doc.text joins every token again on each call)."""
    hits = list(_AGE.finditer(text))
    if not hits:
        return []  # most texts give no age: spare the map of every token's end
    ending = {t.idx + len(t.text): i for i, t in enumerate(tokens)}  # a token's end offset -> its index
    out: list[tuple[int, int]] = []
    for hit in hits:
        last = ending.get(hit.start())
        if last is None or not 0 < int(hit.group(1)) <= 110:
            continue
        end = last + 1
        for n in _LENGTHS:
            start = end - n
            if start < 0 or not all(_name_word(tokens[t].text) for t in range(start, end)):
                continue
            inside = {spans[t] for t in range(start, end) if t in spans}
            if any(not (start <= a and b == end and kind != "PERSON") for a, b, kind in inside):
                continue
            if start > 0 and tokens[start - 1].text[:1].isupper() and tokens[start - 1].is_alpha:
                continue
            given = tokens[start].text
            if given.lower() in lexicons.titles() or given in lexicons.country_by_demonym():
                continue  # "Judge", "Mexican" before a name the model found: not its given name
            if is_given_name(given) or first_name_gender(given) is not None or not is_big_place(given):
                out.append((start, end))
                break
    return out


# How many words a cut name may run on over, longest first ("Park Jae" "-" "sang").
_MORE_WORDS = (3, 2, 1)


def cut_known_people(
    doc: Doc, kb: ActorKB, people: list[tuple[int, int]], covered: set[int]
) -> list[tuple[int, int]]:
    """(start, end) tokens of each person's name mention of `people` run on over the words after it (a
    name word, a hyphen and the word it joins: `_runs_on`) that no mention covers (`covered`: the tokens
    of every mention) to the longest form the knowledge base holds a person under, with no capitalised word
    after it."""
    out: list[tuple[int, int]] = []
    for start, end in people:
        for n in _MORE_WORDS:
            stop = end + n
            if stop > len(doc) or any(t in covered for t in range(end, stop)):
                continue
            if not all(_runs_on(doc, t) for t in range(end, stop)):
                continue
            if stop < len(doc) and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
                continue
            matches = kb.lookup(doc[start:stop].text)
            if any(m.how == "name" and m.actor.type == "PERSON" for m in matches):
                out.append((start, stop))
                break
    return out


def _runs_on(doc: Doc, i: int) -> bool:
    """Token `i` may continue the name before it: a name word after a space, a hyphen joined to both
    sides, or the word a hyphen joins ("Jae-sang")."""
    tok, prev = doc[i], doc[i - 1]
    if "\n" in prev.whitespace_:
        return False
    if tok.text in ("-", "‐") and not prev.whitespace_ and not tok.whitespace_:
        return True
    if prev.text in ("-", "‐") and not prev.whitespace_:
        return tok.is_alpha
    return bool(prev.whitespace_) and _name_word(tok.text)


def add_known_people(parsed: Parsed, candidates: list[Candidate], kb: ActorKB) -> list[Candidate]:
    """The candidates with each person `known_people`, `aged_people` or `cut_known_people` finds as a
    PERSON name mention."""
    spans = {t: (c.tok_start, c.tok_end, c.type) for c in candidates for t in range(c.tok_start, c.tok_end)}
    people = [(c.tok_start, c.tok_end) for c in candidates if c.type == "PERSON" and c.kind == "name"]
    cut = cut_known_people(parsed.doc, kb, people, set(spans))
    spans |= {t: (start, end, "PERSON") for start, end in cut for t in range(start, end)}
    found = known_people(parsed, kb, set(spans))
    spans |= {t: (start, end, "PERSON") for start, end in found for t in range(start, end)}
    return as_people(parsed, candidates, cut + found + aged_people(parsed.tokens, parsed.text, spans))
