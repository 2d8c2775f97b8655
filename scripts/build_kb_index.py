"""Build src/newsgraph/kb/kb_index.json: the shipped knowledge base read from its TSVs, merged and indexed,
which `newsgraph.kb.load_kb()` then reads in half the time (newsgraph/kb/prebuilt.py).

    python scripts/build_kb_index.py            # write the index
    python scripts/build_kb_index.py --check    # exit 1 when the shipped index is not what a build gives

Re-run it after any of phoenix_actors.tsv, notable_actors.tsv or curated_actors.tsv changes (after
scripts/build_actor_kb.py or scripts/build_notable_actors.py): until then the knowledge base is read from
the TSVs, with the same result, only slower. The index holds what the TSVs hold (Phoenix, MIT; the
project's own facts, MIT) and nothing else; it is deterministic, with no timestamps.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.kb import KB_DIR, ActorKB  # noqa: E402
from newsgraph.kb.prebuilt import INDEX_FILE  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  python scripts/build_kb_index.py\n  python scripts/build_kb_index.py --check",
    )
    parser.add_argument("--check", action="store_true", help="compare with the shipped index, write nothing")
    args = parser.parse_args(argv)
    shipped = KB_DIR / INDEX_FILE
    if not args.check:
        path = ActorKB.build_index(KB_DIR)
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        built = ActorKB.build_index(KB_DIR, target=Path(tmp) / INDEX_FILE)
        if not shipped.is_file() or built.read_bytes() != shipped.read_bytes():
            print(f"{shipped.relative_to(ROOT)} is not what the TSVs build: run scripts/build_kb_index.py")
            return 1
    print(f"{shipped.relative_to(ROOT)} is current")
    return 0


if __name__ == "__main__":
    sys.exit(main())
