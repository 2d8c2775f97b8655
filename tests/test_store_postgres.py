"""The PostgreSQL store against a real server (started by the `pg_cluster` fixture): what only it can get
wrong. Its behaviour on documents is tested with the SQLite store's tests (test_store_sqlite.py)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest
from pgcluster import free_port
from test_store_sqlite import consistent, visit

from newsgraph.errors import StoreError
from newsgraph.store import open_store
from newsgraph.store.postgres import redact
from newsgraph.store.postgres_schema import STORE_SCHEMA

pytestmark = pytest.mark.postgres


def test_password_never_appears_in_messages() -> None:
    assert (
        redact("postgresql://ana:s3cret@db.example:5432/news") == "postgresql://ana:***@db.example:5432/news"
    )
    assert "s3cret" not in redact("postgresql://ana@/news?host=/run/pg&password=s3cret")
    assert redact("postgresql://ana@db.example/news") == "postgresql://ana@db.example/news"


def test_unreachable_server_names_the_url_and_what_to_do() -> None:
    url = f"postgresql://ana:s3cret@127.0.0.1:{free_port()}/news"
    with pytest.raises(StoreError) as caught:
        open_store(url)
    message = str(caught.value)
    assert "cannot connect" in message and "start the server" in message
    assert f"postgresql://ana:***@127.0.0.1:{url.rsplit(':', 1)[1]}" in message
    assert "s3cret" not in message


def test_missing_database_is_a_store_error(pg_cluster) -> None:
    with pytest.raises(StoreError, match="createdb"):
        open_store(pg_cluster.url("no_such_database"))


def test_other_databases_and_schema_versions_are_refused(pg_url: str) -> None:
    with pytest.raises(StoreError, match="no store in"):
        open_store(pg_url, create=False)
    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(StoreError, match="not a newsgraph store"):
        open_store(pg_url)
    with psycopg.connect(pg_url, autocommit=True) as c:
        assert c.execute("SELECT count(*) FROM invoices").fetchone() == (0,)  # left alone
        c.execute("DROP TABLE invoices")
    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as c:
        c.execute("UPDATE meta SET value = 'newsgraph.store.postgres/0' WHERE key = 'schema'")
    with pytest.raises(StoreError, match=re.escape("store schema 'newsgraph.store.postgres/0'")):
        open_store(pg_url)


def test_reopening_keeps_everything(pg_url: str) -> None:
    with open_store(pg_url) as s:
        s.put_document(visit("d1"))
        counts = s.counts()
    with open_store(pg_url, create=False) as s:
        assert s.counts() == counts
        assert [d.id for d in s.documents()] == ["d1"]
        assert s.conn.execute("SELECT value FROM meta").fetchone() == {"value": STORE_SCHEMA}  # type: ignore[attr-defined]


def test_a_lost_connection_is_a_store_error(pg_url: str) -> None:
    with open_store(pg_url) as s:
        s.put_document(visit("d1"))
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid != pg_backend_pid()"
            )
        with pytest.raises(StoreError, match="cannot read the store"):
            s.counts()
        with pytest.raises(StoreError, match="nothing was written"):
            s.put_document(visit("d2"))


WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from newsgraph.store import open_store
from test_store_sqlite import visit
order = range(40) if sys.argv[3] == "up" else reversed(range(40))
with open_store(sys.argv[1]) as store:
    for i in order:
        store.put_document(visit(f"d{i}"), origin=f"in/{i}.txt")
"""


def test_two_processes_ingesting_the_same_documents_leave_no_duplicates(pg_url: str) -> None:
    open_store(pg_url).close()  # both writers find the store made
    tests = str(Path(__file__).parent)
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, pg_url, tests, order], stderr=subprocess.PIPE, text=True
        )
        for order in ("up", "down")
    ]
    for w in writers:
        _, err = w.communicate(timeout=120)
        assert w.returncode == 0, err
    with open_store(pg_url) as s:
        counts = s.counts()
        # 40 reports of one visit by three actors: one event, each actor once.
        assert counts["documents"] == 40 and counts["actors"] == 3 and counts["events"] == 1
        assert counts["quotes"] == 40 and counts["mentions"] == 40
        [event] = s.events()
        assert event["num_sources"] == 40
        consistent(s)


def test_concurrent_creation_of_one_store(pg_url: str) -> None:
    code = "import sys\nfrom newsgraph.store import open_store\nopen_store(sys.argv[1]).close()"
    cmd = [sys.executable, "-c", code, pg_url]
    runs = [subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    for r in runs:
        _, err = r.communicate(timeout=60)
        assert r.returncode == 0, err
    with open_store(pg_url, create=False) as s:
        assert s.counts()["documents"] == 0


@pytest.mark.model
def test_cli_ingest_and_query_a_postgres_store(tmp_path: Path, pg_url: str, model_package: str) -> None:
    article = tmp_path / "visit.txt"
    article.write_text(
        "Foreign Minister Lena Hart of Norway visited Kenya on Monday. "
        '"We came to listen," Hart told reporters in Nairobi.\n',
        encoding="utf-8",
    )

    def newsgraph(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "newsgraph", *args, "--db", pg_url],
            capture_output=True,
            text=True,
            timeout=300,
        )

    run = newsgraph("ingest", str(article), "--published", "2024-03-04", "-q")
    assert run.returncode == 0, run.stderr
    assert "1 added" in run.stdout + run.stderr
    run = newsgraph("actors", "--format", "json")
    assert run.returncode == 0, run.stderr
    names = {a["name"] for a in json.loads(run.stdout)}
    assert {"Norway", "Kenya"} <= names
    run = newsgraph("search", "listen", "--format", "json")
    assert run.returncode == 0, run.stderr
    assert [h["document"] for h in json.loads(run.stdout)] != []
    again = newsgraph("ingest", str(article), "--published", "2024-03-04", "-q")
    assert again.returncode == 0 and "1 unchanged" in again.stdout + again.stderr
