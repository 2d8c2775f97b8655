"""`newsgraph export`: a store as files other tools read (CSV, JSONL, GraphML, GEXF, Parquet)."""

from __future__ import annotations

import argparse
import sys

from ..errors import ConfigError
from ..store import default_target, open_store
from .options import add_command, add_db, examples

# The writers import networkx and pyarrow (most of a second); they load only when `export` runs.
FORMATS = ("csv", "jsonl", "graphml", "gexf", "parquet")

HELP = """Export a store.

  csv      one row per event: POLECAT-like columns (actor, recipient, place, num_sources, evidence)
  jsonl    the contract documents, one per line
  graphml  actors as nodes, relations and events as typed, weighted edges (Gephi, networkx)
  gexf     the same graph as GEXF
  parquet  documents, actors, events and quotes tables in the folder given by --output

csv, jsonl, graphml and gexf go to standard output unless --output names a file."""

EXAMPLES = examples(
    "newsgraph export --format csv -o events.csv --db news.db",
    "newsgraph export --format graphml -o news.graphml --db news.db",
    "newsgraph export --format parquet -o tables/ --db news.db",
    "newsgraph export --format jsonl --db news.db > documents.jsonl",
)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        subparsers, "export", "export a store as CSV, JSONL, GraphML, GEXF or Parquet", HELP, EXAMPLES
    )
    p.add_argument("--format", choices=FORMATS, required=True)
    p.add_argument("-o", "--output", metavar="PATH", help="output file (a folder for parquet)")
    add_db(p)
    p.set_defaults(func=run)


def _overwrites_store(db: str, output: str, fmt: str) -> bool:
    """True when writing `output` would write over the store file `db` (a PostgreSQL store has none)."""
    from ..export.files import same_file
    from ..export.parquet import SCHEMAS

    if db.startswith(("postgresql://", "postgres://")):
        return False
    targets = [f"{output}/{name}.parquet" for name in SCHEMAS] if fmt == "parquet" else []
    return any(same_file(db, t) for t in [output, *targets])


def run(args: argparse.Namespace) -> int:
    from ..export import write_events_csv, write_graph, write_jsonl, write_parquet
    from ..export.files import replacing

    if args.format == "parquet" and not args.output:
        raise ConfigError("--format parquet writes a folder of tables; give it with --output DIR")
    if args.output and _overwrites_store(args.db or default_target(), args.output, args.format):
        raise ConfigError(f"--output {args.output} is the store itself; give another file")
    store = open_store(args.db, create=False)
    try:
        with store:
            if args.format == "parquet":
                paths = write_parquet(store, args.output)
                print(f"newsgraph: wrote {', '.join(str(p) for p in paths.values())}", file=sys.stderr)
            elif args.format in ("graphml", "gexf"):
                write_graph(store, args.format, args.output or sys.stdout.buffer)
            else:
                write = write_events_csv if args.format == "csv" else write_jsonl
                if args.output:
                    # A temporary file renamed into place: a failure leaves an existing file untouched.
                    with replacing(args.output) as tmp, open(tmp, "w", encoding="utf-8", newline="") as out:
                        write(store, out)
                else:
                    write(store, sys.stdout)
    except OSError as exc:
        print(f"newsgraph: error: cannot write {args.output} ({exc.strerror or exc})", file=sys.stderr)
        return 1
    return 0
