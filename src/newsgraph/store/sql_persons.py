"""Persons across the corpus, for every engine (issue 14, Build 5): the store's side of
`corpus.cluster`.

A document's persons (and the names the tagger typed ORG that may be persons) are filed under surname
keys. Writing or deleting a document gathers every stored entity those keys reach (its *component*),
asks `cluster_persons` which person each belongs to, and re-links the stored documents whose entities
now belong elsewhere: they are deleted and written again with their new actors, so their relations,
quotes and events follow. The persons a store holds are then a function of its documents, not of the
order they came in.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from ..corpus import ActorProfile, Linked, profile_of
from ..corpus.cluster import Member, cluster_persons
from ..corpus.kb_ids import current_kb_id
from ..corpus.names import blocking_keys, family, person_like
from ..model import Document
from .dialect import Dialect

# How many rounds of "keys -> actors -> their keys" the component is followed through; names chain
# surnames only through aliases, so two rounds almost always close it.
MAX_ROUNDS = 6

Plan = dict[tuple[str, str], ActorProfile]


def profile_from_row(r: Any, kb_id: str | None = None) -> ActorProfile:
    """An actors row as the profile actor linking compares against (`kb_id`: its knowledge-base entry)."""
    return ActorProfile(
        type=r["type"],
        name=r["name"],
        names=tuple(json.loads(r["names"])),
        titles=tuple(json.loads(r["titles"])),
        country=r["country"],
        sector=r["sector"],
        geonameid=r["geonameid"],
        id=r["id"],
        kb_id=current_kb_id(kb_id),
    )


def mark_kb_linked(db: Dialect, linked: Linked) -> None:
    """File under `K:` the actors an entity of which is linked to the knowledge base: stored_members
    reads the entries of those actors' entities only."""
    actors = sorted({linked.actor_of[e.id] for e in linked.document.entities if e.kb_id})
    db.executemany("INSERT INTO actor_keys VALUES ('K:', ?) ON CONFLICT DO NOTHING", [(a,) for a in actors])


def person_keys(keys: Iterable[str]) -> frozenset[str]:
    return frozenset(k for k in keys if k.startswith(("P:", "PN:")))


def participates(profile: ActorProfile) -> bool:
    """Whether clustering decides this entity's actor: a named person, or a name typed otherwise that
    could be a person's."""
    if profile.solo:
        return False
    return family(profile.type) == "PERSON" or (profile.type == "ORG" and person_like(profile.names))


def members_of(doc: Document) -> list[Member]:
    out = []
    for e in doc.entities:
        p = profile_of(e, doc.id)
        if participates(p):
            out.append(Member(doc.id, e.id, p))
    return out


@dataclass(frozen=True)
class Component:
    rows: list[Any]  # entities rows (doc_id, entity_id, actor_id, name, type, ...) of the component
    actor_types: dict[str, str]
    kb_actors: frozenset[str] = frozenset()  # actors an entity of which is linked to the knowledge base


def person_keys_of(db: Dialect, doc_id: str) -> frozenset[str]:
    """The person keys of the actors a stored document's entities belong to."""
    rows = db.all(
        "SELECT DISTINCT k.key FROM entities e JOIN actor_keys k ON k.actor_id = e.actor_id WHERE e.doc_id=?",
        (doc_id,),
    )
    return person_keys(r["key"] for r in rows)


def component(db: Dialect, keys: frozenset[str]) -> Component:
    """The stored entities the person keys reach, following actors' keys until nothing new comes."""
    actors: set[str] = set()
    seen: set[str] = set()
    todo: set[str] = set(keys)
    for _ in range(MAX_ROUNDS):
        todo -= seen
        if not todo:
            break
        seen |= todo
        in_keys, args = db.in_list("key", sorted(todo))
        found = {r["actor_id"] for r in db.execute(f"SELECT actor_id FROM actor_keys WHERE {in_keys}", args)}
        found -= actors
        if not found:
            break
        actors |= found
        in_actors, args = db.in_list("actor_id", sorted(found))
        todo = set(
            person_keys(r["key"] for r in db.execute(f"SELECT key FROM actor_keys WHERE {in_actors}", args))
        )
    if not actors:
        return Component([], {})
    in_actors, args = db.in_list("actor_id", sorted(actors))
    rows = db.all(f"SELECT * FROM entities WHERE {in_actors} ORDER BY doc_id, entity_id", args)
    in_ids, id_args = db.in_list("id", sorted(actors))
    types = {r["id"]: r["type"] for r in db.execute(f"SELECT id, type FROM actors WHERE {in_ids}", id_args)}
    linked = db.execute(f"SELECT DISTINCT actor_id FROM actor_keys WHERE {in_actors} AND key = 'K:'", args)
    return Component(rows, types, frozenset(r["actor_id"] for r in linked))


def stored_members(db: Dialect, comp: Component) -> list[Member]:
    """The component's entities as clustering reads them. A common name is stored thousands of times
    alike: one profile per distinct row (and knowledge-base entry), shared by its members. Knowledge-base
    ids are read in the documents of actors filed under a `K:` key only (those with a linked entity), each
    as the id of the record holding it now."""
    linked = {r["doc_id"] for r in comp.rows if r["actor_id"] in comp.kb_actors}
    profiles: dict[tuple[Any, ...], ActorProfile | None] = {}
    out = []
    for r in comp.rows:
        kb_id = current_kb_id(r["kb_id"]) if r["doc_id"] in linked else None
        key = (r["type"], r["name"], r["aliases"], r["titles"], r["country"], r["sector"], kb_id)
        if key not in profiles:
            names = tuple(dict.fromkeys(n for n in (r["name"], *json.loads(r["aliases"])) if n and n.strip()))
            profile = ActorProfile(
                type=r["type"],
                name=r["name"],
                names=names or (r["name"],),
                titles=tuple(dict.fromkeys(json.loads(r["titles"]))),
                country=r["country"],
                sector=r["sector"],
                kb_id=kb_id,
            )
            profiles[key] = profile if participates(profile) else None
        if (shared := profiles[key]) is not None:
            out.append(Member(r["doc_id"], r["entity_id"], shared))
    return out


def moved_documents(comp: Component, plan: Plan) -> list[str]:
    """Stored documents an entity of which belongs to another actor than the one it is stored with."""
    moved = set()
    for r in comp.rows:
        actor = plan.get((r["doc_id"], r["entity_id"]))
        if actor is not None:
            if actor.id != r["actor_id"]:
                moved.add(r["doc_id"])
        elif comp.actor_types.get(r["actor_id"]) == "PERSON":
            moved.add(r["doc_id"])  # a name typed ORG no person takes any more: back to organisations
    return sorted(moved)


@dataclass(frozen=True)
class Stored:
    """A stored document as it was before a re-link deletes it: enough to write it again."""

    document: Document
    digest: str
    origin: str | None
    decided: dict[str, ActorProfile]  # entity id -> the actor it is written with (the rest: linking's)


def snapshot(db: Dialect, doc_id: str, plan: Plan, released: frozenset[str]) -> Stored:
    row = db.one("SELECT data, hash, origin FROM documents WHERE id=?", (doc_id,))
    assert row is not None  # found in this transaction
    doc = Document.from_dict(json.loads(zlib.decompress(row["data"])))
    actors: dict[str, ActorProfile] = {}
    rows = db.all(
        "SELECT e.entity_id, a.*, (SELECT count(*) FROM actor_keys k WHERE k.actor_id = a.id) AS n_keys "
        "FROM entities e JOIN actors a ON a.id = e.actor_id WHERE e.doc_id=? ORDER BY e.entity_id",
        (doc_id,),
    )
    for r in rows:
        profile = profile_from_row(r)
        if not r["n_keys"]:  # an actor known only by description: keep it unfiled
            profile = replace(profile, solo=doc_id)
        actors[r["entity_id"]] = profile
    decided = decided_for(doc, plan, actors, released)
    return Stored(doc, row["hash"], row["origin"], decided)


def decided_for(
    doc: Document,
    plan: Plan,
    stored: Mapping[str, ActorProfile] | None,
    released: frozenset[str] = frozenset(),
) -> dict[str, ActorProfile]:
    """The actors a document's entities are written with: the plan's persons; for a re-linked document,
    also the actors its other entities had (they are not this plan's to move), except the `released`
    ones (names typed ORG that no person takes any more), which linking places again."""
    out: dict[str, ActorProfile] = {}
    for e in doc.entities:
        if (doc.id, e.id) in plan:
            out[e.id] = plan[(doc.id, e.id)]
        elif stored is not None and e.id in stored and e.id not in released:
            out[e.id] = stored[e.id]
    return out


def released_entities(comp: Component, plan: Plan) -> dict[str, frozenset[str]]:
    """Doc id -> its entities that were in the component but that no planned person takes (one pass
    over the component, however many documents move)."""
    out: dict[str, set[str]] = {}
    for r in comp.rows:
        if (r["doc_id"], r["entity_id"]) not in plan:
            out.setdefault(r["doc_id"], set()).add(r["entity_id"])
    return {d: frozenset(ids) for d, ids in out.items()}


def refresh_actors(db: Dialect, plan: Plan, kb_actors: frozenset[str]) -> None:
    """Write each planned person as the plan has it (its name, type, country and names may have changed
    with documents it did not take part in) and file it under the person keys of all its entities'
    names (not only the MAX_NAMES its row keeps)."""
    by_id = {actor.id: actor for _, actor in sorted(plan.items())}
    if not by_id:
        return
    in_ids, args = db.in_list("id", sorted(by_id))
    present = sorted(r["id"] for r in db.execute(f"SELECT id FROM actors WHERE {in_ids}", args))
    for actor_id in present:
        actor = by_id[actor_id]
        row = (actor.type, actor.name, actor.country, actor.sector, json.dumps(actor.names))
        db.execute(
            "UPDATE actors SET type=?, name=?, country=?, sector=?, names=?, titles=? WHERE id=?",
            (*row, json.dumps(actor.titles), actor_id),
        )
    if not present:
        return
    names: dict[str, set[str]] = {i: set() for i in present}
    in_actors, args = db.in_list("actor_id", present)
    for r in db.execute(f"SELECT actor_id, name, aliases FROM entities WHERE {in_actors}", args):
        names[r["actor_id"]].update([r["name"], *json.loads(r["aliases"])])
    db.execute(f"DELETE FROM actor_keys WHERE {in_actors}", args)
    keys = [(k, i) for i in present for k in sorted(blocking_keys("PERSON", tuple(sorted(names[i]))))]
    keys += [("K:", i) for i in present if i in kb_actors]
    db.executemany("INSERT INTO actor_keys VALUES (?, ?) ON CONFLICT DO NOTHING", keys)


@dataclass(frozen=True)
class Settlement:
    plan: Plan
    moved: list[Stored]  # stored documents to write again, as they were before
    kb_actors: frozenset[str]  # planned persons one entity of which is linked to the knowledge base


def plan_persons(db: Dialect, doc: Document | None, keys: frozenset[str]) -> Settlement:
    """The persons of `doc` (None: of nothing new, after a delete) and of every stored entity they share
    a surname key with, decided together; and the stored documents that must be written again because
    an entity of theirs now belongs to another actor."""
    new = members_of(doc) if doc is not None else []
    keys = keys | person_keys(k for m in new for k in m.profile.keys)
    comp = component(db, keys)
    members = [*stored_members(db, comp), *new]
    plan = cluster_persons(members)
    kb_actors = frozenset(
        a.id for m in members if m.profile.kb_id and (a := plan.get((m.doc_id, m.entity_id))) is not None
    )
    released = released_entities(comp, plan)
    moved = [snapshot(db, d, plan, released.get(d, frozenset())) for d in moved_documents(comp, plan)]
    return Settlement(plan, moved, kb_actors)
