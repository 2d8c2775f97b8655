"""Exports of a store for other tools: CSV (POLECAT-like events), JSONL, GraphML, GEXF, Parquet."""

from .graph import build_graph, write_graph
from .parquet import write_parquet
from .tables import EVENT_CSV_COLUMNS, write_events_csv, write_jsonl

FORMATS = ("csv", "jsonl", "graphml", "gexf", "parquet")

__all__ = [
    "EVENT_CSV_COLUMNS",
    "FORMATS",
    "build_graph",
    "write_events_csv",
    "write_graph",
    "write_jsonl",
    "write_parquet",
]
