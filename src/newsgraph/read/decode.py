"""Bytes to text: byte-order marks, encodings, binary detection, size limits, line ends."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from ..errors import InputError

#: The reason given for an input with no text, by the readers and by `newsgraph.extract()` alike.
EMPTY_REASON = "is empty (no text after decoding); expected an article"

#: Larger inputs are refused: no news article is this long, and a parse would take minutes.
MAX_BYTES = 20_000_000

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_size(size: int, origin: str, limit: int | None = None) -> None:
    limit = MAX_BYTES if limit is None else limit
    if size > limit:
        raise InputError(
            origin,
            f"input is {size:,} bytes, more than the {limit:,}-byte limit for one article; "
            "split it into articles (a .jsonl file of records, or a directory of files)",
        )


def normalise_newlines(text: str) -> str:
    """Windows and old Mac line ends become \\n, so offsets mean the same on every platform."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode an article's bytes; raise InputError for empty, binary or undecodable input."""
    check_size(len(data), origin)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_newlines(data.decode(encoding).lstrip("\ufeff"))
            except UnicodeDecodeError as exc:
                raise InputError(
                    origin, f"starts with a {encoding} byte-order mark but is not {encoding}: {exc}"
                ) from exc
    if looks_binary(data):
        raise InputError(origin, "looks binary (NUL or control bytes), expected text, HTML or JSONL")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data[:200_000]).best()
        if best is None or best.encoding is None:
            raise InputError(origin, "cannot tell the text encoding; save the file as UTF-8") from None
        text = data.decode(best.encoding, errors="replace")
    text = normalise_newlines(text)
    if not text.strip():
        raise InputError(origin, EMPTY_REASON)
    return text
