"""Apply the reviewer's decisions to the pre-filled sheet and write places.tsv (see README.md).

    python3 training/places/review.py /tmp/places/ann/sheet.tsv training/places/review_decisions.txt

Decision lines (`id` may abbreviate conllpp-dev-NNN as cNNN; words use _ for spaces):
    ID START drop                     not a place mention
    ID START SPEC                     keep the span, resolve it as SPEC
    ID START span LEN SPEC            the span is LEN characters long
    ID START trim N SPEC?             the span starts N characters later
    ID add WORD N SPEC                the N-th occurrence of WORD (whole word) is a place
    ID addall WORD SPEC               every occurrence of WORD is a place
    ID addat START WORD SPEC          WORD at START is a place
SPEC: `country ISO3` (the country's point) | `place NAME ISO3` (the gazetteer's most prominent place of
that name in that country) | `set LAT LON ISO3` (`-` for unknown) | `africa` | `europe` | `eu`.
Rows the decisions do not name keep the pre-filled referent (checked by the reviewer).
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

from newsgraph.geo.gazetteer import gazetteer

SHARED = Path(__file__).resolve().parents[3] / "shared" / "dev"
FIXED = {
    "africa": ("7.1881", "-", "21.0938", "6255146"),
    "europe": ("48.691", "-", "9.14062", "6255148"),
    "eu": ("50.8386", "-", "4.37599", "6695072"),
}
RANK = {"city": 0, "adm1": 1}
# places.tsv is generated: its head says what the columns hold
HEADER = (
    "# Places of the international held-out set (README.md): record id, character offsets into the\n"
    "# record's text (claims: `doc`), the referent's point (empty: unresolved),"
    " ISO3 country (empty: none\n"
    "# or several), GeoNames id where known,"
    " and the gazetteer's name for it (a fact, not article text).\n"
)


def texts() -> dict[str, str]:
    out = {}
    for src in ("ner", "timex", "claims"):
        with open(SHARED / src / "dev.jsonl") as fh:
            for line in fh:
                r = json.loads(line)
                out[str(r["id"])] = r["doc"] if src == "claims" else r["text"]
    return out


def resolve(spec: list[str]) -> tuple[str, str, str, str, str]:
    """(lat, lon, country, geonameid, gazetteer name) for a SPEC."""
    g = gazetteer()
    head = spec[0]
    if head in FIXED:
        lat, _, lon, gid = FIXED[head]
        return lat, lon, "", gid, head
    if head == "country":
        p = g.country(spec[1])
        assert p is not None, spec
        return str(p.lat), str(p.lon), spec[1], p.geonameid or "", p.name
    if head == "place":
        name, iso = spec[1].replace("_", " "), spec[2]
        cands = [p for p in g.lookup(name) if p.country == iso]
        assert cands, spec
        p = sorted(cands, key=lambda p: (RANK.get(p.kind, 2), -p.population))[0]
        return str(p.lat), str(p.lon), iso, p.geonameid or "", p.name
    if head == "set":
        lat, lon, iso = (x if x != "-" else "" for x in spec[1:4])
        return lat, lon, iso, "", ""
    raise ValueError(f"unknown spec {spec}")


def prefer_city(row: list[str]) -> tuple[str, str, str, str, str]:
    """A capital pre-filled as its province (Moscow, Tehran) becomes the city of the same name."""
    name, kind, iso, lat, lon, gid = row[6:12]
    if kind == "adm1":
        cities = [p for p in gazetteer().lookup(name) if p.kind == "city" and p.country == iso]
        big = [p for p in cities if p.population >= 100_000]
        if big:
            p = max(big, key=lambda p: p.population)
            return str(p.lat), str(p.lon), iso, p.geonameid or "", p.name
    return lat, lon, iso, gid, name


def main(sheet: str, decisions: str, out: str) -> None:
    text = texts()
    with open(sheet) as fh:
        rows = {(r[1], int(r[2])): r for r in csv.reader(fh, delimiter="\t")}
    gold: dict[tuple[str, int], list[str]] = {}
    for (rid, start), r in rows.items():
        if r[6]:
            gold[(rid, start)] = [rid, str(start), r[3], *prefer_city(r)]
        else:  # the gazetteer has no such name: the reviewer must resolve it, or it stays unresolved
            gold[(rid, start)] = [rid, str(start), r[3], "", "", "", "", ""]
    with open(decisions) as fh:
        lines = fh.readlines()
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split()
        rid = re.sub(r"^c(\d{3})$", r"conllpp-dev-\1", f[0])
        if f[1] in ("add", "addall", "addat"):
            if f[1] == "addat":
                start, word, spec = int(f[2]), f[3].replace("_", " "), f[4:]
                assert text[rid][start : start + len(word)] == word, line
                starts = [start]
            else:
                word = f[2].replace("_", " ")
                hits = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text[rid])]
                starts = hits if f[1] == "addall" else [hits[int(f[3]) - 1]]
                spec = f[3:] if f[1] == "addall" else f[4:]
            res = resolve(spec)
            for s in starts:
                if not any(k[0] == rid and k[1] <= s < int(v[2]) for k, v in gold.items()):
                    gold[(rid, s)] = [rid, str(s), str(s + len(word)), *res]
            continue
        key = (rid, int(f[1]))
        assert key in gold, line
        act = f[2:]
        if act[0] == "drop":
            del gold[key]
            continue
        if act[0] == "span":
            gold[key][2] = str(key[1] + int(act[1]))
            act = act[2:]
        elif act[0] == "trim":
            gold[key][1] = str(key[1] + int(act[1]))
            act = act[2:]
        if act:
            gold[key][3:] = list(resolve(act))
    with open(out, "w") as fh:
        fh.write(HEADER)
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["id", "start", "end", "lat", "lon", "country", "geonameid", "place"])
        for key in sorted(gold, key=lambda k: (k[0], k[1])):
            w.writerow(gold[key])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "training/places/places.tsv")
