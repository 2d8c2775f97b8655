"""One actor per person across the corpus (issue 14, Build 5).

Which person actor each named person entity of a set of documents belongs to is decided from the whole
set at once, never entity by entity in the order documents came: the same documents give the same
actors and the same ids whatever their order, and a document that makes a merge possible (or
impossible) re-decides the earlier ones. The store hands over every entity that shares a surname key
with a new or deleted document's persons (its *component*) and re-links the documents whose entities
move.

The rules, in the order they apply:

1. Full names ("Lena Hart", "Lena M. Hart", "Gen. Lena Hart") are one person when first name, surname
   and suffix ("Jr") agree: middle names and titles do not count. The same knowledge-base entry is the
   same person; two entries are two people, whatever the names say.
2. Namesakes: when documents give one full name two countries, each backed by two documents or more,
   they are two people; a country only one document gives against a country several give is outvoted
   (a text's country is a guess). Entities of that name with no country, or an outvoted one, are then
   ambiguous and stay apart.
3. A bare or titled surname ("Hart", "Ms. Hart", "Minister Hart") and an initial ("L. Hart") join the
   one person whose surname (and initial) it fits, whose country, knowledge-base entry, role and gender
   do not conflict. When several fit, it joins the one documents name far more often (three times as
   many documents as the next, and at least three); otherwise it stays apart, as one actor per surname
   and country.
4. Type by vote: an entity the tagger typed ORG whose name is a person's full name, or a surname that
   rule 3 gives to one person, is that person unless fewer documents name the person than type that name
   ORG. A person's name is PERSON.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .actors import MAX_NAMES, ActorProfile
from .ids import content_id
from .names import family, gender_of, name_suffix, person_like, person_tokens, role_words

# A surname goes to the most documented of several people who bear it only when that person has at
# least this many times the documents of the next, and at least MIN_DOMINANT documents.
DOMINANCE = 3
MIN_DOMINANT = 3
# A country backs a namesake when at least this many documents give it.
ESTABLISHED = 2


@dataclass(frozen=True)
class Member:
    """A named entity of one document, as clustering sees it."""

    doc_id: str
    entity_id: str
    profile: ActorProfile


@dataclass(frozen=True)
class _Sig:
    """What clustering reads of an entity; entities with equal signatures always go together."""

    type: str
    names: tuple[str, ...]
    titles: tuple[str, ...]
    country: str | None
    kb_id: str | None
    sector: str | None

    @property
    def forms(self) -> frozenset[tuple[str, ...]]:
        return frozenset(person_tokens(n) for n in self.names) - {()}

    @property
    def full(self) -> list[tuple[str, ...]]:
        return sorted(f for f in self.forms if len(f) >= 2 and len(f[0]) > 1)

    @property
    def initialled(self) -> list[tuple[str, ...]]:
        return sorted(f for f in self.forms if len(f) >= 2 and len(f[0]) == 1)

    @property
    def surname(self) -> str:
        return min(f[-1] for f in self.forms) if self.forms else ""

    def family_key(self) -> tuple[str, str, str] | None:
        """(first name, surname, suffix) of its full name: what makes two full names one person."""
        full = self.full
        if not full:
            return None
        suffixes = sorted({name_suffix(n) for n in self.names})
        first = full[0]
        return (first[0], first[-1], suffixes[-1] if suffixes else "")


def _sig(p: ActorProfile) -> _Sig:
    return _Sig(p.type, tuple(sorted(p.names)), tuple(sorted(p.titles)), p.country, p.kb_id, p.sector)


@dataclass
class _Group:
    """A person being assembled: its signatures and the documents behind each."""

    seed: str  # what its id is made from
    sigs: list[_Sig] = field(default_factory=list)
    kb_id: str | None = None
    country: str | None = None  # set when the group was split off by country (namesakes)

    def surnames(self) -> set[str]:
        return {f[-1] for s in self.sigs for f in s.forms if len(f) >= 2}


class _Docs:
    def __init__(self, members: Iterable[Member]) -> None:
        self.by_sig: dict[_Sig, set[str]] = {}
        self.sig_of: dict[int, _Sig] = {}  # members share profile objects: one signature per profile
        for m in members:
            sig = self.sig(m.profile)
            self.by_sig.setdefault(sig, set()).add(m.doc_id)

    def sig(self, p: ActorProfile) -> _Sig:
        if id(p) not in self.sig_of:
            self.sig_of[id(p)] = _sig(p)
        return self.sig_of[id(p)]

    def of(self, sigs: Iterable[_Sig]) -> set[str]:
        return {d for s in sigs for d in self.by_sig[s]}

    def countries(self, sigs: Iterable[_Sig]) -> Counter[str]:
        votes: Counter[str] = Counter()
        for s in sigs:
            if s.country:
                votes[s.country] += len(self.by_sig[s])
        return votes


def _vote(votes: Counter[str]) -> str | None:
    """The most backed value; ties go to the first in sorted order, so the answer is the set's."""
    return min(votes, key=lambda v: (-votes[v], v)) if votes else None


def _kb_groups(sigs: list[_Sig]) -> dict[str, _Group]:
    """The same knowledge-base entry is the same person, whatever name or form a document uses."""
    groups: dict[str, _Group] = {}
    for s in sigs:
        if s.kb_id:
            groups.setdefault(s.kb_id, _Group(f"kb:{s.kb_id}", kb_id=s.kb_id)).sigs.append(s)
    return groups


def _family_groups(
    families: dict[tuple[str, str, str], list[_Sig]], by_kb: dict[str, _Group], docs: _Docs
) -> list[_Group]:
    groups: list[_Group] = []
    for key in sorted(families):
        sigs = families[key]
        core = " ".join(p for p in key if p)
        kb_groups = [g for g in by_kb.values() if any(s.family_key() == key for s in g.sigs)]
        if len(kb_groups) == 1:
            kb_groups[0].sigs.extend(sigs)
            continue
        if kb_groups:  # two entries share this name: a document that names neither is ambiguous
            groups.append(_Group(f"{core}|?", list(sigs)))
            continue
        votes = docs.countries(sigs)
        established = sorted(c for c, n in votes.items() if n >= ESTABLISHED) if len(votes) > 1 else []
        if len(established) < 2:
            groups.append(_Group(core, list(sigs)))
            continue
        split = {c: _Group(f"{core}|{c}", country=c) for c in established}
        loose: list[_Sig] = []
        for s in sigs:
            (split[s.country].sigs if s.country in split else loose).append(s)
        groups += split.values()
        if loose:
            groups.append(_Group(f"{core}|?", loose))
    return groups


def _fits(s: _Sig, g: _Group, docs: _Docs) -> bool:
    """Whether a surname, initial or typed-ORG name can be this person: nothing known conflicts."""
    if s.kb_id and g.kb_id and s.kb_id != g.kb_id:
        return False
    if s.country:
        country = g.country or _vote(docs.countries(g.sigs))
        if country and country != s.country:
            return False
    roles = role_words(s.titles)
    group_roles = role_words(t for x in g.sigs for t in x.titles)
    if roles and group_roles and not roles & group_roles:
        return False
    gender = gender_of(s.names, s.titles)
    group_gender = {gender_of(x.names, x.titles) for x in g.sigs} - {None}
    return not (gender and group_gender and gender not in group_gender)


def _choose(s: _Sig, candidates: list[_Group], docs: _Docs) -> _Group | None:
    """The one candidate; else the one whose known role or gender the name shares ("Senator Alvarez",
    "Mrs. Alvarez"); else the one documents name far more often than the rest; else None."""
    if len(candidates) == 1:
        return candidates[0]
    roles, gender = role_words(s.titles), gender_of(s.names, s.titles)
    by_role = [g for g in candidates if roles & role_words(t for x in g.sigs for t in x.titles)]
    by_gender = [g for g in candidates if gender and gender in {gender_of(x.names, x.titles) for x in g.sigs}]
    for sharing in (by_role, by_gender):
        if len(sharing) == 1:
            return sharing[0]
    ranked = sorted(candidates, key=lambda g: (-len(docs.of(g.sigs)), g.seed))
    top, second = len(docs.of(ranked[0].sigs)), len(docs.of(ranked[1].sigs))
    if top >= MIN_DOMINANT and top >= DOMINANCE * second:
        return ranked[0]
    return None


def _candidates(s: _Sig, anchors: list[_Group]) -> list[_Group]:
    key = s.family_key()
    if s.kb_id:
        same = [g for g in anchors if g.kb_id == s.kb_id]
        if same:
            return same
    if key is not None:  # a full name typed ORG: only the person of exactly that name
        return [g for g in anchors if any(x.family_key() == key for x in g.sigs)]
    if s.initialled:
        initials = {(f[0], f[-1]) for f in s.initialled}
        return [
            g
            for g in anchors
            if any(
                f[-1] == last and f[0].startswith(i) for i, last in initials for x in g.sigs for f in x.full
            )
        ]
    return [g for g in anchors if s.surname in g.surnames()]


def _join_partial(sigs: list[_Sig], groups: list[_Group], docs: _Docs, vote: bool = False) -> list[_Sig]:
    """Initials, surnames and ORG-typed person names join a person (rules 3 and 4); returns the
    signatures that join nobody. Each is decided against the persons the full names made, not against
    what other partial names joined, so no decision depends on another. With `vote` (names typed ORG),
    a name joins only a person at least as many documents name as type the name ORG ("Trump" typed ORG
    in four documents is the Donald Trump of sixty; "Ford" typed ORG in twenty is not the Gerald Ford
    of two)."""
    typed_other: dict[object, set[str]] = {}
    for s in sigs:
        typed_other.setdefault(s.family_key() or s.surname, set()).update(docs.by_sig[s])
    anchors = [_Group(g.seed, list(g.sigs), g.kb_id, g.country) for g in groups]
    by_seed = {g.seed: g for g in groups}
    left: list[_Sig] = []
    for s in sigs:
        fitting = [g for g in _candidates(s, anchors) if _fits(s, g, docs)]
        chosen = _choose(s, fitting, docs) if fitting else None
        if chosen is not None and vote:
            person_docs = docs.of(x for x in chosen.sigs if family(x.type) == "PERSON")
            if len(person_docs) < len(typed_other[s.family_key() or s.surname]):
                chosen = None
        if chosen is None:
            left.append(s)
        else:
            by_seed[chosen.seed].sigs.append(s)
    return left


def _profile(g: _Group, docs: _Docs, ident: str) -> ActorProfile:
    sigs = g.sigs
    doc_count = {s: len(docs.by_sig[s]) for s in sigs}
    # The display name: the full name most documents use (ties: the shortest, then alphabetical).
    named: Counter[str] = Counter()
    for s in sigs:
        for n in s.names:
            named[n] += doc_count[s]
    full = [n for n in named if len(person_tokens(n)) >= 2 and not n.isupper()] or list(named)
    name = min(full, key=lambda n: (-named[n], len(n), n))
    sectors: Counter[str] = Counter()
    for s in sigs:
        if s.sector:
            sectors[s.sector] += doc_count[s]
    return ActorProfile(
        type="PERSON",
        name=name,
        names=tuple(sorted({n for s in sigs for n in s.names}))[:MAX_NAMES],
        titles=tuple(sorted({t for s in sigs for t in s.titles}))[:MAX_NAMES],
        country=g.country or _vote(docs.countries(sigs)),
        sector=_vote(sectors),
        id=ident,
        kb_id=g.kb_id,
    )


def person_id(seed: str, n: int = 1) -> str:
    """An actor id made from what defines the person (its name's first name, surname and suffix, or its
    knowledge-base entry, and the country that tells namesakes apart): no arrival order in it."""
    return content_id("A", f"PERSON|{seed}", n)


def cluster_persons(members: Iterable[Member]) -> dict[tuple[str, str], ActorProfile]:
    """(doc id, entity id) -> the person actor, for every member that is a person; members typed ORG that
    are no person's name are left out (they stay organisations)."""
    members = list(members)
    docs = _Docs(members)
    persons = [s for s in docs.by_sig if family(s.type) == "PERSON"]
    others = [s for s in docs.by_sig if family(s.type) != "PERSON" and person_like(s.names)]
    by_kb = _kb_groups([s for s in persons if s.family_key() is not None])
    families: dict[tuple[str, str, str], list[_Sig]] = {}
    for s in persons:
        key = s.family_key()
        if key is not None and not s.kb_id:
            families.setdefault(key, []).append(s)
    groups = [by_kb[k] for k in sorted(by_kb)] + _family_groups(families, by_kb, docs)
    partial = sorted(
        (s for s in persons if s.family_key() is None),
        key=lambda s: (s.names, s.titles, s.country or "", s.kb_id or ""),
    )
    left = _join_partial(partial, groups, docs)
    orgs = sorted(others, key=lambda s: (s.names, s.titles, s.country or "", s.kb_id or ""))
    _join_partial(orgs, groups, docs, vote=True)
    # Surnames and initials that joined nobody: one actor per surname and country.
    bare: dict[str, _Group] = {}
    for s in left:
        form = s.initialled[0] if s.initialled else (s.surname,)
        seed = f"kb:{s.kb_id}" if s.kb_id else f"{' '.join(form)}|{s.country or ''}|bare"
        bare.setdefault(seed, _Group(seed, country=s.country)).sigs.append(s)
    groups += [bare[k] for k in sorted(bare)]
    out: dict[tuple[str, str], ActorProfile] = {}
    seen: Counter[str] = Counter()
    actor_of_sig: dict[_Sig, ActorProfile] = {}
    for g in sorted(groups, key=lambda g: g.seed):
        if not g.sigs:
            continue
        seen[g.seed] += 1
        profile = _profile(g, docs, person_id(g.seed, seen[g.seed]))
        actor_of_sig.update((s, profile) for s in g.sigs)
    for m in members:
        actor = actor_of_sig.get(docs.sig(m.profile))
        if actor is not None:
            out[(m.doc_id, m.entity_id)] = actor
    return out
