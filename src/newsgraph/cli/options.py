"""Options and helpers the commands share: the store (--db), the model, the executor (--workers,
--dask)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..store import default_target

if TYPE_CHECKING:
    from ..execute import Executor
    from ..pipeline import ExtractOptions


def add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="PATH|URL",
        default=None,
        help="the store: an SQLite file path or a postgresql://user:password@host/dbname URL "
        f"(default: $NEWSGRAPH_DB or {default_target()})",
    )


def _whole_number(value: str, least: int) -> int:
    try:
        n = int(value)
    except ValueError:
        n = least - 1
    if n < least:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of {least} or more")
    return n


def positive_int(value: str) -> int:
    return _whole_number(value, 1)


def non_negative_int(value: str) -> int:
    return _whole_number(value, 0)


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


def add_model(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", help="spaCy pipeline name or path (default: en_core_web_md)")


def add_event_model(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--event-model",
        action="store_true",
        help="let the learned event classifier (models/events/CARD.md) also retype rule events and add its "
        "own everywhere: more events found on held-out news, worse on the PLOVER examples the rules were "
        "written on (default: the rule coder's events, scored by the classifier, which also codes the "
        "sentences the rules leave empty)",
    )


def add_actors(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--actors",
        metavar="FILE",
        help="your own actors (a tab-separated file: id, name, aliases, type, country, sector, role, start, "
        "end ...; format in newsgraph/kb/README.md), read over the shipped knowledge base: its entries win "
        "over the shipped ones for the country, sector and id of the people and bodies an article names",
    )


def actors_from_args(args: argparse.Namespace) -> str | None:
    """The --actors file, checked whole before any article is read (KBFileError names line and field)."""
    if args.actors is None:
        return None
    from pathlib import Path

    from ..kb import ActorKB

    ActorKB.check_file(Path(args.actors))
    return str(args.actors)


def add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress lines and no summary on stderr, only errors",
    )


def add_verbose(p: argparse.ArgumentParser) -> None:
    """-v/--verbose on a sub-command too (`newsgraph extract -v ...`). SUPPRESS leaves the attribute unset
    when the flag is not given here, so it does not overwrite a -v given before the sub-command."""
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="log progress details to stderr",
    )


def add_command(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    help: str,
    description: str,
    epilog: str | None = None,
) -> argparse.ArgumentParser:
    """A command's parser; its description and examples keep the line breaks they are written with."""
    return subparsers.add_parser(
        name,
        help=help,
        description=description,
        epilog=epilog,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def examples(*commands: str) -> str:
    """An `examples:` epilog: one command per line, run from the repository root (the paths are in
    examples/); a `  # note` after a command is kept."""
    return "examples:\n" + "\n".join(f"  {c}" for c in commands)
