"""How the knowledge base's sources combine into one list of actors (`merge`: a user's file over the
curated facts over the notable actors over Phoenix), the name keys that merge and the lookup indexes
share (`keys_of`; `firm_key`, a firm's name without its legal form), and the indexes the lookup reads by
name, surname and bare firm name (`name_indexes`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from newsgraph.kb.records import SOURCES, normalise
from newsgraph.kb.tables import RawActor
from newsgraph.lexicons.entities import entity_words

# The legal forms a firm's name may end with ("Inc", "plc", "SpA"), and the words that join them ("Merck
# and Company Inc", "Merck & Co."): dropped to match a firm however its name is written.
LEGAL_FORMS = frozenset({*entity_words().legal_forms})
_FORM_JOINERS = frozenset({"and", "co", "company"})
# A surname shorter than this ("Un" of "Kim Jong Un", "Xi") would match acronyms and other words.
MIN_SURNAME = 3


def firm_key(key: str) -> str:
    """A normalised organisation name without the legal form it ends with: "pfizer inc" -> "pfizer",
    "merck and company inc" -> "merck"; a name that is only a form stays as it is."""
    words = key.split()
    while len(words) > 1 and (words[-1] in LEGAL_FORMS or words[-1] in _FORM_JOINERS):
        words.pop()
    return " ".join(words) if words else key


def merge(sources: Mapping[str, list[RawActor]]) -> list[RawActor]:
    """Apply precedence: user over curated over notable over Phoenix, by id and by name.

    A lower record is replaced by a higher one with the same id, or whose names include the lower one's
    primary name while their countries agree (one has none, or they share one). The replaced record's
    name forms become aliases of the one that replaced it (Phoenix knows "Mr. Assad"), unless a higher
    source gives that form to another actor; its roles do not: the higher source's dates are the ones
    to trust."""
    kept: list[RawActor] = []
    # The higher sources' actors by id and by every normalised name form, as they stand when a source's
    # round begins; each name is normalised once (keys_of), the load's largest cost otherwise.
    by_id: dict[str, RawActor] = {}
    by_name: dict[str, list[RawActor]] = {}
    for source in SOURCES:  # highest first
        incoming = sources.get(source, [])
        start = len(kept)
        gained: list[tuple[RawActor, str]] = []
        for actor in incoming:
            winner = by_id.get(actor.id)
            # Countries are read only for the few records a higher one shares a name with (a tenth of
            # the load time when read for all 26,000).
            named: list[RawActor] = []
            if winner is None and by_name:
                keys_of(actor)  # (which gives the primary key too)
                named = by_name.get(actor.primary_key(normalise), [])
            if named:
                countries = actor.countries()
                for candidate in named:
                    theirs = candidate.countries()
                    if not countries or not theirs or countries & theirs:
                        winner = candidate
                        break
            if winner is None:
                kept.append(actor)
                continue
            for form in actor.names:
                # A form a higher source gives to another actor stays that actor's: the curated file
                # says "Islamic Jihad" is the Palestinian group, whatever Phoenix's Hezbollah lists.
                key = normalise(form)
                if any(other is not winner for other in by_name.get(key, ())):
                    continue
                if form not in winner.names:
                    winner.names[form] = None
                    gained.append((winner, key))
            winner.shadows.append(actor.id)
        for actor in kept[start:] if source != SOURCES[-1] else ():  # (no round reads the last's)
            by_id[actor.id] = actor
            for key in keys_of(actor):
                by_name.setdefault(key, []).append(actor)
        for winner, key in gained:
            keys = keys_of(winner)
            if key and key not in keys:
                keys.append(key)
                by_name.setdefault(key, []).append(winner)
    return kept


def keys_of(actor: RawActor) -> list[str]:
    """The actor's normalised name forms, computed once (the compact Phoenix form has them already)."""
    if actor.keys is None:
        by_form = {n: normalise(n) for n in actor.names}
        actor.keys = list(dict.fromkeys(k for k in by_form.values() if k))
        if actor.key is None and actor.name in by_form:
            actor.key = by_form[actor.name]  # what primary_key would compute
    return actor.keys


@dataclass(frozen=True, slots=True)
class NameIndexes:
    """Positions of actors in the merged list by every normalised name form (`names`), by every proper
    tail of a person's primary name (`surnames`), and by an organisation's name without its legal form
    (`firms`). Built by `name_indexes`, or read back from the prebuilt index (kb/prebuilt.py)."""

    names: dict[str, list[int]]
    surnames: dict[str, list[int]]
    firms: dict[str, list[int]]


def name_indexes(raw: Sequence[RawActor]) -> NameIndexes:
    names: dict[str, list[int]] = {}
    surnames: dict[str, list[int]] = {}
    firms: dict[str, list[int]] = {}
    suffixes = entity_words().name_suffixes
    for i, actor in enumerate(raw):
        for key in keys_of(actor):
            if key:
                names.setdefault(key, []).append(i)
                if actor.type == "ORG" and key.rpartition(" ")[2] in LEGAL_FORMS:
                    bare = firm_key(key)
                    if bare != key and i not in firms.get(bare, ()):
                        firms.setdefault(bare, []).append(i)
        if actor.type == "PERSON":
            # Every proper tail of the name is a surname form: "Assad", "von der Leyen", "da Silva".
            words = actor.primary_key(normalise).split()
            # "Ferdinand Marcos Jr." is Marcos, and Marcos Jr.: a generational suffix is no surname.
            suffix: list[str] = []
            while len(words) > 1 and words[-1] in suffixes:
                suffix.insert(0, words.pop())
            if len(words) > 1 and len(words[-1]) >= MIN_SURNAME:
                for start in range(1, len(words)):
                    surnames.setdefault(" ".join(words[start:]), []).append(i)
                    if suffix:
                        surnames.setdefault(" ".join(words[start:] + suffix), []).append(i)
    return NameIndexes(names, surnames, firms)
