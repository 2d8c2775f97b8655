"""GPE/LOC entities that are not places: the NER's place label on an actor, an organisation, a facility or
a people's name. LGL-style place annotation (and any map) wants towns, regions and roads, so these lose
their place type (or their name mentions become demonyms); entities are never removed or renumbered.

Most rules need the gazetteer to know no place by the entity's own names: "Fargo said" stays a place
question for the ranker, while "Titan will use urban rigs" (no such place) is an actor, and a LOC name with
no gazetteer place, no map word ("Lake", "Route", "Airport") and no locative use ("Operation Desert
Storm") is a body or an event. Some hold whatever the gazetteer says: a relative named in apposition
("his wife, Marion,"), a first name before a person's surname, a common noun phrase ("metro"), a federal
court's district ("the Eastern District of New York", which the gazetteer would read as American Samoa's).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable

from spacy.tokens import Span as TokenSpan

from ... import lexicons
from ...lexicons import places as place_tables
from ...lexicons.places import place_words
from ...model import Entity, EntityType, Mention, MentionKind
from ..base import Parsed
from ..common import alternatives
from .context import datelines

_WORDS = place_words()  # the word lists this module uses, from lexicons/place_words.tsv

# Words before a place name that narrow it ("north Arlington"): a lower-case first word that is not one
# of these marks a common noun phrase the NER took for a name ("the county didn't", "creek bed").
_LOWER_QUALIFIERS = _WORDS.lower_qualifiers

# Words of place names beyond street words: a name with one is a place even when it acts.
_NAMED_PLACE_WORDS = _WORDS.named_place_words
# Words that make a name the gazetteer does not know a place all the same: nature, routes and the
# facilities a map shows ("Dolly Sods Wilderness", "Route 9", "Exit 4", "Dulles Airport").
_MAP_WORDS = _WORDS.map_words
# Nouns that a place name describes as a place ("the Sandhills region", "a Muskoka lake").
_PLACE_HEADS = _WORDS.place_heads
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_MODIFIER_DEPS = ("amod", "compound")


_ACTOR_TYPES: dict[str, EntityType] = {"ORG": "ORG", "PERSON": "PERSON"}


@functools.cache
def _not_place_words() -> tuple[dict[str, EntityType], tuple[tuple[str, EntityType], ...], frozenset[str]]:
    """(whole word or phrase -> type, (suffix, type) pairs, words that are no place even alone) from
    places_not_place_words.tsv."""
    words: dict[str, EntityType] = {}
    suffixes: list[tuple[str, EntityType]] = []
    lone: set[str] = set()
    for entry in place_tables.not_place_words():
        kind = _ACTOR_TYPES[entry.type]
        if entry.word.startswith("*"):
            suffixes.append((entry.word[1:], kind))
        else:
            words[entry.word] = kind
            if entry.alone:
                lone.add(entry.word)
    return words, tuple(suffixes), frozenset(lone)


def word_type(name: str) -> EntityType | None:
    """The non-place type a word of the name gives it ("United Way officials": none; "Crimestoppers":
    ORG), else None."""
    words, suffixes, lone = _not_place_words()
    split = name.split()
    for phrase, kind in words.items():
        if " " in phrase and phrase in name:
            return kind
    for w in split:
        if w in words and (len(split) > 1 or w in lone):
            return words[w]
        if w[:1].isupper():
            for suffix, kind in suffixes:
                if w.endswith(suffix) and len(w) > len(suffix):
                    return kind
    return None


def _span(parsed: Parsed, m: Mention) -> TokenSpan | None:
    return parsed.doc.char_span(m.start, m.end, alignment_mode="expand")


def acts(parsed: Parsed, m: Mention) -> bool:
    """Whether the mention is the subject of a verb ("Titan will use", "Pawlenty figures")."""
    span = _span(parsed, m)
    return span is not None and span.root.dep_ in _SUBJECT_DEPS and span.root.head.pos_ in ("VERB", "AUX")


def modifies(parsed: Parsed, m: Mention) -> bool:
    """Whether the mention only describes a following common noun ("the Tamil minority")."""
    span = _span(parsed, m)
    if span is None:
        return False
    root = span.root
    head = root.head
    return (
        root.dep_ in _MODIFIER_DEPS
        and head.i > root.i
        and head.pos_ == "NOUN"
        and head.text[:1].islower()
        and head.lemma_.lower() not in _PLACE_HEADS
    )


@functools.cache
def _place_words() -> frozenset[str]:
    return place_tables.street_words() | frozenset(_NAMED_PLACE_WORDS)


def _place_word(name: str) -> bool:
    """Whether a word of the name says it is a place ("County Road 35 is", "Knox Park is")."""
    return any(w in _place_words() for w in name.split())


def is_acronym(name: str) -> bool:
    """An acronym ("TxDOT", "UF"): with no place of that name, a body, not a place. Dotted forms
    ("B.C.") are abbreviations of places and stay."""
    upper = sum(c.isupper() for c in name)
    # Mostly capitals: "McAllen" and "DeKalb" are names, not acronyms.
    return " " not in name and "." not in name and upper >= 2 and 2 * upper >= sum(c.isalpha() for c in name)


_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(?:[Tt]he|[Aa]n?)\s+(?:local\s+)?$")


def body_acronym(entity: Entity, names: list[Mention], text: str) -> bool:
    """Whether an all-capital name is a body's acronym ("The PA was worried", "a local NGO"): a state's
    postal code is never written after "the", "a" or "an" (with "local" between or not), a body's is, in
    at least half its mentions; and it never follows a town ("Erie, PA"). Country codes ("the US", "the
    UK") stay places."""
    name = entity.name
    if not (2 <= len(name) <= 4 and name.isalpha() and name.isupper()) or name in lexicons.country_by_name():
        return False
    after_the = sum(_ARTICLE_BEFORE.search(text[max(0, m.start - 10) : m.start]) is not None for m in names)
    return 2 * after_the >= len(names) and not any(
        _TOWN_BEFORE.search(text[max(0, m.start - 30) : m.start]) for m in names
    )


def _head(name: str) -> str:
    """The last word of a name that is not a number ("Highway 59": Highway)."""
    words = [w for w in name.split() if not w[:1].isdigit()]
    return words[-1] if words else name


def _person_surnames(entities: tuple[Entity, ...], parsed: Parsed) -> frozenset[str]:
    """Last words of the full personal names in the document, from the entities and from the NER."""
    from_entities = (
        m.text.split()[-1]
        for e in entities
        if e.type == "PERSON"
        for m in e.mentions
        if m.kind == "name" and len(m.text.split()) > 1
    )
    from_ner = (ent[-1].text for ent in parsed.doc.ents if ent.label_ == "PERSON" and len(ent) > 1)
    return frozenset((*from_entities, *from_ner))


_DESCRIBING_SHARE = 0.75


def _describes(entity: Entity, names: list[Mention], parsed: Parsed) -> bool:
    """Whether the name mostly describes common nouns ("Tamil separatists", "United Way officials"):
    a people, a language or a body, not a place. A several-word name needs two mentions to show it."""
    if _place_word(entity.name) or (" " in entity.name and len(names) < 2):
        return False
    share = sum(modifies(parsed, m) for m in names) / len(names)
    return share >= _DESCRIBING_SHARE


_TOWN_BEFORE = re.compile(r"[A-Z][a-z]+,\s+$")
_STATE_AFTER = re.compile(r",\s+[A-Z][A-Za-z.]*(?:[ ,]|$)")
_LOCATIVE = _WORDS.locative_preps


def _located(text: str, m: Mention) -> bool:
    """Whether a locative preposition comes right before the mention ("near Crabgrass")."""
    before = text[max(0, m.start - 12) : m.start].split()
    if not before:
        return False
    # "Jane Doe, 30, of Ten Mile": "of" after a comma.
    return before[-1].lower() in _LOCATIVE - {"at"} or (
        before[-1] == "of" and text[: m.start].rstrip()[-3:-2] == ","
    )


def _feast(text: str, m: Mention) -> bool:
    """ "St. Patrick's Day": the day's patron is a person, not a place."""
    return _possessive(text, m.end) and text[m.end + 2 : m.end + 6] == " Day"


def _possessive(text: str, end: int) -> bool:
    """ "Abbas's aides", "Paris' case"."""
    after = text[end : end + 3]
    return after[:2] in ("'s", "’s") or (
        text[end - 1 : end] == "s" and after[:1] in ("'", "’") and after[1:2] == " "
    )


def _surname(
    entity: Entity,
    names: list[Mention],
    surnames: frozenset[str],
    parsed: Parsed,
    person_ends: frozenset[int],
) -> bool:
    """Whether a one-word place name is, in this document, a person's surname: the tail of a person's
    name ("Delbert Paris, 38") or the last word of a full name the document gives; and no mention is
    used as a place (after a locative preposition, or before ", State")."""
    if " " in entity.name:
        return False
    # "Delbert Wayne Paris": the NER cut a person's name before the word the gazetteer knows.
    tails = [m for m in names if m.start - 1 in person_ends and parsed.text[m.start - 1] == " "]
    if not tails and entity.name not in surnames:
        return False
    text = parsed.text
    for m in names:
        if _possessive(text, m.end) or m in tails:
            continue  # "in Dorran's prisons": the possessor is no location
        before = text[max(0, m.start - 12) : m.start].split()
        if (before and before[-1].lower() in _LOCATIVE) or _STATE_AFTER.match(text, m.end):
            return False
    return True


# "his wife, Amelia,", "daughters Jane Doe and ...": a relative named in apposition is a person.
_KIN_BEFORE = re.compile(
    r"\b(?:wife|husband|son|sons|daughter|daughters|sister|sisters|brother|brothers|mother|father|"
    r"girlfriend|boyfriend|fianc[eé]e?|grandson|granddaughter|grandchildren|children|widow|nephew|niece)"
    r",?\s+$"
)
# "Jane N. Doe", "C.J. Doe", "John Doe III": initials and generation suffixes are people's. Compass
# initials ("S. Main St.", "N.W. 5th Ave.") and state forms ("W. Va.") are not initials.
# A surname may have an inner capital ("McArthur", "DeMarco", "O'Neil").
_SURNAME = r"(?:Mc|Mac|De|Di|La|Le|O'|O’)?[A-Z][a-z]+"
_PERSON_SHAPE = re.compile(
    rf"^[A-Z][a-z]+ [A-Z]\. {_SURNAME}$|^(?![NSEW]\.[NSEW]\.)[A-Z]\.[A-Z]\. {_SURNAME}$"
    rf"|^[A-Z][a-z]+ {_SURNAME},? (?:Jr\.?|Sr\.?|II|III|IV)$"
)


def _person_like(entity: Entity, names: list[Mention], text: str, person_starts: frozenset[int]) -> bool:
    """Whether each name mention is a person's: a relative in apposition ("his wife, Amelia,"), a
    first name before a person's surname ("Amelia Doe"), or (for a name the gazetteer does not know,
    checked by the caller) a name with initials or a suffix."""
    if _PERSON_SHAPE.match(entity.name) and not _place_word(entity.name):
        return True
    return all(
        _KIN_BEFORE.search(text[max(0, m.start - 20) : m.start])
        or (m.end + 1 in person_starts and "." not in m.text)  # "Lumpkin, Ga. Jane Doe said"
        for m in names
    )


def _only_qualifiers(name: str) -> bool:
    """ "metro", "Downtown", "north west": words that narrow a place, with no place. Capitalised compounds
    ("the Far East", "Midtown") and a compass word alone ("the North") name regions and stay."""
    words = name.split()
    if not all(w.lower() in _LOWER_QUALIFIERS for w in words):
        return False
    return name.islower() or name in ("Metro", "Downtown")


@functools.cache
def _court_district() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The name of a federal judicial district ("Eastern District", "Southern District of New York"), and
    what follows a short one in the text to make it that (" of New York", " Court")."""
    compass = "|".join(sorted(place_tables.court_district_words()))
    forms = {f for s in place_tables.us_states() for f in (s.name, *s.abbreviations)}
    states = alternatives(forms)
    name = re.compile(rf"^(?:{compass}) District(?: of (?:{states}))?$")
    after = re.compile(rf" of (?:{states})(?![A-Za-z])| Court\b")
    return name, after


def _court(names: list[Mention], text: str) -> bool:
    """Whether the names are a federal court's district ("the Eastern District of New York"): a court's
    territory, not a place to look up by its words. The short name needs its state or "Court" after it
    at least once ("the Eastern District" of American Samoa stays a place question)."""
    name, after = _court_district()
    if not all(name.match(m.text) for m in names):
        return False
    return any(" of " in m.text or after.match(text, m.end) for m in names)


def _as_kind(entity: Entity, kind: MentionKind) -> Entity:
    mentions = tuple(dataclasses.replace(m, kind=kind) if m.kind == "name" else m for m in entity.mentions)
    return dataclasses.replace(entity, mentions=mentions)


def _named_after_place(entity: Entity, named: Callable[[str], bool]) -> bool:
    """A body named after the place it serves ("Anderson County Crimestoppers", "Bronx Latin"): the
    gazetteer knows a place by the name's leading part only, and a word of the rest makes it a body's
    (places_not_place_words.tsv) while its last word is no place word ("Shelbyville Recreation Center" is
    a body; "Anderson County Park" a place). The place inside is its own mention (add.nested_places)."""
    if " " not in entity.name or word_type(entity.name) is None or _place_word(_head(entity.name)):
        return False
    return not any(named(n) for n in {entity.name, *(m.text for m in entity.mentions if m.kind == "name")})


def demote_non_places(
    entities: tuple[Entity, ...],
    parsed: Parsed,
    known: Callable[[Entity], bool],
    named: Callable[[str], bool] = lambda name: True,
) -> tuple[Entity, ...]:
    """Entities typed GPE/LOC that the text and the gazetteer show are no place (see the module doc).

    `known(entity)` says whether the gazetteer knows a place by one of the entity's own names or by the
    leading part of its name; `named(name)` whether it knows one by exactly that name.
    """
    surnames = _person_surnames(entities, parsed)
    person_ends = frozenset(
        (
            *(m.end for e in entities if e.type == "PERSON" for m in e.mentions if m.kind == "name"),
            *(ent.end_char for ent in parsed.doc.ents if ent.label_ == "PERSON"),
        )
    )
    person_starts = frozenset(
        (
            *(m.start for e in entities if e.type == "PERSON" for m in e.mentions if m.kind == "name"),
            *(ent.start_char for ent in parsed.doc.ents if ent.label_ == "PERSON"),
        )
    )
    marks = datelines(parsed.text)
    out = []
    for e in entities:
        names = [m for m in e.mentions if m.kind == "name"]
        if not e.is_place or not names:
            out.append(e)
            continue
        if all(any(s <= m.start and m.end <= t for s, t in marks) for m in names):
            out.append(e)  # a dateline's place is a place, known or not ("TOFTIR" is no acronym)
            continue
        if all(m.text[:1].islower() and m.text.split()[0] not in _LOWER_QUALIFIERS for m in names) or all(
            _only_qualifiers(m.text) for m in names
        ):
            out.append(_as_kind(e, "nominal"))  # a common noun phrase, not a name
            continue
        if _court(names, parsed.text):
            out.append(dataclasses.replace(e, type="ORG", country=None, lat=None, lon=None, geonameid=None))
            continue
        if body_acronym(e, names, parsed.text):
            out.append(dataclasses.replace(e, type="ORG", lat=None, lon=None, geonameid=None))
            continue
        if _surname(e, names, surnames, parsed, person_ends) or all(_feast(parsed.text, m) for m in names):
            out.append(dataclasses.replace(e, type="PERSON", lat=None, lon=None, geonameid=None))
            continue
        if e.country is None and _person_like(e, names, parsed.text, person_starts):
            out.append(dataclasses.replace(e, type="PERSON", lat=None, lon=None, geonameid=None))
            continue
        if known(e) and not _named_after_place(e, named):
            out.append(e)
            continue
        # A capitalised headline word ("PAUL") is no acronym when the gazetteer knows its usual form.
        acronym = is_acronym(e.name) and not known(dataclasses.replace(e, name=e.name.title(), mentions=()))
        kind = "ORG" if acronym else word_type(e.name)
        if kind is not None and not _place_word(_head(e.name)):
            out.append(dataclasses.replace(e, type=kind, lat=None, lon=None, geonameid=None))
        elif (
            e.country is None
            and not _place_word(e.name)
            and "." not in e.name  # an abbreviation ("B.C."), which the gazetteer reads only for US states
            and any(acts(parsed, m) for m in names)
        ):
            person = len(e.name.split()) == 1 and e.name in surnames
            kind = "PERSON" if person else "ORG"
            out.append(dataclasses.replace(e, type=kind, lat=None, lon=None, geonameid=None))
        elif (
            e.type == "LOC"
            and not _place_word(e.name)
            and not _MAP_WORDS.intersection(e.name.split())
            and e.name.split()[-1].lower() not in _PLACE_HEADS  # "Ochamchire district", "Upper East Region"
            and not any(_located(parsed.text, m) for m in names)
        ):
            # A LOC name that neither the gazetteer nor a place word nor a locative use supports is the
            # NER's guess at a body, an event or a product ("Operation Desert Storm", "La Nina").
            out.append(dataclasses.replace(e, type="ORG", country=None, lat=None, lon=None, geonameid=None))
        elif _describes(e, names, parsed):
            out.append(_as_kind(e, "demonym"))  # "the Tamil minority": a people, not a place
        else:
            out.append(e)
    return tuple(out)
