"""The command line: thin wrappers over the library. Each command module exposes `add_parser(subparsers)`,
which registers a sub-command whose `func(args) -> int` returns the exit status."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from typing import TextIO

from .. import __version__
from ..errors import NewsgraphError
from .options import add_verbose

# Sub-command modules, in the order `--help` lists them.
COMMAND_MODULES = ["extract", "demo", "ingest", "query", "export", "check", "serve", "kb", "about"]

EPILOG = """examples:
  newsgraph extract examples/article.txt --published 2024-03-12 > article.json
  newsgraph ingest examples/feeds/ examples/archive.jsonl --db news.db
  newsgraph check --source examples/article.txt --claims examples/claims.txt --published 2024-03-12
  newsgraph demo         # runs on the sample articles that ship with newsgraph

Run the examples from the repository root: their inputs are in examples/.
`newsgraph COMMAND --help` describes a command and shows its examples; -v works before or after COMMAND.
The output is described in docs/contract.md; exit status: 0 ok, 1 some inputs failed, 2 usage error,
3 the model or the store is unavailable.
"""


def ours(record: logging.LogRecord) -> bool:
    return record.name == "newsgraph" or record.name.startswith("newsgraph.")


class _Format(logging.Formatter):
    """Our records as `newsgraph: message`; a library's under its own logger name (`trafilatura.core:
    message`), never dressed as ours."""

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        return f"newsgraph: {text}" if ours(record) else f"{record.name}: {text}"


class _Handler(logging.StreamHandler[TextIO]):
    """Writes to the current sys.stderr (a test may have replaced it since the handler was made). Not
    through setStream, which flushes the old stream: closed by then, it would raise outside emit."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)


def configure_logging(verbose: bool) -> None:
    """Every log record goes through one handler on the root logger. Ours (loggers named newsgraph...)
    show from WARNING, or INFO with -v; the libraries' (trafilatura, htmldate, courlan, justext,
    feedparser, spacy, urllib3, distributed...) only with -v, under their own names."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(old)
    handler = _Handler(sys.stderr)
    handler.setFormatter(_Format("%(message)s"))
    if not verbose:
        handler.addFilter(ours)
    root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsgraph",
        description="Read news and extract who did what to whom, when, where, and who said what,\n"
        "each record linked to the sentence and characters it came from. Runs offline.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details to stderr")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").add_parser(subparsers)
    for sub in subparsers.choices.values():
        add_verbose(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(args.verbose)
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
