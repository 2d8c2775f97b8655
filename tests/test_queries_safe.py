"""Queries take what a user types and stay literal, bounded and strict (issue 12, Build 4): LIKE wildcards
match themselves, names and searches are length-capped, --limit is a whole number of 1 or more, dates are
whole days, and a search has a bounded number of words."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_store_sqlite import make_doc, store, visit  # noqa: F401  (store is a fixture)

from newsgraph.cli import main
from newsgraph.errors import ConfigError
from newsgraph.store import open_store
from newsgraph.store.dialect import MAX_SEARCH_WORDS
from newsgraph.store.sql_query import MAX_NAME_CHARS

PCT = ("Ana 100% Ruiz", "PERSON", "ESP", None, ())
UNDERSCORE = ("Bo_Lind", "PERSON", "SWE", None, ())


def _wildcard_names(store) -> None:  # noqa: F811
    store.put_document(visit("d1"))
    store.put_document(make_doc("d2", "Ana 100% Ruiz met Bo_Lind.", [PCT, UNDERSCORE]))


def test_like_wildcards_in_a_name_are_literal(store):  # noqa: F811
    _wildcard_names(store)
    assert len(store.actors()) == 5
    assert [a["name"] for a in store.actors(name="%")] == ["Ana 100% Ruiz"]
    assert [a["name"] for a in store.actors(name="_")] == ["Bo_Lind"]
    assert [a["name"] for a in store.actors(name="0% R")] == ["Ana 100% Ruiz"]
    assert store.actors(name="o_L") != [] and store.actors(name="a_R") == []
    assert store.actors(name="\\") == []


def test_overlong_names_are_refused_with_a_clear_error(store):  # noqa: F811
    _wildcard_names(store)
    with pytest.raises(ConfigError, match=f"at most {MAX_NAME_CHARS}"):
        store.actors(name="x" * 50_000)
    with pytest.raises(ConfigError, match=f"at most {MAX_NAME_CHARS}"):
        store.find_actors("x" * (MAX_NAME_CHARS + 1))
    assert store.actors(name="x" * MAX_NAME_CHARS) == []


def test_search_is_bounded_in_words_and_length(store):  # noqa: F811
    _wildcard_names(store)
    many = " ".join(["listen"] * (MAX_SEARCH_WORDS + 1))
    for run in (lambda w: store.search(w), lambda w: store.quotes(search=w)):
        with pytest.raises(ConfigError, match=f"at most {MAX_SEARCH_WORDS}"):
            run(many)
        with pytest.raises(ConfigError, match="characters long"):
            run("listen " * 12_000)
    assert store.search(" ".join(["listen"] * MAX_SEARCH_WORDS)) != []


def test_event_dates_must_be_whole_days(store):  # noqa: F811
    store.put_document(visit("d1"))
    assert len(store.events(since="2024-03-04")) == 1
    for bad in ("2024-03-10junk", "2024-03-10T00:00", "2024-02-30", "10/03/2024", ""):
        with pytest.raises(ConfigError, match="not a day"):
            store.events(since=bad or " ")
        with pytest.raises(ConfigError, match="not a day"):
            store.events(until=bad or " ")


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "q.db"
    with open_store(path) as s:
        _wildcard_names(s)
    return str(path)


@pytest.mark.parametrize(
    "argv, message",
    [
        (["actors", "--limit", "-1"], "'-1' is not a whole number of 1 or more"),
        (["actors", "--limit", "0"], "'0' is not a whole number of 1 or more"),
        (["events", "--limit", "1.5"], "'1.5' is not a whole number of 1 or more"),
        (["events", "--since", "2024-03-10junk"], "--since: '2024-03-10junk' is not a day"),
        (["events", "--until", "2024-3-1"], "--until: '2024-3-1' is not a day"),
        (["actors", "--name", "x" * 50_000], "at most 200"),
        (["actor", "y" * 300], "at most 200"),
        (["search", *(["word"] * 12_000)], "characters long; give at most 1,000"),
        (["search", *(["w"] * 33)], "33 words; give at most 32"),
        (["quotes", "--search", "a " * 40], "at most 32"),
    ],
)
def test_cli_refuses_bad_query_arguments_in_one_line(db, capsys, argv, message):
    with pytest.raises(SystemExit) if "--limit" in argv else _no_exit():
        code = main([*argv, "--db", db])
        assert code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert message in lines[-1]
    if "--limit" not in argv:  # argparse puts its usage before the error line; ours is the one line
        assert len(lines) == 1


def test_cli_name_with_wildcards_is_literal(db, capsys):
    assert main(["actors", "--name", "%", "--format", "csv", "--db", db]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "Ana 100% Ruiz" in lines[1]


class _no_exit:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False
