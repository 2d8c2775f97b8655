"""Ingest end to end with a stand-in extractor (fast): idempotence, resume after kill -9, bad inputs, CLI."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

import newsgraph.execute
from newsgraph.article import Article
from newsgraph.cli import main
from newsgraph.errors import NewsgraphError
from newsgraph.ingest import ingest
from newsgraph.model import Document, Entity, Event, Mention, Span
from newsgraph.read import iter_articles
from newsgraph.store import open_store

# A tiny gazetteer for the stand-in extractor: name -> (type, country).
NAMES = {"Lena Hart": ("PERSON", "NOR"), "Omar Said": ("PERSON", "KEN"), "Norway": ("GPE", "NOR"),
         "Kenya": ("GPE", "KEN"), "Chile": ("GPE", "CHL")}  # fmt: skip


def fake_document(article: Article) -> Document:
    """Entities where gazetteer names occur; a CONSULT event when someone 'visited' a place."""
    ents = []
    for name, (etype, country) in NAMES.items():
        at = article.text.find(name)
        if at >= 0:
            ents.append(
                Entity(f"E{len(ents) + 1}", name, etype, (Mention(at, at + len(name), name, 0),), country)
            )
    events = []
    at = article.text.find("visited")
    people = [e for e in ents if e.type == "PERSON"]
    places = [e for e in ents if e.type == "GPE"]
    if at >= 0 and people and places:
        trigger = Span(at, at + 7, "visited")
        events.append(Event("V1", "CONSULT", trigger, 0, (people[0].id,), (places[-1].id,)))
    return Document(
        article.id, article.text, ((0, len(article.text)),), article.published, article.title, article.url,
        article.source, tuple(ents), (), (), (), tuple(events),
    )  # fmt: skip


def fake_extract(
    items: Iterable[Article | NewsgraphError], delay: float = 0.0
) -> Iterator[Document | NewsgraphError]:
    for item in items:
        if delay:
            time.sleep(delay)
        yield fake_document(item) if isinstance(item, Article) else item


def write_records(path: Path, n: int) -> Path:
    people, places = ["Lena Hart", "Omar Said"], ["Norway", "Kenya", "Chile"]
    with path.open("w") as fh:
        for i in range(n):
            text = f"{people[i % 2]} visited {places[i % 3]} on day {i}. Talks went on."
            day = f"2024-03-{1 + i % 28:02d}"
            fh.write(
                json.dumps({"id": f"r{i}", "text": text, "published": day, "title": f"Story {i}"}) + "\n"
            )
    return path


def run_fake_ingest(jsonl: str, db: str, delay: float) -> None:
    """The body of the subprocess that the kill test kills."""
    with open_store(db) as store:
        ingest(iter_articles([jsonl]), store, extract=lambda items: fake_extract(items, delay))


def check_consistent(db: Path) -> dict[str, int]:
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # Every stored document is complete: its sentences, entities and event reports are all there.
    incomplete = c.execute(
        "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id) "
        "OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.doc_id = d.id) "
        "OR NOT EXISTS (SELECT 1 FROM mentions m WHERE m.doc_id = d.id)"
    ).fetchone()[0]
    assert incomplete == 0
    assert (
        c.execute(
            "SELECT count(*) FROM events v "
            "WHERE num_mentions != (SELECT count(*) FROM mentions m WHERE m.event_id = v.id)"
        ).fetchone()[0]
        == 0
    )
    assert (
        c.execute(
            "SELECT count(*) FROM actors a WHERE documents != "
            "(SELECT count(DISTINCT doc_id) FROM entities e WHERE e.actor_id = a.id)"
        ).fetchone()[0]
        == 0
    )
    n = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    c.close()
    return {"documents": n}


def test_ingest_twice_changes_nothing(tmp_path):
    src = write_records(tmp_path / "in.jsonl", 30)
    with open_store(tmp_path / "s.db") as store:
        first = ingest(iter_articles([str(src)]), store, extract=fake_extract)
        counts = store.counts()
        second = ingest(iter_articles([str(src)]), store, extract=fake_extract)
        assert store.counts() == counts
    assert first.added == 30 and second.unchanged == 30 and second.added == second.replaced == 0
    assert counts["actors"] == 5
    # 30 visits: 2 people x 3 places x 28 days, many on distinct days.
    assert counts["events"] == 30 and counts["mentions"] == 30


def test_kill_9_mid_ingest_leaves_a_consistent_store_and_the_next_run_resumes(tmp_path):
    n = 300
    src = write_records(tmp_path / "in.jsonl", n)
    db = tmp_path / "s.db"
    code = (
        f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
        f"from test_ingest import run_fake_ingest; run_fake_ingest({str(src)!r}, {str(db)!r}, 0.02)"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        stored = 0
        while time.monotonic() < deadline and stored < 20:
            time.sleep(0.1)
            if db.exists():
                try:
                    with sqlite3.connect(db, timeout=5) as c:
                        stored = c.execute("SELECT count(*) FROM documents").fetchone()[0]
                except sqlite3.OperationalError:
                    stored = 0
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    partial = check_consistent(db)["documents"]
    assert 20 <= partial < n
    with open_store(db) as store:
        resumed = ingest(iter_articles([str(src)]), store, extract=fake_extract)
        counts = store.counts()
    assert resumed.unchanged == partial and resumed.added == n - partial and resumed.failed == 0
    check_consistent(db)
    with open_store(tmp_path / "clean.db") as clean:
        ingest(iter_articles([str(src)]), clean, extract=fake_extract)
        assert clean.counts() == counts


@pytest.fixture
def fake_model(monkeypatch):
    # The seam: the in-process executor, which `newsgraph ingest` uses without --workers/--dask.
    monkeypatch.setattr(newsgraph.execute.InProcess, "map", lambda self, items: fake_extract(items))


def test_cli_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path, fake_model, capsys):
    good = write_records(tmp_path / "good.jsonl", 3)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"id": "x1", "text": "Omar Said visited Chile."}\nnot json\n{"id": "x2", "title": "no text"}\n'
    )
    feed = tmp_path / "feed.xml"
    feed.write_text("this is not xml <")
    folder = tmp_path / "dir"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("Lena Hart visited Kenya.")
    (folder / "empty.txt").write_text("")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02 not text")
    db = tmp_path / "s.db"
    args = ["ingest", str(good), str(bad), str(feed), str(folder), "--db", str(db), "-q"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "bad.jsonl:2: line is not JSON" in err
    assert 'bad.jsonl:3: record has no "text"' in err
    assert "feed.xml: is not an RSS or Atom feed" in err
    assert "empty.txt" in err
    assert "blob.txt: looks binary" in err
    assert "5 added" in err and "5 failed" in err
    with open_store(db) as store:
        assert store.counts()["documents"] == 5
        assert len(store.failures()) == 5
    # Again: nothing stored twice, the failures still listed once each, still exit 1.
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "5 unchanged" in err
    with open_store(db) as store:
        assert store.counts()["documents"] == 5 and len(store.failures()) == 5
    assert main(["errors", "--db", str(db), "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {f["origin"].rsplit("/", 1)[-1] for f in listed} == {
        "bad.jsonl:2",
        "bad.jsonl:3",
        "feed.xml",
        "empty.txt",
        "blob.txt",
    }


def test_cli_refuses_bad_store_paths(tmp_path, fake_model, capsys):
    src = write_records(tmp_path / "in.jsonl", 1)
    # A store that cannot be opened is a StoreError: exit 3 wherever it is raised (errors.py).
    assert main(["ingest", str(src), "--db", str(tmp_path / "nope" / "s.db"), "-q"]) == 3
    assert "does not exist" in capsys.readouterr().err
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database")
    assert main(["ingest", str(src), "--db", str(notes), "-q"]) == 3
    assert "not a newsgraph store" in capsys.readouterr().err
    assert notes.read_text() == "not a database"
    assert main(["actors", "--db", str(tmp_path / "absent.db")]) == 3
    assert "no store at" in capsys.readouterr().err


def test_cli_changed_record_replaces(tmp_path, fake_model, capsys):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Lena Hart visited Kenya."}) + "\n")
    db = str(tmp_path / "s.db")
    assert main(["ingest", str(src), "--db", db, "-q"]) == 0
    src.write_text(json.dumps({"id": "a", "text": "Lena Hart visited Chile."}) + "\n")
    assert main(["ingest", str(src), "--db", db, "-q"]) == 0
    assert "1 replaced" in capsys.readouterr().err
    assert main(["events", "--db", db, "--format", "json"]) == 0
    [event] = json.loads(capsys.readouterr().out)
    assert event["target"] == ["Chile"] and event["num_sources"] == 1


def test_a_document_the_store_refuses_is_a_recorded_failure(tmp_path):
    src = write_records(tmp_path / "in.jsonl", 4)

    def extract(items):
        for doc in fake_extract(items):
            if isinstance(doc, Document) and doc.id == "r2":
                doc = Document(
                    **{**doc.__dict__, "entities": doc.entities + doc.entities[:1]}
                )  # duplicate id
            yield doc

    with open_store(tmp_path / "s.db") as store:
        stats = ingest(iter_articles([str(src)]), store, extract=extract)
        assert stats.added == 3 and stats.failed == 1
        [failure] = store.failures()
        assert failure["origin"].endswith("in.jsonl:3") and "could not be stored" in failure["reason"]


@pytest.mark.parametrize(
    "records, what",
    [
        (
            [{"id": "a", "url": "https://x.test/1", "text": "Lena Hart visited Kenya."},
             {"id": "b", "url": "https://x.test/1", "text": "Lena Hart visited Chile."}],
            "url 'https://x.test/1'",
        ),
        (
            [{"id": "a", "text": "Lena Hart visited Kenya."},
             {"id": "a", "text": "Lena Hart visited Chile."}],
            "id 'a'",
        ),
    ],
)  # fmt: skip
def test_one_identity_twice_in_an_input_keeps_the_first_on_every_run(tmp_path, records, what):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in [*records, records[0]]))  # and an exact repeat
    with open_store(tmp_path / "s.db") as store:
        first = ingest(iter_articles([str(src)]), store, extract=fake_extract)
        rows = {t: list(store.rows(t)) for t in ("actors", "events")}
        docs = [(d["id"], d["text"]) for d in store.rows("documents")]
        second = ingest(iter_articles([str(src)]), store, extract=fake_extract)
        assert {t: list(store.rows(t)) for t in ("actors", "events")} == rows
        assert [(d["id"], d["text"]) for d in store.rows("documents")] == docs
        [failure] = store.failures()
    assert docs == [("a", "Lena Hart visited Kenya.")]
    assert (first.added, first.replaced, first.unchanged, first.failed) == (1, 0, 1, 1)
    assert (second.added, second.replaced, second.unchanged, second.failed) == (0, 0, 2, 1)
    [(origin, reason)] = second.failures
    assert origin == failure["origin"] and origin.endswith("in.jsonl:2")
    assert reason == f"has the {what} of {src}:1, earlier in this input, which is kept"
