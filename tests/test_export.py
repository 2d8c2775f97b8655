"""Exports read back by the libraries their users use: csv, networkx (GraphML, GEXF), pyarrow (Parquet)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest

from newsgraph.cli import main
from newsgraph.export import EVENT_CSV_COLUMNS, write_events_csv, write_graph, write_jsonl, write_parquet
from newsgraph.model import Document, Entity, Event, Mention, Quote, Relation, Span
from newsgraph.store import open_store

TEXT = 'Lena Hart of Norway visited Nairobi, Kenya. "We came to listen," Hart said.'


def _m(name: str, sentence: int = 0) -> Mention:
    start = TEXT.index(name)
    return Mention(start, start + len(name), name, sentence)


def report(doc_id: str) -> Document:
    hart = Entity("E1", "Lena Hart", "PERSON", (_m("Lena Hart"),), "NOR", "GOV", ("Foreign Minister",))
    norway = Entity("E2", "Norway", "GPE", (_m("Norway"),), "NOR")
    kenya = Entity("E3", "Kenya", "GPE", (_m("Kenya"),), "KEN")
    nairobi = Entity(
        "E4", "Nairobi", "GPE", (_m("Nairobi"),), "KEN", lat=-1.28, lon=36.82, geonameid="184745"
    )
    start = TEXT.index("visited")
    visit = Event(
        "V1", "CONSULT", Span(start, start + 7, "visited"), 0, ("E1",), ("E3",), mode="visit",
        contexts=("diplomatic",), date="2024-03-04", location="E4",
    )  # fmt: skip
    q = TEXT.index("We came")
    quote = Quote("Q1", "direct", q, q + 17, TEXT[q : q + 17], "E1", "Hart", "said", 1)
    return Document(
        doc_id, TEXT, ((0, 43), (44, len(TEXT))), "2024-03-04", f"Visit {doc_id}", None, "Wire",
        (hart, norway, kenya, nairobi), (Relation("E1", "represents", "E2", 0),), (), (quote,), (visit,),
    )  # fmt: skip


@pytest.fixture
def store(tmp_path: Path):
    with open_store(tmp_path / "s.db") as s:
        s.put_document(report("d1"))
        s.put_document(report("d2"))
        yield s


def test_events_csv_has_polecat_like_columns(store):
    out = io.StringIO()
    assert write_events_csv(store, out) == 1
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert list(rows[0].keys()) == EVENT_CSV_COLUMNS
    [row] = rows
    assert row["event_type"] == "CONSULT" and row["mode"] == "visit" and row["contexts"] == "diplomatic"
    assert (row["actor_name"], row["actor_country"], row["actor_sector"]) == ("Lena Hart", "NOR", "GOV")
    assert (row["recipient_name"], row["recipient_country"]) == ("Kenya", "KEN")
    assert (row["place_name"], row["place_country"], float(row["place_lat"])) == ("Nairobi", "KEN", -1.28)
    assert row["num_sources"] == "2" and row["document_ids"] == "d1; d2"
    assert row["evidence"] == TEXT[:43] and row["date"] == "2024-03-04"


def test_jsonl_gives_back_the_contract_documents(store):
    out = io.StringIO()
    assert write_jsonl(store, out) == 2
    docs = [Document.from_dict(json.loads(line)) for line in out.getvalue().splitlines()]
    assert docs == [report("d1"), report("d2")]


@pytest.mark.parametrize("fmt, read", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_exports_read_back_with_networkx(store, tmp_path, fmt, read):
    path = tmp_path / f"g.{fmt}"
    write_graph(store, fmt, path)
    g = read(path)
    labels = {data.get("label") for _, data in g.nodes(data=True)}
    assert {"Lena Hart", "Norway", "Kenya", "Nairobi"} <= labels | set(g.nodes)
    edges = [
        (data.get("kind"), data.get("label"), float(data.get("weight", 0)))
        for _, _, data in g.edges(data=True)
    ]
    assert ("event", "CONSULT", 1.0) in edges
    assert ("relation", "represents", 2.0) in edges
    assert g.number_of_edges() == 2


def test_parquet_tables_read_back_with_pyarrow(store, tmp_path):
    paths = write_parquet(store, tmp_path / "pq")
    assert set(paths) == {"documents", "actors", "events", "quotes"}
    docs = pq.read_table(paths["documents"]).to_pylist()
    assert [d["id"] for d in docs] == ["d1", "d2"] and docs[0]["text"] == TEXT
    actors = pq.read_table(paths["actors"]).to_pylist()
    assert {a["name"]: a["documents"] for a in actors} == {
        "Lena Hart": 2,
        "Norway": 2,
        "Kenya": 2,
        "Nairobi": 2,
    }
    [event] = pq.read_table(paths["events"]).to_pylist()
    assert (
        event["num_sources"] == 2
        and event["documents"] == ["d1", "d2"]
        and event["contexts"] == ["diplomatic"]
    )
    quotes = pq.read_table(paths["quotes"]).to_pylist()
    assert [q["speaker_name"] for q in quotes] == ["Lena Hart", "Lena Hart"]


def test_empty_store_exports_empty_tables_with_columns(tmp_path):
    with open_store(tmp_path / "e.db") as s:
        paths = write_parquet(s, tmp_path / "pq")
        out = io.StringIO()
        write_events_csv(s, out)
    assert pq.read_table(paths["events"]).num_rows == 0
    assert "num_sources" in pq.read_table(paths["events"]).column_names
    assert out.getvalue().strip() == ",".join(EVENT_CSV_COLUMNS)


def test_cli_export_and_queries(store, tmp_path, capsys):
    db = str(store.path)
    out = tmp_path / "events.csv"
    assert main(["export", "--format", "csv", "--db", db, "-o", str(out)]) == 0
    with out.open(newline="") as fh:
        assert len(list(csv.DictReader(fh))) == 1
    assert main(["export", "--format", "parquet", "--db", db]) == 2
    assert main(["export", "--format", "gexf", "--db", db, "-o", str(tmp_path / "g.gexf")]) == 0
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == 4
    capsys.readouterr()
    assert main(["actors", "--db", db, "--country", "KEN", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["name"] for r in rows} == {"Kenya", "Nairobi"}
    assert main(["actor", "Hart", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "Lena Hart" in text and "Foreign Minister" in text and "represents" in text and "We came" in text
    assert main(["events", "--actor", "Kenya", "--db", db, "--format", "json"]) == 0
    [event] = json.loads(capsys.readouterr().out)
    assert event["source"] == ["Lena Hart"] and event["location"] == "Nairobi"
    assert (
        main(["quotes", "--speaker", "Lena Hart", "--search", "listen", "--db", db, "--format", "json"]) == 0
    )
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["search", "visited", "Nairobi", "--db", db]) == 0
    assert capsys.readouterr().out.count("Lena Hart of Norway") == 2
    assert main(["actor", "Nobody Atall", "--db", db]) == 1
    assert "no actor matches" in capsys.readouterr().err


def test_csv_cells_have_no_trailing_whitespace(tmp_path, capsys):
    """An evidence sentence ends with its newline in the text; no CSV cell the CLI or export writes does."""
    text = TEXT.replace("Kenya. ", "Kenya.\n", 1)
    doc = report("d3")
    doc = Document(
        "d3", text, ((0, 44), (44, len(text))), doc.published, doc.title, None, doc.source,
        doc.entities, doc.relations, (), doc.quotes, doc.events,
    )  # fmt: skip
    with open_store(tmp_path / "n.db") as s:
        s.put_document(doc)
        out = io.StringIO()
        write_events_csv(s, out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["evidence"].startswith("Lena Hart of Norway visited") and row["evidence"].endswith("Kenya.")
    db = str(tmp_path / "n.db")
    capsys.readouterr()
    for argv in (
        ["export", "--format", "csv"],
        ["events", "--format", "csv"],
        ["quotes", "--format", "csv"],
        ["search", "visited", "--format", "csv"],
        ["actors", "--format", "csv"],
        ["actor", "Hart", "--format", "csv"],
    ):
        assert main([*argv, "--db", db]) == 0, argv
        cells = [c for r in csv.reader(io.StringIO(capsys.readouterr().out)) for c in r]
        assert cells and all(c == c.rstrip() for c in cells), (argv, [c for c in cells if c != c.rstrip()])
