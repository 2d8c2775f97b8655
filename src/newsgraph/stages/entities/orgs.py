"""Organisations the model misses or mistypes, found by the shape of the text and the knowledge base.

- Clubs in the results and tables of a team sport's story: "Leeds 2 Everton 1", "Sussex 363 ( ... ) ,
  Westshire 211-6", "Northfield 4 2 1 1 5 3 7", "June 2 v Eastshire". A name standing at the start of
  a line or clause (or after a score, or after "v") and followed by a score is a club (ORG), and so is
  every other mention of that name in the story. The model often tags none of it (lines of names and
  numbers are not sentences) or calls a club after its town a place. Not taken: names shaped like a
  person's ("P. Johnson 84": an initial), national sides (named as their countries, which news and CoNLL
  keep as places), dates ("June 14-16"), and any name in sports played by individuals.
- Bodies the knowledge base knows: known_bodies.py; bodies named by a head word: headed_bodies.py.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import entity_words, sports_words, table_words, team_sports
from .mentions import Candidate
from .name_shapes import is_legal_form

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..base import Parsed

_SCORE = re.compile(r"\d{1,3}(?:-\d{1,3})?")
_TOWN_LETTER = re.compile(r"[A-Z]{1,2}")
_FIGURE = re.compile(r"\d+|[-/.:]")  # the pieces of a figure the parse may cut apart
# Tokens after which a club's name may start in a result line: a line or clause break, "v", a score.
_OPENERS = frozenset({":", ",", ";", "(", ")", "v", "v.", "vs", "vs.", "-", "and", "or"})
# Words inside a club's name that are not capitalised ("Queen of the South", "Brighton & Hove").
_JOINERS = frozenset({"of", "the", "&", "de", "del", "la"})
_MAX_WORDS = 4
# The model's DATE is no guide here ("Westshire 211-6" is a DATE to it), the calendar's words are.
_NOT_CLUBS = frozenset({"TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
_CALENDAR = frozenset(
    w.lower()
    for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name, *calendar.day_abbr)
    if w
)


def team_sport_story(text: str) -> bool:
    """A story whose headline opens with a team sport's name ("SOCCER - ...", "RUGBY UNION - ...")."""
    words = re.findall(r"[a-z]+", text.lstrip()[:40].lower())
    sports = team_sports()
    return bool(words) and (" ".join(words[:2]) in sports or words[0] in sports)


def _name_word(tok: Token) -> bool:
    text = tok.text
    word = tok.lower_.rstrip(".")
    # Not a verb of a headline ("IRELAND BEAT LIECHTENSTEIN 5-0") nor a table's own word ("Halftime 1-0").
    _, verbs = sports_words()
    return (
        (text[:1].isupper() and (tok.is_alpha or text.rstrip(".").isalpha() or "-" in text))
        and not (len(text) == 2 and text.endswith("."))  # an initial: "P." of "P. Johnson"
        and tok.ent_type_ not in _NOT_CLUBS
        and word not in _CALENDAR
        and word not in table_words()
        and word not in verbs
        and word.removesuffix("s") not in verbs
    )


def _opens(doc: Doc, i: int) -> bool:
    """A club's name may start at token i: first on its line, or after a clause mark, "v" or a score."""
    if i == 0 or "\n" in doc[i - 1].whitespace_ or doc[i - 1].is_space:
        return True
    prev = doc[i - 1]
    return prev.lower_ in _OPENERS or bool(_SCORE.fullmatch(prev.text))


def _is_score(tok: Token) -> bool:
    """A score or a table's first figure; not a piece of a longer figure such as a bowler's analysis
    ("8-0-39-3", which the parse may cut into numbers and dashes)."""
    doc = tok.doc
    if not _SCORE.fullmatch(tok.text) or (tok.ent_type_ == "TIME" and not _table_row(tok)):
        return False
    if tok.i > 0 and not doc[tok.i - 1].whitespace_ and doc[tok.i - 1].text in ("-", "/", ".", ":"):
        return False  # the end of a figure ("8-0-39-3"), not its start
    end = tok.i  # the figure's last token: the model may cut "429-7" into three
    while end + 1 < len(doc) and not doc[end].whitespace_ and (_FIGURE.fullmatch(doc[end + 1].text)):
        end += 1
    return end == tok.i or bool(_SCORE.fullmatch(doc[tok.i : end + 1].text))


def _table_row(tok: Token) -> bool:
    """`tok` opens a row of a table, three figures or more on its line ("3 1 1 1 6 1 4"), which the model
    may read as a time."""
    row = tok.doc[tok.i : tok.i + 3]
    return (
        len(row) == 3 and all(t.is_digit and "\n" not in t.whitespace_ for t in row[:2]) and row[2].is_digit
    )


def _in_brackets(doc: Doc, i: int) -> bool:
    """Token i is inside brackets opened on its line: a player's figures ("( P. Johnson 84 ; Gough
    4-55 )"), not a club's score."""
    depth = 0
    j = i - 1
    while j >= 0 and "\n" not in doc[j].whitespace_ and not doc[j].is_space:
        if doc[j].text == ")":
            depth -= 1
        elif doc[j].text == "(":
            depth += 1
            if depth > 0:
                return True
        j -= 1
    return False


def _club_before(doc: Doc, score: int) -> tuple[int, int] | None:
    """The club name that ends right before the score at token `score`, as (start, end) tokens."""
    end = score
    start = end
    while start > 0 and end - start < _MAX_WORDS:
        tok = doc[start - 1]
        if "\n" in tok.whitespace_ and start != end:
            break
        if _name_word(tok) or (tok.lower_ in _JOINERS and start != end):
            start -= 1
            continue
        break
    while start < end and doc[start].lower_ in _JOINERS:
        start += 1
    if start == end or not _opens(doc, start) or "\n" in doc[end - 1].whitespace_ or _in_brackets(doc, start):
        return None
    return start, end


def _country_name(text: str) -> bool:
    for form in (text, text.title()):
        if form in lexicons.country_by_name() or lexicons.country_by_demonym().get(form):
            return True
    return any(form in (n.name for n in lexicons.nations()) for form in (text, text.title()))


def _town_letter_before(doc: Doc, i: int) -> bool:
    """A bracketed letter or two right before token i ("Rad ( B ) 0"), as results name clubs of one name."""
    return (
        i >= 4
        and doc[i - 1].text == ")"
        and doc[i - 3].text == "("
        and bool(_TOWN_LETTER.fullmatch(doc[i - 2].text))
    )


def club_spans(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) tokens of the club names in the results and tables of a team sport's story."""
    out: list[tuple[int, int]] = []
    for i, tok in enumerate(doc):
        if not _is_score(tok):
            continue
        lettered = _town_letter_before(doc, i)
        span = _club_before(doc, i - 3 if lettered else i)
        if span is None:
            continue
        if lettered:
            span = (span[0], i)  # "Mladost ( L ) 2": the letter of its town tells namesakes apart
        words = doc[span[0] : span[1]]
        if any(t.ent_type_ == "PERSON" for t in words) and len(words) > 1:
            continue  # a player the model recognised ("Steve Stone 2")
        if not _country_name(words.text):
            out.append(span)
    return out


def add_clubs(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with the clubs of a team sport's result lines as ORG mentions, there and wherever
    else the story names them: a mention of a club's name becomes ORG, a model entity that ran over a
    result line ("Harrowby 2 Dunmere Athletic") gives way to the clubs in it, and the names the model
    did not tag are added."""
    if not team_sport_story(parsed.text):
        return candidates
    doc = parsed.doc
    spans = club_spans(doc)
    if not spans:
        return candidates
    clubs = {doc[a:b].text for a, b in spans}
    in_lines = {t for a, b in spans for t in range(a, b)}
    kept = [
        c
        for c in candidates
        if c.text in clubs or not any(t in in_lines for t in range(c.tok_start, c.tok_end))
    ]
    return _as_orgs(parsed, kept, clubs)


def named_after_org_noun(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """A name right after a noun that says it is an organisation's ("the news agency Tanjug", "French
    side Nice"; org_nouns.tsv) is ORG, and so is every other mention of it in the document: the
    candidates retyped, and the name added where the model tagged nothing."""
    doc = parsed.doc
    nouns = lexicons.words("org_nouns.tsv")
    by_start = {c.tok_start: c for c in candidates}
    names: set[str] = set()
    tokens = parsed.tokens
    for i in range(1, len(doc)):
        if (
            tokens[i - 1].lower_ not in nouns
            or tokens[i - 1].pos_ != "NOUN"
            or not tokens[i].text[:1].isupper()
        ):
            continue
        found = by_start.get(i)
        # A person's full name after "group" or "party" is a member, not a body; a single word is the body.
        if found is not None and found.kind == "name" and (found.type != "PERSON" or " " not in found.text):
            name = found.text
        elif found is None and (doc[i].pos_ == "PROPN" or doc[i].is_upper):
            end = i
            while end < len(doc) and end - i < 4 and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
                end += 1
            name = doc[i:end].text if end > i else ""
        else:
            continue
        end = i + len(name.split())
        cut = (
            end < len(doc)
            and doc[end].lower_ in ("of", "in", "for")
            and doc[end + 1 :][:1].text[:1].isupper()
        )
        if len(name) > 1 and not cut and not _country_name(name):
            names.add(
                name
            )  # not a letter ("company N"), nor the start of a longer name ("Human Rights in China")
    return _as_orgs(parsed, candidates, names) if names else candidates


def _as_orgs(parsed: Parsed, candidates: list[Candidate], names: set[str]) -> list[Candidate]:
    """Every mention of `names` typed ORG; the occurrences no candidate covers added."""
    doc = parsed.doc
    out = [
        dataclasses.replace(c, type="ORG", kb=None) if c.text in names and c.type != "ORG" else c
        for c in candidates
    ]
    covered = {t for c in out for t in range(c.tok_start, c.tok_end)}
    ordered = sorted(names, key=len, reverse=True)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, ordered)) + r")(?!\w)")
    for found in pattern.finditer(parsed.text):
        span = doc.char_span(found.start(), found.end())
        if span is not None and not any(t in covered for t in range(span.start, span.end)):
            out.append(Candidate.from_span(parsed, span, "ORG", "name"))
            covered.update(range(span.start, span.end))
    return sorted(out, key=lambda c: c.start)


def with_legal_forms(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """A person's or body's name the model ended before the firm's legal form that follows it ("Acme SpA",
    "Bellani AG", "Rheinmetall S.A."; entity_words' `legal_forms`) is the firm's name, an ORG: its unit
    or chairman ("Acme SpA chairman") is then the firm's. A form that is also a short word or a place's
    abbreviation ("SA") counts only with its dots ("S.A.")."""
    doc = parsed.doc
    starts = {c.tok_start for c in candidates}
    out = []
    for c in candidates:
        nxt = doc[c.tok_end] if c.kind == "name" and c.tok_end < len(doc) else None
        if (
            nxt is not None
            and c.type in ("PERSON", "ORG")
            and nxt.i not in starts
            and not nxt.is_lower
            and doc[c.tok_end - 1].whitespace_ == " "
            and is_legal_form(nxt.text)
        ):
            c = Candidate.from_span(parsed, doc[c.tok_start : c.tok_end + 1], "ORG", "name")
        elif c.kind == "name" and c.type == "PERSON" and _ends_in_legal_form(c.text):
            c = dataclasses.replace(c, type="ORG")  # "Kieler Elektroschiff GmbH", "Koelwerk BV"
        elif c.kind == "name" and c.type == "PERSON" and (whole := _hyphened_name_end(parsed, c)) > c.tok_end:
            # "Moon Jae-in": the tokenizer splits "-in", a word of its own, and the model ends the name
            # before it
            c = Candidate.from_span(parsed, doc[c.tok_start : whole], "PERSON", "name", c.kb, c.title_before)
        out.append(c)
    return out


def _hyphened_name_end(parsed: Parsed, c: Candidate) -> int:
    """The token end of a person's name that runs on, with no space, into a hyphen and a lower-case
    syllable ("Jae" + "-" + "in"); `c.tok_end` when it does not."""
    doc = parsed.doc
    i = c.tok_end
    if (
        i + 1 < len(doc)
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and doc[i + 1].is_alpha
        and doc[i + 1].is_lower
        and len(doc[i + 1].text) <= 3
    ):
        return i + 2
    return i


def _ends_in_legal_form(name: str) -> bool:
    """A name of two words or more whose last is a firm's legal form: written inside the name the model
    read, a short form ("BV", "SA", "AB") needs no dots, only its capitals."""
    words = name.split()
    return len(words) >= 2 and is_legal_form(words[-1], in_name=True)


def join_saint_bodies(parsed: Parsed, candidates: list[Candidate]) -> list[Candidate]:
    """A body named after a saint that the model cut in two, a place and a body ("St. John" + "'s" +
    "Lutheran School"; entity_words' `saints` and `saint_bodies`), is one ORG: the saint is no place, and
    a person described at the school is not of the country whose capital bears the saint's name."""
    doc = parsed.doc
    words = entity_words()
    by_start = {c.tok_start: c for c in candidates}
    joined: dict[int, Candidate] = {}  # token start of the saint's name -> the body's whole name
    for c in candidates:
        body = by_start.get(c.tok_end + 1) if c.tok_end + 1 < len(doc) else None
        if (
            body is None
            or c.kind != "name"
            or body.kind != "name"
            or doc[c.tok_start].text not in words.saints
            or doc[c.tok_end].lower_ not in ("'s", "’s")
            or doc[body.tok_end - 1].lower_ not in words.saint_bodies
        ):
            continue
        joined[c.tok_start] = Candidate.from_span(parsed, doc[c.tok_start : body.tok_end], "ORG", "name")
    if not joined:
        return candidates
    dropped = {joined_c.tok_end - 1 for joined_c in joined.values()}  # the bodies' last tokens
    out = []
    for c in candidates:
        if c.tok_start in joined:
            out.append(joined[c.tok_start])
        elif c.tok_end - 1 not in dropped:
            out.append(c)
    return out
