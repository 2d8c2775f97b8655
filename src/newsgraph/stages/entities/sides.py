"""The country of the side that lists a person, as sports results list players. Results pages write a
team's players after its name, and a national side's players are its country's:

- "Italy ( NAME , NAME , NAME )": a team pursuit, a relay, a doubles pair (any story);
- "NAME ( Sweden ) beat NAME ( U.S. )": a player's country in brackets after the name (a sports story);
- "Brazil - NAME ( 14th ) , NAME ( 55th )" or "Brazil : NAME , NAME ; NAME": scorers and line-ups, the
  side's name opening a line, its list running on until the next line that opens with a side (a sports
  story only);
- a scoreboard's innings: a line holding only the side's name, then one line per player opening with the
  player's name (a sports story only). The lines after "Bowling" name the other side's players.

A club's name in its place ("Leeds - NAME") says nothing of a player's country: only countries count.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import table_words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .cluster import Cluster

SIDE_HEADER = re.compile(r"[^\S\n]*(?P<side>[^\n:;,()-]{2,40}?)[^\S\n]+[-:–][^\S\n]")
_MAX_LINES = 14  # a line-up or an innings runs to eleven players and a few lines more
_OTHER_SIDE = "bowling"  # under an innings, the bowlers are the other side's


Qualifier = Callable[["Cluster"], "str | None"]


def side_listed(
    doc: Doc,
    text: str,
    span: tuple[int, int],
    token_cluster: dict[int, Cluster],
    qualifier: Qualifier,
    sports: bool,
) -> str | None:
    """The country of the side listing the person whose name is at tokens `span`, or None. `text` is the
    document's (Doc.text joins every token on each call), `qualifier` gives the country of a GPE cluster
    (roles.qualifier_country), `sports` says whether the story is a sports story."""
    start, end = span
    found = _bracketed(doc, start, token_cluster, qualifier)
    if found is None and sports:
        found = _country_after(doc, end) or _listed_above(text, doc[start].idx)
    return found


def _listed_above(text: str, at: int) -> str | None:
    """The country of a side's list that runs down to the name at offset `at`: a line-up after the side's
    name and a dash, or an innings under a line of the side's name alone (the lines walked up once)."""
    lines = _lines_before(text, at)
    return _after_header(at, lines) or _in_innings(text, at, lines)


def _country_after(doc: Doc, end: int) -> str | None:
    """ "NAME ( Sweden )": a country in brackets right after the name, on its line, as the results of
    sports played by people give each player's."""
    if end >= len(doc) or doc[end].text != "(" or "\n" in doc[end - 1].whitespace_:
        return None
    close = next((j for j in range(end + 1, min(end + 6, len(doc))) if doc[j].text == ")"), None)
    inner = doc[end + 1 : close] if close is not None else None
    if inner is None or not len(inner) or any("\n" in t.whitespace_ for t in inner):
        return None
    return country_named(inner.text)


def _bracketed(doc: Doc, start: int, token_cluster: dict[int, Cluster], qualifier: Qualifier) -> str | None:
    """ "Italy ( NAME , NAME )": the GPE right before the bracket the person's name is listed in."""
    i = start - 1
    while i >= 0 and "\n" not in doc[i].whitespace_:
        token = doc[i]
        cluster = token_cluster.get(i)
        if token.text == "(":
            side = token_cluster.get(i - 1) if i >= 1 and "\n" not in doc[i - 1].whitespace_ else None
            return qualifier(side) if side is not None and side.type == "GPE" else None
        # Names, and words of a name the model missed ("Italy ( Ada Rossi , NAME )"), between commas.
        name = cluster.type == "PERSON" if cluster is not None else token.pos_ == "PROPN"
        if not (token.text in (",", "and", "&") or name):
            return None
        i -= 1
    return None


def country_named(text: str) -> str | None:
    """The ISO code of the country or home nation `text` names in full ("Brazil", "pakistan",
    "Netherlands", "England": a national side is named as its country)."""
    title = " ".join(text.split()).title()
    by_name = lexicons.country_by_name()
    nations = _nation_sovereigns()
    for form in (title, title.removeprefix("The "), f"The {title}"):
        if form in by_name:
            return by_name[form].iso3
        if form in nations:
            return nations[form]
    return None


@functools.cache
def _nation_sovereigns() -> dict[str, str]:
    """A home nation's name -> its sovereign's ISO code ("England" -> GBR), built once: country_named runs
    for every bracket and line of a results page."""
    return {n.name: n.sovereign for n in lexicons.nations()}


def _lines_before(text: str, at: int) -> list[tuple[int, str]]:
    """(start, text) of the line holding offset `at` and of up to _MAX_LINES lines before it, nearest
    first."""
    out: list[tuple[int, str]] = []
    end = at
    while len(out) <= _MAX_LINES:
        start = text.rfind("\n", 0, end) + 1
        stop = text.find("\n", start)
        out.append((start, text[start : stop if stop >= 0 else len(text)]))
        if start == 0:
            break
        end = start - 1
    return out


def _after_header(at: int, lines: list[tuple[int, str]]) -> str | None:
    """ "SIDE - NAME , NAME": the nearest line opening with a side's name and a dash or colon, at or
    above the person's (at offset `at`; `lines` as _lines_before gives them), with no sentence ending
    between; its country if the side is a country."""
    for k, (start, line) in enumerate(lines):
        stop = at - start if k == 0 else len(line)
        header = SIDE_HEADER.match(line)
        if header is not None and header.end() <= stop:
            return country_named(header.group("side"))
        if " . " in line[:stop] + " " or not line.strip():
            return None  # a sentence or a paragraph ended: prose, not a list
    return None


def _in_innings(text: str, at: int, lines: list[tuple[int, str]]) -> str | None:
    """A player whose name opens its line, under a line holding only a country's name (an innings or
    a line-up set out one player a line); not past a line of the other side's bowlers."""
    if text[lines[0][0] : at].strip():
        return None  # the name does not open its line
    for _, line in lines[1:]:
        words = line.strip()
        if not words:
            return None
        head = words.split()[0].lower()
        if head == _OTHER_SIDE or head in table_words():
            return None
        code = country_named(words)
        if code is not None:
            return code
    return None
