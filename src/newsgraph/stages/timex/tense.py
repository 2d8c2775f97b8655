"""Which way an underspecified date points: from the tense of the verb that governs it.

"met on Wednesday" looks back, "will meet on Friday" looks ahead. We climb the dependency tree from the
expression to the first verb and read its tag and auxiliaries; a few cue words refine the answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ...lexicons.timex import timex_rule_words
from .lexicon import cues, time_words
from .normalise import Direction

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = timex_rule_words()  # the word lists this module uses, from lexicons/timex_rule_words.tsv

_PAST_AUX = _WORDS.past_aux
_PERFECT_PRESENT = _WORDS.perfect_aux
_PRESENT_AUX = _WORDS.present_aux
_POSSESSIVE = re.compile(r"['’]s?\b")


def direction_at(doc: Doc, start: int, end: int, text: str) -> Direction:
    """The direction of the expression at [start, end) of the document."""
    cue = cues()
    before = text[max(0, start - 20) : start].lower().split()
    tail1 = before[-1] if before else ""
    tail3 = " ".join(before[-3:])
    if tail1 in cue.get("past_signal", frozenset()):
        return "past"
    signals = cue.get("future_signal", frozenset())
    future_signal = tail1 in signals or any(tail3.endswith(c) for c in signals if " " in c)
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = governing_verb(span.root) if span is not None and len(span) else None
    tense = verb_tense(verb) if verb is not None else "none"
    if (
        verb is not None
        and span is not None
        and len(span)
        and span[-1].i < verb.i
        and verb.tag_ == "VBD"
        and verb.lemma_.lower() in cue.get("future_verb", frozenset())
    ):
        # "On Friday, the government planned to pay ...": a date before a past planning verb dates the
        # planning, not the plan ("planned a rally on Saturday" still looks ahead)
        tense = "past"
    if _contract_month(text, start, end):
        return "future"
    if _POSSESSIVE.match(text, end) or (span is not None and len(span) and _noun_modifier(span.root)):
        # "Wednesday's ruling", "the Friday explosions", "his Monday evening flight delay": a thing
        # already done, whatever the clause around it does, unless the thing it names is the subject of a
        # verb in the future, or its setting ("Saturday's final will be played in the rain", "said Tuesday's
        # hearing would be the last one", "a prize will be handed out during Sunday's match"); a modal is
        # not enough ("Monday's storm can be blamed"), nor an object ("will use Monday's remarks")
        return "future" if verb is not None and span is not None and _announced(span.root, verb) else "past"
    if future_signal and verb is not None:
        aux = {a.lower_ for a in verb.children if a.dep_ in ("aux", "auxpass")}
        if tense in ("present", "none") or aux & _PERFECT_PRESENT:
            return "future"  # "until Tuesday", "has given them until 8 a.m. Friday"
        if verb.lemma_.lower() in cue.get("future_verb", frozenset()):
            return "future"  # "postponed until Tuesday"
        if verb.tag_ == "VBN" and not aux:
            return "future"  # "(the road is) closed through June 1"
    elif future_signal:
        return "future"
    return tense


_NEXT_WORDS = re.compile(r"\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?")


_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:in|on|since|until|till|by|during|for|through|from|to|of|before|after)\s+)$"
)


def _contract_month(text: str, start: int, end: int) -> bool:
    """A bare month names the delivery month of a contract or commodity: "September silver", "the December
    contract", "November heating oil" (a month trades until it is due, so it lies ahead). After a preposition
    the month dates the clause instead ("in September oil prices fell")."""
    if text[start:end].lower().rstrip(".") not in time_words().of("month"):
        return False
    if _PREPOSITION_BEFORE.search(text, max(0, start - 20), start):
        return False
    m = _NEXT_WORDS.match(text, end)
    nouns = cues().get("contract_noun", frozenset())
    return m is not None and any(w is not None and w.lower() in nouns for w in m.groups())


def _announced(token: Token, verb: Token) -> bool:
    """The noun `token` modifies is the subject or the setting ("during", "at": cue class event_setting)
    of `verb`, and `verb` is put in the future by its auxiliary ("will be", "would take place")."""
    cue = cues()
    noun = token.head
    subject = noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == verb.i
    prep = noun.head
    setting = (
        noun.dep_ == "pobj" and prep.lower_ in cue.get("event_setting", frozenset()) and prep.head.i == verb.i
    )
    words = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    return (subject or setting) and bool(words & cue.get("future_aux", frozenset()))


def _noun_modifier(token: Token) -> bool:
    """The expression modifies a noun directly ("the Friday explosions", "a Sunday night service")."""
    # ("Sunday morning health crisis": the part of day is the span's root, a compound of the noun)
    return token.dep_ in ("compound", "nmod") and token.head.pos_ == "NOUN" and token.head.i > token.i


def _schedules(verb: Token, entries: frozenset[str]) -> bool:
    """The participle is one of the schedule words, with the preposition its entry asks for ("set for")."""
    lemma = verb.lemma_.lower()
    for entry in entries:
        word, _, prep = entry.partition(" ")
        if word == lemma and (not prep or any(c.dep_ == "prep" and c.lower_ == prep for c in verb.children)):
            return True
    return False


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


def verb_tense(verb: Token, depth: int = 0) -> Direction:
    """past / future / present for a verb, from its tag, auxiliaries and a small lexicon."""
    cue = cues()
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if words & cue.get("weak_modal", frozenset()):
        return "none"  # "could be found Wednesday" is as often reported past as a possibility
    if words & cue.get("future_aux", frozenset()) or words & cue.get("modal", frozenset()):
        return "future"
    lemma = verb.lemma_.lower()
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and not aux
        and _schedules(verb, cue.get("schedule_participle", frozenset()))
        and depth <= 3
    ):
        # "a summit set for April", "the service planned for Saturday": the plan's date, whose side the
        # clause around the noun gives; a schedule without a clause (a headline) looks ahead
        above = governing_verb(verb)
        return "future" if above is None else verb_tense(above, depth + 1)
    if lemma in cue.get("future_verb", frozenset()):
        return "future"  # "planned a rally on Saturday": the date is the plan's, still ahead
    if any(a.lower_ == "to" for a in aux) or any(
        c.dep_ == "mark" and c.lower_ == "to" for c in verb.children
    ):
        # an infinitive points ahead of the verb it depends on: future if that verb looks forward
        # ("agreed to meet") or is not past itself, past otherwise ("gathered to mark the day")
        above = governing_verb(verb)
        if above is None or depth > 3 or above.lemma_.lower() in cue.get("forward_verb", frozenset()):
            return "future"
        return "past" if verb_tense(above, depth + 1) == "past" else "future"
    tag = verb.tag_
    if tag == "VBD":
        return "past"
    if tag == "VBN":
        if words & _PRESENT_AUX and not words & _PAST_AUX:
            return "present"
        return "past"  # "was named Thursday", "has met", "the injunction issued Thursday"
    if tag == "VBG":
        if words & _PRESENT_AUX:
            return "future"  # "is traveling Thursday"
        if words & _PAST_AUX:
            return "past"
        above = governing_verb(verb)
        if above is None or depth >= 4:
            return "none"
        # a participle phrase ("the cheers coming out of headquarters Monday night") says nothing
        # about the future even under a present verb; only a past verb above dates it
        return "past" if verb_tense(above, depth + 1) == "past" else "none"
    if tag in ("VBZ", "VBP"):
        return "present"
    if tag == "VB":
        if words & {"did", "didn't"}:
            return "past"  # "did not enforce it Friday"
        if words & {"do", "does"}:
            return "present"
        return "future"
    return "none"
