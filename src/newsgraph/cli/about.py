"""`newsgraph about`: the versions, models and data this installation runs with, and their licences.

Answers "what exactly produced this output, and under which terms?" without loading anything heavy: the
versions come from installed package metadata (the spaCy model is never loaded), the gazetteer cache is
only looked for, and the data sources come from the packaged provenance manifest.
"""

from __future__ import annotations

import argparse
import json
import platform
from importlib import metadata
from typing import TYPE_CHECKING, Any

from .. import __version__
from .options import add_command

if TYPE_CHECKING:
    from ..provenance import Entry

HELP = """Print the versions of newsgraph, Python, spaCy and the spaCy models, where the place
gazetteer cache is, and where each group of data files comes from and under which licence.

Nothing is loaded to find out: versions come from the installed packages' metadata. The licences are
SPDX ids; THIRD_PARTY.md in the newsgraph repository says what each asks, e.g.
crediting GeoNames (CC-BY-4.0) when redistributing place data.

examples:
  newsgraph about                 a readable report
  newsgraph about --json          the same as one JSON object, to keep beside a run's output"""


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = add_command(subparsers, "about", "versions, models, data sources and their licences", HELP)
    p.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    p.set_defaults(func=run)


def _installed(*distributions: str) -> tuple[str, str] | None:
    """(name as published, version) of the first of `distributions` that is installed, else None."""
    for name in distributions:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        return dist.metadata["Name"] or name, dist.version
    return None


def _models() -> list[dict[str, Any]]:
    # The loader maps each official model name to the offline re-upload it installs from; either may be
    # what is installed. Its table is the one place that knows the pairs.
    from ..nlp.loader import DEFAULT_MODEL, OFFLINE_PACKAGES

    models = []
    for name, package in sorted(OFFLINE_PACKAGES.items()):
        found = _installed(package, name)
        models.append(
            {
                "name": name,
                "default": name == DEFAULT_MODEL,
                "package": found[0] if found else None,
                "version": found[1] if found else None,
            }
        )
    return models


def _gazetteer_cache() -> dict[str, Any]:
    # The cache file's name hashes the GeoNames package versions and the place lexicons, so finding the
    # path is cheap (no build, no unpickling) and says whether this installation's cache exists.
    from ..geo.gazetteer import _cache_path

    try:
        path = _cache_path()
    except (OSError, metadata.PackageNotFoundError) as exc:
        return {"path": None, "built": False, "error": str(exc)}
    built = path.is_file()
    return {"path": str(path), "built": built, "bytes": path.stat().st_size if built else None}


def _entries(kind: str, entries: tuple[Entry, ...]) -> list[dict[str, str]]:
    return [
        {kind: e.key, "source": e.source, "version": e.version, "licence": e.licence, "built_by": e.built_by}
        for e in entries
    ]


def report() -> dict[str, Any]:
    """Everything `about` prints, as one JSON-ready dictionary."""
    from ..provenance import manifest

    man = manifest()
    return {
        "newsgraph": __version__,
        "python": f"{platform.python_version()} ({platform.python_implementation()})",
        "platform": platform.platform(terse=True),
        "spacy": (_installed("spacy") or (None, None))[1],
        "models": _models(),
        "gazetteer_cache": _gazetteer_cache(),
        "data": _entries("file", man.files),
        "external": _entries("external", man.external),
    }


def _text(info: dict[str, Any]) -> str:
    lines = [
        f"newsgraph {info['newsgraph']}  (MIT; see LICENSE and THIRD_PARTY.md)",
        f"python    {info['python']} on {info['platform']}",
        f"spacy     {info['spacy'] or 'not installed'}",
        "",
        "models (installed packages; not loaded):",
    ]
    for m in info["models"]:
        version = f"{m['package']} {m['version']}" if m["version"] else "not installed"
        lines.append(f"  {m['name'] + (' (default)' if m['default'] else ''):<26}{version}")
    cache = info["gazetteer_cache"]
    if cache["path"] is None:
        state = f"unknown ({cache['error']})"
    elif cache["built"]:
        state = f"{cache['path']} ({cache['bytes'] / 1e6:.1f} MB)"
    else:
        state = f"{cache['path']} (not built yet: built on first use, about 7 s)"
    lines += ["", f"gazetteer cache: {state}", "", "data files in the package (provenance.json):"]
    lines += _entry_lines(info["data"], "file")
    lines += ["", "data built or installed beside it:"]
    lines += _entry_lines(info["external"], "external")
    return "\n".join(lines)


def _entry_lines(entries: list[dict[str, str]], kind: str) -> list[str]:
    """Two lines an entry: what and its terms, then where it came from."""
    return [
        line
        for e in entries
        for line in (
            f"  {e[kind]}: {e['licence']}; {e['version']}; {e['built_by']}",
            f"      {e['source']}",
        )
    ]


def run(args: argparse.Namespace) -> int:
    info = report()
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        print(_text(info))
    return 0
