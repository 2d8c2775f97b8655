"""Ingest with the real extraction (spaCy) on articles written for this test."""

from __future__ import annotations

import json

import pytest

from newsgraph.cli import main
from newsgraph.store import open_store

pytestmark = pytest.mark.model

ARTICLES = [
    {
        "id": "harbour-1",
        "published": "2024-03-05",
        "title": "Ministers meet on fishing rights",
        "text": "Norwegian Foreign Minister Lena Hartvik met Kenyan President Daniel Omondi in Nairobi on "
        "Monday. Hartvik said Norway would support a new fisheries agreement.",
    },
    {
        "id": "harbour-2",
        "published": "2024-03-05",
        "title": "Fisheries talks in Nairobi",
        "text": "Lena Hartvik met Daniel Omondi in Nairobi on Monday to discuss fishing rights. "
        '"We want a fair deal for both countries," Hartvik told reporters.',
    },
    {
        "id": "harbour-3",
        "published": "2024-03-07",
        "title": "Port workers strike",
        "text": "Dock workers in Mombasa went on strike on Wednesday, demanding higher wages from the port "
        "authority.",
    },
]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ingest")
    src = folder / "articles.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = folder / "corpus.db"
    assert main(["ingest", str(src), "--db", str(db), "-q"]) == 0
    return src, db


def test_ingesting_twice_changes_no_count(ingested, capsys):
    src, db = ingested
    with open_store(db) as store:
        before = store.counts()
    assert before["documents"] == 3 and before["failures"] == 0
    assert main(["ingest", str(src), "--db", str(db)]) == 0
    assert "3 unchanged" in capsys.readouterr().err
    with open_store(db) as store:
        assert store.counts() == before


def test_a_person_named_in_two_articles_is_one_actor(ingested, capsys):
    _, db = ingested
    with open_store(db) as store:
        found = store.find_actors("Hartvik")
    assert found, "the extraction found no Hartvik"
    assert found[0]["name"] == "Lena Hartvik" and found[0]["documents"] == 2
    assert main(["actor", "Hartvik", "--db", str(db), "--format", "json"]) == 0
    detail = json.loads(capsys.readouterr().out)
    assert detail["documents"] == 2
    assert any("fair deal" in q["text"] for q in detail["quotes"])


def test_search_finds_sentences_with_offsets(ingested, capsys):
    _, db = ingested
    assert main(["search", "strike", "--db", str(db), "--format", "json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    text = ARTICLES[2]["text"]
    assert hit["document"] == "harbour-3" and text[hit["start"] : hit["end"]] == hit["text"]
