"""The explorer's REST API on a real store (SQLite, and PostgreSQL on the test server): one test per
endpoint and filter, bad parameters (400/422), missing ids (404), safety headers, and schemathesis over
/openapi.json (no 500, no response that breaks its own schema)."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient
from test_store_sqlite import HART, KENYA, NORWAY, make_doc, visit

from newsgraph.serve.app import CSP, create_app
from newsgraph.serve.limits import RateLimiter
from newsgraph.store import open_store

CHAD = ("Chad", "GPE", "TCD", None, ())
RUTO = ("William Ruto", "PERSON", "KEN", "GOV", ("President",))


def fill(target: Any) -> None:
    docs = [
        visit("d1"),
        visit("d2", published="2024-03-05"),  # the same visit, reported a day later: one event
        make_doc(
            "d3",
            'President William Ruto of Kenya accused Chad of bad faith. "It is a betrayal," Ruto said.',
            [RUTO, KENYA, CHAD],
            [("ACCUSE", 0, 2, "2024-04-02")],
            [("It is a betrayal", 0)],
            [(0, "leader_of", 1)],
            published="2024-04-02",
            title="Ruto accuses Chad",
        ),
        make_doc(
            "d4",
            "Norway sanctioned Chad. Lena Hart announced it.",
            [NORWAY, CHAD, HART],
            [("SANCTION", 0, 1, "2024-05-10")],
            published="2024-05-10",
        ),
    ]
    with open_store(target) as store:
        for doc in docs:
            store.put_document(doc)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def client(request: pytest.FixtureRequest, tmp_path: Path) -> TestClient:
    target = str(tmp_path / "corpus.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    fill(target)
    return TestClient(create_app(target))


def actor_id(client: TestClient, name: str) -> str:
    items = client.get("/api/actors", params={"name": name}).json()["items"]
    assert items, name
    return str(items[0]["id"])


def test_stats(client: TestClient) -> None:
    assert client.get("/api/stats").json() == {"documents": 4, "actors": 5, "events": 3, "quotes": 3}


def test_actors_filter_by_name_country_type_and_page(client: TestClient) -> None:
    everyone = client.get("/api/actors").json()
    assert everyone["total"] == 5 and len(everyone["items"]) == 5
    assert [a["name"] for a in client.get("/api/actors", params={"name": "hart"}).json()["items"]] == [
        "Lena Hart"
    ]
    kenyans = client.get("/api/actors", params={"country": "ken"}).json()
    assert {a["name"] for a in kenyans["items"]} == {"Kenya", "William Ruto"} and kenyans["total"] == 2
    assert client.get("/api/actors", params={"type": "PERSON"}).json()["total"] == 2
    first = client.get("/api/actors", params={"limit": 2}).json()
    second = client.get("/api/actors", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 5
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}


def test_actor_names_are_matched_literally(client: TestClient) -> None:
    for pattern in ("%", "_", "%a%"):
        assert client.get("/api/actors", params={"name": pattern}).json()["total"] == 0, pattern


def test_actor_profile_and_missing_actor(client: TestClient) -> None:
    hart = actor_id(client, "Lena Hart")
    profile = client.get(f"/api/actors/{hart}").json()
    assert profile["name"] == "Lena Hart" and profile["country"] == "NOR"
    assert profile["event_counts"] == {"CONSULT": 1}
    assert {d["id"] for d in profile["document_list"]} >= {"d1", "d2"}
    assert {(r["direction"], r["predicate"], r["other_name"]) for r in profile["relations"]} == {
        ("out", "represents", "Norway")
    }
    missing = client.get("/api/actors/A000000000")
    assert missing.status_code == 404 and "A000000000" in missing.json()["message"]


def test_events_filters(client: TestClient) -> None:
    everything = client.get("/api/events").json()
    assert everything["total"] == 3  # the two reports of one visit are one event
    visit_event = next(v for v in everything["items"] if v["type"] == "CONSULT")
    assert visit_event["num_sources"] == 2 and len(visit_event["reports"]) == 2
    assert [a["name"] for a in visit_event["source"]] == ["Lena Hart"]
    assert visit_event["reports"][0]["evidence"].startswith("Foreign Minister Lena Hart")
    chad = actor_id(client, "Chad")
    assert {v["type"] for v in client.get("/api/events", params={"actor": chad}).json()["items"]} == {
        "ACCUSE",
        "SANCTION",
    }
    assert client.get("/api/events", params={"type": "SANCTION"}).json()["total"] == 1
    assert client.get("/api/events", params={"since": "2024-04-01"}).json()["total"] == 2
    assert client.get("/api/events", params={"until": "2024-04-01"}).json()["total"] == 1
    assert client.get("/api/events", params={"country": "KEN"}).json()["total"] == 2
    assert client.get("/api/events", params={"modality": "asserted"}).json()["total"] == 3
    assert client.get("/api/events", params={"modality": "future"}).json()["total"] == 0


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"since": "2024-13-01"}, 422),
        ({"until": "yesterday"}, 422),
        ({"type": "BOMBARD"}, 422),
        ({"limit": 0}, 422),
        ({"limit": 10_000}, 422),
        ({"offset": -1}, 422),
        ({"country": "Kenya"}, 422),
        ({"modality": "maybe"}, 422),
    ],
)
def test_bad_event_parameters_are_refused_with_a_message(
    client: TestClient, params: dict[str, Any], status: int
) -> None:
    answer = client.get("/api/events", params=params)
    assert answer.status_code == status
    assert answer.json()["message"] and "Traceback" not in answer.text


def test_quotes_by_speaker_and_words(client: TestClient) -> None:
    ruto = actor_id(client, "William Ruto")
    quotes = client.get("/api/quotes", params={"speaker": ruto}).json()
    assert quotes["total"] == 1 and quotes["items"][0]["text"] == "It is a betrayal"
    assert client.get("/api/quotes", params={"search": "listen"}).json()["total"] == 2


def test_search_sentences(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "betrayal"}).json()
    assert found["total"] == 1 and found["items"][0]["document"] == "d3"
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_document_with_every_annotation_and_missing_document(client: TestClient) -> None:
    doc = client.get("/api/documents/d3").json()
    assert doc["title"] == "Ruto accuses Chad" and doc["events"][0]["type"] == "ACCUSE"
    for entity in doc["entities"]:
        for m in entity["mentions"]:
            assert doc["text"][m["start"] : m["end"]] == m["text"]
    assert client.get("/api/documents/nope").status_code == 404


def test_graph_json_graphml_gexf(client: TestClient) -> None:
    chad = actor_id(client, "Chad")
    graph = client.get("/api/graph", params={"actor": chad}).json()
    assert {n["name"] for n in graph["nodes"]} == {"Chad", "William Ruto", "Norway"}
    quads = {(e["label"], e["quad"]) for e in graph["edges"]}
    assert quads == {("ACCUSE", "verbal_conflict"), ("SANCTION", "material_conflict")}
    only = client.get("/api/graph", params={"actor": chad, "types": "SANCTION"}).json()
    assert {e["label"] for e in only["edges"]} == {"SANCTION"}
    graphml = client.get("/api/graph", params={"actor": chad, "format": "graphml"})
    assert graphml.status_code == 200 and b"<graphml" in graphml.content
    assert b"<gexf" in client.get("/api/graph", params={"actor": chad, "format": "gexf"}).content
    assert client.get("/api/graph", params={"actor": "nobody"}).status_code == 404
    assert client.get("/api/graph", params={"actor": chad, "types": "1;DROP"}).status_code == 422


def test_timeline_by_month_and_week(client: TestClient) -> None:
    chad = actor_id(client, "Chad")
    months = client.get("/api/timeline", params={"actor": chad}).json()
    assert [b["period"] for b in months["buckets"]] == ["2024-04", "2024-05"]
    assert months["buckets"][1]["quads"] == {"material_conflict": 1}
    weeks = client.get("/api/timeline", params={"actor": chad, "interval": "week"}).json()
    assert weeks["buckets"][0]["period"] == "2024-W14"
    assert client.get("/api/timeline", params={"actor": chad, "interval": "year"}).status_code == 422


def test_places_have_coordinates_or_are_left_out(client: TestClient) -> None:
    places = client.get("/api/places").json()
    assert all(p["lat"] is not None for p in places["items"]) and places["total"] == len(places["items"])


def test_every_response_carries_the_safety_headers(client: TestClient) -> None:
    for path in ("/", "/actors/x", "/api/stats", "/api/actors/nope", "/static/app.js"):
        answer = client.get(path)
        assert answer.headers["content-security-policy"] == CSP, path
        assert "unsafe-inline" not in CSP and answer.headers["x-content-type-options"] == "nosniff"
        assert "set-cookie" not in answer.headers


def test_check_refuses_oversized_claims_and_unknown_documents(client: TestClient) -> None:
    assert client.post("/api/check", json={"claim": "x" * 5000}).status_code == 422
    assert (
        client.post("/api/check", json={"claim": "Hart visited Kenya.", "documents": ["nope"]}).status_code
        == 404
    )
    many = [f"d{i}" for i in range(50)]
    assert (
        client.post("/api/check", json={"claim": "Hart visited Kenya.", "documents": many}).status_code == 422
    )


def test_check_rate_limits_a_client_per_app(tmp_path: Path) -> None:
    """The 31st check in a minute is a 429 (before any parsing); another app keeps its own count."""
    target = str(tmp_path / "corpus.db")
    fill(target)
    first = TestClient(create_app(target))
    body = {"claim": "Hart visited Kenya.", "documents": ["nope"]}
    assert [first.post("/api/check", json=body).status_code for _ in range(31)] == [404] * 30 + [429]
    assert "30 checks a minute" in first.post("/api/check", json=body).json()["message"]
    assert TestClient(create_app(target)).post("/api/check", json=body).status_code == 404


def test_rate_limiter_forgets_a_minute_old_check() -> None:
    limiter = RateLimiter(2)
    assert [limiter.allow("a", now=t) for t in (0.0, 1.0, 2.0)] == [True, True, False]
    assert limiter.allow("a", now=60.5)  # the check at 0.0 is over a minute old
    assert not limiter.allow("a", now=60.6)
    assert limiter.allow("b", now=200.0)  # and "a", idle for a minute, is dropped from the table
    assert list(limiter._recent) == ["b"]


@pytest.mark.model
def test_check_a_claim_against_stored_documents(tmp_path: Path) -> None:
    fill(tmp_path / "c.db")
    client = TestClient(create_app(str(tmp_path / "c.db")))
    answer = client.post("/api/check", json={"claim": "Lena Hart visited Kenya.", "documents": ["d1"]})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (
        body["documents"] == ["d1"]
        and body["claims"]
        and body["verdict"]
        in {
            "supported",
            "contradicted",
            "not_in_sources",
        }
    )


def test_a_missing_store_fails_when_the_app_is_made(tmp_path: Path) -> None:
    from newsgraph.errors import StoreError

    with pytest.raises(StoreError):
        create_app(str(tmp_path / "absent.db"))


def test_hostile_metadata_comes_back_as_data(tmp_path: Path) -> None:
    hostile = dataclasses.replace(
        visit("x1"),
        title="<script>alert(1)</script>",
        url="javascript:alert(1)",
        source="<img src=x onerror=alert(2)>",
    )
    with open_store(tmp_path / "h.db") as store:
        store.put_document(hostile)
    client = TestClient(create_app(str(tmp_path / "h.db")))
    doc = client.get("/api/documents/x1").json()
    assert doc["title"] == "<script>alert(1)</script>" and doc["url"] == "javascript:alert(1)"
    assert client.get("/api/documents/x1").headers["content-type"].startswith("application/json")


def test_openapi_is_served_and_describes_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert paths >= {
        "/api/actors",
        "/api/actors/{actor_id}",
        "/api/events",
        "/api/quotes",
        "/api/search",
        "/api/documents/{doc_id}",
        "/api/graph",
        "/api/timeline",
        "/api/check",
        "/api/places",
        "/api/stats",
    }
    assert client.get("/docs").status_code == 200


def test_worker_processes_build_the_app_from_the_environment(tmp_path: Path, monkeypatch: Any) -> None:
    # `newsgraph serve --workers N` hands the store to uvicorn's worker processes through the environment.
    from newsgraph.serve.app import STORE_ENV, app_from_environment

    fill(tmp_path / "w.db")
    monkeypatch.setenv(STORE_ENV, str(tmp_path / "w.db"))
    client = TestClient(app_from_environment())
    assert client.get("/api/stats").json()["documents"] == 4
