"""newsgraph: news articles to an evidence-linked graph of actors, events, quotations and dates.

The public API, pinned by a test (tests/test_api.py): extraction (`extract`, `extract_articles`, with
`ExtractOptions`), a corpus (`open_store`, `ingest`, executors to extract on several cores or on Dask),
the claim check (`check_claims`), the contract records and the errors.
"""

from .api import extract, extract_articles
from .article import Article
from .check import check_claims
from .errors import (
    ConfigError,
    ContractError,
    ExtractionError,
    InputError,
    ModelError,
    NewsgraphError,
    StoreError,
)
from .execute import DaskExecutor, Executor, InProcess, ProcessPool
from .ingest import IngestStats, ingest
from .model import Document, Entity, Event, Mention, Quote, Relation, Timex
from .pipeline import ExtractOptions
from .store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigError",
    "ContractError",
    "DaskExecutor",
    "Document",
    "Entity",
    "Event",
    "Executor",
    "ExtractOptions",
    "ExtractionError",
    "InProcess",
    "IngestStats",
    "InputError",
    "Mention",
    "ModelError",
    "NewsgraphError",
    "ProcessPool",
    "Quote",
    "Relation",
    "Store",
    "StoreError",
    "Timex",
    "__version__",
    "check_claims",
    "extract",
    "extract_articles",
    "ingest",
    "open_store",
]
