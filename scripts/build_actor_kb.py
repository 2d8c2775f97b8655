"""Build src/newsgraph/kb/phoenix_actors.tsv and phoenix_agents.tsv from the Phoenix dictionaries.

    python scripts/build_actor_kb.py [--phoenix DIR]

DIR defaults to ../shared/reference/phoenix beside the repo: the PETRARCH2 copies of the Phoenix actor and
agent dictionaries (MIT, Open Event Data Alliance). The TSVs are what the project reviews and ships; this
script only saves typing and is deterministic (sorted rows, no timestamps), so a re-run on the same
dictionaries gives the same bytes. The format the reader expects is documented in src/newsgraph/kb/README.md.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from actor_kb.actors import ACTOR_COLUMNS, ACTOR_FILES, actor_rows, read_actor_file
from actor_kb.agents import AGENT_COLUMNS, agent_rows
from actor_kb.codes import Warnings
from actor_kb.writing import fail, header, write_compact, write_index, write_tsv

ROOT = Path(__file__).resolve().parents[1]
KB = ROOT / "src" / "newsgraph" / "kb"
DEFAULT_PHOENIX = ROOT.parent / "shared" / "reference" / "phoenix"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phoenix", type=Path, default=DEFAULT_PHOENIX, help="Phoenix dictionary directory")
    parser.add_argument("--out", type=Path, default=KB, help="output directory (default: the package's kb/)")
    args = parser.parse_args(argv)
    phoenix: Path = args.phoenix
    missing = [n for n in (*ACTOR_FILES, "Phoenix.agents.txt", "LICENSE") if not (phoenix / n).is_file()]
    if missing:
        fail(
            f"no Phoenix dictionaries in {phoenix} (missing {', '.join(missing)}); "
            "pass --phoenix DIR, the directory holding the PETRARCH2 Phoenix.*.txt files and their LICENSE"
        )
    licence = (phoenix / "LICENSE").read_text(encoding="utf-8")
    copyright_line = next((ln.strip() for ln in licence.splitlines() if ln.startswith("Copyright")), "")
    warnings = Warnings()
    entries = [e for name in ACTOR_FILES for e in read_actor_file(phoenix / name, warnings)]
    actors = actor_rows(entries)
    agents = agent_rows(phoenix / "Phoenix.agents.txt", warnings)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    command = "python scripts/build_actor_kb.py --phoenix ../shared/reference/phoenix"
    lines = header(copyright_line, command)
    write_tsv(out / "phoenix_actors.tsv", lines, ACTOR_COLUMNS, actors)
    write_tsv(out / "phoenix_agents.tsv", lines, AGENT_COLUMNS, agents)
    (out / "LICENSE.phoenix").write_text(licence, encoding="utf-8")
    write_compact(out / "phoenix_actors.tsv", out / "phoenix_actors.json")
    write_index(out)
    for item in warnings.items:
        sys.stderr.write(f"warning: {item}\n")
    ids = len({r["id"] for r in actors})
    counts = f"{ids} actors ({len(actors)} rows), {len(agents)} agents, {len(warnings.items)} warnings"
    sys.stdout.write(counts + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
