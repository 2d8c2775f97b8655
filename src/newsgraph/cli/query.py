"""Query commands over a store: actors, actor, events, quotes, search, errors."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..store import Row, Store, open_store, parse_day
from .options import add_command, add_db, examples, positive_int
from .output import add_format, cell, visible, write_csv, write_rows, write_table

ACTOR_COLUMNS = ["id", "name", "type", "country", "sector", "documents", "mentions"]
EVENT_COLUMNS = [
    "id", "date", "type", "mode", "source", "target", "location", "num_sources", "num_mentions", "documents",
    "from",
]  # fmt: skip
QUOTE_COLUMNS = ["document", "from", "id", "speaker_name", "speaker_text", "cue", "start", "end", "text"]
SEARCH_COLUMNS = ["document", "from", "sentence", "start", "end", "text"]


def with_sources(store: Store, rows: list[Row]) -> list[Row]:
    """Rows with a `from` column naming their documents as a reader knows them (title, else file name):
    a text file's document id is a content hash."""
    ids = [i for r in rows for i in (r.get("documents") or [r.get("document")]) if i]
    labels = store.document_labels(ids)
    out = []
    for r in rows:
        docs = r.get("documents") or [r.get("document")]
        out.append(r | {"from": "; ".join(labels.get(d, d) for d in docs if d)})
    return out


def _common(p: argparse.ArgumentParser, limit: int = 100) -> None:
    add_db(p)
    add_format(p)
    p.add_argument("--limit", type=positive_int, default=limit, help=f"at most N rows (default: {limit})")


def _add(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help: str,
    description: str,
    *example: str,
) -> argparse.ArgumentParser:
    return add_command(subparsers, name, help, description, examples(*example))


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = _add(
        subparsers,
        "actors",
        "list canonical actors of a store",
        """List the canonical actors of a store (one per real-world actor, merged across articles), the
most documented first: id, name, type, country, sector, and how many documents and mentions.""",
        "newsgraph actors --db news.db",
        "newsgraph actors --country TGO --db news.db",
        'newsgraph actors --name "Mensah" --format csv --db news.db',
    )
    p.add_argument("--name", help="names or aliases containing this text")
    p.add_argument("--country", metavar="ISO3", help="actors of this country (ISO 3166 alpha-3, e.g. MLI)")
    _common(p)
    p.set_defaults(func=run_actors)

    p = _add(
        subparsers,
        "actor",
        "one actor: titles, aliases, relations, events, quotes",
        """Everything a store knows about one actor: its titles and aliases, its relations, the events it
took part in as source or target, and its quotes. X is an id or a name; when a name matches several
actors, the most documented is shown and the others are named on stderr. Exit status 1 when nothing
matches.""",
        'newsgraph actor "Adjo Mensah" --db news.db',
        'newsgraph actor "Kwame Asante-Boateng" --format json --db news.db',
    )
    p.add_argument("actor", metavar="X", help="an actor id or name")
    _common(p, limit=50)
    p.set_defaults(func=run_actor)

    p = _add(
        subparsers,
        "events",
        "list corpus events, each with its reporting documents",
        """List the events of a store, newest first. Events with the same type, actors and day reported by
several articles are one event, with the number of sources and mentions and the documents that report
it. Filters combine: an actor (source or target), a PLOVER type, a date range, a country.""",
        "newsgraph events --actor Togo --since 2024-03-10 --format csv --db news.db",
        "newsgraph events --type PROTEST --country GHA --db news.db",
        "newsgraph events --since 2024-03-01 --until 2024-03-31 --format json --db news.db",
    )
    p.add_argument("--actor", metavar="X", help="events with this actor (id or name) as source or target")
    p.add_argument("--type", metavar="T", help="a PLOVER event type, e.g. ASSAULT")
    p.add_argument("--since", metavar="YYYY-MM-DD", help="events on or after this day")
    p.add_argument("--until", metavar="YYYY-MM-DD", help="events on or before this day")
    p.add_argument("--country", metavar="ISO3", help="events with an actor or place of this country")
    _common(p)
    p.set_defaults(func=run_events)

    p = _add(
        subparsers,
        "quotes",
        "list quotations, by speaker or words",
        """List the quotations of a store, with their speaker and reporting cue, by speaker (an actor id
or name) and/or by the words they contain.""",
        'newsgraph quotes --speaker "Kwame Asante-Boateng" --search border --db news.db',
        "newsgraph quotes --search smuggling --format csv --db news.db",
    )
    p.add_argument("--speaker", metavar="X", help="an actor id or name")
    p.add_argument("--search", metavar="WORDS", help="quotes containing all these words")
    _common(p)
    p.set_defaults(func=run_quotes)

    p = _add(
        subparsers,
        "search",
        "full-text search over the sentences of a store",
        """Find the sentences of a store that contain the words (full-text search: SQLite FTS, or
PostgreSQL's own), with their document and offsets.""",
        'newsgraph search "border crossing" --db news.db',
        "newsgraph search sanctions --format csv --db news.db",
    )
    p.add_argument("words", nargs="+", metavar="WORD")
    _common(p)
    p.set_defaults(func=run_search)

    p = _add(
        subparsers,
        "errors",
        "list the inputs that failed to ingest, with the reason",
        """List the inputs that `newsgraph ingest` could not read or extract, with the reason and when;
an input that later succeeds leaves the list.""",
        "newsgraph errors --db news.db",
        "newsgraph errors --format csv --db news.db > failed.csv",
    )
    _common(p, limit=1000)
    p.set_defaults(func=run_errors)


def resolve_actor(store: Store, query: str) -> str | None:
    """The id of the actor a user means: the most documented match; others are named on stderr."""
    found = store.find_actors(query)
    if not found:
        print(
            f"newsgraph: no actor matches {query!r}; list them with `newsgraph actors --name ...`",
            file=sys.stderr,
        )
        return None
    if len(found) > 1:
        others = ", ".join(f"{a['name']} ({a['id']})" for a in found[1:6])
        print(f"newsgraph: {query!r} also matches {others}; give an id to choose", file=sys.stderr)
    return str(found[0]["id"])


def run_actors(args: argparse.Namespace) -> int:
    store = open_store(args.db, create=False)
    with store:
        rows = store.actors(name=args.name, country=args.country, limit=args.limit)
    write_rows(sys.stdout, rows, args.format, ACTOR_COLUMNS)
    return 0


def _write_actor(detail: dict[str, Any], fmt: str) -> None:
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(detail, ensure_ascii=False, indent=1) + "\n")
        return
    sections = [
        ("relations", ["subject", "predicate", "object", "documents", "mentions"]),
        ("events_as_source", EVENT_COLUMNS),
        ("events_as_target", EVENT_COLUMNS),
        ("quotes", QUOTE_COLUMNS),
    ]
    if fmt == "csv":
        # One CSV block per section, each after a `# name` line, so a reader can split them.
        out.write("# actor\n")
        write_csv(out, [detail], [*ACTOR_COLUMNS, "titles", "aliases"])
        for name, cols in sections:
            out.write(f"# {name}\n")
            write_csv(out, detail[name], cols)
        return

    # Names, titles and aliases come from documents: shown on one line each, control characters escaped.
    def show(value: Any) -> str:
        return visible(cell(value)) or "-"

    out.write(f"{show(detail['name'])}  [{detail['id']}]  {detail['type']}")
    out.write(f"  country={show(detail['country'])}  sector={show(detail['sector'])}\n")
    out.write(f"documents: {detail['documents']}, mentions: {detail['mentions']}\n")
    out.write(f"titles: {show(detail['titles'])}\naliases: {show(detail['aliases'])}\n")
    for name, cols in sections:
        out.write(f"\n{name.replace('_', ' ')}:\n")
        write_table(out, detail[name], cols)


def run_actor(args: argparse.Namespace) -> int:
    store = open_store(args.db, create=False)
    with store:
        actor_id = resolve_actor(store, args.actor)
        detail = store.actor(actor_id, limit=args.limit) if actor_id else None
    if detail is None:
        return 1
    _write_actor(detail, args.format)
    return 0


def run_events(args: argparse.Namespace) -> int:
    # Whole days only: "2024-03-10junk" is refused, not read as its first ten characters.
    since = parse_day(args.since, "--since") if args.since is not None else None
    until = parse_day(args.until, "--until") if args.until is not None else None
    store = open_store(args.db, create=False)
    with store:
        actor = resolve_actor(store, args.actor) if args.actor else None
        if args.actor and actor is None:
            return 1
        rows = with_sources(
            store, store.events(actor, args.type, since, until, args.country, limit=args.limit)
        )
    write_rows(sys.stdout, rows, args.format, EVENT_COLUMNS)
    return 0


def run_quotes(args: argparse.Namespace) -> int:
    store = open_store(args.db, create=False)
    with store:
        speaker = resolve_actor(store, args.speaker) if args.speaker else None
        if args.speaker and speaker is None:
            return 1
        rows = with_sources(store, store.quotes(speaker=speaker, search=args.search, limit=args.limit))
    write_rows(sys.stdout, rows, args.format, QUOTE_COLUMNS)
    return 0


def run_search(args: argparse.Namespace) -> int:
    store = open_store(args.db, create=False)
    with store:
        rows = with_sources(store, store.search(" ".join(args.words), limit=args.limit))
    write_rows(sys.stdout, rows, args.format, SEARCH_COLUMNS)
    return 0


def run_errors(args: argparse.Namespace) -> int:
    store = open_store(args.db, create=False)
    with store:
        rows = store.failures()[: args.limit]
    write_rows(sys.stdout, rows, args.format, ["origin", "reason", "at"])
    return 0
