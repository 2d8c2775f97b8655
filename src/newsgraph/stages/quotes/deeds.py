"""Cue verbs that name a deed rather than words: such a verb reports nothing, whatever its lexicon frames.

Some stance cues are also physical acts. "The senator attacked the plan" reports a stance, but "militants
attacked a police post" and "protesters blocked the highway" report what bodies did: no one said anything,
and the object is a target, not the content of a position. The act is physical when the subject is armed
("militants", "troops"), when the object is a thing that can only be struck or blocked ("a post", "a
boat"), or when a participle of harm goes with it ("..., killing nine soldiers").

A cue of remembering can also mean calling a person back: "Peru recalled its ambassador" withdraws an
envoy; with an office holder or a body of staff as its bare object (no clause: "recalled the ambassador
saying ..." is still memory) it reports no words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...lexicons import titles
from ...lexicons.quotes import quote_words
from .content import SUBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORDS = quote_words()  # the word lists this module uses, from lexicons/quote_words.tsv


def _is(tok: Token, words: frozenset[str]) -> bool:
    return tok.lemma_.lower() in words or tok.lower_ in words


def _subject_head(verb: Token) -> Token | None:
    """The verb's subject, or that of the verb it is coordinated with ("gathered and blocked the road")."""
    for tok in (verb, verb.head if verb.dep_ == "conj" else None):
        if tok is None:
            continue
        found = next((c for c in tok.children if c.dep_ in SUBJECTS), None)
        if found is not None:
            return found
    return None


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]


def _physical(verb: Token) -> bool:
    """A deed cue used of a bodily act: an armed subject, a physical target or a participle of harm."""
    subject = _subject_head(verb)
    if subject is not None and _is(subject, _WORDS.armed_agents):
        return True
    for obj in _objects(verb):
        if obj.pos_ != "PROPN" and _is(obj, _WORDS.physical_targets):
            return True  # "a police post"; "the Washington Post" is a name, attacked in words
    return any(
        c.dep_ in ("advcl", "conj", "xcomp") and c.tag_ == "VBG" and _is(c, _WORDS.harm_verbs)
        for c in verb.children
    )


def _calls_back_a_person(verb: Token) -> bool:
    """'recalled its ambassador', 'recalls envoy': a bare office holder or body of staff as the object."""
    offices = titles()
    for obj in _objects(verb):
        clausal = any(c.dep_ in ("acl", "relcl", "ccomp") or c.tag_ == "VBG" for c in obj.children)
        if not clausal and (_is(obj, _WORDS.withdrawn_people) or obj.lemma_.lower() in offices):
            return True
    return False


def names_a_deed(verb: Token, lemma: str) -> bool:
    """Whether the cue verb (its lexicon lemma `lemma`) names a deed here, so that it reports no content."""
    if lemma in _WORDS.deed_cues and _physical(verb):
        return True
    return lemma in _WORDS.withdraw_cues and _calls_back_a_person(verb)
