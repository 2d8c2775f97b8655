"""People who sign a quotation: a paragraph of quotation closed by a dash and a name ('"..." ― Name'), as
round-ups of readers' and voters' words print them. The model often misses such a name (it stands alone
after the dash, with no verb to show it is a person); the quotes stage reads it as the speaker
(quotes/attach.py), and here it becomes a person: two to four capitalised words closing the line, the first
a given name the names list knows or an initial, so that a signature naming a paper or a body ("― The
Times") is left to the model.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicons.names import is_given_name
from .mentions import Candidate, as_people

if TYPE_CHECKING:
    from ..base import Parsed

_WORD = r"[A-Z](?:[a-zà-ÿ'’-]*[a-zà-ÿ]|\.)"
# A closing quotation mark, a dash, the name, and nothing but a full stop before the line ends.
_SIGNED = re.compile(
    rf"[”\"»’'][ \t\u00a0]*(?:[―—–]|--)[ \t\u00a0]*"
    rf"({_WORD}(?:[ \u00a0]{_WORD}){{1,3}})[ \t\u00a0]*\.?[ \t]*(?:\n|$)"
)


def signed_names(text: str) -> list[tuple[int, int]]:
    """(start, end) characters of each name signing a quotation."""
    out = []
    for match in _SIGNED.finditer(text):
        first = match.group(1).split()[0]
        if is_given_name(first) or re.fullmatch(r"[A-Z]\.", first):
            out.append(match.span(1))
    return out


def add_signers(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with each signing name no PERSON candidate covers as a PERSON name mention; a
    candidate of another type over it gives way."""
    doc = parsed.doc
    people = {t for c in candidates if c.type == "PERSON" for t in range(c.tok_start, c.tok_end)}
    spans = []
    for start, end in signed_names(parsed.text):
        span = doc.char_span(start, end, alignment_mode="contract")
        if span is not None and len(span) and not people.intersection(range(span.start, span.end)):
            spans.append((span.start, span.end))
    return as_people(parsed, candidates, spans)
