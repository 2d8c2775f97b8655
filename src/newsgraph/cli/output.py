"""Rows to the terminal or to other tools: `--format table|json|csv` for the query commands."""

from __future__ import annotations

import argparse
import csv
import json
import unicodedata
from collections.abc import Sequence
from typing import Any, TextIO

FORMATS = ("table", "json", "csv")

#: Table cells longer than this are cut with an ellipsis; json and csv keep everything.
MAX_CELL = 70


def add_format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return " ".join(str(value).split())


def visible(text: str) -> str:
    """`text` for a terminal: control characters (ESC, BEL, C1 codes, ...) shown escaped as \\xNN, so a
    document cannot move the cursor, recolour or retitle the terminal."""
    if text.isprintable():
        return text
    return "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) == "Cc" else c for c in text)


# OWASP's rule for CSV injection: a cell starting with one of these may be run as a formula. (The same
# rule as newsgraph.export.files, which this module does not import: it loads networkx and pyarrow.)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Any) -> str:
    """A CSV cell: `cell(value)`, with a leading `'` when a spreadsheet would read a text as a formula."""
    text = cell(value)
    if not isinstance(value, int | float) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CELL else text[: MAX_CELL - 1] + "…"


def write_table(out: TextIO, rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
    if not rows:
        out.write("(none)\n")
        return
    cols = list(columns or rows[0].keys())
    cells = [[_cut(visible(cell(r.get(c)))) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    out.write("  ".join(c.ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip() + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() + "\n")


def write_csv(out: TextIO, rows: Sequence[dict[str, Any]], columns: Sequence[str] | None = None) -> None:
    """CSV with one header row; `cell` makes every value one line of text without trailing whitespace,
    and texts a spreadsheet would run as formulas are defused (`csv_text`)."""
    cols = list(columns or (rows[0].keys() if rows else []))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(cols)
    for r in rows:
        writer.writerow([csv_text(r.get(c)) for c in cols])


def write_rows(
    out: TextIO, rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str] | None = None
) -> None:
    if fmt == "json":
        out.write(json.dumps(list(rows), ensure_ascii=False, indent=1) + "\n")
    elif fmt == "csv":
        write_csv(out, rows, columns)
    else:
        write_table(out, rows, columns)
