"""Name normalisation and blocking keys for matching actors across documents.

Two documents spell the same actor differently ("Médecins Sans Frontières", "Medecins sans Frontieres",
"Gen. Abdourahamane Tiani", "Tiani"). Matching compares normalised forms; blocking keys find the few
stored actors worth comparing without scanning them all.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from ..lexicons import country_by_name, organisation_by_name, titles
from ..lexicons.entities import entity_words

_NON_WORD = re.compile(r"[^\w]+")

# Honorifics and ranks written before names; titles from titles.tsv are stripped as well.
_HONORIFICS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "professor",
        "rev",
        "gen",
        "general",
        "col",
        "colonel",
        "lt",
        "maj",
        "major",
        "capt",
        "captain",
        "sgt",
        "adm",
        "admiral",
        "brig",
        "cmdr",
        "mme",
        "mlle",
        "sen",
        "senator",
        "rep",
        "gov",
        "governor",
        "pres",
        "president",
        "sheikh",
        "imam",
    ]
)


# Pure string functions called for every entity and candidate of every document: memoised.
@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case, no accents, punctuation as single spaces: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", plain.casefold().replace("'s ", " ")).split())


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(t for t in titles() if " " not in t)


@functools.lru_cache(maxsize=1 << 16)
def person_tokens(name: str) -> tuple[str, ...]:
    """A person's name tokens with leading honorifics and titles dropped ("Gen. Tiani" -> ("tiani",))."""
    tokens = fold(name).split()
    while len(tokens) > 1 and (tokens[0] in _HONORIFICS or tokens[0] in _title_words()):
        tokens = tokens[1:]
    # "Jr"/"Sr"/roman numerals (entity_words.tsv's name_suffixes) follow the surname; the surname is the
    # token before them.
    while len(tokens) > 1 and tokens[-1] in entity_words().name_suffixes:
        tokens = tokens[:-1]
    return tuple(tokens)


def name_suffix(name: str) -> str:
    """ "jr" for "Donald Trump Jr.": a son is not his father, though every other token agrees."""
    tokens = fold(name).split()
    return tokens[-1] if len(tokens) > 1 and tokens[-1] in entity_words().name_suffixes else ""


# Honorifics that say a person's gender; a surname written after one cannot be a person of the other.
_MALE = frozenset(["mr", "sir", "lord", "king", "prince", "monsieur", "senor", "herr"])
_FEMALE = frozenset(
    ["mrs", "ms", "miss", "madam", "madame", "mme", "mlle", "lady", "dame", "queen", "princess"]
)


def gender_of(names: Iterable[str], titles: Iterable[str]) -> str | None:
    """ "M" or "F" when an honorific in a name or title says so (and none says otherwise), else None."""
    said = set()
    # In a name only the words before the surname are honorifics ("Mr. Hart"); in a title, every word.
    texts = [(n, True) for n in names] + [(t, False) for t in titles]
    for text, is_name in texts:
        words = fold(text).split()
        for word in words[:-1] if is_name else words:
            if word in _MALE:
                said.add("M")
            elif word in _FEMALE:
                said.add("F")
    return said.pop() if len(said) == 1 else None


# Words of a title that say nothing of the role ("former President", "the Foreign Minister of Norway").
_NOT_ROLE = frozenset(
    ["former", "the", "of", "and", "for", "ex", "then", "acting", "interim", "deputy", "vice"]
)


def role_words(titles: Iterable[str]) -> frozenset[str]:
    """The words that name a role in a person's titles, honorifics left out: two persons whose titles
    share none hold different roles ("Senator Hart" is not "Minister Hart")."""
    words = {w for t in titles for w in fold(t).split()}
    return frozenset(
        w for w in words if w not in _NOT_ROLE and w not in _MALE and w not in _FEMALE and len(w) > 2
    )


def person_like(names: Iterable[str]) -> bool:
    """Whether names typed as something else could be a person's: one to three capitalised words, no
    digits, not an organisation of the lexicon nor a country ("Hillary Clinton" typed ORG by the tagger,
    not "Congress" or "Clinton Foundation"... which still look like names and only join a person
    whose name they are)."""
    names = list(names)
    if not names:
        return False
    for name in names:
        words = name.split()
        if not 1 <= len(words) <= 3 or any(not w[:1].isupper() or any(c.isdigit() for c in w) for w in words):
            return False
        if org_form(name) in _lexicon_orgs() or country_code_of(name) is not None:
            return False
    return True


@functools.lru_cache(maxsize=1 << 16)
def org_form(name: str) -> str:
    """An organisation's or place's name folded, a leading article dropped ("the Kremlin" -> "kremlin")."""
    folded = fold(name)
    return folded[4:] if folded.startswith("the ") else folded


@functools.cache
def _lexicon_orgs() -> dict[str, str]:
    """Folded name or alias -> folded canonical name, for organisations listed in organisations.tsv."""
    return {org_form(n): org_form(o.name) for n, o in organisation_by_name().items()}


@functools.cache
def _lexicon_countries() -> dict[str, str]:
    return {org_form(n): c.iso3 for n, c in country_by_name().items()}


@functools.cache
def _lexicon_display() -> dict[str, str]:
    """Folded name or alias -> the lexicon's spelling of the canonical name (countries, organisations)."""
    out = {org_form(n): o.name for n, o in organisation_by_name().items()}
    out.update({org_form(n): c.name for n, c in country_by_name().items()})
    return out


# Words written in lower case inside proper names ("Ministry of Defence", "Bank for International ...").
_NAME_PARTICLES = frozenset(
    ["of", "the", "and", "for", "on", "de", "du", "des", "la", "le", "al", "el", "y", "&"]
)


def is_generic(name: str) -> bool:
    """A description rather than a name ("City council", "the police department"): a word after the
    first in lower case that is not a particle. Every town has one, so such actors are not merged.
    Organisations of the lexicon are names however they are written ("UN refugee agency")."""
    if org_form(name) in _lexicon_orgs():
        return False
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return any(w[:1].islower() and w.lower() not in _NAME_PARTICLES for w in words[1:]) or (
        bool(words) and words[0][:1].islower()
    )


def display_name(name: str, entity_type: str) -> str:
    """The name to show for an actor: the lexicon's name for a known country or organisation
    ("US" -> "United States"), else the name as written."""
    if family(entity_type) == "PERSON":
        return name
    return _lexicon_display().get(org_form(name), name)


def canonical_org(name: str) -> str:
    """The lexicon's canonical form of an organisation name ("UN" -> "united nations"), else folded."""
    form = org_form(name)
    return _lexicon_orgs().get(form, form)


def country_code_of(name: str) -> str | None:
    """The ISO3 code when the name is a country's name or alias ("Niger", "the US"), else None."""
    return _lexicon_countries().get(org_form(name))


def family(entity_type: str) -> str:
    """Types that may name the same actor: places are GPE or LOC depending on the tagger's mood."""
    return "PLACE" if entity_type in ("GPE", "LOC") else entity_type


def blocking_keys(entity_type: str, names: tuple[str, ...]) -> frozenset[str]:
    """Keys under which a stored actor that could be this one is filed.

    Persons are filed by surname (so "Miller" finds "Matt Miller") and by full name (`PN:`, the precise
    key tried first, since a common surname files many people); organisations and places by every
    folded and canonical form of their names; countries also by their ISO3 code.
    """
    fam = family(entity_type)
    keys: set[str] = set()
    for name in names:
        if not name.strip():
            continue
        if fam == "PERSON":
            tokens = person_tokens(name)
            if tokens:
                keys.add(f"P:{tokens[-1]}")
            if len(tokens) >= 2:
                keys.add(f"PN:{' '.join(tokens)}")
            continue
        form = org_form(name)
        if fam == "ORG" and person_like((name,)):
            # Filed as a person too: the tagger types some persons' names ORG, and the person whose name
            # it is must find it (issue 14: type by vote across documents).
            keys |= blocking_keys("PERSON", (name,))
        if form:
            keys.add(f"{fam[0]}:{form}")
            keys.add(f"{fam[0]}:{canonical_org(name)}")
        if fam == "PLACE" and (code := country_code_of(name)):
            keys.add(f"C:{code}")
    return frozenset(keys)


def name_matches(query: str, entity_type: str, names: tuple[str, ...]) -> bool:
    """Whether a user's query names an actor: a person by full name or bare surname ("Miller" finds
    "Matt Miller", "Matt Miller" does not find "Stephen Miller"); anything else by a name or alias."""
    if family(entity_type) == "PERSON":
        q = person_tokens(query)
        if not q:
            return False
        for name in names:
            n = person_tokens(name)
            if not n or n[-1] != q[-1]:
                continue
            if len(q) == 1 or n == q:
                return True
            if len(n) >= 2 and (q[0] == n[0] or (len(q[0]) == 1 and n[0].startswith(q[0]))):
                return True
        return False
    forms = {org_form(query), canonical_org(query)}
    code = country_code_of(query)
    return any(
        org_form(n) in forms or canonical_org(n) in forms or (code is not None and country_code_of(n) == code)
        for n in names
    )


def query_keys(query: str) -> frozenset[str]:
    """Blocking keys a query can be filed under, whatever the type of the actor it means."""
    return blocking_keys("PERSON", (query,)) | blocking_keys("ORG", (query,)) | blocking_keys("GPE", (query,))
