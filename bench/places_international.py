#!/usr/bin/env python3
"""Places on international news: the hand-annotated held-out set of training/places/ scored by
`score.py geo`, per half (A = looked at for error classes, B = never looked at) and together.

    .venv/bin/python bench/places_international.py [--pred PRED.jsonl] [--out DIR] [--errors]

Without --pred it runs `newsgraph extract` over the articles (texts read from ../shared/dev at run time,
never copied) and keeps the prediction in DIR (default /tmp/places_international). --errors lists the
misses and wrong referents of half A only: half B is for figures, not for finding rules.
Prints `skipped: ...` and exits 0 when ../shared is absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
DATA = ROOT / "training" / "places"
SCORER = SHARED / "tools" / "score.py"


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def read_records(articles: list[dict[str, str]]) -> dict[str, dict[str, Any]]:
    """id -> {id, text, published} for the listed articles, from their shared dev files."""
    wanted = {a["id"]: a["source"] for a in articles}
    out: dict[str, dict[str, Any]] = {}
    for source in sorted(set(wanted.values())):
        with (SHARED / "dev" / source / "dev.jsonl").open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                rid = str(rec["id"])
                if wanted.get(rid) == source:
                    text = rec["doc"] if source == "claims" else rec["text"]
                    out[rid] = {"id": rid, "text": text, "published": rec.get("published") or rec.get("dct")}
    missing = set(wanted) - set(out)
    if missing:
        raise SystemExit(f"articles not found in ../shared/dev: {sorted(missing)}")
    return out


def gold_record(rid: str, text: str, places: list[dict[str, str]]) -> dict[str, Any]:
    out = []
    for p in places:
        s, e = int(p["start"]), int(p["end"])
        out.append(
            {
                "start": s,
                "end": e,
                "text": text[s:e],
                "lat": float(p["lat"]) if p["lat"] else None,
                "lon": float(p["lon"]) if p["lon"] else None,
                "country": p["country"] or None,
                "geonameid": p["geonameid"] or None,
            }
        )
    return {"id": rid, "places": out}


def score(gold_path: Path, pred_path: Path) -> dict[str, Any]:
    run = subprocess.run(
        [sys.executable, str(SCORER), "geo", str(gold_path), str(pred_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(run.stdout[run.stdout.index("{") :]))


def list_errors(gold: list[dict[str, Any]], pred_path: Path, records: dict[str, dict[str, Any]]) -> None:
    from math import asin, cos, radians, sin, sqrt

    def km(a: tuple[float, float], b: tuple[float, float]) -> float:
        la1, lo1, la2, lo2 = map(radians, (*a, *b))
        h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
        return 2 * 6371 * asin(sqrt(h))

    preds = {}
    with pred_path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            preds[str(d["id"])] = d
    for g in gold:
        doc = preds.get(g["id"]) or {}
        text = records[g["id"]]["text"]
        ments = [
            (m["start"], m["end"], e)
            for e in doc.get("entities") or []
            if e.get("type") in ("GPE", "LOC")
            for m in e.get("mentions") or []
            if m.get("kind", "name") in ("name", "demonym")
        ]
        for p in g["places"]:
            hit = next((e for s, t, e in ments if s < p["end"] and p["start"] < t), None)
            ctx = text[max(0, p["start"] - 30) : p["end"] + 30].replace("\n", " ")
            if hit is None:
                print(f"MISS  {g['id']} {p['start']} {p['text']!r}  | {ctx}")
                continue
            bad_c = p["country"] and hit.get("country") != p["country"]
            far = (
                p["lat"] is not None
                and hit.get("lat") is not None
                and km((p["lat"], p["lon"]), (hit["lat"], hit["lon"])) > 161
            )
            if bad_c or far or (p["lat"] is not None and hit.get("lat") is None):
                print(
                    f"WRONG {g['id']} {p['start']} {p['text']!r} gold={p['country']} "
                    f"({p['lat']},{p['lon']}) pred={hit.get('country')} ({hit.get('lat')},{hit.get('lon')}) "
                    f"{hit.get('name')!r}"
                )
        spans = [(p["start"], p["end"]) for p in g["places"]]
        for s, t, e in ments:
            if not any(s < b and a < t for a, b in spans):
                print(f"EXTRA {g['id']} {s} {text[s:t]!r} -> {e.get('country')}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pred", type=Path, help="an extract output over the articles (default: run extract)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/places_international"))
    ap.add_argument("--errors", action="store_true", help="list half A's errors")
    args = ap.parse_args()
    if not SCORER.exists():
        print("skipped: ../shared is absent")
        return 0
    articles = read_tsv(DATA / "articles.tsv")
    places = read_tsv(DATA / "places.tsv")
    records = read_records(articles)
    args.out.mkdir(parents=True, exist_ok=True)
    pred = args.pred
    if pred is None:
        inputs = args.out / "input.jsonl"
        with inputs.open("w", encoding="utf-8") as fh:
            for a in articles:
                fh.write(json.dumps(records[a["id"]]) + "\n")
        pred = args.out / "pred.jsonl"
        with pred.open("w", encoding="utf-8") as fh:
            subprocess.run(
                [sys.executable, "-m", "newsgraph", "extract", str(inputs), "--format", "jsonl"],
                stdout=fh,
                stderr=subprocess.DEVNULL,
                check=True,
            )
    by_id: dict[str, list[dict[str, str]]] = {}
    for p in places:
        by_id.setdefault(p["id"], []).append(p)
    halves: dict[str, list[dict[str, Any]]] = {"A": [], "B": []}
    for a in articles:
        halves[a["half"]].append(gold_record(a["id"], records[a["id"]]["text"], by_id.get(a["id"], [])))
    halves["all"] = halves["A"] + halves["B"]
    keys = ("found_recall", "country_accuracy_found", "within_161km_found", "precision", "gold")
    print("half  " + "  ".join(f"{k:>22}" for k in keys))
    for name, gold in halves.items():
        path = args.out / f"gold_{name}.jsonl"
        path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        fig = score(path, pred)
        print(f"{name:<5} " + "  ".join(f"{fig[k]:>22.3f}" if k != "gold" else f"{fig[k]:>22}" for k in keys))
    if args.errors:
        list_errors(halves["A"], pred, records)
    return 0


if __name__ == "__main__":
    sys.exit(main())
