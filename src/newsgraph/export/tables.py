"""Line-oriented exports: events as CSV with POLECAT-like columns, documents as contract JSON lines."""

from __future__ import annotations

import csv
from typing import Any, TextIO

from ..model import json_line
from ..store import Row, Store
from .files import defuse_formula

#: One row per corpus event. Several actors on one side are joined with "; " in the same order.
EVENT_CSV_COLUMNS = [
    "event_id", "date", "date_vague", "event_type", "mode", "contexts",
    "actor_name", "actor_country", "actor_sector", "recipient_name", "recipient_country", "recipient_sector",
    "place_name", "place_country", "place_lat", "place_lon",
    "num_sources", "num_mentions", "document_ids", "evidence",
]  # fmt: skip


def _join(values: list[Any]) -> str:
    return "; ".join("" if v is None else str(v) for v in values)


def _side(ids: list[str], actors: dict[str, Row]) -> tuple[str, str, str]:
    rows = [actors.get(i, {}) for i in ids]
    return (
        _join([r.get("name") for r in rows]),
        _join([r.get("country") for r in rows]),
        _join([r.get("sector") for r in rows]),
    )


def event_csv_rows(store: Store) -> list[list[Any]]:
    actors = {r["id"]: r for r in store.rows("actors")}
    out = []
    for e in store.rows("events"):
        place = actors.get(e["location"] or "", {})
        out.append(
            [
                e["id"], e["date"], int(e["date_vague"]), e["type"], e["mode"], _join(e["contexts"]),
                *_side(e["source"], actors), *_side(e["target"], actors),
                place.get("name"), place.get("country"), place.get("lat"), place.get("lon"),
                e["num_sources"], e["num_mentions"], _join(e["documents"]), e["evidence"],
            ]
        )  # fmt: skip
    return out


def csv_cell(value: Any) -> Any:
    """A CSV cell: None empty, text without trailing whitespace (evidence sentences end with their
    newline) and defused if a spreadsheet would run it as a formula, numbers as they are."""
    if value is None:
        return ""
    return defuse_formula(value.rstrip()) if isinstance(value, str) else value


def write_events_csv(store: Store, out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EVENT_CSV_COLUMNS)
    rows = event_csv_rows(store)
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return len(rows)


def write_jsonl(store: Store, out: TextIO) -> int:
    n = 0
    for doc in store.documents():
        out.write(json_line(doc.to_dict()) + "\n")
        n += 1
    return n
