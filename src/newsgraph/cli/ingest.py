"""`newsgraph ingest`: articles into a store, actors merged and events deduplicated across them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ..article import Article, parse_published
from ..errors import NewsgraphError
from ..store import Store, open_store
from .options import (
    actors_from_args,
    add_actors,
    add_command,
    add_db,
    add_event_model,
    add_executor_options,
    add_model,
    examples,
    executor_from_args,
)
from .progress import Progress, count_inputs, load_model, loader

if TYPE_CHECKING:
    from ..ingest import IngestStats
    from ..model import Document

HELP = """Read articles, extract them, and add them to a store (an SQLite file by default).

PATH is a .txt file, an .html page, a .jsonl file of records, an RSS/Atom feed (.xml, .rss, .atom),
a directory of such files (recursive), or - for standard input.

Running it again is safe: articles already stored with the same content are skipped, an article whose
id or url is stored with other content is replaced, and an interrupted run resumes where it stopped.
Inputs that fail are reported, recorded in the store (see `newsgraph errors`) and the rest go on;
the exit status is then 1."""

EXAMPLES = examples(
    "newsgraph ingest examples/feeds/ examples/archive.jsonl --db news.db",
    "newsgraph ingest examples/article.txt --published 2024-03-12 --db news.db   # a text has no date",
    "newsgraph ingest examples/archive.jsonl --workers 2 --db news.db",
    "newsgraph ingest examples/archive.jsonl --db postgresql://localhost/news",
)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        subparsers, "ingest", "add articles to a store, merging actors and events across them", HELP, EXAMPLES
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories or - for stdin")
    add_db(p)
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for inputs without one")
    add_model(p)
    add_event_model(p)
    add_actors(p)
    p.add_argument("--force", action="store_true", help="extract stored articles again (after an upgrade)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, only errors and the summary")
    add_executor_options(p)
    p.set_defaults(func=run)


def summary(stats: IngestStats, store: Store, timing: str) -> str:
    counts = store.counts()
    return (
        f"ingest: {stats.read} inputs in {stats.seconds:.1f} s ({timing}): {stats.added} added, "
        f"{stats.replaced} replaced, {stats.unchanged} unchanged, {stats.failed} failed\n"
        f"store: {counts['documents']} documents, {counts['actors']} actors, {counts['events']} events "
        f"({counts['mentions']} reports), {counts['quotes']} quotes, {counts['failures']} failures recorded"
    )


def run(args: argparse.Namespace) -> int:
    # Imported here: the readers load trafilatura and feedparser, which the query commands do not need.
    from ..ingest import ingest
    from ..pipeline import ExtractOptions
    from ..read import iter_articles

    published = parse_published(args.published) if args.published else None
    # Built before the store opens, so a bad --dask address is refused before anything is written.
    executor = executor_from_args(
        args, ExtractOptions(model=args.model, event_model=args.event_model, actors=actors_from_args(args))
    )
    store = open_store(args.db, create=True)
    with store, executor:
        progress = Progress("ingest", enabled=not args.quiet, total=lambda: count_inputs(args.paths))
        with progress:

            def on_item(origin: str, outcome: str, reason: str | None) -> None:
                if outcome == "failed":
                    progress.say(f"newsgraph: {origin}: {reason}")
                progress.step(failed=outcome == "failed")

            def extract(items: Iterable[Article | NewsgraphError]) -> Iterator[Document | NewsgraphError]:
                # Called only when some article is new or changed: a re-run with nothing new loads no model.
                load_model(progress, args.model, loader(executor))
                return executor.map(items)

            stats = ingest(
                iter_articles(args.paths, published),
                store,
                extract=extract,
                force=args.force,
                on_item=on_item,
            )
        print(summary(stats, store, progress.timing()), file=sys.stderr)
    if stats.failed:
        target = f" --db {args.db}" if args.db else ""
        print(f"newsgraph: {stats.failed} inputs failed; see `newsgraph errors{target}`", file=sys.stderr)
    return 1 if stats.failed else 0
