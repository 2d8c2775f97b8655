"""The stores on hand-made documents: idempotence, replacement, merging, counts, queries, bad paths.

The behaviour tests run on both backends (the `store` fixture); file-path checks are SQLite's alone."""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import ConfigError, StoreError
from newsgraph.model import Document, Entity, Event, Mention, Quote, Relation, Span
from newsgraph.store import Store, open_store

# (name, type, country, sector, titles)
HART = ("Lena Hart", "PERSON", "NOR", "GOV", ("Foreign Minister",))
NORWAY = ("Norway", "GPE", "NOR", None, ())
KENYA = ("Kenya", "GPE", "KEN", None, ())


def make_doc(doc_id: str, text: str, entities, events=(), quotes=(), relations=(), published="2024-03-04",
             url=None, title=None) -> Document:  # fmt: skip
    """A document whose entities are found in `text` by name; events are (type, source, target, date)
    with source/target as entity indexes; quotes are (text, speaker index)."""
    ents = []
    for i, (name, etype, country, sector, titles) in enumerate(entities):
        start = text.index(name.split()[-1])
        mention = Mention(start, start + len(name.split()[-1]), name.split()[-1], 0)
        ents.append(Entity(f"E{i + 1}", name, etype, (mention,), country, sector, titles, (name,)))
    evs = [
        Event(f"V{i + 1}", t, Span(0, 1, text[0]), 0, (f"E{s + 1}",), (f"E{o + 1}",), date=d)
        for i, (t, s, o, d) in enumerate(events)
    ]
    qs = []
    for i, (qtext, speaker) in enumerate(quotes):
        start = text.index(qtext)
        qs.append(
            Quote(f"Q{i + 1}", "direct", start, start + len(qtext), qtext, f"E{speaker + 1}", None, "said", 0)
        )
    rels = [Relation(f"E{s + 1}", p, f"E{o + 1}", 0) for s, p, o in relations]
    return Document(
        doc_id, text, ((0, len(text)),), published, title, url, "Test Wire", tuple(ents), tuple(rels), (),
        tuple(qs), tuple(evs),
    )  # fmt: skip


def visit(
    doc_id: str, day: str | None = "2024-03-04", published: str | None = "2024-03-04", **kw
) -> Document:
    text = f'Foreign Minister Lena Hart of Norway visited Kenya. "We came to listen," Hart said ({doc_id}).'
    return make_doc(
        doc_id, text, [HART, NORWAY, KENYA], [("CONSULT", 0, 2, day)], [("We came to listen", 0)],
        [(0, "represents", 1)], published=published, **kw,
    )  # fmt: skip


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path):
    target = tmp_path / "corpus.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    with open_store(target) as s:
        yield s


def scalar(store: Store, sql: str) -> Any:
    """The first column of the first row of a query, on either backend's connection."""
    row = store.conn.execute(sql).fetchone()  # type: ignore[attr-defined]
    return next(iter(row.values())) if isinstance(row, dict) else row[0]


def consistent(store: Store) -> None:
    """Counters agree with the rows they count; nothing points at a missing actor or event."""
    if isinstance(store.conn, sqlite3.Connection):  # type: ignore[attr-defined]
        assert scalar(store, "PRAGMA integrity_check") == "ok"
        assert scalar(store, "SELECT count(*) FROM sentences_fts") == scalar(
            store, "SELECT count(*) FROM sentences"
        )
    else:
        # The text search columns hold what the search configuration makes of each text.
        for table in ("sentences", "quotes"):
            assert scalar(store, f"SELECT count(*) FROM {table} WHERE tsv IS DISTINCT FROM "
                                 "to_tsvector('simple', text)") == 0  # fmt: skip
    assert (
        scalar(
            store,
            "SELECT count(*) FROM actors a WHERE documents != "
            "(SELECT count(DISTINCT doc_id) FROM entities e WHERE e.actor_id = a.id)",
        )
        == 0
    )
    assert (
        scalar(
            store,
            "SELECT count(*) FROM events v "
            "WHERE num_mentions != (SELECT count(*) FROM mentions m WHERE m.event_id = v.id)",
        )
        == 0
    )
    assert scalar(store, "SELECT count(*) FROM events WHERE num_mentions = 0") == 0
    assert scalar(store, "SELECT count(*) FROM entities WHERE actor_id NOT IN (SELECT id FROM actors)") == 0
    assert scalar(store, "SELECT count(*) FROM mentions WHERE event_id NOT IN (SELECT id FROM events)") == 0


def test_same_document_twice_changes_nothing(store):
    assert store.put_document(visit("d1")) == "added"
    before = store.counts()
    assert store.put_document(visit("d1")) == "unchanged"
    assert store.counts() == before
    consistent(store)


def test_two_reports_of_one_visit_are_one_event_with_two_sources(store):
    store.put_document(visit("d1"))
    store.put_document(visit("d2"))
    counts = store.counts()
    assert counts["documents"] == 2 and counts["actors"] == 3 and counts["events"] == 1
    [event] = store.events()
    assert event["num_sources"] == 2 and event["num_mentions"] == 2
    assert event["documents"] == ["d1", "d2"]
    assert event["source"] == ["Lena Hart"] and event["target"] == ["Kenya"]
    consistent(store)


def test_vague_dates_match_within_a_day_precise_ones_do_not(store):
    store.put_document(visit("d1", day="2024-03-04"))
    store.put_document(visit("d2", day=None, published="2024-03-05"))  # vague: published next day
    assert store.counts()["events"] == 1
    store.put_document(visit("d3", day="2024-03-05"))  # a precise other day is another visit
    assert store.counts()["events"] == 2
    consistent(store)


def test_changed_text_with_same_id_replaces_atomically(store):
    store.put_document(visit("d1"))
    store.put_document(visit("d2"))
    changed = make_doc(
        "d1", "Lena Hart of Norway thanked Kenya.", [HART, NORWAY, KENYA], [("AGREE", 0, 2, None)]
    )
    assert store.put_document(changed) == "replaced"
    counts = store.counts()
    assert counts["documents"] == 2 and counts["events"] == 2 and counts["quotes"] == 1
    assert {e["type"]: e["num_sources"] for e in store.events()} == {"CONSULT": 1, "AGREE": 1}
    assert [h["document"] for h in store.search("thanked")] == ["d1"]
    assert store.search("listen d1") == []
    consistent(store)


def test_same_url_with_a_new_id_replaces(store):
    store.put_document(visit("d1", url="https://news.example/a"))
    again = dataclasses.replace(
        visit("d9", url="https://news.example/a"), text=visit("d9").text + " Updated."
    )
    assert store.put_document(again) == "replaced"
    assert store.counts()["documents"] == 1
    assert [d.id for d in store.documents()] == ["d9"]
    consistent(store)


def test_deleting_the_last_document_of_an_actor_removes_it(store):
    store.put_document(visit("d1"))
    other = make_doc("d2", "Kenya hosted talks.", [KENYA])
    store.put_document(other)
    assert store.delete_document("d1")
    assert [a["name"] for a in store.actors()] == ["Kenya"]
    assert store.counts()["events"] == 0 and store.counts()["quotes"] == 0
    consistent(store)


def test_actor_ids_survive_reingest(store):
    store.put_document(visit("d1"))
    before = {a["name"]: a["id"] for a in store.actors()}
    store.delete_document("d1")
    store.put_document(visit("d1"))
    assert {a["name"]: a["id"] for a in store.actors()} == before


def test_surname_only_person_of_another_country_is_another_actor(store):
    store.put_document(visit("d1"))
    text = "Hart, a Swedish banker, spoke."
    store.put_document(make_doc("d2", text, [("Hart", "PERSON", "SWE", "BUS", ())]))
    harts = store.find_actors("Hart")
    assert len(harts) == 2 and {a["country"] for a in harts} == {"NOR", "SWE"}
    text = "Minister Hart of Norway spoke."
    store.put_document(make_doc("d3", text, [("Hart", "PERSON", "NOR", None, ())]))
    [hart] = [a for a in store.find_actors("Hart") if a["country"] == "NOR"]
    assert hart["documents"] == 2


def test_actor_detail(store):
    store.put_document(visit("d1"))
    [hart] = store.find_actors("Lena Hart")
    detail = store.actor(hart["id"])
    assert detail is not None
    assert detail["titles"] == ["Foreign Minister"]
    assert detail["relations"][0] == {
        "subject": "Lena Hart", "predicate": "represents", "object": "Norway", "documents": 1, "mentions": 1,
    }  # fmt: skip
    assert [e["type"] for e in detail["events_as_source"]] == ["CONSULT"]
    assert detail["events_as_target"] == []
    assert [q["text"] for q in detail["quotes"]] == ["We came to listen"]
    assert store.actor("no-such-id") is None


def test_event_filters(store):
    store.put_document(visit("d1", day="2024-03-04"))
    store.put_document(visit("d2", day="2024-05-01", published="2024-05-01"))
    [kenya] = store.find_actors("Kenya")
    assert len(store.events(actor=kenya["id"])) == 2
    assert [e["date"] for e in store.events(since="2024-04-01")] == ["2024-05-01"]
    assert [e["date"] for e in store.events(until="2024-04-01")] == ["2024-03-04"]
    assert len(store.events(country="KEN")) == 2 and store.events(country="FRA") == []
    assert store.events(type="ASSAULT") == []
    [norway] = store.find_actors("Norway")
    assert store.events(actor=norway["id"]) == []
    # The same filters on the actor's own index.
    assert [e["date"] for e in store.events(actor=kenya["id"], since="2024-04-01")] == ["2024-05-01"]
    assert [e["date"] for e in store.events(actor=kenya["id"], until="2024-04-01")] == ["2024-03-04"]
    assert len(store.events(actor=kenya["id"], country="KEN")) == 2
    assert store.events(actor=kenya["id"], country="FRA") == []
    assert store.events(actor=kenya["id"], type="ASSAULT") == []
    assert len(store.events(actor=kenya["id"], type="consult")) == 2


def test_quote_and_sentence_search(store):
    store.put_document(visit("d1"))
    assert [q["speaker_name"] for q in store.quotes(search="listen")] == ["Lena Hart"]
    assert store.quotes(search="nothing") == []
    [hit] = store.search('visited "Kenya')  # quotes in the words are not FTS syntax
    assert hit["document"] == "d1" and hit["start"] == 0
    with pytest.raises(ConfigError):
        store.search("!!!")


def test_search_ranks_the_newest_matches_and_counts_them_all(store, monkeypatch):
    # A common word's matches are ranked within a window of the most recently stored (RANK_WINDOW);
    # the count still covers every match.
    monkeypatch.setattr(sys.modules[type(store.dialect).__module__], "RANK_WINDOW", 2)
    for doc_id in ("d1", "d2", "d3", "d4"):
        store.put_document(visit(doc_id, day=f"2024-03-0{doc_id[1]}"))
    assert sorted(h["document"] for h in store.search("visited")) == ["d3", "d4"]
    rows, total = store.search_page("visited", 10, 0)
    assert total == 4 and sorted(r["document"] for r in rows) == ["d3", "d4"]


def test_failures_are_kept_once_per_input_and_cleared_by_success(store):
    store.record_failure("a.jsonl:3", "line is not JSON")
    store.record_failure("a.jsonl:3", "line is not JSON")
    store.record_failure("b.txt", "empty")
    assert [f["origin"] for f in store.failures()] == ["a.jsonl:3", "b.txt"]
    store.put_document(visit("d1"), origin="b.txt")
    assert [f["origin"] for f in store.failures()] == ["a.jsonl:3"]


def test_reopening_keeps_everything(tmp_path):
    with open_store(tmp_path / "x.db") as s:
        s.put_document(visit("d1"))
        counts = s.counts()
    with open_store(tmp_path / "x.db", create=False) as s:
        assert s.counts() == counts
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # type: ignore[attr-defined]


def test_bad_store_paths_are_refused_with_a_reason(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "missing" / "x.db")
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "absent.db", create=False)
    text_file = tmp_path / "notes.db"
    text_file.write_text("shopping list\n")
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_store(text_file)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(StoreError, match="not a newsgraph store"):
        open_store(other)
    with pytest.raises(StoreError, match="directory"):
        open_store(tmp_path)
    assert text_file.read_text() == "shopping list\n"


def test_events_without_actors_merge_only_at_the_same_place(store):
    text = "Protesters marched in Oslo. Police watched."
    oslo = ("Oslo", "GPE", "NOR", None, ())
    for doc_id in ("p1", "p2"):
        doc = make_doc(doc_id, text, [oslo])
        doc = dataclasses.replace(
            doc, events=(Event("V1", "PROTEST", Span(11, 18, "marched"), 0, location="E1"),)
        )
        store.put_document(doc)
    assert [e["num_sources"] for e in store.events()] == [2]
    for doc_id in ("q1", "q2"):
        doc = dataclasses.replace(
            make_doc(doc_id, "Crowds gathered.", []),
            events=(Event("V1", "PROTEST", Span(0, 6, "Crowds"), 0),),
        )
        store.put_document(doc)
    assert sorted(e["num_sources"] for e in store.events()) == [1, 1, 2]


def test_bulk_put_is_all_or_nothing(store):
    assert store.put_documents([visit("d1"), visit("d2")]) == ["added", "added"]
    broken = visit("d3")
    broken = dataclasses.replace(broken, entities=(broken.entities[0], broken.entities[0]))  # duplicate ids
    before = store.counts()
    with pytest.raises(StoreError, match="nothing was written"):
        store.put_documents([visit("d4"), broken])
    with pytest.raises(StoreError):
        store.put_document(broken)
    assert store.counts() == before
    assert store.put_document(visit("d4")) == "added"
    consistent(store)


def test_undated_reports_in_different_articles_stay_apart(store):
    store.put_document(visit("d1", day=None, published=None))
    store.put_document(visit("d2", day=None, published=None))
    assert [e["num_sources"] for e in store.events()] == [1, 1]
    consistent(store)


def test_documents_are_named_by_title_else_by_the_file_they_came_from(store):
    titled = visit("titled", title="Hart in Nairobi")
    store.put_document(titled, "feeds/world.xml#2")
    store.put_document(visit("9e953d8c5fa07a78"), "/data/stories/hart-visit.txt")
    store.put_document(visit("bare"))
    labels = store.document_labels(["titled", "9e953d8c5fa07a78", "bare", "unknown"])
    assert labels == {"titled": "Hart in Nairobi", "9e953d8c5fa07a78": "hart-visit.txt", "bare": "bare"}


def test_query_tables_say_where_each_row_comes_from(tmp_path, capsys):
    from newsgraph.cli import main

    db = tmp_path / "c.db"
    with open_store(db) as s:
        s.put_document(visit("9e953d8c5fa07a78"), "/data/stories/hart-visit.txt")
    for command in (["quotes"], ["events"], ["search", "listen"]):
        assert main([*command, "--db", str(db)]) == 0
        out = capsys.readouterr().out
        assert "from" in out.splitlines()[0] and "hart-visit.txt" in out, command


def test_the_same_failure_again_changes_nothing(store):
    import time

    store.record_failure("feed.xml#3", "no text")
    first = store.failures()
    time.sleep(1.1)  # failure times are kept to the second: a rewrite would show
    store.record_failure("feed.xml#3", "no text")
    assert store.failures() == first
    store.record_failure("feed.xml#3", "not JSON")
    assert [f["reason"] for f in store.failures()] == ["not JSON"]
