"""`newsgraph extract`: articles to contract documents on standard output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from ..article import parse_published
from ..errors import NewsgraphError
from ..model import json_line
from .options import add_executor_options, examples, executor_from_args
from .progress import Progress

HELP = """Extract the contract document (newsgraph.document/1) from each article.

PATH is a .txt file, an .html/.htm page, a .jsonl file of records
({"id", "text"|"html", "title", "url", "source", "published"}), a directory of such files, or -
for standard input. One document prints as a JSON object; several print as JSON lines.
A document that cannot be read is reported on stderr with its path and the reason; the others are
still processed and the exit status is 1. The fields of the output are described in docs/contract.md
(JSON Schema: newsgraph/schema/document.schema.json)."""

EXAMPLES = examples(
    "newsgraph extract examples/article.txt --published 2024-03-12 > article.json",
    "newsgraph extract examples/page.html              # title, date and url from the page",
    "newsgraph extract examples/archive.jsonl examples/feeds/ > documents.jsonl",
    "cat examples/article.txt | newsgraph extract - --published 2024-03-12 --quote-parts",
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "extract",
        help="extract actors, relations, dates, quotes and events from articles",
        description=HELP,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", default=["-"], help="inputs (default: stdin)")
    p.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for plain-text inputs")
    p.add_argument("--format", choices=["json", "jsonl"], help="json: one object; jsonl: one per line")
    p.add_argument("--model", help="spaCy pipeline name or path (default: en_core_web_md)")
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
    p.add_argument("--indent", type=int, default=None, help="indent JSON output by N spaces")
    add_executor_options(p)
    p.set_defaults(func=run)


def write_document(out: TextIO, doc: dict, fmt: str, indent: int | None) -> None:
    if fmt == "jsonl":
        out.write(json_line(doc) + "\n")
    else:
        out.write(json.dumps(doc, ensure_ascii=False, indent=indent if indent is not None else 1) + "\n")
    out.flush()


def run(args: argparse.Namespace) -> int:
    # Imported here: every command module is imported at start-up, and readers pull in trafilatura.
    from ..pipeline import ExtractOptions
    from ..read import iter_articles

    published = parse_published(args.published) if args.published else None
    options = ExtractOptions(
        model=args.model, min_confidence=args.min_confidence, quote_parts=args.quote_parts
    )
    executor = executor_from_args(args, options)
    items = iter_articles(args.paths, published)
    single = len(args.paths) == 1 and (
        args.paths[0] == "-" or args.paths[0].lower().endswith((".txt", ".html", ".htm", ".text"))
    )
    fmt = args.format or ("json" if single else "jsonl")
    failures = 0
    with executor, Progress("extract", enabled=not single) as progress:
        for result in executor.map(items):
            if isinstance(result, NewsgraphError):
                failures += 1
                print(result.render(), file=sys.stderr)
            else:
                write_document(sys.stdout, result.to_dict(), fmt, args.indent)
            progress.step(failed=isinstance(result, NewsgraphError))
    return 1 if failures else 0
