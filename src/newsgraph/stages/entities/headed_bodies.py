"""Bodies the model missed, or read as places, found by the head word of a body's name.

A capitalised name is a body's when its last word is an English body's head word ("Stark Valley High
School", "Marion County Sheriff's Office", "Saryarka Heat Networks"; entity_words.tsv org_words,
firm_words, place_body_heads, body_heads, as name_shapes.is_body_head reads them) or ends in one of a
language that writes compounds ("Skrova Fiskerforening"), or when its first word is a head noun of a
language that puts it first ("Cooperativa Vitivinícola Los Chacayes", "Fundacja Most";
lexicons/body_name_heads.tsv). The name runs over capitalised words and the joiners inside names ("del",
"'s", "&"), at most seven tokens, and is added as an ORG mention.

Places the model tagged inside it give way ("Hermit Park" of "Hermit Park State School", "Los Chacayes"),
but not a name the model read whole as a place that the gazetteer knows or that names a state ("West
Bank", "Russian Federation", "Soviet Union"), nor a known place that holds the head word ("the Jewish West
Bank"). A person, a body or a demonym inside stops the name before it: "French Socialist Party" keeps the
demonym that gives its country, "SoftBank Group" the firm the knowledge base linked. But a name opened by
its head noun holds the person or body named right after it, and a person the model read from the head
noun on (forty-eighth session: "Grupo" ORG and "Sertão Carnes" PERSON, or "Grupo Sertão Carnes" PERSON,
are the firm "Grupo Sertão Carnes"; "Fundación Rigoberta Menchú" is named after a person); no one's name
opens with such a noun. Such a name ends before an English "of": "Editora Pau-Brasil of São Paulo" names
its seat (its own language joins with "de", "da", "del").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ... import lexicons
from ...geo import gazetteer
from ...lexicons.entities import body_name_heads
from .mentions import Candidate
from .name_shapes import is_body_head

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..base import Parsed

_HEADS = body_name_heads()
#: The most tokens a name found so may have.
MAX_TOKENS = 7
# The English joiner that ties a name to its seat: no part of a name its language's head noun opens
# ("Editora Pau-Brasil of São Paulo"; its own joiners are "de", "da", "del" ...).
_SEAT_WORD = "of"
# Heads that also end names of states, which the gazetteer may lack ("Soviet Union").
_STATE_HEADS = frozenset({"union", "federation", "confederation"})


def _capitalised(tok: Token) -> bool:
    """A word of a name: capitalised, letters only (a period or hyphen inside allowed: "Corp.", "Co-op")."""
    text = tok.text  # read once: each read looks the string up again
    return text[:1].isupper() and text.replace(".", "").replace("-", "").isalpha()


def _joins(tokens: Sequence[Token], i: int) -> bool:
    """Token i may stand inside a body's name: a joiner, or a hyphen written without spaces."""
    tok = tokens[i]
    return tok.lower_ in _HEADS.joiners or (tok.text == "-" and i > 0 and not tokens[i - 1].whitespace_)


def _yields(c: Candidate) -> bool:
    """A mention inside a body's name that gives way to it: a place's name, not a demonym, person or
    body."""
    return c.kind == "name" and c.type in ("GPE", "LOC")


def _ending_at(tokens: Sequence[Token], head: int, owner: dict[int, Candidate]) -> int | None:
    """The first token of the name that ends with the head word at `head`, or None."""
    if head + 1 < len(tokens) and _capitalised(tokens[head + 1]):
        return None  # the name goes on ("Party Congress"): not its end
    start = head
    while start > 0 and head - start < MAX_TOKENS - 1:
        prev = start - 1
        if tokens[prev].is_sent_end:
            break
        held = owner.get(prev)
        if held is not None:
            if not _yields(held):
                break
            start = held.tok_start
            continue
        if not (
            _capitalised(tokens[prev])
            or (_joins(tokens, prev) and prev > 0 and _capitalised(tokens[prev - 1]))
        ):
            break
        start = prev
    while start < head and (
        _joins(tokens, start) or (tokens[start].is_sent_start and tokens[start].pos_ != "PROPN")
    ):
        start += 1  # "The", "and" or a common word opening a sentence is no part of the name
    if start == head or tokens[start].lower_ in lexicons.titles():
        return None
    return start


def _named_after(c: Candidate, head: int) -> bool:
    """A person's or a body's name the model found right after a head word that opens a body's name, or
    the head word alone, or a person's name opening with it: the body's name holds them ("Grupo" ORG
    and "Sertão Carnes" PERSON, or "Grupo Sertão Carnes" PERSON, are the body "Grupo Sertão Carnes";
    "Fundación Rigoberta Menchú" is a foundation named after a person). No one's name opens with
    such a word (body_name_heads.tsv's `first`)."""
    if c.kind != "name" or c.type not in ("PERSON", "ORG"):
        return False
    return c.tok_start == head + 1 or (c.tok_start == head and (c.tok_end == head + 1 or c.type == "PERSON"))


def _opening_at(tokens: Sequence[Token], head: int, owner: dict[int, Candidate]) -> int | None:
    """The end (exclusive) of the name that opens with the head word at `head`, or None."""
    if head > 0 and _capitalised(tokens[head - 1]):
        return None  # the word stands inside a longer name
    end = last = head + 1
    while end < len(tokens) and end - head < MAX_TOKENS:
        held = owner.get(end)
        if held is not None:
            if not (_yields(held) or _named_after(held, head)) or held.tok_start < head:
                break
            end = last = held.tok_end
        elif _capitalised(tokens[end]):
            end = last = end + 1
        elif _joins(tokens, end) and tokens[end].lower_ != _SEAT_WORD:
            end += 1
        else:
            break
    return last if last > head + 1 else None


def _shouted(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Every word of the name in capitals: a headline or a table's heading ("CRUDE OIL"), not a name."""
    return all(t.is_upper for t in tokens[start:end] if t.is_alpha and len(t) > 1)


def _is_head(word: str) -> bool:
    return is_body_head(word) or (len(word) > 6 and word.lower().endswith(_HEADS.endings))


def _known_place(c: Candidate, head_word: str) -> bool:
    return c.text in gazetteer() or head_word.lower() in _STATE_HEADS


def add_headed_bodies(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with the bodies' names found by a head word (see the module's docstring) as ORG
    mentions, in text order; the place mentions inside them dropped."""
    # The doc's tokens, made once (Parsed.tokens): doc[i] makes a new Token on each call.
    tokens = parsed.tokens
    owner = {t: c for c in candidates for t in range(c.tok_start, c.tok_end)}
    dropped: set[int] = set()
    added: list[Candidate] = []
    taken: set[int] = set()
    for i, tok in enumerate(tokens):
        if not _capitalised(tok) or i in taken:
            continue
        span = None
        opening = False
        if _is_head(tok.text) and (start := _ending_at(tokens, i, owner)) is not None:
            span = (start, i + 1)
        elif _HEADS.opens_a_name(tok.text) and (end := _opening_at(tokens, i, owner)):
            span, opening = (i, end), True
        if span is None or taken.intersection(range(*span)) or _shouted(tokens, *span):
            continue
        inside = {id(c): c for t in range(*span) if (c := owner.get(t)) is not None}
        if any(
            not (_yields(c) or (opening and _named_after(c, i)))
            or c.tok_start < span[0]
            or c.tok_end > span[1]
            for c in inside.values()
        ):
            continue  # the head word is a person's or a body's the model found, or a place runs out
        held = owner.get(i)
        if held is not None and _known_place(held, tok.text):
            continue  # "West Bank", "Russian Federation": the model read a known place
        dropped.update(inside)
        added.append(Candidate.from_span(parsed, parsed.doc[span[0] : span[1]], "ORG", "name"))
        taken.update(range(*span))
    if not added:
        return candidates
    kept = [c for c in candidates if id(c) not in dropped]
    return sorted([*kept, *added], key=lambda c: c.start)
