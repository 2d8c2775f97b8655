"""HTML pages: the main text, title, date and url, boilerplate dropped (trafilatura)."""

from __future__ import annotations

import logging

import trafilatura

from ..article import Article, parse_published
from ..errors import ConfigError, InputError

# trafilatura logs every page it finds thin at WARNING; our own error already names the input.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def article_from_html(
    html: str,
    origin: str,
    *,
    id: str | None = None,
    published: str | None = None,
    url: str | None = None,
    source: str | None = None,
    title: str | None = None,
) -> Article:
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            # Only dates the page states as its own (meta tags, structured data), never one guessed from a
            # copyright line: a guessed date would beat the caller's --published.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # trafilatura raises many kinds on broken markup; we name the input
        raise InputError(origin, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    text = getattr(result, "text", None) if result is not None else None
    if not text or not text.strip():
        raise InputError(origin, "HTML page has no main text that could be extracted")
    page_date = getattr(result, "date", None)
    try:
        page_published = parse_published(page_date, origin) if page_date else None
    except ConfigError:
        page_published = None
    return Article.make(
        text,
        id=id,
        # The page's own date wins; the caller's date (--published) is the fallback for undated pages.
        published=page_published or published,
        title=title or getattr(result, "title", None),
        url=url or getattr(result, "url", None),
        source=source or getattr(result, "sitename", None),
        origin=origin,
    )
