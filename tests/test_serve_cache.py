"""The explorer's answer cache (serve/cache.py) on a real store, SQLite and PostgreSQL: an answer is
reused while the store is unchanged, recomputed as soon as anything is written, never kept when it is an
error or a claim check, and `cache_entries=0` turns it off."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient
from test_serve_api import fill
from test_store_sqlite import visit

from newsgraph.serve.app import create_app
from newsgraph.serve.cache import ResponseCache
from newsgraph.store import open_store

HEADER = "x-newsgraph-cache"


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    found = str(tmp_path / "corpus.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    fill(found)
    return found


def test_an_answer_is_reused_while_the_store_is_unchanged(target: str) -> None:
    client = TestClient(create_app(target))
    first = client.get("/api/actors", params={"name": "hart"})
    again = client.get("/api/actors", params={"name": "hart"})
    assert (first.headers[HEADER], again.headers[HEADER]) == ("miss", "hit")
    assert first.json() == again.json() and again.json()["total"] == 1
    other = client.get("/api/actors", params={"name": "ruto"})  # another query is another answer
    assert other.headers[HEADER] == "miss" and other.json()["items"][0]["name"] == "William Ruto"
    # Security headers are on kept answers too.
    assert "content-security-policy" in again.headers


def test_a_write_to_the_store_makes_the_next_answer_new(target: str) -> None:
    client = TestClient(create_app(target))
    assert client.get("/api/stats").json()["documents"] == 4
    assert client.get("/api/stats").headers[HEADER] == "hit"
    with open_store(target) as store:  # another connection, as `newsgraph ingest` would be
        store.put_document(visit("d5", published="2024-06-01"))
    fresh = client.get("/api/stats")
    assert fresh.headers[HEADER] == "miss" and fresh.json()["documents"] == 5


def test_errors_and_claim_checks_are_not_kept(target: str) -> None:
    client = TestClient(create_app(target))
    for _ in range(2):
        missing = client.get("/api/actors/no-such-actor")
        assert missing.status_code == 404 and missing.headers[HEADER] == "miss"
    assert HEADER not in client.post("/api/check", json={"claim": "Norway sanctioned Chad."}).headers
    assert HEADER not in client.get("/").headers  # the page is a file, not an API answer


def test_zero_entries_turns_the_cache_off(target: str) -> None:
    client = TestClient(create_app(target, cache_entries=0))
    for _ in range(2):
        assert HEADER not in client.get("/api/stats").headers


def test_the_oldest_answer_goes_first_when_full() -> None:
    markers = iter(["m"] * 100)
    calls: list[str] = []

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        calls.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    cache = ResponseCache(app, marker=lambda: next(markers), max_entries=2)
    client = TestClient(cache)  # type: ignore[arg-type]
    for path in ("/api/a", "/api/b", "/api/a", "/api/c", "/api/b", "/api/a"):
        client.get(path)
    # a, b computed; a kept; c computed pushes out b (a was used last); b computed pushes out a.
    assert calls == ["/api/a", "/api/b", "/api/c", "/api/b", "/api/a"]
