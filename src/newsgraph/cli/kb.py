"""`newsgraph kb NAME`: who the actor knowledge base says a name is, on a given day.

An analyst reading `kb_id`, `country_source: kb` or `sector_source: kb` in an output can ask what the
knowledge base holds for the name, and check a file of their own actors before an extraction uses it.
The lookup is the one extraction makes (`newsgraph.kb.ActorKB.lookup`): full name forms first, then every
person whose name ends with it; which candidate an article links is decided with the text
(`stages/entities/kb_link.py`), so several candidates here may still be one link there.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path

from ..article import parse_published
from .options import add_command

HELP = """Look a name up in the actor knowledge base shipped with newsgraph (and a file of your own actors,
--actors): every candidate with its id, type, gender, the country, sector and role it held on the day
asked (--on; without it, its latest), whether it held them that day, how the name matched (a whole name
form, or a surname) and which source it comes from (user, curated, notable, phoenix).

NAME may also be an id an output gives (kb_id): the record that holds it now answers, also when a
higher source replaced the record an earlier version linked ("phx:NETFLIX" is now "ntb:NETFLIX"); each
record says the ids it replaces.

Exit status 0 when some actor answers to the name, 1 when none does.

examples:
  newsgraph kb "Monica Seles"
  newsgraph kb Assad --on 2013-05-01
  newsgraph kb "Adjo Mensah" --actors my_actors.tsv --json
  newsgraph kb phx:NETFLIX"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(subparsers, "kb", "who the actor knowledge base says a name is", HELP)
    p.add_argument("name", help="a name as an article writes it (a full name, a surname, a body's name)")
    p.add_argument(
        "--on", metavar="YYYY-MM-DD", help="the day asked about (default: each actor's latest role)"
    )
    p.add_argument("--actors", metavar="FILE", help="your own actors file, read over the shipped ones")
    p.add_argument("--json", action="store_true", help="one JSON object per candidate, a line each")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..kb import ActorKB, load_kb

    day = parse_published(args.on, "--on")
    kb = load_kb() if args.actors is None else ActorKB.load(extra=Path(args.actors))
    matches = kb.lookup(args.name, on=day)
    if not matches and _an_id(args.name):
        # An id from an output ("kb_id"), perhaps of an earlier version: the record that holds it now.
        matches = kb.lookup_id(args.name, on=day)
    if not matches:
        print(f"no actor in the knowledge base answers to {args.name!r}", file=sys.stderr)
        return 1
    for m in matches:
        role = m.role
        record = {
            "id": m.actor.id,
            "name": m.actor.name,
            "type": m.actor.type or None,
            "gender": m.actor.gender or None,
            "country": (role.country or None) if role else None,
            "sector": (role.sector or None) if role else None,
            "role": (role.role or None) if role else None,
            "start": (role.start or None) if role else None,
            "end": (role.end or None) if role else None,
            "held_that_day": m.current,
            "matched_by": m.how,
            "source": m.actor.source,
            "replaces": list(m.actor.shadows),
        }
        if args.json:
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(_line(record))
    return 0


def _an_id(text: str) -> bool:
    """A knowledge-base id as outputs give it ("phx:NETFLIX", "cur:BASHAR_AL_ASSAD")."""
    source, _, rest = text.partition(":")
    return bool(source) and source.isalpha() and bool(rest) and " " not in text


def _line(r: Mapping[str, object]) -> str:
    held = "" if r["held_that_day"] else " (not held that day: the nearest role)"
    dates = f" {r['start'] or '...'} to {r['end'] or '...'}" if r["start"] or r["end"] else ""
    what = ", ".join(str(r[k]) for k in ("country", "sector", "role") if r[k]) or "no country or sector"
    kind = "/".join(str(r[k]) for k in ("type", "gender") if r[k]) or "untyped"
    replaced = r["replaces"]
    replaces = (
        f"; replaces {', '.join(map(str, replaced))}" if isinstance(replaced, list) and replaced else ""
    )
    return (
        f"{r['id']}\t{r['name']} ({kind}): {what}{dates}{held}; by {r['matched_by']}, {r['source']}{replaces}"
    )
