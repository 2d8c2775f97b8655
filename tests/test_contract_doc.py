"""docs/contract.md says in words what the code ships: its field tables and the JSON Schema (and the
claim check records) name the same fields.

The rule the doc follows: each record has one Markdown table whose first header cell is `<record> field`
(`entity field`, `quote field`, ...) and whose first column lists the fields, one per row, in backticks.
A field the contract defines but no extraction stage fills yet is marked *not emitted yet* in its row; the
schema may or may not declare it already, and the mark must go once a stage under stages/ sets it."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from newsgraph.check.model import CheckResult, ClaimVerdict, Evidence

DOC = Path(__file__).resolve().parents[1] / "docs" / "contract.md"
PLANNED = "*not emitted yet*"

# Table name in the doc -> definition in the JSON Schema ("document" is the top level).
SCHEMA_TABLES = {
    "document": "document",
    "entity": "entity",
    "mention": "mention",
    "relation": "relation",
    "timex": "timex",
    "quote": "quote",
    "event": "event",
    "span": "span",
}


def field_tables(text: str) -> dict[str, tuple[set[str], set[str]]]:
    """{record: (fields, planned fields)} from every table whose first header cell is `<record> field`."""
    tables: dict[str, tuple[set[str], set[str]]] = {}
    current: str | None = None
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")] if line.startswith("|") else []
        if not cells:
            current = None
            continue
        header = re.fullmatch(r"(\w+) field", cells[0])
        if header:
            current = header.group(1)
            assert current not in tables, f"two tables for {current}"
            tables[current] = (set(), set())
        elif current and not set(cells[0]) <= set("-: "):
            name = re.fullmatch(r"`(\w+)`", cells[0])
            assert name, f"{current} table: first cell {cells[0]!r} is not a `field`"
            tables[current][1 if PLANNED in line else 0].add(name.group(1))
    return tables


@pytest.fixture(scope="module")
def tables() -> dict[str, tuple[set[str], set[str]]]:
    return field_tables(DOC.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = resources.files("newsgraph").joinpath("schema/document.schema.json").read_text(encoding="utf-8")
    return dict(json.loads(text))


def schema_fields(schema: dict[str, Any], name: str) -> set[str]:
    node = schema if name == "document" else schema["$defs"][name]
    return set(node["properties"])


def test_every_object_of_the_schema_has_a_table(schema: dict[str, Any]) -> None:
    objects = {k for k, v in schema["$defs"].items() if v.get("type") == "object"} | {"document"}
    assert objects == set(SCHEMA_TABLES.values()), "a new record in the schema needs a table in the doc"


@pytest.mark.parametrize("table", sorted(SCHEMA_TABLES))
def test_table_matches_the_schema(
    table: str, tables: dict[str, tuple[set[str], set[str]]], schema: dict[str, Any]
) -> None:
    assert table in tables, f"docs/contract.md has no `{table} field` table"
    documented, planned = tables[table]
    shipped = schema_fields(schema, SCHEMA_TABLES[table]) - planned
    assert documented - shipped == set(), "documented, but not in the schema (mark it *not emitted yet*?)"
    assert shipped - documented == set(), "in the schema, but not in docs/contract.md"


def test_fields_not_emitted_yet_are_set_by_no_stage(tables: dict[str, tuple[set[str], set[str]]]) -> None:
    stages = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "stages"
    code = "\n".join(p.read_text(encoding="utf-8") for p in sorted(stages.rglob("*.py")))
    for table, (_, planned) in tables.items():
        for name in planned:
            assert not re.search(rf"\b{name}\s*=", code), f"a stage sets {table}.{name}: drop its mark"


def test_check_tables_match_the_check_records(tables: dict[str, tuple[set[str], set[str]]]) -> None:
    evidence = Evidence("doc-1", 0, 4, "Text")
    claim = ClaimVerdict("A claim", "supported", 0.9, "stated", (evidence,))
    result = CheckResult("pair-1", (claim,)).to_dict()
    assert tables["check"] == (set(result), set())
    assert tables["claim"] == (set(result["claims"][0]), set())
    assert tables["evidence"] == (set(result["claims"][0]["evidence"][0]), set())


def test_no_table_without_a_source(tables: dict[str, tuple[set[str], set[str]]]) -> None:
    assert set(tables) == set(SCHEMA_TABLES) | {"check", "claim", "evidence"}


def test_fragments_is_documented_as_emitted_by_the_quotes_stage(
    tables: dict[str, tuple[set[str], set[str]]],
) -> None:
    documented, planned = tables["quote"]
    assert "fragments" in documented and "fragments" not in planned
    stage = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "stages" / "quotes" / "find.py"
    assert "fragments=" in stage.read_text(encoding="utf-8")


def test_the_doc_names_the_exit_statuses() -> None:
    from newsgraph.errors import ConfigError, ModelError, NewsgraphError, StoreError

    text = DOC.read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\d) \| (.+) \|$", text, re.MULTILINE))
    assert set(rows) == {"0", "1", "2", "3"}
    assert NewsgraphError.exit_code == 1 and ConfigError.exit_code == 2
    assert ModelError.exit_code == StoreError.exit_code == 3
    assert "model" in rows["3"] and "store" in rows["3"]
