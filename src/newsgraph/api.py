"""The Python API for extraction: `extract()` for one text, `extract_articles()` for a stream.

Both run the one cached Pipeline of their `ExtractOptions` (see `newsgraph.pipeline.get_pipeline`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .article import Article
from .errors import InputError, NewsgraphError
from .model import Document
from .pipeline import ExtractOptions, get_pipeline
from .read.decode import EMPTY_REASON


def extract(
    text: str,
    published: object = None,
    *,
    id: str | int | None = None,
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
    text then holds the cue). Raises InputError for text that is not a string, too long, or empty (blank
    text is refused as on the command line: there is no article in it, and an empty document would hide
    the mistake) and for metadata of the wrong type; ConfigError for a bad date or threshold. Lone
    surrogates ("\\ud800") become U+FFFD, with a warning (logger `newsgraph.read`).
    """
    if not isinstance(text, str):
        raise InputError("<text>", f"expected a str, found {type(text).__name__}")
    if not text.strip():
        raise InputError("<text>", EMPTY_REASON)
    options = ExtractOptions(model=model, min_confidence=min_confidence, quote_parts=quote_parts)
    article = Article.make(text, id=id, published=published, title=title, url=url, source=source)
    return get_pipeline(options).extract(article)


def extract_articles(
    items: Iterable[Article | NewsgraphError], options: ExtractOptions | None = None
) -> Iterator[Document | NewsgraphError]:
    """Documents for a stream of articles, in order; inputs that failed come through as errors."""
    return get_pipeline(options or ExtractOptions()).extract_many(items)
