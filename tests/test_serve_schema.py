"""schemathesis over the explorer's own OpenAPI description: generated requests to every GET endpoint
(and bad ones) never get a 500 and never a response that breaks the schema the API publishes."""

from __future__ import annotations

from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from test_serve_api import fill  # noqa: E402

from newsgraph.serve.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Any:
    db = tmp_path_factory.mktemp("schema") / "corpus.db"
    fill(db)
    # The claim check parses with spaCy: its limits are tested in test_serve_api; here only the reads.
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(str(db))).exclude(path="/api/check")


def test_no_server_error_and_responses_match_the_schema(api_schema: Any) -> None:
    # Each operation's strategy driven by hypothesis directly: schemathesis's pytest plugin does not run
    # under this pytest, its strategies and checks do.
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10, "the schema lists the API's endpoints"
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def call(case: Any) -> None:
            case.call_and_validate()

        call()
