#!/usr/bin/env python3
"""Check the licences of what newsgraph runs with: fail on one that would stop it being shared under MIT.

    python scripts/check_licenses.py             a table, and exit 1 on a licence to review
    python scripts/check_licenses.py --markdown  the same table in Markdown (for THIRD_PARTY.md, notes)

Checked: newsgraph's runtime dependency closure (`importlib.metadata.requires("newsgraph")` without
extras, recursively, with environment markers evaluated for this interpreter and a dependency's own
extras followed when a requirement names them), plus the model packages of requirements/models.txt,
which every run loads. Test, Dask and PostgreSQL extras are not: a user installs those by choice.

Licences come from pip-licenses (JSON, every source: the licence expression, the classifiers and the
License field); the first of those that says something is the one judged. A package fails when its
licence is GPL, AGPL or LGPL with no permissive alternative (an `OR`) and no exception, or when the
licence is unknown or not one this script recognises as permissive, unless ALLOWED lists it with the
licence it was reviewed under and why it is acceptable. A changed licence is reviewed again.

Run by `dev.py test`, so by CI. Needs the test extra (pip-licenses).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "requirements" / "models.txt"

#: package (canonical name) -> (the licence string it was reviewed under, why it may be used). Each
#: reason says why distributing newsgraph under MIT stays possible with this package installed beside it.
ALLOWED: dict[str, tuple[str, str]] = {}

_COPYLEFT = re.compile(r"\b(A?GPL|LGPL|GNU (Affero |Lesser |Library )?General Public)", re.IGNORECASE)
_PERMISSIVE = re.compile(
    r"\b(MIT|BSD|Apache|ISC|PSF|Python Software Foundation|MPL|Mozilla Public|Unlicense|CC0|Zlib|HPND"
    r"|Historical Permission|Public Domain|0BSD|CNRI-Python)",
    re.IGNORECASE,
)
_UNKNOWN = {"", "unknown", "none", "other/proprietary license"}


@dataclass(frozen=True)
class Row:
    name: str
    version: str
    licence: str
    verdict: str  # "ok", "allowed", or "FAIL: why"


def _requirements(dist: str, extras: frozenset[str]) -> list[Requirement]:
    """The requirements of installed `dist` that apply here with `extras` requested."""
    found = []
    for line in metadata.requires(dist) or ():
        req = Requirement(line)
        if req.marker is None or _marker_holds(req.marker, extras):
            found.append(req)
    return found


def _marker_holds(marker: Marker, extras: frozenset[str]) -> bool:
    # A marker is evaluated once per requested extra, and once with none: `extra == "x"` holds only
    # when x was asked for, so optional dependencies stay out unless a requirement names the extra.
    return any(marker.evaluate({"extra": extra}) for extra in ("", *extras))


def closure(roots: list[Requirement]) -> dict[str, str]:
    """canonical name -> installed version, for `roots` and everything they require, transitively."""
    seen: dict[str, str] = {}
    visited: set[tuple[str, frozenset[str]]] = set()
    todo = [(r.name, frozenset(r.extras)) for r in roots]
    while todo:
        name, extras = todo.pop()
        key = (canonicalize_name(name), extras)
        if key in visited:
            continue
        visited.add(key)
        try:
            seen[key[0]] = metadata.version(name)
        except metadata.PackageNotFoundError:
            sys.exit(f"check_licenses: {name} is required but not installed; run `python3 dev.py install`")
        todo.extend((r.name, frozenset(r.extras)) for r in _requirements(name, extras))
    return seen


def model_requirements() -> list[Requirement]:
    reqs = []
    for line in MODELS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            reqs.append(Requirement(line.split(" --hash", 1)[0].strip()))
    return reqs


def pip_licenses(names: list[str]) -> dict[str, dict[str, str]]:
    """canonical name -> pip-licenses' JSON record, with every licence source (--from=all)."""
    cmd = [sys.executable, "-m", "piplicenses", "--format=json", "--from=all", "--with-system"]
    out = subprocess.run([*cmd, "--packages", *names], capture_output=True, text=True, check=False)
    if out.returncode:
        sys.exit(f"check_licenses: pip-licenses failed ({out.stderr.strip()}); is the test extra installed?")
    return {canonicalize_name(r["Name"]): r for r in json.loads(out.stdout)}


def effective_licence(record: dict[str, str]) -> str:
    """The licence a package declares: its SPDX expression, else its classifiers, else its License
    field (some put the whole text there: its first line is enough to judge and to show)."""
    for field in ("License-Expression", "License-Classifier", "License-Metadata"):
        value = (record.get(field) or "").strip()
        if value.casefold() not in _UNKNOWN:
            return value.splitlines()[0].strip()[:60]
    return "UNKNOWN"


def judge(licence: str) -> str:
    """'ok' or 'FAIL: why'. `OR` (SPDX) and '; ' (several classifiers) are alternatives: one permissive
    one is enough. `AND` parts must all be acceptable."""
    if licence.casefold() in _UNKNOWN:
        return "FAIL: unknown licence"
    for alternative in re.split(r"\s+OR\s+|;\s*", licence):
        parts = re.split(r"\s+AND\s+", alternative.strip("() "))
        if all(_acceptable(part) for part in parts):
            return "ok"
    if _COPYLEFT.search(licence):
        return "FAIL: copyleft (GPL family) without a permissive alternative or exception"
    return "FAIL: not a licence this script knows to be permissive"


def _acceptable(part: str) -> bool:
    if _COPYLEFT.search(part):
        return "exception" in part.casefold()  # e.g. GPL-2.0-or-later WITH Classpath-exception-2.0
    return bool(_PERMISSIVE.search(part))


def rows() -> list[Row]:
    newsgraph = [Requirement(r) for r in metadata.requires("newsgraph") or ()]
    runtime = [r for r in newsgraph if r.marker is None or _marker_holds(r.marker, frozenset())]
    versions = closure([*runtime, *model_requirements()])
    records = pip_licenses(sorted(versions))
    table = []
    for name, version in sorted(versions.items()):
        record = records.get(name)
        licence = effective_licence(record) if record else "UNKNOWN"
        verdict = judge(licence)
        if verdict != "ok" and name in ALLOWED:
            reviewed, _ = ALLOWED[name]
            verdict = "allowed" if reviewed == licence else f"FAIL: allowed as {reviewed!r}, now {licence!r}"
        table.append(Row(name, version, licence, verdict))
    return table


def render(table: list[Row], markdown: bool) -> str:
    header = ("package", "version", "licence", "verdict")
    cells = [header, *((r.name, r.version, r.licence, r.verdict) for r in table)]
    if markdown:
        lines = ["| " + " | ".join(c) + " |" for c in cells]
        lines.insert(1, "| " + " | ".join("---" for _ in header) + " |")
        return "\n".join(lines)
    widths = [max(len(c[i]) for c in cells) for i in range(len(header))]
    return "\n".join("  ".join(v.ljust(w) for v, w in zip(c, widths, strict=True)).rstrip() for c in cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    args = parser.parse_args(argv)
    table = rows()
    print(render(table, args.markdown))
    failed = [r for r in table if r.verdict.startswith("FAIL")]
    allowed = [r for r in table if r.verdict == "allowed"]
    for r in allowed:
        print(f"\nallowed {r.name} ({r.licence}): {ALLOWED[r.name][1]}")
    stale = sorted(set(ALLOWED) - {r.name for r in table})
    if stale:
        print(f"\nnote: ALLOWED lists packages no longer in the closure: {', '.join(stale)}; remove them")
    print(f"\n{len(table)} packages: {len(table) - len(failed)} acceptable, {len(failed)} to review")
    if failed:
        print("Review each FAIL: replace the package, or add it to ALLOWED in scripts/check_licenses.py "
              "with the licence it was reviewed under and why it may be used.", file=sys.stderr)  # fmt: skip
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
