"""Parquet tables for pandas and DuckDB: documents, actors, events, quotes, one file each in a folder."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..errors import StoreError
from ..store import Store
from .files import replacing

_STR, _INT, _FLOAT, _BOOL = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_LIST = pa.list_(pa.string())

# Explicit schemas: an empty store still gives files with the right columns.
SCHEMAS = {
    "documents": pa.schema(
        [("id", _STR), ("url", _STR), ("title", _STR), ("source", _STR), ("published", _STR),
         ("origin", _STR), ("added", _STR), ("text", _STR), ("entities", _INT), ("events", _INT),
         ("quotes", _INT)]
    ),
    "actors": pa.schema(
        [("id", _STR), ("type", _STR), ("name", _STR), ("country", _STR), ("sector", _STR),
         ("geonameid", _STR), ("lat", _FLOAT), ("lon", _FLOAT), ("documents", _INT), ("mentions", _INT),
         ("names", _LIST), ("titles", _LIST)]
    ),
    "events": pa.schema(
        [("id", _STR), ("date", _STR), ("date_vague", _BOOL), ("type", _STR), ("mode", _STR),
         ("contexts", _LIST), ("source", _LIST), ("target", _LIST), ("location", _STR),
         ("num_sources", _INT), ("num_mentions", _INT), ("documents", _LIST), ("evidence", _STR)]
    ),
    "quotes": pa.schema(
        [("document", _STR), ("id", _STR), ("kind", _STR), ("speaker", _STR), ("speaker_name", _STR),
         ("speaker_text", _STR), ("cue", _STR), ("sentence", _INT), ("start", _INT), ("end", _INT),
         ("text", _STR)]
    ),
}  # fmt: skip


def write_parquet(store: Store, folder: str | Path) -> dict[str, Path]:
    """Write <folder>/<table>.parquet for each table; returns the paths."""
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the export folder {folder} ({exc.strerror or exc})") from exc
    paths = {}
    for name, schema in SCHEMAS.items():
        rows = list(store.rows(name))
        table = pa.Table.from_pylist([{c: r.get(c) for c in schema.names} for r in rows], schema=schema)
        paths[name] = folder / f"{name}.parquet"
        with replacing(paths[name]) as tmp:
            pq.write_table(table, tmp)
    return paths
