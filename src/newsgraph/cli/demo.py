"""`newsgraph demo`: run on the sample articles that ship with newsgraph and show what came out."""

from __future__ import annotations

import argparse
import sys
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import json_line
from .options import add_command, add_model, add_quiet, examples
from .progress import Progress, count_inputs, load_model

if TYPE_CHECKING:
    from ..model import Document


DESCRIPTION = """Extract the sample articles that ship inside the package (newsgraph/samples/samples.jsonl,
src/newsgraph/samples/ in the repository) and print, for each, the actors, relations, quotes and events
found; with --json, their contract documents as JSON lines. A quick check that the installation and its
spaCy model work."""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        subparsers,
        "demo",
        "run on the built-in sample articles and print a summary",
        DESCRIPTION,
        examples(
            "newsgraph demo",
            "newsgraph demo --json > samples.jsonl",
            "newsgraph demo --model en_core_web_sm     # another installed spaCy pipeline",
        ),
    )
    p.add_argument("--json", action="store_true", help="print the contract documents as JSON lines instead")
    add_model(p)
    add_quiet(p)
    p.set_defaults(func=run)


def summary(doc: Document) -> str:
    name = {e.id: e.name for e in doc.entities}
    lines = [f"== {doc.title or doc.id} ({doc.published or 'no date'})"]
    lines.append(
        f"   {len(doc.entities)} entities, {len(doc.relations)} relations, {len(doc.timexes)} "
        f"time expressions, {len(doc.quotes)} quotes, {len(doc.events)} events"
    )
    for e in doc.entities:
        if e.type in ("PERSON", "ORG"):
            extra = ", ".join(filter(None, [e.country, e.sector, "; ".join(e.titles)]))
            lines.append(f"   actor  {e.name} [{e.type}] {extra}")
    for r in doc.relations:
        lines.append(f"   rel    {name[r.subject]} {r.predicate} {name[r.object]}")
    for q in doc.quotes:
        lines.append(f"   quote  {q.speaker_text or '?'}: {q.text[:70]}")
    for v in doc.events:
        src = "+".join(name[s] for s in v.source) or "?"
        tgt = "+".join(name[t] for t in v.target) or "?"
        lines.append(f"   event  {v.type} {src} -> {tgt} {v.date or ''} ({v.modality})")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from ..api import extract_articles
    from ..pipeline import ExtractOptions, get_pipeline
    from ..read import read_path

    samples = resources.files("newsgraph").joinpath("samples")
    paths = sorted(Path(str(p)) for p in samples.iterdir() if p.name.endswith(".jsonl"))
    options = ExtractOptions(model=args.model)
    progress = Progress("demo", enabled=not args.quiet, total=lambda: count_inputs(map(str, paths)))
    with progress:
        load_model(progress, args.model, lambda: get_pipeline(options).nlp)
        for path in paths:
            for result in extract_articles(read_path(path), options):
                if isinstance(result, Exception):
                    progress.say(result.render())
                elif args.json:
                    print(json_line(result.to_dict()), flush=True)
                else:
                    print(summary(result), flush=True)
                progress.step(failed=isinstance(result, Exception))
    if not args.quiet:
        print(progress.summary("sample articles"), file=sys.stderr)
    return 1 if progress.failed else 0
