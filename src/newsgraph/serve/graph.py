"""An actor's neighbourhood and timeline, computed from the store's rows for that actor.

Edges carry the PLOVER quad class of their events (verbal or material, cooperation or conflict, as the
PLOVER manual groups its 16 types), so a page can colour a network or a timeline by it.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from ..export.files import xml_text
from ..store import Store

QUADS = {
    "AGREE": "verbal_cooperation",
    "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation",
    "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation",
    "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict",
    "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict",
    "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict",
    "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict",
    "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}
#: The most events a neighbourhood or timeline reads for one actor: enough for any page, bounded cost.
MAX_EVENTS = 2000


def neighbourhood(
    store: Store, actor: str, since: str | None, until: str | None, types: tuple[str, ...]
) -> dict[str, Any]:
    """Nodes (the actor and everyone linked to it) and weighted edges (one per pair, kind and label)."""
    nodes: dict[str, dict[str, Any]] = {}
    weights: Counter[tuple[str, str, str, str]] = Counter()
    for v in store.actor_events(actor, MAX_EVENTS):
        if types and v["type"] not in types:
            continue
        if (since and (v["date"] or "") < since) or (until and (v["date"] or "9999") > until):
            continue
        for s in v["source"] or [{"id": None, "name": None}]:
            for t in v["target"]:
                if s["id"] and t["id"] and s["id"] != t["id"]:
                    weights[(s["id"], t["id"], "event", v["type"])] += 1
                    nodes.setdefault(s["id"], s)
                    nodes.setdefault(t["id"], t)
    for r in store.actor_relations(actor, limit=MAX_EVENTS):
        a, b = (actor, r["other"]) if r["direction"] == "out" else (r["other"], actor)
        weights[(a, b, "relation", r["predicate"])] += int(r["mentions"])
        nodes.setdefault(r["other"], {"id": r["other"], "name": r["other_name"]})
    nodes.setdefault(actor, {"id": actor, "name": actor})  # its name comes with the details below
    details = {row["id"]: row for row in store.actors_by_id(sorted(nodes))}
    return {
        "actor": actor,
        "nodes": [
            {
                "id": n,
                "name": details.get(n, nodes[n]).get("name") or n,
                "type": details.get(n, {}).get("type"),
                "country": details.get(n, {}).get("country"),
            }
            for n in sorted(nodes)
        ],
        "edges": [
            {
                "source": s,
                "target": t,
                "kind": kind,
                "label": label,
                "weight": w,
                "quad": QUADS.get(label) if kind == "event" else None,
            }
            for (s, t, kind, label), w in sorted(weights.items())
        ],
    }


def _period(date: str, interval: str) -> str:
    if interval == "day":
        return date[:10]
    if interval == "month":
        return date[:7]
    year, week, _ = dt.date.fromisoformat(date[:10]).isocalendar()
    return f"{year}-W{week:02d}"


def timeline(store: Store, actor: str, interval: str) -> dict[str, Any]:
    """Counts of the actor's dated events per period, by type and by quad class, oldest first."""
    types: dict[str, Counter[str]] = defaultdict(Counter)
    quads: dict[str, Counter[str]] = defaultdict(Counter)
    undated = 0
    for v in store.actor_events(actor, MAX_EVENTS):
        date = v["date"] or ""
        if not re.match(r"^\d{4}-\d{2}-\d{2}", date):
            undated += 1
            continue
        key = _period(date, interval)
        types[key][v["type"]] += 1
        quads[key][QUADS.get(v["type"], "other")] += 1
    return {
        "actor": actor,
        "interval": interval,
        "undated": undated,
        "buckets": [{"period": k, "types": dict(types[k]), "quads": dict(quads[k])} for k in sorted(types)],
    }


def to_graph_file(result: dict[str, Any], fmt: str) -> tuple[bytes, str]:
    """The neighbourhood as GraphML or GEXF (Gephi); characters XML cannot hold are left out."""
    g = nx.MultiDiGraph()
    for n in result["nodes"]:
        g.add_node(n["id"], **{k: xml_text(v) for k, v in n.items() if k != "id" and v is not None})
    for e in result["edges"]:
        attrs = {k: xml_text(v) for k, v in e.items() if k not in ("source", "target") and v is not None}
        g.add_edge(e["source"], e["target"], **attrs)
    out = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, out)
        return out.getvalue(), "application/graphml+xml"
    nx.write_gexf(g, out)
    return out.getvalue(), "application/gexf+xml"
