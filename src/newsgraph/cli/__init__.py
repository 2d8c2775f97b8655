"""The command line: thin wrappers over the library. Each command module exposes `add_parser(subparsers)`,
which registers a sub-command whose `func(args) -> int` returns the exit status."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from .. import __version__
from ..errors import NewsgraphError

# Sub-command modules, in the order `--help` lists them.
COMMAND_MODULES = ["extract", "demo", "ingest", "query", "export", "check", "about"]

EPILOG = """examples:
  newsgraph extract article.txt --published 2023-08-03 > article.json
  newsgraph extract articles.jsonl --format jsonl > docs.jsonl
  newsgraph demo                  run on the sample articles that ship with newsgraph
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Read news and extract who did what to whom, when, where, and who said what, "
        "each record linked to the sentence and characters it came from. Runs offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="newsgraph: %(message)s"
    )
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args))
    except NewsgraphError as exc:  # the one place errors become lines and exit statuses (errors.py)
        print(exc.render(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsgraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
