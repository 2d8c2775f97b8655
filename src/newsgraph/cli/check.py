"""`newsgraph check`: is a claim stated by the sources, contradicted by them, or not in them?"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import ConfigError, InputError, NewsgraphError
from ..model import json_line
from .options import examples

HELP = """Check claims against source articles (contract: newsgraph.check/1).

Each claim text is split into atomic claims. Each gets `supported` (the sources state it),
`contradicted` (the sources state another number, date, name, or the negation) or `not_in_sources`,
with a score, a reason and the source sentences (document id and offsets) it rests on. The overall
verdict is supported only when every claim is. The result's fields are described in docs/contract.md.

Sources are read like `newsgraph extract` inputs (.txt, .html, .jsonl, directories). The check is
lexical and structural (names, numbers, dates, negation, antonyms, word vectors): it runs offline and
explains itself, but it does not understand paraphrase the way a person does; read the evidence.
Exit status: 0 when every claim text was checked, 1 when an input failed, 2 on a usage error, 3 when
the model cannot be loaded."""

EXAMPLES = examples(
    'newsgraph check --source examples/article.txt --claim "Forty people were injured in Aflao" '
    "--published 2024-03-12",
    "newsgraph check --source examples/article.txt --source examples/page.html "
    "--claims examples/claims.txt   # one claim text per line",
    'newsgraph check --pairs examples/pairs.jsonl > results.jsonl   # records {"id", "doc", "summary"}',
)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "check",
        help="check claims against source articles",
        description=HELP,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--source", action="append", default=[], metavar="PATH", help="a source (repeatable)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--claim", metavar="TEXT", help="the claim text to check")
    what.add_argument("--claims", metavar="PATH", help="a text file: one claim text per line")
    what.add_argument("--pairs", metavar="PATH", help='JSONL records {"id", "doc", "summary"}')
    p.add_argument("--published", metavar="YYYY-MM-DD", help="date that anchors relative dates")
    p.add_argument("--indent", type=int, default=None, help="indent a single JSON result by N spaces")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..article import parse_published
    from ..check import build_checker, check_text

    if args.pairs:
        if args.source:
            raise ConfigError("--source: --pairs records carry their own source ('doc'); leave --source out")
        return _pairs(Path(args.pairs))
    if not args.source:
        raise ConfigError("--source: no source given; pass --source PATH at least once")
    from ..read import iter_articles

    published = parse_published(args.published) if args.published else None
    articles, failures = [], 0
    for item in iter_articles(args.source, published):
        if isinstance(item, NewsgraphError):
            failures += 1
            print(item.render(), file=sys.stderr)
        else:
            articles.append(item)
    if not articles:
        raise InputError(", ".join(args.source), "no source could be read; nothing to check against")
    checker = build_checker(articles)
    if args.claim is not None:
        result = check_text(checker, args.claim, published)
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=args.indent))
        return 1 if failures else 0
    path = Path(args.claims)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the claims file ({exc}); expected UTF-8 text") from exc
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                print(json_line(check_text(checker, line, published, f"{path}:{n}").to_dict()), flush=True)
            except NewsgraphError as exc:
                failures += 1
                print(exc.render(), file=sys.stderr)
    return 1 if failures else 0


def _pairs(path: Path) -> int:
    from ..check import check_pairs  # imported late, like every command: start-up stays cheap

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the pairs file ({exc}); expected UTF-8 JSON lines") from exc
    records, failures = [], 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            failures += 1
            print(
                f"newsgraph: {path}:{n}: not JSON ({exc.msg}); expected one record per line", file=sys.stderr
            )
            continue
        if not isinstance(rec, dict):
            failures += 1
            print(f"newsgraph: {path}:{n}: expected a JSON object with id, doc, summary", file=sys.stderr)
            continue
        records.append(rec)
    for result in check_pairs(records):
        if isinstance(result, NewsgraphError):
            failures += 1
            print(result.render(), file=sys.stderr)
        else:
            print(json_line(result.to_dict()), flush=True)
    return 1 if failures else 0
