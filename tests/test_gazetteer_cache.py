"""The gazetteer cache is data, not code (issue 12): an SQLite file, opened read-only and trusted only
when its meta row says it is this format and content; planted files are ignored and left where they are,
and only older caches this code wrote are deleted. Built once per module (a few seconds), no model."""

from __future__ import annotations

import os
import pickle
import random
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newsgraph.geo.gazetteer  # noqa: F401 - the module, not the function newsgraph.geo re-exports
from newsgraph.geo import build, cache
from newsgraph.geo.place import name_key

gz = sys.modules["newsgraph.geo.gazetteer"]


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    return build.build_index()


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: dict[str, Any]) -> Iterator[Path]:
    """An empty cache folder (but for a file of someone else's); a build returns the module's index."""
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path))
    monkeypatch.setattr(build, "build_index", lambda: data)
    tmp_path.joinpath("notes.txt").write_text("not ours")
    yield tmp_path
    assert tmp_path.joinpath("notes.txt").read_text() == "not ours"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, data: dict[str, Any]) -> Path:
    """One cache file written for the module, copied where a test needs one (writing takes seconds)."""
    path = tmp_path_factory.mktemp("built") / "gazetteer.sqlite"
    cache.write(path, data, gz._content_key())
    return path


@pytest.fixture
def cached(folder: Path, built: Path) -> Path:
    """The folder with this installation's cache file in it."""
    shutil.copyfile(built, gz._cache_path())
    return folder


def open_fresh() -> Any:
    return gz.gazetteer.__wrapped__()  # bypass the per-process cache: each call opens or builds


def test_cache_round_trips_with_the_same_places(folder: Path, data: dict[str, Any]) -> None:
    first = open_fresh()
    path = gz._cache_path()
    assert path.parent == folder and path.suffix == ".sqlite" and path.is_file()
    again = open_fresh()
    assert isinstance(again, gz.SQLiteGazetteer)
    memory = gz.Gazetteer(data)
    rnd = random.Random(12)
    names = rnd.sample(sorted(data["index"]), 300) + rnd.sample(sorted(data["alt_index"]), 100)
    names += ["Paris", "St. Paul", "Minn.", "Georgia", "nowhere-at-all", ""]
    for name in names:
        assert again.lookup(name) == memory.lookup(name), name
        assert (name in again) == (name in memory), name
    for g in (first, again):
        assert g.neighbours == memory.neighbours and g.state_forms == memory.state_forms
        assert g.state("MN") == memory.state("MN") and g.country("KEN") == memory.country("KEN")


def test_meta_row_names_format_version_and_content(cached: Path) -> None:
    path = gz._cache_path()
    with sqlite3.connect(path) as conn:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert meta["format"] == cache.FORMAT and meta["version"] == cache.VERSION
    assert meta["content"] == gz._content_key() and path.name.startswith(f"gazetteer-{meta['content'][:16]}")


class _Payload:
    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return (os.system, ("touch PWNED",))


def test_planted_pickle_and_bogus_sqlite_are_ignored_and_left(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    key = gz._content_key()[:16]
    planted = folder / f"gazetteer-{key}.pickle"  # the old cache's exact name
    planted.write_bytes(pickle.dumps(_Payload()))
    bogus = folder / "gazetteer-0000000000000000.sqlite"
    bogus.write_bytes(b"not a database at all" * 50)
    foreign = folder / "gazetteer-1111111111111111.sqlite"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        conn.execute("INSERT INTO meta VALUES ('format', 'someone-else')")
    conn.close()
    g = open_fresh()
    assert g.lookup("Nairobi")
    assert not (folder / "PWNED").exists(), "the planted pickle was loaded"
    for path in (planted, bogus, foreign):
        assert path.exists(), f"{path.name} was deleted"
    assert bogus.read_bytes().startswith(b"not a database")


@pytest.mark.parametrize("damage", ["garbage", "wrong content", "wrong version", "rows missing"])
def test_a_cache_that_does_not_check_out_is_rebuilt_never_trusted(cached: Path, damage: str) -> None:
    path = gz._cache_path()
    if damage == "garbage":
        path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    else:
        with sqlite3.connect(path) as conn:
            if damage == "wrong content":
                conn.execute("UPDATE meta SET value = 'x' WHERE key = 'content'")
            elif damage == "wrong version":
                conn.execute("UPDATE meta SET value = '0' WHERE key = 'version'")
            else:
                conn.execute("DELETE FROM places WHERE row > 10")
        conn.close()
    assert cache.open_checked(path, gz._content_key()) is None
    if damage in ("garbage", "wrong content"):  # (rebuilding takes seconds: two of the four do)
        assert open_fresh().lookup("Nairobi")
        assert cache.open_checked(path, gz._content_key()) is not None


def test_only_older_caches_of_ours_are_deleted(folder: Path, built: Path) -> None:
    old = folder / "gazetteer-2222222222222222.sqlite"
    shutil.copyfile(built, old)  # ours, built from other content
    keep = folder / "gazetteer-keep.sqlite.bak"
    keep.write_bytes(old.read_bytes())  # ours, but not a name the loader owns
    open_fresh()
    assert not old.exists(), "an older cache this code wrote stays behind"
    assert keep.exists() and gz._cache_path().exists()


def test_an_unwritable_cache_folder_costs_only_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: dict[str, Any]
) -> None:
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path / "file"))
    (tmp_path / "file").write_text("a file where the folder should be")
    monkeypatch.setattr(build, "build_index", lambda: data)
    g = open_fresh()
    assert type(g) is gz.Gazetteer and g.lookup("Nairobi")


def test_sqlite_gazetteer_pickles_as_the_process_gazetteer(cached: Path) -> None:
    g = open_fresh()
    assert isinstance(g, gz.SQLiteGazetteer)
    gz.gazetteer.cache_clear()
    try:
        assert pickle.loads(pickle.dumps(g)) is gz.gazetteer()
    finally:
        gz.gazetteer.cache_clear()  # the next user opens the real cache, not this test's folder


def test_name_key_is_what_the_file_indexes(cached: Path, data: dict[str, Any]) -> None:
    g = open_fresh()
    assert g.lookup("SAINT PAUL") == g.lookup("St. Paul") == gz.Gazetteer(data).lookup(name_key("st paul"))
