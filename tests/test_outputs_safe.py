"""Outputs that cannot hurt (issue 12, Build 3): export never writes over the store nor truncates a file
it fails to replace, GraphML and GEXF always parse, CSV cells are not formulas, terminal tables show
control characters escaped."""

from __future__ import annotations

import csv
import io
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_store_sqlite import make_doc

from newsgraph.cli import main
from newsgraph.cli.output import write_csv, write_table
from newsgraph.export.files import defuse_formula, replacing, xml_text
from newsgraph.store import open_store

# Names as hostile documents carry them: ESC sequences, other C0 controls, U+FFFE/U+FFFF, formulas.
EVIL = ("Eve\x1b[2J\x07Null\x0bCtl\ufffe\uffff", "PERSON", "NOR", None, ())
FORMULA = ("=HYPERLINK(1)", "ORG", "KEN", None, ())
PLUS = ("+Plus", "ORG", "KEN", None, ())
AT = ("@SUM", "ORG", "KEN", None, ())


def hostile_doc():
    text = "Eve\x1b[2J\x07Null\x0bCtl\ufffe\uffff met =HYPERLINK(1) and +Plus and @SUM."
    return make_doc(
        "d1", text, [EVIL, FORMULA, PLUS, AT], [("CONSULT", 0, 1, "2024-03-04"), ("CONSULT", 0, 2, None)],
        relations=[(0, "-leads\x01", 3)],
    )  # fmt: skip


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    with open_store(path) as s:
        s.put_document(hostile_doc())
    return path


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_exports_are_well_formed_xml_whatever_the_names(db, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    assert main(["export", "--format", fmt, "-o", str(out), "--db", str(db)]) == 0
    root = ET.parse(out).getroot()  # raises on malformed XML
    labels = [e.text or "" for e in root.iter() if e.text] + [
        v for e in root.iter() for v in e.attrib.values()
    ]
    assert any(t.startswith("Eve[2JNullCtl") for t in labels)
    assert not any(c in t for t in labels for c in "\x1b\x07\x0b\x01\ufffe\uffff")


def test_xml_text_keeps_what_xml_holds():
    assert xml_text("a\tb\nc\rd é \U0001f600 \x00\x1f\ud800\ufffe\uffff") == "a\tb\nc\rd é \U0001f600 "
    assert xml_text(5) == 5


def test_csv_cells_that_look_like_formulas_are_defused(db, tmp_path):
    out = tmp_path / "events.csv"
    assert main(["export", "--format", "csv", "-o", str(out), "--db", str(db)]) == 0
    cells = [c for row in csv.reader(out.open(encoding="utf-8")) for c in row]
    assert "'=HYPERLINK(1)" in cells and "'+Plus" in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells)
    for value in ("=1+1", "+1", "-1", "@A", "\tx", "\rx"):
        assert defuse_formula(value) == "'" + value
    assert defuse_formula(-1.5) == -1.5 and defuse_formula("a=b") == "a=b"


def test_query_csv_is_defused_and_numbers_stay_numbers():
    out = io.StringIO()
    write_csv(out, [{"name": "=cmd()", "lat": -1.28, "n": -3, "aliases": ["@x", "y"]}])
    assert out.getvalue().splitlines()[1] == "'=cmd(),-1.28,-3,'@x; y"


def test_query_commands_defuse_csv(db, capsys):
    assert main(["actors", "--format", "csv", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "'=HYPERLINK(1)" in out and "\n=" not in out and ",=" not in out


def test_terminal_tables_show_control_characters_escaped(db, capsys):
    out = io.StringIO()
    write_table(out, [{"name": "a\x1b[31mred\x9b2J\x07"}])
    assert "\x1b" not in out.getvalue() and "\\x1b[31mred\\x9b2J\\x07" in out.getvalue()
    with open_store(db) as s:
        [eve] = s.actors(name="Eve")
    for argv in (["actors"], ["actor", eve["id"]], ["events"], ["quotes"]):
        assert main([*argv, "--db", str(db)]) == 0
        shown = capsys.readouterr().out
        assert "\x1b" not in shown and "\x07" not in shown, argv
    assert main(["actors", "--db", str(db)]) == 0
    assert "Eve\\x1b[2J\\x07Null" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "graphml", "gexf"])
def test_export_refuses_to_write_over_the_store(db, tmp_path, capsys, fmt, monkeypatch):
    before = db.read_bytes()
    monkeypatch.chdir(tmp_path)
    for target in (str(db), "s.db", f"./sub/../{db.name}"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        assert main(["export", "--format", fmt, "-o", target, "--db", str(db)]) == 2
        err = capsys.readouterr().err
        assert len(err.strip().splitlines()) == 1 and "is the store itself" in err
    link = tmp_path / "link.db"
    link.symlink_to(db)
    assert main(["export", "--format", fmt, "-o", str(link), "--db", str(db)]) == 2
    assert db.read_bytes() == before


def test_parquet_export_refuses_a_folder_holding_the_store_as_a_table(tmp_path, capsys):
    folder = tmp_path / "tables"
    folder.mkdir()
    db = folder / "events.parquet"
    with open_store(db) as s:
        s.put_document(hostile_doc())
    before = db.read_bytes()
    assert main(["export", "--format", "parquet", "-o", str(folder), "--db", str(db)]) == 2
    assert "is the store itself" in capsys.readouterr().err
    assert db.read_bytes() == before


def test_a_failed_export_leaves_the_existing_file_whole(db, tmp_path, monkeypatch, capsys):
    out = tmp_path / "g.graphml"
    out.write_text("the old export\n")
    os.chmod(out, 0o640)

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    import networkx as nx

    monkeypatch.setattr(nx, "write_graphml", broken)
    assert main(["export", "--format", "graphml", "-o", str(out), "--db", str(db)]) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert out.read_text() == "the old export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml", "s.db"]  # no temporary left
    monkeypatch.undo()
    assert main(["export", "--format", "graphml", "-o", str(out), "--db", str(db)]) == 0
    assert out.read_text().startswith("<?xml") and (out.stat().st_mode & 0o777) == 0o640


def test_replacing_removes_its_temporary_on_error(tmp_path):
    target = tmp_path / "x.csv"
    target.write_text("old")
    with pytest.raises(ValueError), replacing(target) as tmp:
        tmp.write_text("half")
        raise ValueError
    assert target.read_text() == "old" and list(tmp_path.iterdir()) == [target]
