"""`newsgraph ingest`: articles into a store, actors merged and events deduplicated across them."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import TYPE_CHECKING

from ..article import parse_published
from ..errors import StoreError
from ..store import Store, default_target, open_store

if TYPE_CHECKING:
    from ..execute import Executor, ExtractOptions
    from ..store.ingest import IngestStats
from .progress import Progress

log = logging.getLogger("newsgraph")

HELP = """Read articles, extract them, and add them to a store (an SQLite file by default).

PATH is a .txt file, an .html page, a .jsonl file of records, an RSS/Atom feed (.xml, .rss, .atom),
a directory of such files (recursive), or - for standard input.

Running it again is safe: articles already stored with the same content are skipped, an article whose
id or url is stored with other content is replaced, and an interrupted run resumes where it stopped.
Inputs that fail are reported, recorded in the store (see `newsgraph errors`) and the rest go on;
the exit status is then 1."""


def add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="PATH|URL",
        default=None,
        help="the store: an SQLite file path or a postgresql://user:password@host/dbname URL "
        f"(default: $NEWSGRAPH_DB or {default_target()})",
    )


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = 0
    if n < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of 1 or more")
    return n


def add_executor_options(p: argparse.ArgumentParser) -> None:
    """--workers and --dask: where extraction runs (output and store writes stay in this process)."""
    p.add_argument(
        "--workers",
        type=positive_int,
        metavar="N",
        help="extract in N processes on this machine, each loading the model once (about 0.5 GB each; "
        "no faster than the number of free cores allows); with --dask local, the number of Dask workers "
        "(default: in this process)",
    )
    p.add_argument(
        "--dask",
        metavar="ADDRESS|local",
        help="extract on a Dask cluster: a scheduler address such as tcp://10.0.0.5:8786 (its workers "
        "need newsgraph and the model installed), or local to start a cluster on this machine for this "
        "run; needs pip install -e '.[dask]'",
    )


def executor_from_args(args: argparse.Namespace, options: ExtractOptions) -> Executor:
    """The executor --workers/--dask ask for (ConfigError for a bad address: exit status 2)."""
    from ..execute import make_executor

    return make_executor(args.workers, args.dask, options)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ingest",
        help="add articles to a store, merging actors and events across them",
        description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or - for stdin")
    add_db(p)
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs without one")
    p.add_argument("--model", help="spaCy pipeline name or path (default: en_core_web_md)")
    p.add_argument("--force", action="store_true", help="extract stored articles again (after an upgrade)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, only errors and the summary")
    add_executor_options(p)
    p.set_defaults(func=run)


def open_cli_store(db: str | None, create: bool) -> Store | None:
    """The store, or None after printing why it cannot be opened."""
    try:
        return open_store(db, create=create)
    except StoreError as exc:
        print(f"newsgraph: error: {exc}", file=sys.stderr)
        return None


def summary(stats: IngestStats, store: Store) -> str:
    counts = store.counts()
    return (
        f"ingest: {stats.read} inputs in {stats.seconds:.1f}s: {stats.added} added, "
        f"{stats.replaced} replaced, {stats.unchanged} unchanged, {stats.failed} failed\n"
        f"store: {counts['documents']} documents, {counts['actors']} actors, {counts['events']} events "
        f"({counts['mentions']} reports), {counts['quotes']} quotes, {counts['failures']} failures recorded"
    )


def run(args: argparse.Namespace) -> int:
    # Imported here: the readers load trafilatura and feedparser, which the query commands do not need.
    from ..execute import ExtractOptions
    from ..read import iter_articles
    from ..store.ingest import ingest

    published = parse_published(args.published) if args.published else None
    # Built before the store opens, so a bad --dask address is refused before anything is written.
    executor = executor_from_args(args, ExtractOptions(model=args.model))
    store = open_cli_store(args.db, create=True)
    if store is None:
        return 1
    if not args.quiet:
        # Progress lines are INFO; without -v they would be swallowed on a non-terminal stderr.
        log.setLevel(logging.INFO)
    with store, executor:
        with Progress("ingest", enabled=not args.quiet) as progress:

            def on_item(origin: str, outcome: str, reason: str | None) -> None:
                if outcome == "failed":
                    print(f"newsgraph: {origin}: {reason}", file=sys.stderr)
                progress.step(failed=outcome == "failed")

            stats = ingest(
                iter_articles(args.paths, published),
                store,
                extract=executor,
                force=args.force,
                on_item=on_item,
            )
        print(summary(stats, store), file=sys.stderr)
    if stats.failed:
        target = f" --db {args.db}" if args.db else ""
        print(f"newsgraph: {stats.failed} inputs failed; see `newsgraph errors{target}`", file=sys.stderr)
    return 1 if stats.failed else 0
