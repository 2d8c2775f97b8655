"""Which way an underspecified date points: from the tense of the verb that governs it.

"met on Wednesday" looks back, "will meet on Friday" looks ahead. We climb the dependency tree from the
expression to the first verb and read its tag and auxiliaries; a few cue words refine the answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .timex_lexicon import cues
from .timex_normalise import Direction

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PAST_AUX = frozenset({"was", "were", "had", "has", "have", "'d", "did"})
_PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re", "'m"})


def direction_at(doc: Doc, start: int, end: int, text: str) -> Direction:
    """The direction of the expression at [start, end) of the document."""
    before = text[max(0, start - 20) : start].lower().split()
    cue = cues()
    tail1 = before[-1] if before else ""
    tail3 = " ".join(before[-3:])
    if tail1 in cue.get("past_signal", frozenset()):
        return "past"
    future_signal = tail1 in cue.get("future_signal", frozenset()) or any(
        tail3.endswith(c) for c in cue.get("future_signal", frozenset()) if " " in c
    )
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    tense = verb_tense(verb) if verb is not None else "none"
    if future_signal and tense in ("present", "none"):
        return "future"
    if future_signal and tense == "past" and verb is not None and verb.lemma_.lower() in cue.get("future_verb", ()):
        return "future"
    return tense


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above `token` in the parse (the token itself excluded), within a few steps."""
    # spaCy makes a new Token object on every access: compare positions, never identities
    t = token
    for _ in range(8):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def verb_tense(verb: Token) -> Direction:
    """past / future / present for a verb, from its tag, auxiliaries and a small lexicon."""
    cue = cues()
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & cue.get("future_aux", frozenset()) or words & cue.get("modal", frozenset()):
        return "future"
    if verb.lemma_.lower() in cue.get("future_verb", frozenset()):
        return "future"
    if any(a.lower_ == "to" for a in aux) or any(c.dep_ == "mark" and c.lower_ == "to" for c in verb.children):
        return "future"
    tag = verb.tag_
    if tag == "VBD":
        return "past"
    if tag == "VBN":
        if words & _PAST_AUX:
            return "past"
        if words & _PRESENT_AUX:
            return "present"
        # a bare participle ("the bombing carried out Friday") takes the tense of the verb above it
        above = governing_verb(verb)
        return verb_tense(above) if above is not None else "past"
    if tag == "VBG":
        if words & _PRESENT_AUX:
            return "future"
        if words & _PAST_AUX:
            return "past"
        above = governing_verb(verb)
        return verb_tense(above) if above is not None else "none"
    if tag in ("VBZ", "VBP"):
        return "present"
    if tag == "VB":
        return "future"
    return "none"
