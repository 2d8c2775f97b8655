"""Bodies the knowledge base knows that the model misses: a capitalised name no model entity covers that
is, in full, an organisation's name in the knowledge base or the organisation lexicon ("Hezbollah" and
"Human Rights Watch" are), of at least two words, an acronym of three capitals or more, a word the model
calls a people, religion or party ("Democrats", "Tories": the knowledge base's parties), or one word the
tagger calls a proper noun, of four letters or more, standing alone (no capitalised word beside it) that
the text never writes in lower case ("The Nikkei fell"; not "Coach" before a name).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ... import lexicons
from ...kb import ActorKB
from .mentions import Candidate, lexicon_org_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..base import Parsed


def add_known_bodies(parsed: Parsed, candidates: list[Candidate], kb: ActorKB) -> list[Candidate]:
    """Capitalised names no mention covers that the knowledge base or the organisation lexicon knows in
    full as an organisation, added as ORG mentions."""
    doc = parsed.doc
    covered = {t for c in candidates for t in range(c.tok_start, c.tok_end)}
    orgs = lexicons.organisation_by_name()
    lower_words = {t.text for t in doc if t.text[:1].islower()}
    added: list[Candidate] = []
    tokens = parsed.tokens
    i = 0
    while i < len(doc):
        if i in covered or not tokens[i].text[:1].isupper() or (i > 0 and tokens[i - 1].text[:1].isupper()):
            i += 1
            continue
        end = i
        while end < len(doc) and end - i < 6 and end not in covered and doc[end].text[:1].isupper():
            end += 1
        found = None
        # The article opening a sentence ("The Dow Chemical Co will ...") may stand before the name:
        # the run is tried as written, then without it.
        starts = (i, i + 1) if tokens[i].lower_ == "the" and end > i + 1 else (i,)
        bounds = [(first, stop) for first in starts for stop in range(end, first, -1)]
        for first, stop in bounds:
            span = doc[first:stop]
            words = stop - first
            acronym = span.text.isupper() and span.text.isalpha() and len(span.text) >= 3
            # One word only as an acronym, as a people the model named that is a body ("Democrats"), or as
            # a proper noun the text never writes in lower case standing alone: no capitalised word
            # beside it ("Halliburton"; not "Coach" before a name, "Labour" of "Labour Day").
            if words == 1 and not (
                acronym
                or span[0].ent_type_ == "NORP"
                or (_alone(doc, stop, end) and _proper_word(span[0], lower_words))
            ):
                continue
            if span.text in orgs or _kb_org(kb, span.text):
                found = span
                break
        if found is None:
            i = end if end > i else i + 1
            continue
        # The lexicon's entry, as a name the model found would link it (mentions.py): its country and
        # sector ("UEFA" of a "UEFA Cup" the model took whole is the body of no one country).
        added.append(Candidate.from_span(parsed, found, "ORG", "name", lexicon_org_key(found.text)))
        i = found.end
    return sorted([*candidates, *added], key=lambda c: c.start) if added else candidates


def _alone(doc: Doc, stop: int, end: int) -> bool:
    """The span ending at `stop` is its whole run of capitalised words (`end`), no capitalised word after."""
    return stop == end and (end == len(doc) or not doc[end].text[:1].isupper())


def _proper_word(tok: Token, lower_words: set[str]) -> bool:
    """A word the tagger calls a proper noun, of four letters or more, that the text never writes in lower
    case ("Halliburton", "Hulu"; not "Curves" beside "curves")."""
    text = tok.text
    return tok.pos_ == "PROPN" and text.isalpha() and len(text) >= 4 and text.lower() not in lower_words


def _kb_org(kb: ActorKB, name: str) -> bool:
    """The knowledge base knows `name`, as written in full, as an organisation and as nothing else."""
    matches = [m for m in kb.lookup(name) if m.how == "name"]
    return bool(matches) and all(m.actor.type == "ORG" for m in matches)
