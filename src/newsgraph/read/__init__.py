"""Readers: paths, records and streams to Articles. Each failure is yielded as an InputError, not raised,
so one bad input never stops a batch."""

from .sources import ArticleOrError, iter_articles, read_path

__all__ = ["ArticleOrError", "iter_articles", "read_path"]
