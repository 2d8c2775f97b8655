"""Persons the model typed a body: "Celso Macuácua", "Giovanni Botta", "Karim El Amrani" tagged ORG. The
small model reads a name it does not know as often a firm's as a person's; a name of two to four words
that opens with a given name the names list knows (first_names.tsv, the well-attested list) and holds
no word of a body's name (an organisation head word, a legal form, an agent noun: "Grace Bible Church"),
with no article before it nor a body's word right after it ("the ruling Chama Cha Wakulima party"), is a
person's, unless the knowledge base or the organisation lexicon knows it as a
body ("Morgan Stanley", "Marks & Spencer") or the story is a sports story (clubs are named after people
and places: "Aston Villa").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from typing import TYPE_CHECKING

from ...lexicons.agents import agent_nouns
from ...lexicons.entities import entity_words
from ...lexicons.names import is_given_name
from ..common import is_sports_story
from .countries import country_cues
from .mentions import is_legal_form

if TYPE_CHECKING:
    from ...kb import ActorKB
    from ..base import Parsed
    from .mentions import Candidate

# A word of a person's name: a capital, then letters (an inner capital, hyphen or apostrophe allowed:
# "McAllister", "Mensah-Bonsu", "O'Neill"), not a word in capitals (an acronym).
_NAME_WORD = re.compile(
    r"[A-ZÀ-ÖØ-Þ](?:[a-zß-öø-ÿ]+|['’](?=[A-ZÀ-ÖØ-Þ]))(?:['’-]?[A-ZÀ-ÖØ-Þa-zß-öø-ÿ][a-zß-öø-ÿ]*)*\Z"
)
# An article, maybe with one word between, right before the name: "the ruling NAME", "a NAME" are bodies'
# ways; a person's name stands without one.
_ARTICLE_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+)?\Z")
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)")
# "El", "de", "van der": particles inside a surname.
_PARTICLES = frozenset(
    {"al", "el", "de", "del", "der", "van", "von", "da", "di", "dos", "du", "le", "la", "bin"}
)


def retype_personal_names(parsed: Parsed, candidates: list[Candidate], kb: ActorKB) -> list[Candidate]:
    """The candidates with each name typed ORG that reads as a person's (see the module's docstring) typed
    PERSON."""
    if is_sports_story(parsed.text):
        return candidates
    text = parsed.text
    out = []
    for c in candidates:
        if (
            c.kind == "name"
            and c.type == "ORG"
            and c.kb is None
            and not _ARTICLE_BEFORE.search(text, max(0, c.start - 30), c.start)
            and not _body_word_after(text, c.end)
            and reads_as_person(c.text, kb)
        ):
            c = dataclasses.replace(c, type="PERSON")
        out.append(c)
    return out


def _body_word_after(text: str, end: int) -> bool:
    """The word right after the name is a body's ("the ruling Chama Cha Wakulima party")."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and (after[1].lower() in _body_words() or after[1].lower() in agent_nouns())


def reads_as_person(name: str, kb: ActorKB) -> bool:
    """Two to four words, the first a given name, none a body's word nor in capitals, and no body of the
    knowledge base bears the name."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not is_given_name(words[0]):
        return False
    body, nouns = _body_words(), agent_nouns()
    for word in words[1:]:
        low = word.lower()
        if low in _PARTICLES:
            continue
        if not _NAME_WORD.match(word) or low in body or low in nouns or is_legal_form(word):
            return False
    return not any(m.actor.type == "ORG" for m in kb.lookup(name) if m.how != "surname")


@functools.cache
def _body_words() -> frozenset[str]:
    """Every word the lexicons say makes a name a body's."""
    w = entity_words()
    return (
        w.org_words
        | frozenset(w.org_tails)
        | w.org_heads
        | w.firm_words
        | w.place_body_heads
        | w.saint_bodies
        | w.place_plurals
        | w.team_suffixes
        | w.body_name_words
        | w.institutions
        | frozenset(country_cues().descriptor)
    )
