"""Where the package's data files come from: a typed reader of provenance.json, and its checker.

provenance.json is the source of truth (THIRD_PARTY.md is its human-readable companion): `files` maps a
path relative to the package, or a pattern whose `*` matches within one directory level, to the data's
source, version, licence (an SPDX id) and what built it (a script path or "hand-written"); `external`
lists what is built or installed beside the package (the gazetteer cache, the spaCy models). An exact path
wins over a pattern, and among patterns the first listed wins, so a derived file inside a directory of
hand-written ones (lexicons/countries.tsv among lexicons/*.tsv) gets its own entry.

Nothing is read at import time: `manifest()` reads the packaged file on first call.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fnmatch import fnmatchcase
from importlib import resources
from pathlib import Path

from .errors import ConfigError

SCHEMA = "newsgraph.provenance/1"
MANIFEST_NAME = "provenance.json"
_FIELDS = ("source", "version", "licence", "built_by")
#: Files under the package that are code or markers, not data: they need no provenance.
_NOT_DATA_SUFFIXES = (".py", ".pyc")
_NOT_DATA_NAMES = ("py.typed",)
_SKIP_DIRS = ("__pycache__",)


@dataclass(frozen=True)
class Entry:
    """One data file group: `key` is a package-relative path or pattern (or, for external data, a name)."""

    key: str
    source: str
    version: str
    licence: str
    built_by: str

    @property
    def is_pattern(self) -> bool:
        return any(c in self.key for c in "*?[")

    def matches(self, path: str) -> bool:
        """Whether package-relative POSIX `path` is covered: segment by segment, so `*` stops at '/'."""
        parts, pattern = path.split("/"), self.key.split("/")
        return len(parts) == len(pattern) and all(
            fnmatchcase(p, q) for p, q in zip(parts, pattern, strict=True)
        )


@dataclass(frozen=True)
class Manifest:
    files: tuple[Entry, ...]
    external: tuple[Entry, ...]

    def entry_for(self, path: str) -> Entry | None:
        """The entry that owns package-relative `path`: an exact path first, then the first pattern."""
        for entry in self.files:
            if not entry.is_pattern and entry.key == path:
                return entry
        for entry in self.files:
            if entry.is_pattern and entry.matches(path):
                return entry
        return None

    @property
    def licences(self) -> frozenset[str]:
        return frozenset(e.licence for e in (*self.files, *self.external))


def _entries(section: object, where: str) -> tuple[Entry, ...]:
    if not isinstance(section, Mapping):
        raise ConfigError(f"{where}: expected an object of entries, found {type(section).__name__}")
    entries = []
    for key, record in section.items():
        if not isinstance(record, Mapping) or not all(isinstance(record.get(f), str) for f in _FIELDS):
            raise ConfigError(
                f"{where}[{key!r}]: expected string fields {', '.join(_FIELDS)}, found {record!r}"
            )
        empty = [f for f in _FIELDS if not record[f].strip()]
        if empty:
            raise ConfigError(f"{where}[{key!r}]: empty {', '.join(empty)}; every field must say something")
        entries.append(Entry(str(key), *(record[f] for f in _FIELDS)))
    return tuple(entries)


def parse_manifest(data: object, origin: str = MANIFEST_NAME) -> Manifest:
    """A Manifest from the decoded JSON; ConfigError names what is wrong and where."""
    if not isinstance(data, Mapping) or data.get("schema") != SCHEMA:
        found = data.get("schema") if isinstance(data, Mapping) else type(data).__name__
        raise ConfigError(f"{origin}: expected an object with schema {SCHEMA!r}, found {found!r}")
    return Manifest(
        files=_entries(data.get("files"), f"{origin}: files"),
        external=_entries(data.get("external", {}), f"{origin}: external"),
    )


def load_manifest(path: Path) -> Manifest:
    """The manifest in file `path` (tests check copies of the package with it)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(
            f"{path}: cannot read the provenance manifest ({exc}); reinstall newsgraph"
        ) from exc
    return parse_manifest(data, str(path))


@functools.cache
def manifest() -> Manifest:
    """The manifest that ships with the installed package (read once per process)."""
    text = resources.files("newsgraph").joinpath(MANIFEST_NAME).read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"newsgraph/{MANIFEST_NAME} is not valid JSON ({exc}); reinstall newsgraph"
        ) from exc
    return parse_manifest(data, f"newsgraph/{MANIFEST_NAME}")


def package_root() -> Path:
    """The directory of the installed newsgraph package (an editable install's src/newsgraph)."""
    return Path(__file__).resolve().parent


def data_files(root: Path) -> list[str]:
    """Every data file under package directory `root`, package-relative with '/', sorted: all files but
    Python sources, bytecode, py.typed and anything in __pycache__."""
    found = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if not path.is_file() or any(part in _SKIP_DIRS for part in rel.parts):
            continue
        if path.suffix in _NOT_DATA_SUFFIXES or path.name in _NOT_DATA_NAMES:
            continue
        found.append(rel.as_posix())
    return sorted(found)


def check(root: Path, declared: Manifest, listed_licences: Iterable[str]) -> list[str]:
    """What is wrong between package directory `root`, its manifest and the licences THIRD_PARTY.md
    lists: a data file no entry covers, an entry that covers no file (a pattern shadowed by an earlier
    one counts, since it then describes nothing), a licence not listed. Empty when all is well."""
    problems = []
    files = data_files(root)
    owned: dict[str, list[str]] = {e.key: [] for e in declared.files}
    for path in files:
        entry = declared.entry_for(path)
        if entry is None:
            problems.append(f"{path}: no entry in {MANIFEST_NAME} covers this data file; add one")
        else:
            owned[entry.key].append(path)
    problems.extend(
        f"{MANIFEST_NAME}: files[{key!r}] covers no data file in the package; remove or fix it"
        for key, paths in owned.items()
        if not paths
    )
    listed = set(listed_licences)
    problems.extend(
        f"{MANIFEST_NAME}: {entry.key!r} names licence {entry.licence!r}, which THIRD_PARTY.md does not list"
        for entry in (*declared.files, *declared.external)
        if entry.licence not in listed
    )
    return problems
