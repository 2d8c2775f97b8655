"""Writing the TSVs under their source and licence header, and the compact JSON the reader loads fast."""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
SOURCE = (
    "Phoenix dictionaries of PETRARCH2 (openeventdata/petrarch2 commit "
    "676801cd9cb2924bbbad09f86d15c9323e7097bf, petrarch2/data/dictionaries/)"
)


def fail(message: str) -> None:
    sys.stderr.write(f"build_actor_kb: {message}\n")
    raise SystemExit(2)


def header(copyright_line: str, command: str) -> list[str]:
    return [
        f"# source: {SOURCE}",
        f"# licence: MIT ({copyright_line}); full text in LICENSE.phoenix beside this file",
        f"# built by: {command}",
        "# format: src/newsgraph/kb/README.md",
    ]


def write_tsv(path: Path, lines: list[str], columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    out = [*lines, "\t".join(columns)]
    for row in rows:
        cells = [row.get(c, "") for c in columns]
        if any("\t" in c or "\n" in c for c in cells):
            fail(f"a tab or newline inside a cell of {row.get('id') or row.get('noun')}")
        out.append("\t".join(cells))
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_compact(tsv: Path, target: Path) -> None:
    """The compact form the reader loads fast (see newsgraph.kb.tables), read back from the TSV through the
    package's own reader, so it holds exactly what the TSV says."""
    sys.path.insert(0, str(SRC))
    from newsgraph.kb.records import normalise
    from newsgraph.kb.tables import ACTOR_REQUIRED, read_actors, split_table, to_compact

    data = tsv.read_bytes()
    columns, rows = split_table(data.decode("utf-8").splitlines(), str(tsv), ACTOR_REQUIRED)
    actors = read_actors(columns, rows, str(tsv), "phoenix", check=True)
    packed = to_compact(actors, hashlib.sha256(data).hexdigest(), normalise)
    target.write_text(json.dumps(packed, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


def write_index(directory: Path) -> None:
    """The prebuilt index of the knowledge base in `directory` (newsgraph.kb.prebuilt), built again from
    its TSVs: a new Phoenix file makes the old index stale."""
    sys.path.insert(0, str(SRC))
    from newsgraph.kb import ActorKB

    ActorKB.build_index(directory)
