"""Link one document into the corpus: each entity to a canonical actor, each event to a corpus event.

`link_document` is backend-neutral: a store passes lookups that read its tables inside the document's
write transaction, and writes the `Linked` result. SQLite and PostgreSQL share this logic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from ..model import Document, Event
from .actors import ActorProfile, actor_id, best_match, match_score, merge, profile_of
from .events import EventSlot, event_day, event_id, event_key, pick_event
from .kb_ids import kb_keys
from .names import family, person_tokens


@dataclass(frozen=True)
class LinkedEvent:
    event: Event
    corpus_id: str
    key: str
    date: str | None
    vague: bool
    new: bool
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    location: str | None
    attributed_to: str | None


@dataclass(frozen=True)
class Linked:
    document: Document
    actor_of: dict[str, str]  # document entity id -> canonical actor id
    actors: tuple[ActorProfile, ...]  # canonical actors this document created or changed
    new_actors: frozenset[str]
    events: tuple[LinkedEvent, ...]


@dataclass(frozen=True)
class Lookups:
    """The store's side of linking; each call sees this transaction's earlier writes."""

    actors_by_keys: Callable[[frozenset[str]], list[ActorProfile]]
    actor_taken: Callable[[str], bool]
    events_by_key: Callable[[str, str | None], list[EventSlot]]  # (key, day): slots near that day
    event_taken: Callable[[str], bool]


def _resolution_order(doc: Document) -> list[int]:
    # Full names first, so a bare "Miller" later in the list can join "Matt Miller" of the same document.
    def rank(i: int) -> tuple[int, int]:
        e = doc.entities[i]
        if family(e.type) == "PERSON":
            return (-max((len(person_tokens(n)) for n in (e.name, *e.aliases)), default=0), i)
        return (0, i)

    return sorted(range(len(doc.entities)), key=rank)


def _match(
    profile: ActorProfile, keys: frozenset[str], touched: dict[str, ActorProfile], look: Lookups
) -> ActorProfile | None:
    stored = {a.id: a for a in look.actors_by_keys(keys)}
    # This document's own new or changed actors count too, in their latest state.
    stored.update({k: a for k, a in touched.items() if a.keys & keys})
    return best_match(profile, stored.values())


def _link_actors(
    doc: Document, look: Lookups, decided: Mapping[str, ActorProfile]
) -> tuple[dict[str, str], dict[str, ActorProfile], set[str]]:
    actor_of: dict[str, str] = {}
    touched: dict[str, ActorProfile] = {}
    new: set[str] = set()
    for entity_id, actor in sorted(decided.items()):
        touched[actor.id] = actor
        actor_of[entity_id] = actor.id
    for i in _resolution_order(doc):
        entity = doc.entities[i]
        if entity.id in decided:
            continue
        profile = profile_of(entity, doc.id)
        keys = profile.keys
        if profile.kb_id and f"KB:{profile.kb_id}" in keys:  # and under the ids its record replaced
            keys |= kb_keys(profile.kb_id)  # (profile_of gave the current id; a store of before has those)
        # A full name's own key first: it finds the actor without loading everyone with that surname.
        precise = frozenset(k for k in keys if k.startswith("PN:"))
        match = _match(profile, precise, touched, look) if precise else None
        if match is None or match_score(profile, match) < 1.0:
            match = _match(profile, keys, touched, look)
        if match is None:
            ident = actor_id(profile, lambda c: c in touched or look.actor_taken(c))
            actor = replace(profile, id=ident)
            new.add(ident)
        else:
            actor = merge(match, profile)
        touched[actor.id] = actor
        actor_of[entity.id] = actor.id
    return actor_of, touched, new


def _canonical(ids: Iterable[str], actor_of: dict[str, str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(actor_of[i] for i in ids if i in actor_of))


def _link_events(doc: Document, actor_of: dict[str, str], look: Lookups) -> list[LinkedEvent]:
    out: list[LinkedEvent] = []
    local: dict[str, list[EventSlot]] = {}
    for event in doc.events:
        sources, targets = _canonical(event.source, actor_of), _canonical(event.target, actor_of)
        key = event_key(event.type, sources, targets)
        if not sources and not targets:
            # Without actors only the place can tie two reports together; without a place, nothing can.
            key += f"|at:{actor_of.get(event.location or '') or 'doc:' + doc.id}"
        date, vague = event_day(event.date, doc.published)
        if date is None:
            # With no day at all, two articles cannot be shown to tell of one event: merge within one only.
            key += f"|doc:{doc.id}"
        slots = [*look.events_by_key(key, date), *local.get(key, [])]
        slot = pick_event(slots, date, vague)
        new = slot is None
        if slot is None:
            taken = {s.id for ss in local.values() for s in ss}

            def is_taken(ident: str, taken: set[str] = taken) -> bool:
                return ident in taken or look.event_taken(ident)

            slot = EventSlot(event_id(key, date, is_taken), date, vague)
            local.setdefault(key, []).append(slot)
        out.append(
            LinkedEvent(
                event=event,
                corpus_id=slot.id,
                key=key,
                date=slot.date,
                vague=slot.vague,
                new=new,
                sources=sources,
                targets=targets,
                location=actor_of.get(event.location or ""),
                attributed_to=actor_of.get(event.attributed_to or ""),
            )
        )
    return out


def link_document(doc: Document, look: Lookups, decided: Mapping[str, ActorProfile] | None = None) -> Linked:
    """Link a document's entities and events into the corpus. `decided` gives the actors of entities
    already settled (persons: corpus.cluster decides them over the whole corpus at once); the rest are
    matched one by one against the stored actors."""
    actor_of, touched, new = _link_actors(doc, look, decided or {})
    events = _link_events(doc, actor_of, look)
    return Linked(doc, actor_of, tuple(touched.values()), frozenset(new), tuple(events))
