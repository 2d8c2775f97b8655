"""The input of extraction: one article's text and what is known about it."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from .errors import ConfigError


def text_id(text: str) -> str:
    """A stable id from the content, so the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse_published(value: object, origin: str = "--published") -> str | None:
    """A publication date as YYYY-MM-DD, from a date, datetime or ISO-like string; None stays None.

    Datetimes with times ("2009-03-20 12:24:52-05") keep their date part. Anything else is refused.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        head = value.strip()[:10]
        try:
            return dt.date.fromisoformat(head).isoformat()
        except ValueError:
            pass
    raise ConfigError(f"{origin}: {value!r} is not a date; expected YYYY-MM-DD (for example 2023-08-03)")


@dataclass(frozen=True)
class Article:
    text: str
    id: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = "<text>"

    @classmethod
    def make(
        cls,
        text: str,
        *,
        id: str | None = None,
        published: object = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
        origin: str = "<text>",
    ) -> Article:
        return cls(
            text=text,
            id=str(id) if id not in (None, "") else text_id(text),
            published=parse_published(published, f"{origin}: published"),
            title=title,
            url=url,
            source=source,
            origin=origin,
        )
