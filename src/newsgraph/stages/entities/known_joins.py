"""A body's name the model cut in two at a place's name, joined again when the whole is the name of one
body of the knowledge base (issue 14, fifty-third session): "Dinamo Zagreb" read as the body "Dinamo"
and the place "Zagreb" left the club without its country (the knowledge base knows "Dinamo Zagreb", not
"Dinamo"), and the place counted as where the story happens. Only two name mentions side by side, one
space apart, one of them a place's and neither a person's, and only a whole that the knowledge base holds
as an organisation's name or alias: a place beside a body's name is otherwise where the body is ("the
Bank of Kigali Rwanda office" is no body's name).
"""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

from ...kb import ActorKB
from .mentions import Candidate

if TYPE_CHECKING:
    from ..base import Parsed

_PLACES = frozenset({"GPE", "LOC"})
_JOINABLE = frozenset({"ORG", "GPE", "LOC"})


def join_known_names(parsed: Parsed, candidates: list[Candidate], kb: ActorKB | None) -> list[Candidate]:
    """`candidates` with each pair the module docstring describes made one ORG name mention."""
    if kb is None or len(candidates) < 2:
        return candidates
    ordered = sorted(candidates, key=lambda c: c.start)
    joined: dict[int, Candidate] = {}  # id of a pair's first candidate -> the whole
    dropped: set[int] = set()  # ids of the pairs' second candidates
    for first, second in itertools.pairwise(ordered):
        if id(first) in dropped or not _joinable(parsed.text, first, second):
            continue
        if _a_known_body(kb, parsed, first, second):
            span = parsed.doc[first.tok_start : second.tok_end]
            joined[id(first)] = Candidate.from_span(parsed, span, "ORG", "name")
            dropped.add(id(second))
    if not joined:
        return candidates
    # The list's own order kept: later steps read it in turn
    return [joined.get(id(c), c) for c in candidates if id(c) not in dropped]


def _joinable(text: str, first: Candidate, second: Candidate) -> bool:
    """Two name mentions, a place's and a body's or a place's, one space apart with nothing between."""
    return (
        first.kind == "name"
        and second.kind == "name"
        and first.type in _JOINABLE
        and second.type in _JOINABLE
        and bool({first.type, second.type} & _PLACES)
        and second.start == first.end + 1
        and text[first.end] == " "
        and second.tok_start == first.tok_end
    )


def _a_known_body(kb: ActorKB, parsed: Parsed, first: Candidate, second: Candidate) -> bool:
    whole = parsed.text[first.start : second.end]
    return any(m.how == "name" and m.actor.type == "ORG" for m in kb.lookup(whole, parsed.article.published))
