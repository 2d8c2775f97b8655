"""How the knowledge base's sources combine into one list of actors (`merge`: a user's file over the
curated facts over the notable actors over Phoenix), the name keys that merge and the lookup indexes
share (`keys_of`; `firm_key`, a firm's name without its legal form; `club_key`, a club's without the
abbreviation of its form), the indexes the lookup reads by name, surname and bare firm name
(`name_indexes`, prebuilt), and those built on first use: people's names joined up (`joined_index`)
or without a middle name (`outer_index`), bodies' initials (`initials_index`), clubs' everyday names
(`clubs_index`).
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


def club_key(key: str) -> str:
    """A normalised club name without the abbreviations of its form or the number before them, which
    its everyday name leaves out ("ssc napoli" -> "napoli", "1 fc koln" -> "koln", "chelsea fc" ->
    "chelsea"); a name that is only such words stays as it is."""
    forms = entity_words().club_forms
    words = key.split()
    while len(words) > 1 and (words[0] in forms or words[0].isdigit()):
        words.pop(0)
    while len(words) > 1 and words[-1] in forms:
        words.pop()
    return " ".join(words)


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


def joined_index(raw: Sequence[RawActor]) -> dict[str, list[int]]:
    """Each person by every full name form of two words or more with its spaces taken out."""
    index: dict[str, list[int]] = {}
    for i, actor in enumerate(raw):
        if actor.type != "PERSON":
            continue
        keys = keys_of(actor)
        for joined in {k.replace(" ", "") for k in keys if " " in k}:
            index.setdefault(joined, []).append(i)
    return index


def outer_index(raw: Sequence[RawActor]) -> dict[str, list[int]]:
    """Each person by the first and last word of every name form of three words."""
    index: dict[str, list[int]] = {}
    for i, actor in enumerate(raw):
        if actor.type != "PERSON":
            continue
        # Three words only: of four, the last is as often a second surname ("Carlos Humberto Aldana
        # Villanueva" is Aldana), and the first and last are another person's name
        outer = {f"{words[0]} {words[-1]}" for k in keys_of(actor) if len(words := k.split()) == 3}
        for key in outer:
            index.setdefault(key, []).append(i)
    return index


def initials_index(raw: Sequence[RawActor]) -> dict[str, list[int]]:
    """Each organisation by the initials of its names of several words, with and without the small
    words an acronym leaves out ("Bank of England": BOE and BE)."""
    skip = entity_words().acronym_skip
    index: dict[str, list[int]] = {}
    for i, actor in enumerate(raw):
        if actor.type != "ORG":
            continue
        keys = keys_of(actor)
        spelt: set[str] = set()
        for key in keys:
            words = key.split()
            if len(words) > 1:
                spelt.add("".join(w[0] for w in words))
                spelt.add("".join(w[0] for w in words if w not in skip))
        for letters in spelt:
            if len(letters) > 1:
                index.setdefault(letters, []).append(i)
    return index


def clubs_index(raw: Sequence[RawActor]) -> dict[str, list[int]]:
    """Each club (an organisation with a role "club") by every name form of its that `club_key`
    shortens: its everyday name. The names are read first: only an organisation one of whose names
    shortens has its roles read (the prebuilt index keeps an actor's rows packed until they are)."""
    index: dict[str, list[int]] = {}
    for i, actor in enumerate(raw):
        if actor.type != "ORG":
            continue
        shortened = [bare for key in keys_of(actor) if (bare := club_key(key)) != key]
        if shortened and any(actor.cell(row, "role") == "club" for row in actor.role_rows()):
            for bare in dict.fromkeys(shortened):
                index.setdefault(bare, []).append(i)
    return index
