"""The same knowledge-base entry is the same actor across documents, whatever name each document uses;
two entries are two actors, whatever the names say (issue 14, Build 5). On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

from test_store_sqlite import consistent, store  # noqa: F401  (a fixture)

from newsgraph.corpus import ActorProfile, match_score
from newsgraph.model import Document, Entity, Mention


def group(doc_id: str, text: str, name: str, kb: str | None) -> Document:
    at = text.index(name)
    entity = Entity("E1", name, "ORG", (Mention(at, at + len(name), name, 0),), kb_id=kb)
    return Document(doc_id, text, ((0, len(text)),), "2024-05-02", None, None, "Test Wire", (entity,))


def org_of(s, doc_id: str) -> str:
    [row] = [r for r in s.rows("entities") if r["doc_id"] == doc_id]
    return str(row["actor_id"])


def test_one_entry_under_two_names_is_one_organisation(store):  # noqa: F811
    store.put_document(group("d1", "The Northern Front claimed the attack (d1).", "Northern Front", "kb:NF"))
    store.put_document(group("d2", "The NFL militia denied it (d2).", "NFL", "kb:NF"))
    store.put_document(group("d3", "The NFL played on Sunday (d3).", "NFL", "kb:LEAGUE"))
    store.put_document(group("d4", "The Northern Front spoke again (d4).", "Northern Front", None))
    assert org_of(store, "d1") == org_of(store, "d2") == org_of(store, "d4") != org_of(store, "d3")
    consistent(store)


def test_two_entries_never_match_one_entry_always_does():
    a = ActorProfile("ORG", "NFL", ("NFL",), kb_id="kb:NF", id="A1")
    assert match_score(dataclasses.replace(a, id="", kb_id="kb:LEAGUE"), a) == 0.0
    other_name = ActorProfile("ORG", "Northern Front", ("Northern Front",), kb_id="kb:NF")
    assert match_score(other_name, a) == 1.0
