"""The Python API: `extract()` for one text, `extract_articles()` for a stream, both over one Pipeline."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from .article import Article
from .errors import NewsgraphError
from .model import Document
from .pipeline import Pipeline


@functools.cache
def get_pipeline(model: str | None = None) -> Pipeline:
    """One Pipeline per model name and process; the spaCy model itself loads on first use."""
    return Pipeline(model)


def extract(
    text: str,
    published: object = None,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    model: str | None = None,
) -> Document:
    """Extract the contract document from one article's text.

    `published` (a date or YYYY-MM-DD) anchors relative time expressions; without it they stay
    unresolved. Raises InputError for text that is not a string, and ConfigError for a bad date.
    """
    from .errors import InputError

    if not isinstance(text, str):
        raise InputError("<text>", f"expected a str, found {type(text).__name__}")
    article = Article.make(text, id=id, published=published, title=title, url=url, source=source)
    return get_pipeline(model).extract(article)


def extract_articles(
    items: Iterable[Article | NewsgraphError], model: str | None = None, batch_size: int = 32
) -> Iterator[Document | NewsgraphError]:
    """Documents for a stream of articles, in order; inputs that failed come through as errors."""
    return get_pipeline(model).extract_many(items, batch_size=batch_size)
