"""The public API is what `newsgraph.__all__` says, no more and no less: a change to it is deliberate."""

from __future__ import annotations

import newsgraph

NAMES = """
    Article ConfigError ContractError DaskExecutor Document Entity Event Executor ExtractOptions
    ExtractionError InProcess IngestStats InputError Mention ModelError NewsgraphError ProcessPool Quote
    Relation Store StoreError Timex __version__ check_claims extract extract_articles ingest open_store
"""
PUBLIC = frozenset(NAMES.split())


def test_all_is_pinned() -> None:
    assert set(newsgraph.__all__) == PUBLIC
    assert len(newsgraph.__all__) == len(PUBLIC), "no name twice"


def test_every_public_name_exists() -> None:
    for name in newsgraph.__all__:
        assert hasattr(newsgraph, name), name


def test_importing_newsgraph_loads_no_model() -> None:
    import subprocess
    import sys

    code = "import sys, newsgraph; print('spacy' in sys.modules, 'distributed' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"], "import newsgraph stays cheap: no spaCy, no Dask"
