"""JSONL files: one record per line, `{"id", "text"|"html", "title", "url", "source", "published"}`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..article import Article, check_id, check_meta, clean_text, kind_of
from ..errors import ConfigError, InputError, NewsgraphError
from .html import article_from_html

# Fields other tools use for the publication date, tried in order after "published".
_DATE_FIELDS = ("published", "publication_date", "dct", "date_published", "dltime")


def _published(record: dict[str, Any]) -> Any:
    # Only null and "" mean "no date": a 0, false or [] is a wrong-typed date, refused by parse_published
    # rather than read as absent (found by bench/fuzz.py).
    for key in _DATE_FIELDS:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def article_from_record(record: Any, origin: str, default_published: str | None = None) -> Article:
    """One JSON record to an Article; the text is kept exactly, since gold offsets point into it (only lone
    surrogates become U+FFFD, one character for one). A field of the wrong type is an InputError naming it."""
    if not isinstance(record, dict):
        raise InputError(origin, f"expected a JSON object, found {type(record).__name__}")
    for name in ("text", "html"):
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(origin, f"`{name}` is {kind_of(value)}; expected a string")
    # Checked before the HTML reader sees them: a number url would reach trafilatura as a url.
    meta: dict[str, Any] = {"id": check_id(record.get("id"), origin), **check_meta(record, origin)}
    published = _published(record)
    published = default_published if published is None else published
    text, html = record.get("text"), record.get("html")
    try:
        if isinstance(text, str) and text.strip():
            return Article.make(text, published=published, origin=origin, **meta)
        if isinstance(html, str) and html.strip():
            html = clean_text(html, "html", origin)
            return article_from_html(html, origin, published=published, **meta)
    except ConfigError as exc:  # a malformed date in the record: the record is bad input, named as such
        raise InputError(origin, str(exc).removeprefix(f"{origin}: ")) from exc
    if isinstance(record.get("doc"), str) and isinstance(record.get("summary"), str):
        # A claim-check pair (examples/pairs.jsonl) read by `ingest`: say which command reads it.
        raise InputError(
            origin,
            'record has no "text" or "html" field with content; it has "doc" and "summary", so it looks '
            "like a claim-check pair: check it with `newsgraph check --pairs FILE`",
        )
    raise InputError(origin, 'record has no "text" or "html" field with content')


def json_error(exc: json.JSONDecodeError) -> str:
    """`Expecting value at column 5`, `Unterminated string starting at column 2`: the decoder's message
    with its column (some messages already end in "at")."""
    return f"{exc.msg}{'' if exc.msg.endswith(' at') else ' at'} column {exc.colno}"


def iter_jsonl(
    lines: Iterator[str], origin: str, default_published: str | None = None
) -> Iterator[Article | NewsgraphError]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"line is not JSON ({json_error(exc)})")
            continue
        try:
            yield article_from_record(record, where, default_published)
        except NewsgraphError as exc:
            yield exc
