"""Players in the results of a sports story, named by an initial and a surname: "( P. Jones 4-38 )",
"K. Smith 52 not out", "T.O'Hara 109". Results lines are lists of names and figures, not sentences, and
the model tags few of these names, or calls them a body or a product. In a sports story (headline
opening with a sport's name) a capital initial with its full stop, then a capitalised surname, is read
as a person wherever it stands, whatever the model made of it: a player, an umpire or a coach. Nothing
else in the story changes, and outside sports stories "W. Va." or "A. Company" are left to the model.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..common import is_sports_story
from .mentions import Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..base import Parsed

_INITIAL = re.compile(r"[A-Z]\.")
# One token holding both ("T.O'Hara" as the wire writes it), or the surname alone after an initial token.
_GLUED = re.compile(r"[A-Z]\.[A-Z][a-z]*['’]?[A-Z]?[a-z]+(?:-[A-Z][a-z]+)?")
_SURNAME = re.compile(r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def is_initialled(name: str) -> bool:
    """`name` is an initial and a surname, spaced or not ("P. Jones", "T.O'Hara")."""
    return bool(_GLUED.fullmatch(name.replace(". ", ".", 1)))


def initialled_names(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) tokens of each "I. Surname" (or "I.Surname") in `doc`."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if _GLUED.fullmatch(tok.text):
            out.append((i, i + 1))
        elif (
            _INITIAL.fullmatch(tok.text)
            and i + 1 < len(doc)
            and _SURNAME.fullmatch(doc[i + 1].text)
            and "\n" not in tok.whitespace_
            and not (i > 0 and _INITIAL.fullmatch(doc[i - 1].text))  # "J. R. Smith": the model's to read
        ):
            out.append((i, i + 2))
            i += 1
        i += 1
    return out


def add_initialled_players(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """In a sports story, every "I. Surname" as a PERSON name mention: a candidate over it of another
    type, or running past it ("H. Jones 69" ORG), gives way to it."""
    if not is_sports_story(parsed.text):
        return candidates
    doc = parsed.doc
    spans = initialled_names(doc)
    if not spans:
        return candidates
    exact = {(c.tok_start, c.tok_end): c for c in candidates if c.type == "PERSON"}
    players = [doc[a:b] for a, b in spans if (a, b) not in exact]
    if not players:
        return candidates
    taken = {t for p in players for t in range(p.start, p.end)}
    kept = [c for c in candidates if not any(t in taken for t in range(c.tok_start, c.tok_end))]
    added = [Candidate.from_span(parsed, p, "PERSON", "name") for p in players]
    return sorted([*kept, *added], key=lambda c: c.start)
