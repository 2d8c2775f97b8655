"""newsgraph: news articles to an evidence-linked graph of actors, events, quotations and dates."""

from .api import extract, extract_articles
from .article import Article
from .errors import (
    ConfigError,
    ContractError,
    ExtractionError,
    InputError,
    ModelError,
    NewsgraphError,
    StoreError,
)
from .model import Document, Entity, Event, Mention, Quote, Relation, Timex
from .store import open_store

__version__ = "0.1.0"

__all__ = [
    "Article",
    "ConfigError",
    "ContractError",
    "Document",
    "Entity",
    "Event",
    "ExtractionError",
    "InputError",
    "Mention",
    "ModelError",
    "NewsgraphError",
    "Quote",
    "Relation",
    "StoreError",
    "Timex",
    "__version__",
    "extract",
    "extract_articles",
    "open_store",
]
