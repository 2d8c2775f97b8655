"""A national side's coach is of the state whose side it is (issue 14, fifty-third session): "South Korea
coach Jürgen Klinsmann", "Masatada Ishii, the Japanese coach of the Thai side", "Jason Gillespie, the
Australian who coaches the Pakistan Test side", "Kim Sang-sik, the South Korean in charge of Vietnam",
"Australia, now coached by the New Zealander Joe Schmidt". The coach serves that state's federation, as a
minister serves their government (docs/annotation-actors.md: a national side's coach is of that state);
the knowledge base's nationality or a demonym beside the name says where the coach comes from, not whom
they act for. A club's coach keeps their own country ("Al Nassr coach NAME": no country's name there), and
a former coach too ("former England manager NAME").

The side is named by a country's or a nation's name (countries.tsv, nations.tsv; "England" is GBR), or
after "of the" by its demonym and a side noun ("the Thai side"). A country's name that is also a US state's
("Georgia coach NAME" is a college's) or follows another capitalised word ("New Mexico coach") names no
national side. Every name mention of the person is read, and one country must come out of them all.

So is a player the parse makes the doer of a play for a country's side ("NAME pulled one back for
Brazil", "NAME, who plays his international football for Ghana", "NAME scored twice for Morocco"; the
verbs are home_words.tsv's `national_side_verbs`): a player is of the state whose national side they play
for (docs/annotation-actors.md), whatever their birth or the knowledge base says. "Signed for Brazil's
Flamengo" names a club, and "for Barcelona" a town's: only a country's or a nation's name is a side.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from ... import lexicons
from ...lexicons.entities import home_words
from ...lexicons.places import us_states
from ...model import Entity, Mention
from ..common import alternatives

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..base import Parsed

_REACH = 120  # characters read before and after a name mention
_S = r"[ \t]+"


def _alternatives(words: Iterable[str], capitalised: bool = False) -> str:
    """`alternatives` of the words; with `capitalised`, each lower-case word also as it opens a sentence or
    a title ("Head coach NAME")."""
    base = set(words)
    return alternatives(base | ({w[:1].upper() + w[1:] for w in base} if capitalised else set()))


@functools.cache
def _sides() -> dict[str, str]:
    """A country's or a nation's name, or a demonym, as written -> the state whose side it names."""
    states = {s.name for s in us_states()}
    out = {d: c.iso3 for d, c in lexicons.country_by_demonym().items()}
    out.update({n.name: n.sovereign for n in lexicons.nations()})
    out.update({n: c.iso3 for n, c in lexicons.country_by_name().items() if n not in states})
    return out


@functools.cache
def _side_names() -> dict[str, str]:
    """`_sides` without the demonyms: a country's or a nation's name -> its state."""
    demonyms = lexicons.country_by_demonym()
    return {n: c for n, c in _sides().items() if n not in demonyms}


@functools.cache
def _patterns() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    """(patterns ending where a name starts, patterns starting where it ends); each names its side in the
    group `team` (a country's or nation's name) or `demonym`."""
    words = home_words()
    country = rf"(?P<team>{_alternatives(_side_names())})"
    demonym = rf"(?P<demonym>{_alternatives(lexicons.country_by_demonym())})"
    noun = rf"(?:{_alternatives(words.team_coaches, capitalised=True)})"
    verb = rf"(?:{_alternatives(words.team_coach_verbs)})"
    qualifiers = rf"(?:(?:{_alternatives(words.team_coach_qualifiers, capitalised=True)}){_S})*"
    side = rf"(?:{_alternatives(words.national_sides)})"
    capitalised = rf"(?:[A-Z][\w'’.-]*{_S}){{0,3}}"
    before = (
        # "South Korea coach NAME", "Thailand's head coach NAME", "the Romania coach, NAME"
        re.compile(rf"\b{country}(?:['’]s)?{_S}{qualifiers}{noun},?{_S}\Z"),
        # "Australia, now coached by the New Zealander NAME"
        re.compile(rf"\b{country},{_S}(?:now{_S})?{verb}{_S}by{_S}(?:the{_S})?{capitalised}\Z"),
    )
    after = (
        # ", the Romania coach", ", the interim Brazil coach"
        re.compile(rf",{_S}the{_S}{qualifiers}{country}{_S}{qualifiers}{noun}\b"),
        # ", the Japanese coach of the Thai side", ", the coach of Thailand"
        re.compile(
            rf",{_S}the{_S}{capitalised}{qualifiers}{noun}{_S}of{_S}(?:the{_S})?"
            rf"(?:{country}\b|{demonym}{_S}(?:national{_S})?{side}\b)"
        ),
        # ", the Frenchman who coaches Saudi Arabia", ", the Australian who coaches the Pakistan Test side"
        re.compile(rf",{_S}the{_S}{capitalised}who{_S}{verb}{_S}(?:the{_S})?{country}\b"),
        # ", in charge of Uruguay", ", the South Korean in charge of Vietnam"
        re.compile(rf",{_S}(?:the{_S}{capitalised})?in{_S}charge{_S}of{_S}(?:the{_S})?{country}\b"),
    )
    return before, after


# Words right before a country's name that make it part of another name or a past post.
_NOT_BEFORE = re.compile(r"(?:\b(?:former|ex|then|late)[ \t-]+|[A-Z][\w'’.-]*[ \t]+)\Z")


def _side_country(text: str, match: re.Match[str]) -> str | None:
    """The state the matched side is of, unless the country's name is part of another name ("New
    Mexico") or of a past post ("former England manager")."""
    group = "team" if match.group("team") else "demonym"
    start = match.start(group)
    if _NOT_BEFORE.search(text, max(0, start - 30), start) and not _sentence_start(text, start):
        return None
    return _sides().get(match.group(group))


def _sentence_start(text: str, start: int) -> bool:
    """The word before `start` is a capitalised "The" or nothing: the country opens its phrase."""
    head = text[max(0, start - 30) : start].rstrip()
    return not head or head.endswith(("The", ".", ":", ";", ",", "--", "\n"))


@functools.cache
def _coach_word() -> re.Pattern[str]:
    """A word every pattern of `_patterns` holds (a coach noun or verb, "charge"): where none is near a
    name, none of them can match, and their long alternations of country names need not be tried."""
    words = home_words()
    alternatives = _alternatives({*words.team_coaches, *words.team_coach_verbs, "charge"}, capitalised=True)
    return re.compile(rf"\b(?:{alternatives})\b")


def coached_sides(text: str, mention: Mention) -> set[str]:
    """The states whose national side the text says the person named at `mention` coaches."""
    before, after = _patterns()
    found: set[str] = set()
    start = max(0, mention.start - _REACH)
    if _coach_word().search(text, start, mention.start):
        for pattern in before:
            hit = pattern.search(text, start, mention.start)
            if hit is not None and (country := _side_country(text, hit)):
                found.add(country)
    following = text[mention.end : mention.end + _REACH]
    if _coach_word().search(following):
        for pattern in after:
            hit = pattern.match(following)
            if hit is not None and (country := _side_country(following, hit)):
                found.add(country)
    return found


# How far up from "for" the verb may be: "plays [his international football] for Ghana", "scored [twice
# in the first half] for the United States".
_FOR_REACH = 3
_PHRASE_LINKS = frozenset({"dobj", "pobj", "prep", "advmod", "npadvmod", "prt"})


def played_sides(doc: Doc, mention: Mention) -> set[str]:
    """The states whose national side the parse makes the person named at `mention` play for: the verb
    they are the subject of, or the verb of a relative clause about them, has "for" and a country's name."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return set()
    head = span.root
    verbs = [head.head] if head.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [t for t in head.children if t.dep_ == "relcl"]
    plays = home_words().national_side_verbs
    found: set[str] = set()
    for verb in verbs:
        if verb.lemma_.lower() not in plays:
            continue
        for tok in verb.subtree:
            if tok.lower_ == "for" and _under(tok, verb) and (country := _side_named(tok)):
                found.add(country)
    return found


def _under(tok: Token, verb: Token) -> bool:
    """`tok` hangs from `verb` through at most `_FOR_REACH` links of its own phrase."""
    for _ in range(_FOR_REACH):
        if tok.head == verb:
            return True
        if tok.head.dep_ not in _PHRASE_LINKS or tok.head == tok:
            return False
        tok = tok.head
    return False


def _side_named(for_: Token) -> str | None:
    """The state a country's or a nation's name after "for" names ("for Brazil", "for the United
    States"), else None (a club, a town, a possessive: "for Brazil's Flamengo")."""
    objects = [t for t in for_.children if t.dep_ == "pobj"]
    if len(objects) != 1 or any(t.dep_ == "poss" for t in objects[0].children):
        return None
    name = " ".join(t.text for t in objects[0].subtree if t.dep_ != "det")
    return _side_names().get(name)


def national_side_countries(parsed: Parsed, entities: tuple[Entity, ...]) -> tuple[Entity, ...]:
    """The entities with each person the text names as a national side's coach, or the parse as its
    player, given that side's state (source `text`), over any other country."""
    out = []
    for e in entities:
        if e.type == "PERSON":
            names = [m for m in e.mentions if m.kind == "name"]
            sides = {c for m in names for c in coached_sides(parsed.text, m)}
            if not sides:
                sides = {c for m in names for c in played_sides(parsed.doc, m)}
            if len(sides) == 1 and (country := sides.pop()) != e.country:
                e = dataclasses.replace(e, country=country, country_source="text")
        out.append(e)
    return tuple(out)
