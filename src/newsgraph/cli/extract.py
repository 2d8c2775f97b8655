"""`newsgraph extract`: articles to contract documents on standard output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from ..article import parse_published
from ..errors import NewsgraphError
from ..model import json_line
from .options import (
    actors_from_args,
    add_actors,
    add_command,
    add_event_model,
    add_executor_options,
    add_model,
    add_quiet,
    examples,
    executor_from_args,
)
from .progress import Progress, count_inputs, load_model, loader

HELP = """Extract the contract document (newsgraph.document/1) from each article.

PATH is a .txt file, an .html/.htm page, a .jsonl file of records
({"id", "text"|"html", "title", "url", "source", "published"}), a directory of such files, or -
for standard input. One input that holds one document (a .txt or .html file, or -) prints as a JSON
object; otherwise the output is JSON lines, one document per line (--format jsonl, the default), or
with --format json one JSON array of the documents, written as they come.
A document that cannot be read is reported on stderr with its path and the reason; the others are
still processed and the exit status is 1. The fields of the output are described in docs/contract.md
(JSON Schema: newsgraph/schema/document.schema.json)."""

EXAMPLES = examples(
    "newsgraph extract examples/article.txt --published 2024-03-12 > article.json",
    "newsgraph extract examples/page.html              # title, date and url from the page",
    "newsgraph extract examples/archive.jsonl examples/feeds/ > documents.jsonl",
    "cat examples/article.txt | newsgraph extract - --published 2024-03-12 --quote-parts",
)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        subparsers,
        "extract",
        "extract actors, relations, dates, quotes and events from articles",
        HELP,
        EXAMPLES,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", default=["-"], help="inputs (default: stdin)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for plain-text inputs")
    p.add_argument(
        "--format",
        choices=["json", "jsonl"],
        help="json: one object for one document, else one JSON array of the documents; "
        "jsonl: one document per line (default: json for one .txt/.html/- input, else jsonl)",
    )
    add_model(p)
    add_event_model(p)
    add_actors(p)
    p.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="leave out events whose confidence is below X (0-1): higher X, fewer and surer events",
    )
    p.add_argument(
        "--quote-parts",
        action="store_true",
        help='give a quote its cue interrupts ("A," she said, "B.") as two quotes, A and B, so that no quote '
        "text holds the cue (default: one quote from A to B, the whole utterance)",
    )
    p.add_argument("--indent", type=int, default=None, help="indent JSON output by N spaces (default: 1)")
    add_quiet(p)
    add_executor_options(p)
    p.set_defaults(func=run)


class DocumentWriter:
    """Documents to `out` as they come: JSON lines, one JSON object, or one JSON array written piece by
    piece ("[", the documents separated by ",", "]"), so memory stays flat however many there are."""

    def __init__(self, out: TextIO, fmt: str, indent: int | None, array: bool) -> None:
        self.out, self.fmt, self.indent = out, fmt, indent if indent is not None else 1
        self.array = array and fmt == "json"
        self.written = 0

    def __enter__(self) -> DocumentWriter:
        if self.array:
            self.out.write("[\n")
        return self

    def write(self, doc: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(json_line(doc) + "\n")
        else:
            text = json.dumps(doc, ensure_ascii=False, indent=self.indent)
            if self.array:
                text = ("," if self.written else "") + text
            self.out.write(text + "\n")
        self.written += 1
        self.out.flush()

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if self.array and kind is not BrokenPipeError:
            self.out.write("]\n")
            self.out.flush()


def run(args: argparse.Namespace) -> int:
    # Imported here: every command module is imported at start-up, and readers pull in trafilatura.
    from ..pipeline import ExtractOptions
    from ..read import iter_articles

    published = parse_published(args.published) if args.published else None
    options = ExtractOptions(
        model=args.model,
        min_confidence=args.min_confidence,
        quote_parts=args.quote_parts,
        event_model=args.event_model,
        actors=actors_from_args(args),
    )
    executor = executor_from_args(args, options)
    items = iter_articles(args.paths, published)
    single = len(args.paths) == 1 and (
        args.paths[0] == "-" or args.paths[0].lower().endswith((".txt", ".html", ".htm", ".text"))
    )
    fmt = args.format or ("json" if single else "jsonl")
    # One document: progress only on a terminal (the wait for the model); several: always, unless -q.
    show = not args.quiet and (not single or sys.stderr.isatty())
    progress = Progress("extract", enabled=show, total=1 if single else lambda: count_inputs(args.paths))
    writer = DocumentWriter(sys.stdout, fmt, args.indent, array=not single)
    with executor, progress, writer:
        load_model(progress, args.model, loader(executor))
        for result in executor.map(items):
            failed = isinstance(result, NewsgraphError)
            if isinstance(result, NewsgraphError):
                progress.say(result.render())
            else:
                writer.write(result.to_dict())
            progress.step(failed=failed)
    if not single and not args.quiet:
        print(progress.summary(), file=sys.stderr)
    return 1 if progress.failed else 0
