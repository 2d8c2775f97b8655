"""Actor resolution: which canonical actor of the corpus a document's entity is.

Pure functions over `ActorProfile`s; the store supplies candidates (found by blocking keys) and writes the
result. The rules err on the side of keeping actors apart: a wrong merge puts one person's words and deeds
on another, a missed merge only splits a count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..model import Entity
from .ids import unused_id
from .kb_ids import current_kb_id
from .names import (
    blocking_keys,
    canonical_org,
    country_code_of,
    display_name,
    family,
    fold,
    is_generic,
    org_form,
    person_tokens,
)

# A canonical actor keeps at most this many distinct names and titles (a few outlets misspell everyone).
MAX_NAMES = 40


@dataclass(frozen=True)
class ActorProfile:
    """What is known about an actor: from one document's entity, or merged over the corpus (`id` set)."""

    type: str
    name: str
    names: tuple[str, ...]
    titles: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    geonameid: str | None = None
    id: str = ""
    # The document of an actor known only by description ("the spokesman", "a senior official"): such an
    # actor is never merged with another and is filed under no key.
    solo: str | None = None
    # The knowledge-base entry (newsgraph.kb) the entity was linked to, as the id of the record holding it
    # now (corpus.kb_ids): the same entry is the same actor.
    kb_id: str | None = None

    @property
    def keys(self) -> frozenset[str]:
        if self.solo:
            return frozenset()
        keys = blocking_keys(self.type, self.names)
        # Organisations and places are also filed by their knowledge-base entry, which finds them under
        # another name ("ISIL" and "Islamic State"); persons are decided by corpus.cluster.
        if self.kb_id and family(self.type) != "PERSON":
            keys |= {f"KB:{self.kb_id}"}
        return keys


def profile_of(entity: Entity, doc_id: str = "") -> ActorProfile:
    names = tuple(dict.fromkeys(n for n in (entity.name, *entity.aliases) if n and n.strip()))
    named = not entity.mentions or any(m.kind in ("name", "demonym") for m in entity.mentions)
    if entity.type == "ORG" and is_generic(entity.name):
        named = False
    return ActorProfile(
        type=entity.type,
        name=display_name(entity.name, entity.type),
        names=names or (entity.name,),
        titles=tuple(dict.fromkeys(entity.titles)),
        country=entity.country,
        sector=entity.sector,
        geonameid=entity.geonameid,
        solo=None if named else doc_id or "?",
        kb_id=current_kb_id(entity.kb_id),
    )


def _conflict(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a != b


def _first_names_agree(a: str, b: str) -> bool:
    """ "Matt" and "Matt", or an initial and a name ("M" and "Matt"); "Matt" and "Stephen" do not."""
    if a == b:
        return True
    return (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _surnames(forms: set[tuple[str, ...]]) -> set[str]:
    """Last tokens of the full names; a lone "Juan" beside "Juan Gonzalez" is a first name, not a surname."""
    full = {f[-1] for f in forms if len(f) >= 2}
    return full or {f[-1] for f in forms}


def _person_score(e: ActorProfile, a: ActorProfile) -> float:
    e_forms = {person_tokens(n) for n in e.names} - {()}
    a_forms = {person_tokens(n) for n in a.names} - {()}
    if e_forms & {f for f in a_forms if len(f) >= 2}:
        return 1.0
    e_full = [f for f in e_forms if len(f) >= 2]
    a_full = [f for f in a_forms if len(f) >= 2]
    if e_full and a_full:
        agree = any(x[-1] == y[-1] and _first_names_agree(x[0], y[0]) for x in e_full for y in a_full)
        # Two different full names with one surname are two people (Matt Miller, Stephen Miller).
        return 0.8 if agree else 0.0
    surnames = _surnames(e_forms) & _surnames(a_forms)
    if not surnames:
        return 0.0
    # A bare surname is weak evidence: it needs a shared country or a shared title to back it.
    same_country = e.country is not None and e.country == a.country
    shared_title = bool({fold(t) for t in e.titles} & {fold(t) for t in a.titles})
    return 0.6 if same_country or shared_title else 0.0


def _named_score(e: ActorProfile, a: ActorProfile) -> float:
    e_forms = {canonical_org(n) for n in e.names} | {org_form(n) for n in e.names}
    a_forms = {canonical_org(n) for n in a.names} | {org_form(n) for n in a.names}
    if e_forms & a_forms - {""}:
        return 1.0
    if family(e.type) == "PLACE":
        e_codes = {country_code_of(n) for n in e.names} - {None}
        if e_codes and e_codes & ({country_code_of(n) for n in a.names} - {None}):
            return 1.0
    return 0.0


def match_score(e: ActorProfile, a: ActorProfile) -> float:
    """How well entity profile `e` fits canonical actor `a`: 0 (a different actor) to 1 (same name)."""
    if family(e.type) != family(a.type) or e.solo or a.solo:
        return 0.0
    if e.kb_id and a.kb_id:  # the same knowledge-base entry is the same actor; two entries are two
        return 1.0 if e.kb_id == a.kb_id else 0.0
    if any(
        _conflict(x, y) for x, y in ((e.country, a.country), (e.sector, a.sector), (e.geonameid, a.geonameid))
    ):
        return 0.0
    if e.geonameid is not None and e.geonameid == a.geonameid:
        return 1.0
    return _person_score(e, a) if family(e.type) == "PERSON" else _named_score(e, a)


def best_match(e: ActorProfile, candidates: Iterable[ActorProfile]) -> ActorProfile | None:
    """The candidate `e` belongs to, or None. A weak match shared by two candidates is ambiguous: none."""
    scored = sorted(((match_score(e, a), a.id, a) for a in candidates), key=lambda t: (-t[0], t[1]))
    scored = [t for t in scored if t[0] > 0]
    if not scored:
        return None
    if scored[0][0] < 1.0 and len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][2]


def _union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
    # Sorted, not in the order documents came: the actor's names and titles are the same whatever order
    # its documents were ingested in (and so are the MAX_NAMES kept: the first in sorted order).
    return tuple(sorted({*a, *b}))[:MAX_NAMES]


def _fuller(current: str, other: str, entity_type: str) -> str:
    """The better display name: a person's full name over a bare surname, mixed case over a dateline's
    capitals ("NEW YORK"), else the first one seen."""
    if current.isupper() and not other.isupper() and fold(current) == fold(other):
        return other
    if family(entity_type) == "PERSON" and len(person_tokens(other)) > len(person_tokens(current)):
        return other
    return current


def merge(actor: ActorProfile, e: ActorProfile) -> ActorProfile:
    """The canonical actor after learning entity `e` is it: names and titles pooled, gaps filled."""
    return replace(
        actor,
        name=_fuller(actor.name, e.name, actor.type),
        names=_union(actor.names, e.names),
        titles=_union(actor.titles, e.titles),
        country=actor.country or e.country,
        sector=actor.sector or e.sector,
        geonameid=actor.geonameid or e.geonameid,
        kb_id=actor.kb_id or e.kb_id,
    )


def actor_id(profile: ActorProfile, taken: Callable[[str], bool]) -> str:
    """A stable id from what defines the actor, so re-ingesting a corpus gives the same ids."""
    if family(profile.type) == "PERSON":
        core = " ".join(person_tokens(profile.name))
    else:
        core = country_code_of(profile.name) or canonical_org(profile.name)
    parts = (family(profile.type), core, profile.country, profile.geonameid, profile.solo)
    return unused_id("A", "|".join(p or "" for p in parts), taken)
