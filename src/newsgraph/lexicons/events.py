"""Word lists of the events stage (lexicons/event_words.tsv, event_governors.tsv), read by name."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from ..errors import ConfigError
from ..model import PLOVER_TYPES
from . import read_lists, read_table


@dataclass(frozen=True)
class EventWords:
    """One field per list of lexicons/event_words.tsv (why each list exists is said in the file's header)."""

    target_preps: tuple[str, ...]
    place_preps: tuple[str, ...]
    relative_pronouns: tuple[str, ...]
    state_bodies: tuple[str, ...]
    intent_nouns: tuple[str, ...]
    first_person: tuple[str, ...]
    hypothetical_modals: tuple[str, ...]
    negating_verbs: tuple[str, ...]
    background_marks: tuple[str, ...]
    protests: tuple[str, ...]
    eventive_heads: tuple[str, ...]
    speech_nouns: tuple[str, ...]
    demanding_verbs: tuple[str, ...]
    not_met: tuple[str, ...]
    promises: tuple[str, ...]
    patient_nouns: frozenset[str]
    light_verb_preps: tuple[str, ...]
    patient_verbs: frozenset[str]
    bearing_verbs: frozenset[str]
    answering_verbs: frozenset[str]
    experiencer_verbs: frozenset[str]
    commitment_words: frozenset[str]
    control_preps: frozenset[str]
    object_control_verbs: frozenset[str]
    purpose_phrases: frozenset[str]
    movement_nouns: frozenset[str]


@functools.cache
def event_words() -> EventWords:
    return read_lists("event_words.tsv", EventWords)


@dataclass(frozen=True)
class GovernorWords:
    """The lists of lexicons/event_governors.tsv: the class of a verb that governs an event noun (what its
    subject is to the noun's act) and the event nouns whose "of" phrase names the patient or the actor."""

    governor_class: dict[str, str]
    of_patient: frozenset[str]
    of_actor: frozenset[str]


GOVERNOR_CLASSES = ("agentive", "perceive", "investigate", "judge", "report", "bear", "sequence")
# the classes whose subject is not who performs the governed noun's act
OUTSIDE_CLASSES = GOVERNOR_CLASSES[1:]


@functools.cache
def governor_words() -> GovernorWords:
    words = read_lists("event_governors.tsv", GovernorWords)
    for verb, cls in words.governor_class.items():
        if cls not in GOVERNOR_CLASSES:
            raise ConfigError(f"lexicons/event_governors.tsv: {verb!r}: unknown class {cls!r}")
    return words


@dataclass(frozen=True)
class EverydayWords:
    """One field per list of lexicons/event_everyday.tsv: words that mark an everyday (non-political or
    figurative) use of an event word (the file's header says what each list is for)."""

    mishap_agents: frozenset[str]
    mishap_nouns: frozenset[str]
    mishap_objects: frozenset[str]
    contest_verbs: frozenset[str]
    contest_nouns: frozenset[str]
    sports_story_kept: frozenset[str]
    care_words: frozenset[str]
    market_nouns: frozenset[str]
    market_audience: frozenset[str]
    figurative_objects: frozenset[str]
    figurative_modifiers: frozenset[str]
    weapon_words: frozenset[str]
    armed_words: frozenset[str]
    question_verbs: frozenset[str]
    force_words: frozenset[str]


@functools.cache
def everyday_words() -> EverydayWords:
    return read_lists("event_everyday.tsv", EverydayWords)


@dataclass(frozen=True)
class EverydayActsWords:
    """One field per list of lexicons/event_everyday_acts.tsv: words that mark an everyday act that borrows
    an event word (travel, receipts, one body's meetings, forecasts; the file's header says what each is)."""

    motion_verbs: frozenset[str]
    receiving_verbs: frozenset[str]
    actor_nouns: frozenset[str]
    goal_objects: frozenset[str]
    meeting_nouns: frozenset[str]
    one_body_marks: frozenset[str]
    warning_words: frozenset[str]
    observers: frozenset[str]
    hazards: frozenset[str]
    reporting_verbs: frozenset[str]
    habit_adverbs: frozenset[str]
    capacity_nouns: frozenset[str]
    talk_verbs: frozenset[str]
    agent_nouns: frozenset[str]
    call_nouns: frozenset[str]
    dismissal_verbs: frozenset[str]
    projectiles: frozenset[str]
    up_verbs: frozenset[str]
    market_demand_marks: frozenset[str]
    hosted_talks: frozenset[str]


@functools.cache
def everyday_acts_words() -> EverydayActsWords:
    return read_lists("event_everyday_acts.tsv", EverydayActsWords)


# ---------------------------------------------------------------- the PLOVER tables (plover_*.tsv)

# how a trigger takes its arguments (the `role` column; plover_triggers.tsv's header says what each
# means)
ROLES = ("E", "S", "L", "P", "H")


@dataclass(frozen=True)
class TriggerEntry:
    words: tuple[str, ...]
    pos: str
    type: str
    mode: str | None
    weight: float
    role: str
    needs: str = ""  # "obj": only with an object or complement clause; "noobj": only without one


@functools.cache
def trigger_entries() -> dict[str, tuple[TriggerEntry, ...]]:
    """Entries keyed by their first word."""
    table: dict[str, list[TriggerEntry]] = defaultdict(list)
    for r in read_table("plover_triggers.tsv", ("phrase", "pos", "type", "mode", "weight", "role", "needs")):
        phrase, pos, type_, mode, weight, role, needs = (
            r["phrase"], r["pos"], r["type"], r["mode"], r["weight"], r["role"], r["needs"]
        )  # fmt: skip
        if type_ not in PLOVER_TYPES or role not in ROLES:
            continue  # a malformed row must not code events of an unknown type
        words = tuple(phrase.lower().split())
        table[words[0]].append(TriggerEntry(words, pos, type_, mode or None, float(weight), role, needs))
    return {k: tuple(sorted(v, key=lambda e: (-len(e.words), -e.weight))) for k, v in table.items()}


@functools.cache
def not_objects() -> dict[str, frozenset[str]]:
    """Trigger verb lemma -> the object lemmas that make it no event (plover_not_objects.tsv)."""
    table: dict[str, set[str]] = defaultdict(set)
    for r in read_table("plover_not_objects.tsv", ("verb", "object")):
        table[r["verb"].lower()].add(r["object"].lower())
    return {k: frozenset(v) for k, v in table.items()}


@functools.cache
def mode_cues() -> dict[str, tuple[tuple[str, str], ...]]:
    """type -> ((cue lemma, mode), ...) in file order (most specific first)."""
    table: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in read_table("plover_modes.tsv", ("type", "cue", "mode")):
        table[r["type"]].append((r["cue"].lower(), r["mode"]))
    return {k: tuple(v) for k, v in table.items()}


@functools.cache
def context_cues() -> dict[str, str]:
    return {r["lemma"].lower(): r["context"] for r in read_table("plover_contexts.tsv", ("lemma", "context"))}


@functools.cache
def cue_classes() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = defaultdict(set)
    for r in read_table("plover_cues.tsv", ("lemma", "class")):
        table[r["lemma"].lower()].add(r["class"])
    return {k: frozenset(v) for k, v in table.items()}
