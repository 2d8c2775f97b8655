"""The same knowledge-base entry is the same actor across documents, whatever name each document uses;
two entries are two actors, whatever the names say (issue 14, Build 5). On SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses

from test_store_sqlite import consistent, store  # noqa: F401  (a fixture)

from newsgraph.corpus import ActorProfile, kb_ids, match_score
from newsgraph.kb import ActorKB
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


class _Holders:
    """A knowledge base's answer on ids: `replaced` maps an old id to the id of the record holding it."""

    def __init__(self, replaced: dict[str, str]) -> None:
        self.replaced = replaced

    def current_id(self, actor_id: str) -> str | None:
        return self.replaced.get(actor_id, actor_id)

    def replaced_ids(self, actor_id: str) -> tuple[str, ...]:
        return tuple(old for old, new in self.replaced.items() if new == actor_id)


def kb_keys_of(s, actor_id: str) -> list[str]:
    rows = s.conn.execute(f"SELECT key FROM actor_keys WHERE actor_id = '{actor_id}'").fetchall()
    return sorted(r["key"] for r in rows if r["key"].startswith("KB:"))


def test_an_entry_a_newer_record_holds_is_the_actor_a_store_of_before_filed(store, monkeypatch):  # noqa: F811
    # An earlier version linked "NFLX" to Phoenix's record; an upgrade's notable list replaced it.
    monkeypatch.setattr(kb_ids, "_holders", lambda: _Holders({}))
    store.put_document(group("d1", "NFLX shares rose (d1).", "NFLX", "phx:NF"))
    monkeypatch.setattr(kb_ids, "_holders", lambda: _Holders({"phx:NF": "ntb:NF"}))
    store.put_document(group("d2", "The streamer Netflix said so (d2).", "Netflix", "ntb:NF"))
    store.put_document(group("d3", "NFLX fell (d3).", "NFLX", "phx:NF"))  # extracted before, ingested now
    store.put_document(group("d4", "The Netflix league played (d4).", "Netflix", "ntb:OTHER"))
    assert org_of(store, "d1") == org_of(store, "d2") == org_of(store, "d3") != org_of(store, "d4")
    # Filed under the entry's current id alone, so the next lookup reads its entry from one key.
    assert kb_keys_of(store, org_of(store, "d1")) == ["KB:ntb:NF"]
    consistent(store)


def test_a_person_an_upgrade_gave_a_new_id_stays_one_person(store, monkeypatch):  # noqa: F811
    def senator(doc_id: str, kb: str) -> Document:
        text = f"Senator Maria Alvarez of Chile spoke ({doc_id})."
        at = text.index("Maria Alvarez")
        mention = Mention(at, at + 13, "Maria Alvarez", 0)
        entity = Entity("E1", "Maria Alvarez", "PERSON", (mention,), "CHL", None, ("Senator",), kb_id=kb)
        return Document(doc_id, text, ((0, len(text)),), "2024-05-02", None, None, "Test Wire", (entity,))

    monkeypatch.setattr(kb_ids, "_holders", lambda: _Holders({}))
    store.put_document(senator("d1", "phx:MA"))
    monkeypatch.setattr(kb_ids, "_holders", lambda: _Holders({"phx:MA": "cur:MA"}))
    store.put_document(senator("d2", "cur:MA"))
    store.put_document(senator("d3", "cur:OTHER"))  # a namesake the knowledge base tells apart
    assert org_of(store, "d1") == org_of(store, "d2") != org_of(store, "d3")
    consistent(store)


def test_the_shipped_knowledge_base_names_the_holder_of_a_replaced_id():
    kb = ActorKB.from_rows(
        phoenix=[{"id": "phx:NF", "name": "Netflix", "type": "ORG", "country": "USA"}],
        notable=[{"id": "ntb:NF", "name": "Netflix", "type": "ORG", "country": "USA"}],
    )
    assert kb.current_id("phx:NF") == kb.current_id("ntb:NF") == "ntb:NF"
    assert kb.replaced_ids("ntb:NF") == ("phx:NF",)
    assert kb.current_id("country:NER") is None and kb.replaced_ids("phx:NF") == ()


def test_an_entitys_sources_and_entry_are_stored_for_sql(store):  # noqa: F811
    # An analyst filtering in SQL needs what the contract document says: where each country and sector
    # came from, and the knowledge-base entry.
    text = "Mikko Virtanen met the Northern Front (d9)."
    person = Entity("E1", "Mikko Virtanen", "PERSON", (Mention(0, 14, "Mikko Virtanen", 0),), "FIN",
                    country_source="name")  # fmt: skip
    body = Entity("E2", "Northern Front", "ORG", (Mention(23, 37, "Northern Front", 0),), "IRQ", "REB",
                  country_source="kb", sector_source="kb", kb_id="kb:NF")  # fmt: skip
    store.put_document(Document("d9", text, ((0, len(text)),), "2024-05-02", None, None, "Test Wire",
                                (person, body)))  # fmt: skip
    rows = {r["entity_id"]: r for r in store.rows("entities") if r["doc_id"] == "d9"}
    keys = ("country", "country_source", "sector_source", "kb_id")
    got = {e: tuple(rows[e][k] for k in keys) for e in rows}
    assert got == {"E1": ("FIN", "name", None, None), "E2": ("IRQ", "kb", "kb", "kb:NF")}
