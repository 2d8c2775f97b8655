"""The actor graph for Gephi and networkx: actors as nodes, relations and events as typed weighted edges."""

from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO

import networkx as nx

from ..store import Store
from .files import replacing, xml_text


def _attrs(values: dict[str, Any]) -> dict[str, Any]:
    # GraphML and GEXF have no null: a missing value is left out of the element instead. Names come from
    # documents: characters XML cannot hold (control characters) are dropped, so the file always parses.
    return {k: xml_text(v) for k, v in values.items() if v is not None}


def build_graph(store: Store) -> nx.MultiDiGraph:
    """One node per canonical actor; one edge per (source, target, relation predicate or event type),
    the predicate or type in `label` (GEXF reserves `type` for edge direction).

    Relation edges weigh their mentions; event edges weigh the number of distinct events, with the sum of
    their reporting documents in `sources`.
    """
    g = nx.MultiDiGraph()
    for a in store.rows("actors"):
        g.add_node(
            a["id"],
            **_attrs(
                {
                    "label": a["name"],
                    "type": a["type"],
                    "country": a["country"],
                    "sector": a["sector"],
                    "documents": a["documents"],
                    "mentions": a["mentions"],
                }
            ),
        )
    for r in store.rows("relations"):
        g.add_edge(
            r["subject"],
            r["object"],
            key=xml_text(f"relation:{r['predicate']}"),
            kind="relation",
            label=xml_text(r["predicate"]),
            weight=r["mentions"],
            sources=r["documents"],
        )
    for e in store.rows("events"):
        for s in e["source"]:
            for t in e["target"]:
                key = xml_text(f"event:{e['type']}")
                if g.has_edge(s, t, key):
                    data = g.edges[s, t, key]
                    data["weight"] += 1
                    data["sources"] += e["num_sources"]
                    data["mentions"] += e["num_mentions"]
                else:
                    g.add_edge(
                        s, t, key=key, kind="event", label=xml_text(e["type"]), weight=1,
                        sources=e["num_sources"], mentions=e["num_mentions"],
                    )  # fmt: skip
    return g


def write_graph(store: Store, fmt: str, out: str | Path | BinaryIO) -> nx.MultiDiGraph:
    """Write the graph to a stream, or to a file path replaced whole (a failure leaves the old file)."""
    g = build_graph(store)
    write = nx.write_graphml if fmt == "graphml" else nx.write_gexf
    if isinstance(out, str | Path):
        with replacing(out) as tmp:
            write(g, tmp)
    else:
        write(g, out)
    return g
