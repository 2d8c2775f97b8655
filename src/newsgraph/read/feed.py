"""RSS and Atom feed files: one Article per item, with the item's title, link, date and source (feedparser).

Feed items carry HTML fragments (a summary or the full content). They are too short for trafilatura's
boilerplate detection, so they are turned into text by dropping the tags and keeping block breaks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import feedparser

from ..article import Article
from ..errors import ConfigError, InputError, NewsgraphError
from .decode import check_size, normalise_newlines

FEED_SUFFIXES = {".xml", ".rss", ".atom"}

# Tags after which a paragraph break is kept, so sentences of two paragraphs do not run together.
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section"}
_SKIP_TAGS = {"script", "style"}


class _TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, blank lines between paragraphs."""
    parser = _TextOf()
    parser.feed(fragment)
    parser.close()
    raw = "".join(parser.parts)  # convert_charrefs has already decoded &amp; and friends
    paragraphs = (" ".join(block.split()) for block in normalise_newlines(raw).split("\n\n"))
    return "\n\n".join(p for p in paragraphs if p)


def _item_text(entry: Any) -> str:
    # The full content wins over the summary: summaries are often a teaser of the first sentence.
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return fragment_text(value) if "html" in (content.get("type") or "html") else value.strip()
    summary = entry.get("summary") or entry.get("description") or ""
    return fragment_text(summary) if summary.strip() else ""


def _item_date(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed = entry.get(key)
        if parsed:
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
            except ValueError:
                continue
    return None


def _item_source(entry: Any, feed: Any) -> str | None:
    source = entry.get("source") or {}
    return source.get("title") or feed.get("title") or None


def iter_feed(data: bytes, origin: str, published: str | None = None) -> Iterator[Article | NewsgraphError]:
    """Articles of a feed document; an item without text is yielded as an InputError naming the item."""
    check_size(len(data), origin)
    parsed = feedparser.parse(data)
    version = parsed.get("version") or ""
    texts = [_item_text(entry) for entry in parsed.entries]
    # feedparser salvages what it can from broken XML; a broken file with nothing readable is one error.
    if parsed.get("bozo") and not any(t.strip() for t in texts):
        reason = parsed.get("bozo_exception")
        raise InputError(origin, f"is not an RSS or Atom feed (XML error: {reason}); expected a feed file")
    if not version and not parsed.entries:
        raise InputError(origin, "is XML but not an RSS or Atom feed (no channel or feed element)")
    for number, (entry, text) in enumerate(zip(parsed.entries, texts, strict=True), start=1):
        where = f"{origin}#{number}"
        if not text.strip():
            yield InputError(where, "feed item has no text (no content or summary)")
            continue
        try:
            yield Article.make(
                text,
                id=entry.get("id") or entry.get("link") or None,
                published=_item_date(entry) or published,
                title=entry.get("title") or None,
                url=entry.get("link") or None,
                source=_item_source(entry, parsed.feed),
                origin=where,
            )
        except InputError as exc:  # a feed field of the wrong type: this item only
            yield exc
        except ConfigError as exc:
            yield InputError(where, str(exc))


def read_feed_file(path: Path, origin: str, published: str | None) -> Iterator[Article | NewsgraphError]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(origin, f"cannot be read ({exc.strerror or exc})") from exc
    yield from iter_feed(data, origin, published)
