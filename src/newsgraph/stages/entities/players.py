"""Players in the results of a sports story, where lines are lists of names and figures, not sentences,
and the model tags few of the names, or calls them a body or a product. In a sports story (headline
opening with a sport's name) these are people, whatever the model made of them:

- an initial with its full stop and a capitalised surname ("( P. Jones 4-38 )", "K. Smith 52 not out",
  "T.O'Hara 109"): a player, an umpire or a coach;
- the names listed after their national side ("Brazil - NAME ( 14th ) , NAME"; sides.py reads their
  country);
- in the results of sports played by people, not clubs, two to four capitalised words right before a
  country in brackets ("Ann Rask ( Sweden ) beat ...");
- the names listed in brackets after a national side ("Italy ( NAME , NAME )": a relay, a team pursuit).

Nothing else in the story changes, and outside sports stories "W. Va." or "A. Company" are left to the
model.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..common import is_sports_story
from .mentions import Candidate, as_people
from .orgs import team_sport_story
from .sides import SIDE_HEADER, country_named

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


def add_players(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """In a sports story, every "I. Surname" and every name in a national side's list (listed_players)
    as a PERSON name mention: a candidate over it of another type, or running past it ("H. Jones 69"
    ORG), gives way to it."""
    if not is_sports_story(parsed.text):
        return candidates
    doc = parsed.doc
    spans = initialled_names(doc)
    if not team_sport_story(parsed.text):
        spans.extend(bracketed_players(doc))
    for start, end in [*listed_players(parsed.text), *side_bracket_players(parsed.text)]:
        span = doc.char_span(start, end, alignment_mode="strict")
        if span is not None:
            spans.append((span.start, span.end))
    exact = {(c.tok_start, c.tok_end) for c in candidates if c.type == "PERSON"}
    return as_people(parsed, candidates, [s for s in sorted(set(spans)) if s not in exact])


def bracketed_players(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) tokens of each name of two to four capitalised words right before its country in
    brackets, on one line: "Ann Rask ( Sweden ) beat 4 - Eva Lind ( U.S. )", as the results of sports
    played by people rather than clubs give them (the caller keeps it to those: "Ajax ( Netherlands )"
    is a club)."""
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if tok.text != "(" or "\n" in tok.whitespace_:
            continue
        close = next((j for j in range(i + 1, min(i + 5, len(doc))) if doc[j].text == ")"), None)
        if close is None or country_named(doc[i + 1 : close].text) is None:
            continue
        start = i
        while start > 0 and i - start < 6 and "\n" not in doc[start - 1].whitespace_:
            word = doc[start - 1].text
            capitalised = word[:1].isupper() and word.replace("-", "").replace("'", "").isalpha()
            # "Anne-Marie" the parse may cut in three: a hyphen with no space on either side
            glued = (
                word == "-"
                and start > 1
                and not doc[start - 2].whitespace_
                and not doc[start - 1].whitespace_
            )
            if not (capitalised or glued or word in _PARTICLES):
                break
            start -= 1
        if len(doc[start:i].text.split()) >= 2 and doc[start].text[:1].isupper():
            out.append((start, i))
    return out


# A national side's name, then its players in brackets: "Italy ( Ada Rossi , Marco Bellini , ... )".
_SIDE_BRACKET = re.compile(
    r"(?P<side>[A-Z][A-Za-z.]*(?:[^\S\n][A-Z][A-Za-z.]*){0,2})[^\S\n]*\((?P<list>[^()\n]+)\)"
)


def side_bracket_players(text: str) -> list[tuple[int, int]]:
    """(start, end) characters of each name listed in brackets right after a country's name, when the
    brackets hold a list (a comma, a slash or "and"): a team pursuit's, a relay's or a doubles pair's
    players ("Italy ( Ada Rossi , Marco Bellini )"; sides.py gives them the country)."""
    out: list[tuple[int, int]] = []
    for found in _SIDE_BRACKET.finditer(text):
        inner = found.group("list")
        if not re.search(r",|/| and ", inner) or _country_in(found.group("side")) is None:
            continue
        start, end = found.span("list")
        for segment in re.finditer(r"[^,/]+", text[start:end]):
            a, b = start + segment.start(), start + segment.end()
            out.extend(_names_in(text, a, b) if " and " not in text[a:b] else _names_in_and(text, a, b))
    return out


def _country_in(words: str) -> str | None:
    """The country the last one to three words before the bracket name ("beat Russia" -> RUS)."""
    parts = words.split()
    return next(
        (c for n in (3, 2, 1) if len(parts) >= n and (c := country_named(" ".join(parts[-n:])))), None
    )


def _names_in_and(text: str, start: int, end: int) -> list[tuple[int, int]]:
    at = text.find(" and ", start, end)
    return [*_names_in(text, start, at), *_names_in(text, at + 5, end)]


# Words inside a player's name that are not capitalised ("Ronald de Boer", "Rafael van der Vaart").
_PARTICLES = frozenset(
    {"de", "da", "das", "do", "dos", "di", "del", "della", "van", "der", "den", "von", "le", "la"}
)
_SEGMENT = re.compile(r"[^,;()\n]+")


def listed_players(text: str) -> list[tuple[int, int]]:
    """(start, end) characters of each name in the lists of a national side's players: a line opening
    with the country's name and a dash or colon (sides.py), its list running on over the lines after it
    until a sentence, a paragraph or the next side's line ends it. A name is one to four capitalised
    words (with "de", "van" ...) between commas or semicolons; a substitute in brackets after a minute
    ("( 72nd NAME )") is one too; figures and minutes are not."""
    out: list[tuple[int, int]] = []
    at = 0
    while at < len(text):
        stop = text.find("\n", at)
        stop = len(text) if stop < 0 else stop
        header = SIDE_HEADER.match(text, at, stop)
        if header is None or country_named(header.group("side")) is None:
            at = stop + 1
            continue
        end = header.end()
        while True:  # the list: this line, and the next while it does not open a side or a sentence ends
            line_end = text.find("\n", end)
            line_end = len(text) if line_end < 0 else line_end
            done = " . " in text[end:line_end] + " " or line_end == len(text)
            out.extend(_names_in(text, end, line_end))
            if done or not text[line_end + 1 :].strip() or SIDE_HEADER.match(text, line_end + 1):
                break
            end = line_end + 1
        at = line_end + 1
    return out


def _names_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for found in _SEGMENT.finditer(text, start, end):
        words = list(re.finditer(r"\S+", found.group()))
        while words and (words[0].group()[:1].isdigit() or words[0].group() == "."):
            words = words[1:]  # a minute before a substitute ("72nd")
        while words and (words[-1].group()[:1].isdigit() or words[-1].group() == "."):
            words = words[:-1]  # a figure or the sentence's full stop after the name
        texts = [w.group() for w in words]
        if not (1 <= len(texts) <= 4) or not texts[0][:1].isupper() or texts[0].endswith(":"):
            continue
        if all(w[:1].isupper() or w in _PARTICLES for w in texts):
            out.append((found.start() + words[0].start(), found.start() + words[-1].end()))
    return out
