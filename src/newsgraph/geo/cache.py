"""The gazetteer cache file: an SQLite database, data only (unlike a pickle, opening it runs no code).

    meta(key, value)          format = newsgraph-gazetteer, version, content (the hash of what it was built
                              from: package versions and lexicon files), rows
    places(row, name, kind, country, admin1, lat, lon, population, geonameid)
    names(key, alt, pos, row) the name index: normalised name -> rows, in index order; alt = 1 for the
                              alternate-spelling index. Its primary key makes a lookup one B-tree search.
    tables(name, value)       the small maps (neighbours, state_forms, states, countries) as JSON

A file is trusted only when it opens read-only as SQLite and its meta rows say it is this format, this
version and this content; anything else is treated as absent (and rebuilt beside it, never deleted). The
file is written under a temporary name and renamed into place, so no process reads a half-written one.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from .place import FIELDS

FORMAT = "newsgraph-gazetteer"
VERSION = "1"
#: The small maps of the index, kept whole (a few hundred entries each).
TABLES = ("neighbours", "state_forms", "states", "countries")

_SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (row INTEGER PRIMARY KEY, {", ".join(FIELDS)});
CREATE TABLE names (
    key TEXT NOT NULL, alt INTEGER NOT NULL, pos INTEGER NOT NULL, row INTEGER NOT NULL,
    PRIMARY KEY (key, alt, pos)
) WITHOUT ROWID;
CREATE TABLE tables (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def write(path: Path, data: dict[str, Any], content: str) -> None:
    """Write the index `data` (geo/build.py's dict) to `path` atomically. OSError and sqlite3.Error pass
    through; the temporary file is removed on failure."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            # A private temporary file, renamed only once complete: no journal needed while writing it.
            conn.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
            cols = data["columns"]
            conn.executemany(
                f"INSERT INTO places VALUES (?, {', '.join('?' for _ in FIELDS)})",
                zip(range(len(cols["name"])), *(cols[f] for f in FIELDS), strict=True),
            )
            for alt, index in ((0, data["index"]), (1, data["alt_index"])):
                conn.executemany(
                    "INSERT INTO names VALUES (?, ?, ?, ?)",
                    ((key, alt, pos, row) for key, rows in index.items() for pos, row in enumerate(rows)),
                )
            conn.executemany("INSERT INTO tables VALUES (?, ?)", ((t, json.dumps(data[t])) for t in TABLES))
            meta = {"format": FORMAT, "version": VERSION, "content": content, "rows": str(len(cols["name"]))}
            conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection (it can never change the file). Shared by the threads of one process
    (Dask runs stages in threads): the caller holds a lock around each query."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _meta(conn: sqlite3.Connection) -> dict[str, str]:
    return dict(conn.execute("SELECT key, value FROM meta").fetchall())


def open_checked(path: Path, content: str) -> tuple[sqlite3.Connection, dict[str, Any]] | None:
    """A connection to the cache file and its small maps, or None when the file is absent, is not SQLite,
    or is not a gazetteer of this format, version and content (then it is not trusted, only ignored)."""
    if not path.is_file():
        return None
    try:
        conn = connect(path)
    except sqlite3.Error:
        return None
    try:
        meta = _meta(conn)
        expected = {"format": FORMAT, "version": VERSION, "content": content}
        if any(meta.get(k) != v for k, v in expected.items()):
            raise sqlite3.DatabaseError("not this gazetteer")
        (rows,) = conn.execute("SELECT max(row) + 1 FROM places").fetchone()
        if str(rows) != meta.get("rows"):
            raise sqlite3.DatabaseError("places table does not match its meta row")
        tables = {name: json.loads(value) for name, value in conn.execute("SELECT name, value FROM tables")}
        small = {t: tables[t] for t in TABLES}
    except (sqlite3.Error, ValueError, KeyError):
        conn.close()
        return None
    small["neighbours"] = {k: tuple(v) for k, v in small["neighbours"].items()}
    return conn, small


def is_ours(path: Path) -> bool:
    """Whether `path` is a gazetteer cache this code wrote (of any version or content): the only kind of
    file the loader ever deletes."""
    try:
        conn = connect(path)
    except sqlite3.Error:
        return False
    try:
        return _meta(conn).get("format") == FORMAT
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def prune(keep: Path) -> None:
    """Delete the older gazetteer caches beside `keep` (built from other packages or lexicons). Only
    `gazetteer-*.sqlite` files whose meta row says they are ours; a planted or foreign file stays."""
    for old in keep.parent.glob("gazetteer-*.sqlite"):
        if old.name != keep.name and old.is_file() and not old.is_symlink() and is_ours(old):
            with contextlib.suppress(OSError):
                old.unlink()
