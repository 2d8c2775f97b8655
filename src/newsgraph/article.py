"""The input of extraction: one article's text and what is known about it.

Everything that makes an Article goes through `Article.make`, so this is where input is made safe for the
rest of newsgraph: metadata is checked field by field (a list where a title belongs is the record's fault,
reported as an InputError naming the field, not a crash three stages later), and lone surrogates, which
JSON's `"\\ud800"` escapes and Python strings can hold but UTF-8 cannot, become U+FFFD (one character for
one, so offsets into the text stay right). Origins (file names, `path:line`) are made printable, so an error
line about a file named with a newline or with bytes that are not UTF-8 stays one readable line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass

from .errors import ConfigError, InputError

log = logging.getLogger("newsgraph.read")

_SURROGATE = re.compile("[\ud800-\udfff]")
# C0 and C1 controls, DEL, the characters that some line readers take as line ends, the bidi controls that
# make a terminal show a name reversed, and surrogates (undecodable bytes of a file name).
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069\ud800-\udfff]"
)
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

#: The metadata fields that hold text, in the order they are checked.
TEXT_FIELDS = ("title", "url", "source")


def text_id(text: str) -> str:
    """A stable id from the content, so the same text always gets the same id."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    code = ord(c)
    if c in _ESCAPES:
        return _ESCAPES[c]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 in a file name (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable_origin(origin: str) -> str:
    """An origin as one printable line: control characters, line breaks and undecodable bytes escaped."""
    return _UNPRINTABLE.sub(_escape, origin) if _UNPRINTABLE.search(origin) else origin


def clean_text(value: str, field: str, origin: str) -> str:
    """`value` with lone surrogates replaced by U+FFFD (warned about, naming the record and field)."""
    if value.isascii() or not _SURROGATE.search(value):
        return value
    count = len(_SURROGATE.findall(value))
    log.warning(
        "%s: `%s` holds %d lone surrogate%s (half of a UTF-16 pair, not a character); replaced by U+FFFD",
        origin,
        field,
        count,
        "" if count == 1 else "s",
    )
    return _SURROGATE.sub("\ufffd", value)


def kind_of(value: object) -> str:
    names = {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}
    return names.get(type(value), f"a {type(value).__name__}")


def check_id(value: object, origin: str) -> str | None:
    """A record id as a string: strings stay, integers become their decimal form, the rest is refused."""
    if value is None or isinstance(value, str):
        return clean_text(value, "id", origin) if value else None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # JSON ids are often numbers; 42 and "42" name the same record
    raise InputError(origin, f"`id` is {kind_of(value)}; expected a string or an integer")


def check_meta(values: dict[str, object], origin: str) -> dict[str, str | None]:
    """Title, url and source: strings (cleaned) or None. Anything else names the field and is refused: a
    number url or a list title has no one obvious string form, so guessing one would store a wrong value."""
    out: dict[str, str | None] = {}
    for name in TEXT_FIELDS:
        value = values.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(origin, f"`{name}` is {kind_of(value)}; expected a string or null")
        out[name] = None if value is None else clean_text(value, name, origin)
    return out


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
        id: str | int | None = None,
        published: object = None,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
        origin: str = "<text>",
    ) -> Article:
        """An Article from untrusted values: InputError for a field of the wrong type (naming it),
        ConfigError for a malformed date; lone surrogates replaced (see the module doc)."""
        origin = printable_origin(origin)
        if not isinstance(text, str):
            raise InputError(origin, f"`text` is {kind_of(text)}; expected a string")
        text = clean_text(text, "text", origin)
        meta = check_meta({"title": title, "url": url, "source": source}, origin)
        return cls(
            text=text,
            id=check_id(id, origin) or text_id(text),
            published=parse_published(published, f"{origin}: published"),
            origin=origin,
            **meta,
        )
