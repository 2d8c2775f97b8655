"""Pre-fill the international place annotation for review (training/places/README.md says how it is used).

Not the pipeline: candidate spans come from the CoNLL gold names (LOC, demonym-like MISC, and place words
inside ORG names) and from a scan of capitalised words the gazetteer or the demonym lists know; each gets
the gazetteer's most prominent referent. The output is a review sheet under /tmp, never committed (it
quotes the text); the reviewed decisions go to places.tsv as ids, offsets and GeoNames facts.

    python3 training/places/prefill.py /tmp/places/ann/sheet.tsv
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from newsgraph.geo.gazetteer import gazetteer
from newsgraph.lexicons import read_table

SHARED = Path(__file__).resolve().parents[3] / "shared" / "dev"
HERE = Path(__file__).resolve().parent
RANK = {"country": 0, "continent": 1, "region": 1, "water": 1, "adm1": 2, "area": 3, "city": 4}


def articles() -> list[dict[str, str]]:
    with open(HERE / "articles.tsv") as fh:
        rows = [r for r in csv.reader(fh, delimiter="\t") if r and not r[0].startswith("#")]
    # every row has the header's columns: a short or long one is a broken file, not a row to pad or cut
    return [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def record_text(source: str, rec: dict) -> str:
    return rec["doc"] if source == "claims" else rec["text"]


def demonyms() -> dict[str, str]:
    out = {}
    columns = ("iso3", "name", "aliases", "demonyms", "capital", "geonameid", "continent")
    for r in read_table("countries.tsv", columns):
        for d in filter(None, r["demonyms"].split("|")):
            out[d] = r["iso3"]
            out[d + "s"] = r["iso3"]
    for r in read_table("nations.tsv", ("name", "sovereign", "demonyms")):
        for d in filter(None, r["demonyms"].split("|")):
            out[d] = r["sovereign"]
    return out


def best(text: str):
    g = gazetteer()
    cands = g.lookup(text)
    if not cands:
        return None
    return sorted(cands, key=lambda p: (RANK.get(p.kind, 5), -p.population))[0]


def main(out_path: str) -> None:
    dem = demonyms()
    g = gazetteer()
    recs: dict[str, dict] = {}
    for src in ("ner", "timex", "claims"):
        with open(SHARED / src / "dev.jsonl") as fh:
            for line in fh:
                r = json.loads(line)
                recs[str(r["id"])] = r
    word = re.compile(r"[A-Z][\w'.-]*(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,3}")
    with open(out_path, "w") as out:
        w = csv.writer(out, delimiter="\t", lineterminator="\n")
        for a in articles():
            rec = recs[a["id"]]
            text = record_text(a["source"], rec)
            spans: dict[tuple[int, int], str] = {}
            for e in rec.get("entities") or []:
                if e["label"] == "LOC":
                    spans[(e["start"], e["end"])] = "conll-LOC"
                elif e["label"] == "MISC" and e["text"] in dem:
                    spans[(e["start"], e["end"])] = "conll-MISC"
                elif e["label"] in ("ORG", "MISC"):
                    for m in re.finditer(r"[A-Z][\w'.-]+", e["text"]):
                        if m.group() in dem or m.group() in g:
                            s = e["start"] + m.start()
                            spans.setdefault((s, s + len(m.group())), "inside-" + e["label"])
            for m in word.finditer(text):
                for sub in re.finditer(r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*", m.group()):
                    s, e = m.start() + sub.start(), m.start() + sub.end()
                    t = text[s:e].rstrip(".")
                    e = s + len(t)
                    if any(not (e <= a0 or s >= a1) for a0, a1 in spans):
                        continue
                    p = best(t)
                    if t in dem or (p and (p.kind != "city" or p.population >= 20000)):
                        spans[(s, e)] = "scan"
            for (s, e), why in sorted(spans.items()):
                t = text[s:e]
                p = best(t)
                iso = dem.get(t)
                if p is None and iso:
                    p = g.country(iso)
                ctx = text[max(0, s - 40) : e + 40].replace("\n", " ").replace("\t", " ")
                ref: list[object] = ["", "", "", "", "", ""]  # no referent: the reviewer fills it in
                if p is not None:
                    ref = [p.name, p.kind, p.country or "", p.lat, p.lon, p.geonameid or ""]
                w.writerow([a["half"], a["id"], s, e, t, why, *ref, ctx])


if __name__ == "__main__":
    main(sys.argv[1])
