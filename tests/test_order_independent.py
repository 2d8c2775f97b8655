"""The corpus a store holds does not depend on the order its documents arrived in (issue 12, Build 2):
the same hand-made documents ingested in shuffled orders give identical actors, events and counts, ids
included."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_store_sqlite import store  # noqa: F401  (a fixture)

from newsgraph.model import Document, Entity, Event, Mention, Span
from newsgraph.store import Store, open_store

# (name, type, country): full names, so that which actor an entity is never depends on what came first.
POOL = [
    ("Lena Hart", "PERSON", "NOR"),
    ("Omar Said", "PERSON", "KEN"),
    ("Norway", "GPE", "NOR"),
    ("Kenya", "GPE", "KEN"),
    ("Nairobi", "GPE", "KEN"),
]
TEXT = "Lena Hart and Omar Said of Norway and Kenya met in Nairobi."
# Neighbouring days: a vague report (dated by publication) can match a report a day off.
DAYS = [None, "2024-03-01", "2024-03-02", "2024-03-03", "2024-03-05"]


def build(doc_id: str, published: str | None, events: list[tuple[Any, ...]]) -> Document:
    ents = []
    for i, (name, etype, country) in enumerate(POOL):
        at = TEXT.index(name)
        # Titles and aliases vary by document (by its id), so merged actors pool different ones.
        titles = (("Minister",), (), ("Foreign Minister", "Envoy"))[int(doc_id[1:]) % 3] if i < 2 else ()
        aliases = (name, name.upper()) if int(doc_id[1:]) % 2 else (name,)
        mention = Mention(at, at + len(name), name, 0)
        ents.append(Entity(f"E{i + 1}", name, etype, (mention,), country, None, titles, aliases))
    evs = [
        Event(
            f"V{i + 1}",
            etype,
            Span(0, 4, TEXT[:4]),
            0,
            (f"E{s + 1}",),
            (f"E{t + 1}",),
            mode=mode,
            contexts=contexts,
            date=date,
            location=None if where is None else f"E{where + 1}",
        )
        for i, (etype, s, t, date, mode, contexts, where) in enumerate(events)
    ]
    return Document(
        doc_id, TEXT, ((0, len(TEXT)),), published, None, None, "Wire", tuple(ents), (), (), (), tuple(evs)
    )


events_st = st.tuples(
    st.sampled_from(["CONSULT", "ASSAULT"]),
    st.integers(0, 1),  # source: a person
    st.integers(2, 4),  # target: a place
    st.sampled_from(DAYS),
    st.sampled_from([None, "visit", "call"]),
    st.sampled_from([(), ("diplomatic",), ("economic", "diplomatic")]),
    st.sampled_from([None, 4]),
)
docs_st = st.lists(
    st.tuples(st.sampled_from(DAYS), st.lists(events_st, min_size=1, max_size=3)), min_size=2, max_size=7
).map(lambda specs: [build(f"d{i:02d}", pub, evs) for i, (pub, evs) in enumerate(specs)])


def snapshot(s: Store) -> dict[str, Any]:
    return {
        "counts": s.counts(),
        "actors": list(s.rows("actors")),
        "events": list(s.rows("events")),
        "relations": list(s.rows("relations")),
    }


def ingested(docs: list[Document]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "s.db") as s:
        for doc in docs:
            s.put_document(doc)
        return snapshot(s)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=docs_st, data=st.data())
def test_shuffled_ingestion_gives_the_same_store(docs, data):
    shuffled = data.draw(st.permutations(docs), label="order")
    assert ingested(shuffled) == ingested(docs)


def test_a_later_precise_report_dates_the_event_as_an_earlier_one_would(store):  # noqa: F811
    vague = build("d1", "2024-03-03", [("CONSULT", 0, 3, None, None, ("economic",), None)])
    precise = build("d2", "2024-03-04", [("CONSULT", 0, 3, "2024-03-03", "visit", ("diplomatic",), 4)])
    for doc in (vague, precise):
        store.put_document(doc)
    forward = snapshot(store)
    for doc in (vague, precise):
        store.delete_document(doc.id)
    assert store.counts()["events"] == 0
    for doc in (precise, vague):
        store.put_document(doc)
    assert snapshot(store) == forward
    [event] = forward["events"]
    assert (event["date"], event["date_vague"], event["mode"], event["location"]) == (
        "2024-03-03",
        False,
        "visit",
        forward["actors"][[a["name"] for a in forward["actors"]].index("Nairobi")]["id"],
    )
    assert event["contexts"] == ["diplomatic", "economic"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(docs=docs_st, data=st.data())
def test_deleting_documents_leaves_the_store_their_absence_would(docs, data):
    gone = data.draw(st.sets(st.sampled_from([d.id for d in docs])), label="deleted")
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "s.db") as s:
        for doc in docs:
            s.put_document(doc)
        for doc_id in sorted(gone):
            s.delete_document(doc_id)
        after, without = snapshot(s), ingested([d for d in docs if d.id not in gone])
    # Events, relations and counts as if the deleted documents had never come; an actor still keeps the
    # names and titles a deleted document taught it (a known limit: they are pooled, not counted).
    strip = [{k: v for k, v in a.items() if k not in ("names", "titles")} for a in after["actors"]]
    assert strip == [{k: v for k, v in a.items() if k not in ("names", "titles")} for a in without["actors"]]
    assert {k: after[k] for k in ("counts", "events", "relations")} == {
        k: without[k] for k in ("counts", "events", "relations")
    }
