"""Word lists of the quotes stage (lexicons/quote_words.tsv), read by name."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import read_lists, read_table


@dataclass(frozen=True)
class QuoteWords:
    """One field per list of lexicons/quote_words.tsv (why each list exists is said in the file's header)."""

    aside_marks: frozenset[str]
    object_preps: frozenset[str]
    attitude_preps: frozenset[str]
    tied_preps: frozenset[str]
    noun_preps: frozenset[str]
    bare_objects: frozenset[str]
    setting_preps: frozenset[str]
    medium_preps: frozenset[str]
    occasion_preps: frozenset[str]
    headline_small_words: frozenset[str]
    authored_nouns: frozenset[str]
    place_voices: frozenset[str]
    deed_cues: frozenset[str]
    armed_agents: frozenset[str]
    physical_targets: frozenset[str]
    harm_verbs: frozenset[str]
    withdraw_cues: frozenset[str]
    withdrawn_people: frozenset[str]
    receiving_verbs: frozenset[str]


@functools.cache
def quote_words() -> QuoteWords:
    return read_lists("quote_words.tsv", QuoteWords)


# ---------------------------------------------------------------- the reporting cues


@dataclass(frozen=True)
class Cue:
    lemma: str
    kind: str
    frames: frozenset[str]


@functools.cache
def cue_lexicon() -> dict[str, Cue]:
    """Cue lemma (or "verb particle") -> Cue; reporting nouns are keyed "lemma/n" (a claim, to claim)."""
    out = {}
    for r in read_table("reporting_cues.tsv", ("lemma", "kind", "frames")):
        cue = Cue(
            r["lemma"].lower(), r["kind"] or "speech", frozenset(f.strip() for f in r["frames"].split(","))
        )
        out[cue.lemma + "/n" if "noun" in cue.frames else cue.lemma] = cue
    return out


@functools.cache
def non_cues() -> frozenset[str]:
    """Verbs that take a that-clause without attributing it (lexicons/quotes_non_cues.tsv)."""
    return frozenset(r["word"].lower() for r in read_table("quotes_non_cues.tsv", ("word",)))


@functools.cache
def evidence_nouns() -> frozenset[str]:
    """Nouns for evidence as a source: polls, studies, reports (lexicons/quotes_evidence_nouns.tsv)."""
    return frozenset(r["word"].lower() for r in read_table("quotes_evidence_nouns.tsv", ("word",)))
