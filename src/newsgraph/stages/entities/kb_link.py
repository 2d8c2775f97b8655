"""Linking people and organisations to the actor knowledge base (newsgraph.kb), for the country and sector
a sentence does not say: "Putin said" gets RUS and GOV, "Hamas" PSE and REB.

A link is made only when the knowledge base leaves one candidate for the entity's names on the article's
date, after what the text itself says has narrowed them:
- a person is looked up by its full names when the text gives one ("Bashar al-Assad"), by its bare
  surname only when it gives none ("Assad"), or when no entry holds the full name but one of that surname
  has a long given name one letter away (a transliteration: "Muhamad" for "Muhammad"); an organisation
  by each of its names and acronyms;
- a country the text gives (a title's qualifier, an apposition) keeps only the candidates of that country,
  a title's sector ("President" GOV, "Secretary-General" IGO) only those with that sector;
- then, if several are left, the one holding a dated role that day, else the one whose full name form
  matched (not only its surname);
- a bare surname matched only by a Phoenix entry stays unlinked unless the text agrees with it (a title's
  sector agrees only for a country the document names): Phoenix holds 18,000 people, and "Kim" alone is
  not the Kazakh minister it lists; a bare surname of any entry from a country the document does not
  name needs a role held that day; a bare surname of a notable person (an athlete, a performer: the
  knowledge base's notable_actors.tsv) never links, only the full name;
- when no form the text writes leaves one candidate, the forms of kb_forms.py: a title and a surname
  the knowledge base lists together, a party without its country's adjective, an acronym's initials.
Namesakes left standing stay unresolved. The text wins: the knowledge base fills only what it leaves empty.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from ... import lexicons
from ...kb import ActorKB, KBActor, KBMatch, load_kb, normalise, without_possessive
from ...lexicons.entities import entity_words
from .grouping import NAME_SUFFIXES
from .kb_forms import body_matches, titled_matches

if TYPE_CHECKING:
    from .cluster import Cluster

# Knowledge-base actor types a contract type may link to ("" is an untyped Phoenix entry).
_COMPATIBLE = {"PERSON": ("PERSON", ""), "ORG": ("ORG", "")}
# The organisation kinds that stand for a sector when the entry gives none (NATO: IGO).
_KIND_SECTOR = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS"}


@dataclass(frozen=True)
class KBLink:
    """The knowledge-base actor an entity is, and what it says of it on the article's date."""

    kb_id: str | None  # None when the entry is a Phoenix group of bodies, not this body (see _same_body)
    country: str | None
    sector: str | None


@functools.cache
def knowledge_base(actors: str | None = None) -> ActorKB:
    """The shipped knowledge base, or with a user's actors file over it; read once per process."""
    return load_kb() if actors is None else ActorKB.load(extra=Path(actors))


def _forms(cluster: Cluster) -> list[str]:
    """The names to look up: a person's full names when it has any, else its single words; an
    organisation's every name. Longest first, one per normalised form."""
    names = [m.text for m in cluster.mentions if m.kind == "name"]
    if cluster.kb and cluster.kb.startswith("org:"):
        names.append(cluster.kb[4:])  # the organisation lexicon's own name for it ("U.N.": United Nations)
    if cluster.type == "PERSON" and any(len(n.split()) > 1 for n in names):
        names = [n for n in names if len(n.split()) > 1]
    out: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (-len(n), n)):
        key = normalise(without_possessive(name))
        if key and key not in out:
            out[key] = name
    if cluster.type == "PERSON":
        # "Yevgeny V. Prigozhin": a middle initial the knowledge base may not write.
        for key in list(out):
            words = key.split()
            short = [w for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1)]
            if len(short) > 1 and len(short) < len(words):
                out.setdefault(" ".join(short), " ".join(short))
        # "Hal Moss Jr." for the knowledge base's "Hal Moss": a generational suffix it does not write.
        for key in list(out):
            words = key.split()
            while len(words) > 2 and words[-1] in NAME_SUFFIXES:
                words.pop()
            if len(words) < len(key.split()):
                out.setdefault(" ".join(words), " ".join(words))
    return list(out.values())


_SHARED_NAMES = entity_words().shared_body_names


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


def _spells_another(form: str, forms: list[str]) -> bool:
    """`form` is an acronym, the initials of another of the cluster's names."""
    return form.isupper() and form.isalpha() and any(f != form and _initials(f) == form for f in forms)


def _acronym_of(actor: KBActor, acronym: str) -> bool:
    """The entry writes `acronym` as such, or has a name it abbreviates. Phoenix's names come in capitals
    and are read in title case ("Safta"): the case of its one-word names says nothing."""
    phoenix = actor.source == "phoenix"
    return any(
        n == acronym or _initials(n) == acronym or (phoenix and n.upper() == acronym)
        for n in (actor.name, *actor.aliases)
    )


# How alike an entry's name and the name an acronym spells must be (Levenshtein, normalised): a letter or
# two misspelt in a long name, not another word.
_SPELT_ALIKE = 0.9


def _names_one_of(actor: KBActor, keys: set[str]) -> bool:
    """The entry has one of the normalised names `keys`, or one that differs from it by a letter or two;
    or it has no name of several words to compare (Phoenix's "TRAX": what it spells is unknown)."""
    names = [normalise(n) for n in (actor.name, *actor.aliases)]
    if all(len(n.split()) < 2 for n in names):
        return True
    return any(Levenshtein.normalized_similarity(n, key) >= _SPELT_ALIKE for n in names for key in keys)


def _a_country(match: KBMatch, form: str) -> bool:
    """An untyped entry that is a country, matched by another of its names: Phoenix lists a country's
    cities among its names, and a town the model took for a person or a body is no country's actor."""
    actor = match.actor
    return (
        not actor.type
        and actor.name in lexicons.country_by_name()
        and normalise(form) != normalise(actor.name)
    )


def _many_states_bear(form: str) -> bool:
    """Whether a body's name is one that bodies of many states bear, so that only the entry of a country
    the document mentions may be it: one ordinary word ("Senate", "Labour", "Democrats"), or a name of
    such words ("Labor Party", "Democratic Progressive Party"). In a story naming no state, then, no
    entry of a state: Malawi's "Democratic Progressive Party" in a story of Zomba's market, which names
    no state, is not Taiwan's (forty-ninth session; until then such a story kept the link)."""
    if " " not in form.strip() and "-" not in form and not form.isupper():
        # Words joined by a hyphen are no ordinary word: names of two sponsors ("Trek-Segafredo") or a
        # transliterated name of glued words ("Jaish-e-Mohammed"), read word by word below.
        return True
    return set(normalise(form).split()) <= _SHARED_NAMES


def _a_brand(match: KBMatch, form: str) -> bool:
    """A firm's or a news outlet's one-word name ("Voltacor", "Netflix"): a brand of its own, not a name
    bodies of many states bear alike, so the story need not name its country (a bank's analyst quoted in
    a story abroad, a streaming service's new series)."""
    role = match.role
    return (
        " " not in form.strip()
        and role is not None
        and (role.org_kind == "MNC" or role.sector in ("BUS", "MED"))
    )


# Words two names of one body may share without saying it is the same body.
_FILLERS = frozenset({"of", "the", "for", "and", "in", "on", "national", "international", "united", "states"})


def _same_body(form: str, match: KBMatch) -> bool:
    """Whether the entry is this very body, so its id may stand for it across documents. Phoenix files
    several bodies under one code ("Pentagon" under UNITED_STATES_MILITARY, "Peace Corps" under USAID,
    think tanks under one): their country and sector hold, their id would merge different bodies. A
    Phoenix organisation's id is kept when the name is its own, its acronym, or shares a word with it."""
    actor = match.actor
    if actor.type == "PERSON" or actor.source != "phoenix":
        return True
    key, words = normalise(form), normalise(actor.name).split()
    acronyms = {"".join(w[0] for w in words), "".join(w[0] for w in words if w not in _FILLERS)}
    return (
        key == " ".join(words)
        or key.replace(" ", "") in acronyms
        or bool((set(key.split()) & set(words)) - _FILLERS)
    )


def _sector(match: KBMatch) -> str | None:
    role = match.role
    if role is None:
        return None
    return role.sector or _KIND_SECTOR.get(role.org_kind) or None


def _agrees_sector(match: KBMatch, sector: str) -> bool:
    role = match.role
    return role is not None and (role.sector == sector or sector in role.sectors or role.org_kind == sector)


def _narrow(matches: list[KBMatch], keep: list[KBMatch]) -> list[KBMatch]:
    """`keep` when the test kept some, else all: a hint that rules everyone out says nothing."""
    return keep or matches


def link_cluster(
    cluster: Cluster,
    kb: ActorKB,
    on: str | None,
    country: str | None,
    sector: str | None,
    mentioned: frozenset[str] = frozenset(),
    titles: tuple[str, ...] = (),
    written: frozenset[str] = frozenset(),
) -> KBLink | None:
    """The one knowledge-base actor `cluster` names on day `on`, given the `country` and title `sector`
    the text gives it (None when it gives none), `mentioned` the countries the document names,
    `titles` the titles the text gives it and `written` the normalised names of the document's entities;
    None when there is none or several. Its names are tried
    longest first ("United Nations" before "U.N.", which Phoenix lists twice); the first that leaves one
    candidate decides. When none does, the forms of kb_forms.py are tried."""
    types = _COMPATIBLE.get(cluster.type)
    if types is None:
        return None
    shared: KBLink | None = None  # a country several namesakes agree on, when no form picks one of them
    forms = _forms(cluster)
    for form in forms:
        matches = [m for m in kb.lookup(form, on) if m.actor.type in types and not _a_country(m, form)]
        # notable_actors.tsv lists thousands of people known outside politics: a surname alone ("Seles",
        # "Hussain") is as likely anyone's, and a president's family would take "Trump" from him.
        matches = [m for m in matches if m.how != "surname" or m.actor.source != "notable"]
        if cluster.type == "ORG" and _spells_another(form, forms):
            # "Neighborhood Improvement Coordination Effort (NICE)": its acronym names an entry only
            # as that entry's own acronym, not as a word the entry is called ("Nice", a club); and only
            # an entry of the name it spells, give or take a misspelt letter ("Tamil Ealam"), when the
            # entry has a long name: "National Electoral Commission (NEC)" is no "NEC Corporation", "All
            # People's Congress (APC)" no "All Progressives Congress".
            spelt = {normalise(f) for f in forms if f != form and _initials(f) == form}
            matches = [m for m in matches if _acronym_of(m.actor, form) and _names_one_of(m.actor, spelt)]
        if cluster.type == "ORG" and _many_states_bear(form):
            matches = [m for m in matches if not m.country or m.country in mentioned or _a_brand(m, form)]
        match = _one(matches, country, sector, mentioned) if matches else None
        if match is not None:
            ident = match.actor.id if _same_body(form, match) else None
            return KBLink(ident, match.country or None, _sector(match))
        if country is None:  # two legislators of one name are no surer than one (`_one`'s guard)
            matches = [m for m in matches if not _unbacked_many(m, mentioned, False)]
        shared = shared or _namesakes_of_one_country(matches, country)
    match = None
    if cluster.type == "PERSON":
        match = _one(_spelling_variants(cluster, kb, on), country, sector, mentioned)
        if match is None and shared is None:
            match = _one(titled_matches(cluster, titles, kb, on), country, sector, mentioned)
    elif shared is None:
        countries = mentioned | {country} if country else mentioned
        match = _one(body_matches(forms, kb, on, countries, written), country, sector, mentioned)
    if match is not None:
        return KBLink(match.actor.id, match.country or None, _sector(match))
    return shared


# A given name this long that differs from the knowledge base's by one letter is the same name spelt
# another way (a transliteration); shorter ones one letter apart are often other names ("Anna", "Anja").
_VARIANT_LENGTH = 6


def _spelling_variants(cluster: Cluster, kb: ActorKB, on: str | None) -> list[KBMatch]:
    """The knowledge base's people whose surname is the full name's and whose given name is one letter
    away from it ("Veluppillai"/"Velupillai"), when no entry holds the full name as the text writes it.
    They are surname matches: `_one`'s guards for a bare surname hold for them."""
    names = [m.text for m in cluster.mentions if m.kind == "name"]
    full = max(names, key=lambda n: len(n.split()), default="")
    words = normalise(without_possessive(full)).split()
    if len(words) < 2 or len(words[0]) < _VARIANT_LENGTH or kb.lookup(" ".join(words), on):
        return []
    out = []
    for m in kb.lookup(words[-1], on):
        known = normalise(m.actor.name).split()
        given = known[:1]
        if (
            m.how == "surname"
            and m.actor.type == "PERSON"
            and given
            # the rest of the name as written: "Nicolás de la Cruz" is no variant of "Nikolas Cruz"
            and known[1:] == words[1:]
            and len(given[0]) >= _VARIANT_LENGTH
            and given[0] != words[0]
            and Levenshtein.distance(given[0], words[0]) <= 1
        ):
            out.append(m)
    return out


def _one(
    matches: list[KBMatch], country: str | None, sector: str | None, mentioned: frozenset[str] = frozenset()
) -> KBMatch | None:
    supported = False
    if country is not None:
        matches = [m for m in matches if m.country == country]
        if not matches:
            return None  # the text gives another country: a namesake, or an entry out of date
        supported = True
    if sector is not None:
        agreeing = [m for m in matches if _agrees_sector(m, sector)]
        supported = supported or bool(agreeing)
        matches = _narrow(matches, agreeing)
    if country is None:
        matches = [m for m in matches if not _unbacked_many(m, mentioned, supported)]
    if len(matches) > 1:
        matches = _narrow(matches, [m for m in matches if m.current and m.role is not None and m.role.dated])
    if len(matches) > 1:
        matches = _narrow(matches, [m for m in matches if m.how == "name"])
    if len(matches) > 1 and mentioned:
        # Namesakes holding a role that day in several countries: the one of a country the story names.
        matches = _narrow(matches, [m for m in matches if m.country in mentioned])
    if len(matches) != 1:
        return None
    match = matches[0]
    # A bare surname of a namesake abroad (a county's attorney general who shares a surname with another
    # country's future prime minister): kept only when the document names that country, or the entry's
    # role is held that day, or (Phoenix) the text supports it.
    abroad = country is None and bool(match.country) and match.country not in mentioned
    if match.how == "surname" and abroad and not match.current:
        return None
    abroad = abroad and bool(mentioned)
    if match.how == "surname" and match.actor.source == "phoenix" and (not supported or abroad):
        return None
    if match.how == "outer" and match.country not in mentioned:
        return None  # a middle name left out: another may bear the two others, unless the country is named
    if match.actor.source == "notable" and not match.current:
        return None  # its dates say when that country held (Shell, British since 2022 only): not then
    if match.actor.source == "phoenix" and abroad and not match.current and not supported:
        return None  # a namesake's full name: Phoenix's Malawian "Mary Banda" in a Zambian story
    return match


def _unbacked_many(match: KBMatch, mentioned: frozenset[str], supported: bool) -> bool:
    """A bare surname of one of a senate's hundred or a country's governors is anyone's ("Murphy" in an
    Irish story, "Sen. Lee" in a story about another country's senate): it stands only for one in office
    that day, and of a country the story names, or, in a story naming none, with a title that agrees
    (`supported`: with no country given, some candidate agrees with the title, and `_one` has kept only
    those). Their full names are often common ones too (a chair of a committee shares an 18th-century
    economist's): in a story naming countries, only one of those."""
    if match.role is None or not match.role.many_holders:
        return False
    if match.how == "name":
        return bool(mentioned) and match.country not in mentioned
    if not match.current:
        return True
    if match.country in mentioned:
        return False
    return bool(mentioned) or not supported


def _namesakes_of_one_country(matches: list[KBMatch], country: str | None) -> KBLink | None:
    """Several actors answer to the whole name and none is picked (a father and son both called "George
    Bush", an undated article): when every one of them is of one country, that much is sure. The link
    gives the country (and the sector they share) but no id: which of them it is stays open."""
    if len(matches) < 2 or any(m.how != "name" for m in matches):
        return None
    countries = {m.country for m in matches}
    if len(countries) != 1 or not (only := countries.pop()) or (country is not None and country != only):
        return None
    sectors = {_sector(m) for m in matches}
    return KBLink(None, only, sectors.pop() if len(sectors) == 1 else None)
