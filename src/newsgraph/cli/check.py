"""`newsgraph check`: is a claim stated by the sources, contradicted by them, or not in them?"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from ..errors import ConfigError, InputError, NewsgraphError
from ..model import json_line
from ..read.jsonl import json_error
from .options import add_command, add_model, add_quiet, examples
from .progress import Progress, load_model

if TYPE_CHECKING:
    from ..check import CheckResult, VerdictModel
    from ..pipeline import Pipeline

HELP = """Check claims against source articles (contract: newsgraph.check/1).

Each claim text is split into atomic claims, read like the sources (one actor under its several names),
aligned with the source sentences about the same actors and event, and compared. Each gets
`contradicted` when an aligned source statement about the same thing is incompatible (another amount,
date, title, actor in the same role, a role swap, the negation, an antonym), else `not_in_sources` when
it states a name, amount or date the sources never mention, else `supported`; with a score, one reason
naming both sides and the source sentences (document id and offsets) it rests on. The overall verdict is
supported only when every claim is. The result's fields are described in docs/contract.md.

Sources are read like `newsgraph extract` inputs (.txt, .html, .jsonl, directories). The check is
structural (names, amounts, dates, events and their polarity, antonyms, word vectors): it runs offline
and explains itself, but it does not understand paraphrase the way a person does; read the evidence.
By default a verdict trained on the project's claim pairs weighs the same comparisons and may doubt a
claim the rules support; it never overrules a finding (models/claims/CARD.md). --verdict rules leaves
the verdict to the rules alone.
--format json (the default) prints each result as contract JSON, one line per claim text (--indent
for a single --claim); --format text prints one line per atomic claim: its verdict, the claim, the
reason and the evidence as doc:start-end "sentence".
Exit status: 0 when every claim text was checked, 1 when an input failed, 2 on a usage error, 3 when
the model cannot be loaded."""

EXAMPLES = examples(
    'newsgraph check --source examples/article.txt --claim "Forty people were injured in Aflao" '
    "--published 2024-03-12",
    "newsgraph check --source examples/article.txt --source examples/page.html "
    "--claims examples/claims.txt   # one claim text per line",
    "newsgraph check --source examples/article.txt --claims examples/claims.txt --format text "
    "--model en_core_web_sm",
    'newsgraph check --pairs examples/pairs.jsonl > results.jsonl   # records {"id", "doc", "summary"}',
)


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(subparsers, "check", "check claims against source articles", HELP, EXAMPLES)
    p.add_argument("--source", action="append", default=[], metavar="PATH", help="a source (repeatable)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--claim", metavar="TEXT", help="the claim text to check")
    what.add_argument("--claims", metavar="PATH", help="a text file: one claim text per line")
    what.add_argument("--pairs", metavar="PATH", help='JSONL records {"id", "doc", "summary"}')
    p.add_argument("--published", metavar="YYYY-MM-DD", help="date that anchors relative dates")
    p.add_argument(
        "--format",
        choices=["json", "text"],
        default="json",
        help="json: a contract JSON result per line (default); text: a line per claim: verdict, claim, "
        'reason, evidence as doc:start-end "text"',
    )
    p.add_argument("--indent", type=int, default=None, help="indent a single JSON result by N spaces")
    p.add_argument(
        "--verdict",
        choices=["rules", "learned"],
        default="learned",
        help="learned (default): the verdict trained on the project's claim pairs may doubt what the rules "
        "support (models/claims/CARD.md); rules: the contract's precedence over the comparisons alone",
    )
    add_model(p)
    add_quiet(p)
    p.set_defaults(func=run)


def text_lines(result: CheckResult) -> list[str]:
    """One line per atomic claim: `supported  Forty people were injured  (reason)  doc:12-80 "..."`."""
    lines = []
    for claim in result.claims:
        evidence = " ".join(f'{e.doc}:{e.start}-{e.end} "{" ".join(e.text.split())}"' for e in claim.evidence)
        where = f"{result.id}: " if result.id else ""
        fields = [claim.verdict, f"{where}{' '.join(claim.text.split())}", f"({claim.reason})"]
        lines.append("  ".join([*fields, evidence or "(no evidence)"]))
    return lines


def write_result(out: TextIO, result: CheckResult, fmt: str, indent: int | None = None) -> None:
    if fmt == "text":
        for line in text_lines(result):
            out.write(line + "\n")
    elif indent is not None:
        out.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=indent) + "\n")
    else:
        out.write(json_line(result.to_dict()) + "\n")
    out.flush()


def run(args: argparse.Namespace) -> int:
    from ..article import parse_published
    from ..check import build_checker, check_text, verdict_model
    from ..pipeline import ExtractOptions, get_pipeline

    if args.pairs and args.source:
        raise ConfigError("--source: --pairs records carry their own source ('doc'); leave --source out")
    if not args.pairs and not args.source:
        raise ConfigError("--source: no source given; pass --source PATH at least once")
    pipeline = get_pipeline(ExtractOptions(model=args.model))
    model = verdict_model(args.verdict)
    if args.pairs:
        return _pairs(Path(args.pairs), pipeline, args, model)
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
    with Progress("check", enabled=not args.quiet and sys.stderr.isatty()) as progress:
        load_model(progress, args.model, lambda: pipeline.nlp)
    checker = build_checker(articles, pipeline, model)
    if args.claim is not None:
        write_result(
            sys.stdout,
            check_text(checker, args.claim, published, pipeline=pipeline),
            args.format,
            args.indent,
        )
        return 1 if failures else 0
    path = Path(args.claims)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the claims file ({exc}); expected UTF-8 text") from exc
    for n, line in enumerate(lines, 1):
        if line.strip():
            try:
                result = check_text(checker, line, published, f"{path}:{n}", pipeline)
            except NewsgraphError as exc:
                failures += 1
                print(exc.render(), file=sys.stderr)
            else:
                write_result(sys.stdout, result, args.format)
    return 1 if failures else 0


def _records(path: Path, progress: Progress) -> list[dict[str, object]]:
    """The pairs file's records; a line that is not a JSON object is reported and counted as failed."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the pairs file ({exc}); expected UTF-8 JSON lines") from exc
    records = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            progress.say(f"newsgraph: {path}:{n}: not JSON ({json_error(exc)}); expected one record per line")
            progress.step(failed=True)
            continue
        if not isinstance(rec, dict):
            progress.say(f"newsgraph: {path}:{n}: expected a JSON object with id, doc, summary")
            progress.step(failed=True)
            continue
        records.append(rec)
    return records


def _pairs(
    path: Path, pipeline: Pipeline, args: argparse.Namespace, verdict_model: VerdictModel | None
) -> int:
    from ..check import check_pairs  # imported late, like every command

    progress = Progress("check", enabled=not args.quiet, unit="pairs", short="pair")
    with progress:
        records = _records(path, progress)
        progress.total = progress.done + len(records)
        if records:
            load_model(progress, args.model, lambda: pipeline.nlp)
        for result in check_pairs(records, pipeline, verdict_model):
            if isinstance(result, NewsgraphError):
                progress.say(result.render())
                progress.step(failed=True)
                continue
            write_result(sys.stdout, result, args.format)
            progress.step()
    if not args.quiet:
        print(progress.summary(), file=sys.stderr)
    return 1 if progress.failed else 0
