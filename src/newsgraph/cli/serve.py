"""`newsgraph serve`: the explorer (a REST API and a web page) over a store, read-only."""

from __future__ import annotations

import argparse
import os
import sys

from ..errors import ConfigError
from ..serve.cache import DEFAULT_ENTRIES
from .options import add_command, add_db, examples, non_negative_int, positive_int

HELP = """Serve a store in the browser: search, actor pages with their network, timeline and quotes, an
event list with filters, a document reader with every annotation highlighted, a map of places and a
claim check; and the same as a JSON API (/api/..., described at /openapi.json, docs at /docs).

Read-only: nothing is written to the store. It listens on 127.0.0.1 (this machine only) unless --host
says otherwise; every page and answer is served by this process, with no request to the internet."""

EXAMPLES = examples(
    "newsgraph serve --db news.db                     # http://127.0.0.1:8000/",
    "newsgraph serve --db news.db --port 8080 --workers 2",
    "newsgraph serve --db news.db --cache 0           # recompute every answer",
    "newsgraph serve --db postgresql://reader@dbhost/news --host 0.0.0.0   # open to the network",
)


def port_number(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        n = -1
    if not 0 < n < 65536:
        raise argparse.ArgumentTypeError(f"{value!r} is not a port number (1-65535)")
    return n


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(
        subparsers, "serve", "explore a store in the browser (REST API and web page)", HELP, EXAMPLES
    )
    add_db(p)
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)"
    )
    p.add_argument("--port", type=port_number, default=8000, help="port to listen on (default: 8000)")
    p.add_argument(
        "--workers",
        type=positive_int,
        default=1,
        metavar="N",
        help="answer in N processes (default 1; one per core serves many clients faster)",
    )
    p.add_argument(
        "--cache",
        type=non_negative_int,
        default=DEFAULT_ENTRIES,
        metavar="N",
        help=f"keep up to N answers per process while the store is unchanged (default {DEFAULT_ENTRIES}; "
        "0 turns it off)",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ..serve import create_app

    app = create_app(args.db, args.cache)  # opens the store once: a wrong --db fails here, before listening
    try:
        import uvicorn
    except ImportError as exc:
        raise ConfigError("newsgraph serve needs uvicorn: pip install 'newsgraph[serve]'") from exc
    where = f"http://{args.host}:{args.port}/"
    print(f"newsgraph: serving {args.db or 'the default store'} at {where} (Ctrl-C stops)", file=sys.stderr)
    if args.workers == 1:
        uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
        return 0
    # Several processes: uvicorn imports the app in each worker, which opens the store itself.
    from ..serve.app import CACHE_ENV, STORE_ENV

    os.environ[STORE_ENV] = args.db or ""
    os.environ[CACHE_ENV] = str(args.cache)
    uvicorn.run(
        "newsgraph.serve.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
    )
    return 0
