"""Where a trigger sits in its sentence: what governs it; did it happen, is it planned, possible, denied.

Walks the dependency path from a trigger up to its clause's top, collecting:
- the first other trigger above it (a speech act such as "threatened to ..." governs its content, and an
  event verb governs nominal triggers in its arguments: "suspended aid" is one SANCTION, not also AID);
- the reporting verb whose complement holds it ("X said ...": attribution and a fallback actor);
- modality cues on the path: will/plans to/prepared to (intent), scheduled/expected to (schedule),
  could/may/might/would/if/any attempt (hypothetical), not/never/denied (negation), must/should (oblige).
A relative clause ("officers that seized power") is its own fact: the walk stops there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicons.events import event_words
from .lexicon import Match, cue

if TYPE_CHECKING:
    from spacy.tokens import Token

_WORDS = event_words()  # the word lists this module uses, from lexicons/event_words.tsv

HYPO_MODALS = _WORDS.hypothetical_modals
NEGATING_VERBS = _WORDS.negating_verbs
# subordinators of background clauses
BACKGROUND_MARKS = _WORDS.background_marks
# links that do not make a trigger less central to its sentence
FREE_LINKS = ("xcomp", "ccomp", "ROOT", "aux", "acomp")


@dataclass(frozen=True)
class Frame:
    governor: Match | None
    report: Token | None  # the reporting verb whose complement holds the trigger
    intent: bool
    schedule: bool
    hypothetical: bool
    negated: bool
    oblige: Token | None  # the verb carrying must/should on the path
    detached: bool  # inside a relative clause
    hops: float  # how deeply the trigger is embedded below its clause's top


def _is_trigger_of_other(tok: Token, tokmap: dict[int, Match], own: Match) -> Match | None:
    m = tokmap.get(tok.i)
    return m if m is not None and m is not own else None


def analyse(
    start: Token,
    tokmap: dict[int, Match],
    own: Match,
    anchor: Token | None = None,
    anchor_map: dict[int, Match] | None = None,
) -> Frame:
    governor: Match | None = None
    report: Token | None = None
    intent = schedule = hypo = negated = False
    would = False
    oblige: Token | None = None
    hops = 0.0
    detached = False
    tok = start
    came_by = ""
    seen = 0
    while seen < 30:
        seen += 1
        if report is None and not detached:
            for c in tok.children:
                low = c.lower_
                if c.dep_ in ("aux", "auxpass"):
                    if cue(c, "intent"):
                        intent = True
                    elif low == "would":
                        would = True
                    elif low in HYPO_MODALS:
                        hypo = True
                    elif cue(c, "oblige") and oblige is None:
                        oblige = tok
                elif c.dep_ == "neg" or (c.dep_ == "advmod" and low == "never"):
                    negated = True
                elif (c.dep_ == "mark" and cue(c, "hypo")) or (
                    c.dep_ == "det" and low == "any" and tok.lemma_ == "attempt"
                ):
                    hypo = True  # "if ...", "any attempt to ..."
            if tok is not start:
                if cue(tok, "intent") and tok.pos_ != "AUX":
                    intent = True
                elif cue(tok, "schedule") and tok.tag_ in ("VBN", "JJ", "VBG"):
                    schedule = True
                elif tok.lemma_ in NEGATING_VERBS and tok.pos_ == "VERB":
                    negated = True  # "denied that ...", "failed to reach agreement"
        if tok is not start and governor is None and came_by != "conj":
            governor = _is_trigger_of_other(tok, tokmap, own)
            if (
                governor is None
                and anchor_map
                and not detached
                and came_by not in ("conj", "ccomp", "parataxis")
            ):
                governor = _is_trigger_of_other(tok, anchor_map, own)
        if tok is not start and cue(tok, "report") and tok.pos_ == "VERB" and report is None and not detached:
            report = tok
        if tok.dep_ == "relcl" and not detached:
            # a relative clause is its own fact when it describes a subject ("the officers that seized
            # power flew ..."); on an object it is the content of the verb ("backs a motion that
            # seeks to raise tariffs"), so the walk goes on, looking only for a governing trigger
            detached = True
            if _in_subject(tok.head):
                break
        if tok.head.i == tok.i:
            break
        parent = tok.head
        came_by = tok.dep_
        below_anchor = anchor is not None and anchor.i != tok.i and anchor in tok.ancestors
        if below_anchor or detached:
            pass  # a nominal trigger's way up to its own verb ("imposed sanctions") costs nothing
        elif tok.dep_ == "conj":
            # "X did A but was still refusing B": the contrasted clause is as central as the first
            hops += 0.0 if any(c.lower_ in ("but", "yet") for c in parent.children if c.dep_ == "cc") else 0.5
        elif tok.dep_ == "ccomp" and cue(parent, "report"):
            pass
        elif tok.dep_ not in FREE_LINKS and not (cue(parent, "aspect") or cue(parent, "intent")):
            hops += 1.0
            if any(c.lower_ in BACKGROUND_MARKS for c in tok.children if c.dep_ == "mark") or (
                parent.dep_ == "prep" and parent.lower_ in BACKGROUND_MARKS
            ):
                hops += 1.0  # "after X shot down a helicopter": the background, not the news
        tok = parent
    if would:
        if report is not None:
            intent = True
        else:
            hypo = True
    return Frame(governor, report, intent, schedule, hypo, negated, oblige, detached, hops)


def _in_subject(noun: Token) -> bool:
    """True when `noun` belongs to a clause's subject phrase."""
    tok = noun
    for _ in range(12):
        if tok.dep_ in ("nsubj", "nsubjpass", "csubj", "agent"):
            return True  # the agent of a passive is its logical subject
        if tok.dep_ not in ("pobj", "prep", "appos", "conj", "compound", "poss", "nmod", "amod"):
            return False
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def complement_is_possible(verb: Token) -> bool:
    """True when a speech act's complement is only possible ("warned that X could ...")."""
    for c in verb.children:
        if c.dep_ in ("ccomp", "xcomp"):
            for t in c.subtree:
                if t.dep_ == "aux" and t.lower_ in HYPO_MODALS:  # "would" is how threats are put
                    return True
    return False
