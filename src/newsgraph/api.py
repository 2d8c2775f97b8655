"""The Python API: `extract()` for one text, `extract_articles()` for a stream, both over one Pipeline."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

from .article import Article
from .errors import NewsgraphError
from .model import Document
from .pipeline import Pipeline


@functools.cache
def get_pipeline(
    model: str | None = None, min_confidence: float = 0.0, quote_parts: bool = False
) -> Pipeline:
    """One Pipeline per model name and options in a process; the spaCy model loads on first use."""
    return Pipeline(model, min_confidence=min_confidence, quote_parts=quote_parts)


def extract(
    text: str,
    published: object = None,
    *,
    id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    model: str | None = None,
    min_confidence: float = 0.0,
    quote_parts: bool = False,
) -> Document:
    """Extract the contract document from one article's text.

    `published` (a date or YYYY-MM-DD) anchors relative time expressions; without it they stay
    unresolved. Events below `min_confidence` (0 to 1) are left out. With `quote_parts`, a quote that its
    cue interrupts ("A," she said, "B.") comes as two quotes, A and B, instead of one from A to B (no quote
    text then holds the cue). Raises InputError for text that is
    not a string or too long, and ConfigError for a bad date or threshold.
    """
    from .errors import InputError

    if not isinstance(text, str):
        raise InputError("<text>", f"expected a str, found {type(text).__name__}")
    article = Article.make(text, id=id, published=published, title=title, url=url, source=source)
    return get_pipeline(model, min_confidence, quote_parts).extract(article)


def extract_articles(
    items: Iterable[Article | NewsgraphError],
    model: str | None = None,
    batch_size: int = 32,
    min_confidence: float = 0.0,
    quote_parts: bool = False,
) -> Iterator[Document | NewsgraphError]:
    """Documents for a stream of articles, in order; inputs that failed come through as errors."""
    return get_pipeline(model, min_confidence, quote_parts).extract_many(items, batch_size=batch_size)
