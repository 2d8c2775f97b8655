"""Bodies the knowledge base knows that the model misses: a capitalised name no model entity covers that
is, in full, an organisation's name in the knowledge base or the organisation lexicon ("Hezbollah" and
"Human Rights Watch" are), of at least two words, an acronym of three capitals or more, a word the model
calls a people, religion or party ("Democrats", "Tories": the knowledge base's parties), or one word the
tagger calls a proper noun, of four letters or more, standing alone (no capitalised word beside it) that
the text never writes in lower case ("The Nikkei fell"; not "Coach" before a name). A name of two
words or more may hold small words ("Transport for London", "Hearts of Oak") and a place the model found
inside it, not a country's name or demonym ("Utah" of "the Utah Jazz"; not "U.S. President"): the place
gives way to the body (thirty-seventh session; the places stage still reads a place inside a body's
name as a place of its own, as gazetteers annotate it). A transliterated name the tokenizer cut apart at
the particles it glues with hyphens ("Jaish-e-Mohammed", "Jamaat-ud-Dawa": name_shapes.glued_name) is
looked up whole (forty-fifth session; kb_link.py links it in a story that does not name its country, and
kb_retype.py makes one the model called a person, "Lashkar-e-Taiba", the body the knowledge base knows).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ... import lexicons
from ...kb import ActorKB
from .mentions import Candidate, lexicon_org_key
from .name_shapes import glued_name, minister_portfolio

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from ..base import Parsed


# Small words that may stand inside a body's name between capitalised ones ("Transport for London",
# "Hearts of Oak", "Banco de Chile").
JOINERS = frozenset({"of", "for", "and", "&", "de", "del", "la", "du", "des", "da", "do"})
_MAX_TOKENS = 8
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def add_known_bodies(parsed: Parsed, candidates: list[Candidate], kb: ActorKB) -> list[Candidate]:
    """Capitalised names no mention covers that the knowledge base or the organisation lexicon knows in
    full as an organisation, added as ORG mentions; a name of two words or more may hold small words
    ("Transport for London") and places the model found inside it ("Utah" of "the Utah Jazz"), which
    give way to the body."""
    doc = parsed.doc
    covered = {t for c in candidates for t in range(c.tok_start, c.tok_end)}
    # Not a country's name or demonym: "U.S. President" is a title, "The Australian" a people's word.
    places = {
        t: c for c in candidates if c.type in _PLACES and not c.code for t in range(c.tok_start, c.tok_end)
    }
    orgs = lexicons.organisation_by_name()
    tokens = parsed.tokens  # made once: doc[i] makes a new Token on every call
    # Each word's text and whether it is capitalised, read once: the runs below test them again and again.
    texts = [t.text for t in tokens]
    capital = [w[:1].isupper() for w in texts]
    lower_words = {w for w in texts if w[:1].islower()}
    added: list[Candidate] = []

    def open_(t: int) -> bool:
        """Token `t` may stand in a run: not covered, or covered by a place."""
        return t not in covered or t in places

    i = 0
    while i < len(tokens):
        starts_place = i in places and places[i].tok_start == i
        if (i in covered and not starts_place) or not capital[i]:
            i += 1
            continue
        if i > 0 and capital[i - 1]:
            i += 1
            continue
        plain = i  # the run of capitalised words no mention covers, as one word standing alone is read
        while plain < len(tokens) and plain - i < 6 and plain not in covered and capital[plain]:
            plain += 1
        end = i
        while end < len(tokens) and end - i < _MAX_TOKENS and open_(end):
            if (
                capital[end]
                or (tokens[end].lower_ in JOINERS and end + 1 < len(tokens) and capital[end + 1])
                or _glued_particle(tokens, end)
            ):
                end += 1
            else:
                break
        found = None
        # The article opening a sentence ("The Dow Chemical Co will ...") may stand before the name:
        # the run is tried as written, then without it.
        starts = (i, i + 1) if tokens[i].lower_ == "the" and end > i + 1 else (i,)
        bounds = [(first, stop) for first in starts for stop in range(end, first, -1)]
        for first, stop in bounds:
            span = doc[first:stop]
            words = stop - first
            if not _whole(span, first, stop, covered, places) or minister_portfolio(doc, span):
                continue
            acronym = span.text.isupper() and span.text.isalpha() and len(span.text) >= 3
            # One word only as an acronym, as a people the model named that is a body ("Democrats"), or as
            # a proper noun the text never writes in lower case standing alone: no capitalised word
            # beside it ("Halliburton"; not "Coach" before a name, "Labour" of "Labour Day").
            if words == 1 and not (
                acronym
                or span[0].ent_type_ == "NORP"
                or (_alone(capital, stop, plain) and _proper_word(span[0], lower_words))
            ):
                continue
            if span.text in orgs or _kb_org(kb, span.text):
                found = span
                break
        if found is None:
            i = plain if plain > i else i + 1
            continue
        # The lexicon's entry, as a name the model found would link it (mentions.py): its country and
        # sector ("UEFA" of a "UEFA Cup" the model took whole is the body of no one country).
        added.append(Candidate.from_span(parsed, found, "ORG", "name", lexicon_org_key(found.text)))
        i = found.end
    if not added:
        return candidates
    taken = {t for c in added for t in range(c.tok_start, c.tok_end)}
    kept = [c for c in candidates if taken.isdisjoint(range(c.tok_start, c.tok_end))]
    return sorted([*kept, *added], key=lambda c: c.start)


def _glued_particle(tokens: Sequence[Token], i: int) -> bool:
    """Token `i` is a hyphen or one of the small words a transliterated name glues between its capitalised
    pieces with no space ("Jaish-e-Mohammed": name_shapes.glued_name)."""
    for first_hyphen in range(max(1, i - 2), i + 1):
        piece = tokens[first_hyphen - 1 : first_hyphen + 4]  # "Jaish", "-", "e", "-", "Mohammed"
        # With no space between them, the five words' text is theirs joined (as the Span's would be).
        glued = len(piece) == 5 and not any(t.whitespace_ for t in piece[:-1])
        if glued and glued_name("".join(t.text for t in piece)):
            return True
    return False


def _whole(span: Span, first: int, stop: int, covered: set[int], places: dict[int, Candidate]) -> bool:
    """A span to look up: it opens and ends with a capitalised word, and holds a place the model found
    only whole, beside at least one word no mention covers ("Utah Jazz", never "Utah" alone)."""
    if not (span[0].text[:1].isupper() and span[-1].text[:1].isupper()):
        return False
    inside = {id(places[t]): places[t] for t in range(first, stop) if t in places}
    if not inside:
        return True
    whole = all(first <= c.tok_start and c.tok_end <= stop for c in inside.values())
    return whole and any(t not in covered for t in range(first, stop))


def _alone(capital: Sequence[bool], stop: int, end: int) -> bool:
    """The span ending at `stop` is its whole run of capitalised words (`end`), no capitalised word after
    (`capital`: whether each token of the doc is capitalised)."""
    return stop == end and (end == len(capital) or not capital[end])


def _proper_word(tok: Token, lower_words: set[str]) -> bool:
    """A word the tagger calls a proper noun, of four letters or more, that the text never writes in lower
    case ("Halliburton", "Hulu"; not "Curves" beside "curves")."""
    text = tok.text
    return tok.pos_ == "PROPN" and text.isalpha() and len(text) >= 4 and text.lower() not in lower_words


def _kb_org(kb: ActorKB, name: str) -> bool:
    """The knowledge base knows `name`, as written in full, as an organisation and as nothing else."""
    matches = [m for m in kb.lookup(name) if m.how == "name"]
    return bool(matches) and all(m.actor.type == "ORG" for m in matches)
