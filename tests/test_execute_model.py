"""The executors on real extraction: in this process, in a pool of 2 processes, and on a real Dask
LocalCluster of 2 worker processes. The stores they fill must be the same, document for document."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.execute import DaskExecutor, InProcess, ProcessPool
from newsgraph.ingest import ingest
from newsgraph.read import iter_articles
from newsgraph.store import open_store

pytestmark = pytest.mark.model

# Written for this test; ids out of alphabetical order so that "input order" differs from "id order".
ARTICLES = [
    ("mill-3", "2024-05-02", "Workers at the Tamsin textile mill in Dhaka walked out on Thursday after "
     "managers cut overtime pay. Union leader Rafiq Noor said the strike would last a week."),
    ("bridge-1", "2024-05-03", "Peruvian Transport Minister Carla Ibarra opened a new bridge over the "
     "Urubamba river on Friday. She said it would cut travel times to Cusco by an hour."),
    ("talks-7", "2024-05-06", "Delegations from Chile and Bolivia met in La Paz on Monday to discuss "
     "water rights. \u201cWe hope to sign an agreement next month,\u201d Bolivian envoy Marco Quispe told "
     "reporters."),
    ("flood-2", "2024-05-07", "Heavy rain flooded parts of Mombasa on Tuesday. The Kenyan Red Cross said "
     "it had moved 400 families to schools."),
    ("vote-5", "2024-05-08", "Lawmakers in Ghana approved a new budget on Wednesday. Finance Minister "
     "Kofi Asante welcomed the vote and promised lower fuel taxes."),
]  # fmt: skip
IDS = [a[0] for a in ARTICLES]
TOO_LONG = "word " * 200_001  # past newsgraph's one-article limit: refused in the worker, alone


def write_input(path: Path) -> Path:
    lines = [json.dumps({"id": i, "published": p, "text": t}) for i, p, t in ARTICLES[:2]]
    lines.append('{"id": "broken", "text": ')  # a malformed record: fails while reading
    lines.append(json.dumps({"id": "huge-9", "text": TOO_LONG}))
    lines += [json.dumps({"id": i, "published": p, "text": t}) for i, p, t in ARTICLES[2:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def dask_address(model_package: str) -> Iterator[str]:
    """A real dask.distributed LocalCluster (2 worker processes, 1 thread each) for the session."""
    from distributed import LocalCluster

    from newsgraph.execute.cluster import LOCAL_CLUSTER

    cluster = LocalCluster(n_workers=2, **LOCAL_CLUSTER)
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="module")
def pool(model_package: str) -> Iterator[ProcessPool]:
    with ProcessPool(2, chunk_size=2) as executor:
        yield executor


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_input(tmp_path_factory.mktemp("execute") / "articles.jsonl")


def store_contents(db: Path) -> tuple[dict[str, int], list[dict[str, Any]], list[str]]:
    with open_store(db) as store:
        failures = sorted(str(row["origin"]) for row in store.failures())
        return store.counts(), [d.to_dict() for d in store.documents()], failures


@pytest.fixture(scope="module")
def stores(
    source: Path, tmp_path_factory: pytest.TempPathFactory, pool: ProcessPool, dask_address: str
) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("stores")
    dbs = {name: folder / f"{name}.db" for name in ("inprocess", "pool", "dask")}
    # In this process and on Dask through the command line; the pool through the library.
    assert main(["ingest", str(source), "--db", str(dbs["inprocess"]), "-q"]) == 1
    assert main(["ingest", str(source), "--db", str(dbs["dask"]), "-q", "--dask", dask_address]) == 1
    with open_store(dbs["pool"], create=True) as store:
        stats = ingest(iter_articles([str(source)]), store, extract=pool)
    assert (stats.added, stats.failed) == (len(ARTICLES), 2)
    return dbs


def test_every_executor_fills_the_same_store(stores: dict[str, Path]) -> None:
    counts, documents, failures = store_contents(stores["inprocess"])
    assert counts["documents"] == len(ARTICLES) and counts["failures"] == 2
    assert sorted(d["id"] for d in documents) == sorted(IDS)
    assert any(d["entities"] for d in documents), "the extraction found nothing at all"
    for name in ("pool", "dask"):
        other_counts, other_documents, other_failures = store_contents(stores[name])
        assert other_counts == counts, name
        assert other_failures == failures, name
        assert other_documents == documents, name


def test_a_bad_input_fails_alone_and_is_recorded(stores: dict[str, Path], source: Path) -> None:
    for db in stores.values():
        _, _, failures = store_contents(db)
        assert failures == sorted([f"{source}:3", f"{source}:4"])
        with open_store(db) as store:
            reasons = " ".join(str(row["reason"]) for row in store.failures())
        assert "1,000,005 characters" in reasons


def test_ingesting_again_on_workers_changes_nothing(
    stores: dict[str, Path], source: Path, pool: ProcessPool
) -> None:
    before = store_contents(stores["pool"])
    with open_store(stores["pool"]) as store:
        stats = ingest(iter_articles([str(source)]), store, extract=pool)
    assert (stats.unchanged, stats.added, stats.replaced) == (len(ARTICLES), 0, 0)
    assert store_contents(stores["pool"]) == before


def test_documents_come_out_in_input_order(source: Path, pool: ProcessPool, dask_address: str) -> None:
    expected = [*IDS[:2], f"{source}:3", f"{source}:4", *IDS[2:]]

    def ids(results: Iterator[Any]) -> list[str]:
        return [r.origin if isinstance(r, InputError) else r.id for r in results]

    assert ids(InProcess().map(iter_articles([str(source)]))) == expected
    assert ids(pool.map(iter_articles([str(source)]))) == expected
    # One article per task, so later tasks can finish first; the output must not follow them.
    with DaskExecutor(dask_address, chunk_size=1) as executor:
        assert ids(executor.map(iter_articles([str(source)]))) == expected


def test_cli_extract_on_dask_prints_documents_in_input_order(
    source: Path, dask_address: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(source), "--dask", dask_address, "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert [json.loads(line)["id"] for line in captured.out.splitlines()] == IDS
    assert f"{source}:3" in captured.err and f"{source}:4" in captured.err
