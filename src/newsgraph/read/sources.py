"""Paths to Articles: files by suffix, directories (recursive, sorted), and standard input."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TextIO

from ..article import Article, clean_text, printable_origin
from ..errors import InputError, NewsgraphError
from .decode import check_size, decode_bytes, normalise_newlines
from .feed import FEED_SUFFIXES, read_feed_file
from .html import article_from_html
from .jsonl import iter_jsonl

ArticleOrError = Article | NewsgraphError

TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def _read_bytes(path: Path, origin: str) -> bytes:
    try:
        check_size(path.stat().st_size, origin)
        return path.read_bytes()
    except OSError as exc:
        raise InputError(origin, f"cannot be read ({exc.strerror or exc})") from exc


#: A first line that reads as a headline: a capitalised run of 2 to 25 words, not ended as a sentence.
_HEADLINE = re.compile(r"^(?=\S)(?P<line>[^\n]{8,200})\n")
_SENTENCE_END = tuple(".?!:;\"”’'")


def headline_of(text: str) -> str | None:
    """The title a plain-text article gives itself: its first line when that line reads as a headline
    (short, capitalised, no closing full stop, more text after it). The line stays in the text, so every
    offset still points where it did."""
    m = _HEADLINE.match(text)
    if m is None:
        return None
    line = m.group("line").strip()
    words = line.split()
    if not 2 <= len(words) <= 25 or line.endswith(_SENTENCE_END) or not line[0].isupper():
        return None
    if not text[m.end() :].strip():
        return None
    return line


def _text_file(path: Path, origin: str, published: str | None) -> Iterator[ArticleOrError]:
    text = decode_bytes(_read_bytes(path, origin), origin)
    yield Article.make(text, published=published, origin=origin, title=headline_of(text))


def _html_file(path: Path, origin: str, published: str | None) -> Iterator[ArticleOrError]:
    html = decode_bytes(_read_bytes(path, origin), origin)
    yield article_from_html(html, origin, published=published)


def _jsonl_file(path: Path, origin: str, published: str | None) -> Iterator[ArticleOrError]:
    text = decode_bytes(_read_bytes(path, origin), origin)
    # Split on \n only: str.splitlines() also breaks at U+2028, U+0085 ... inside JSON strings.
    yield from iter_jsonl(iter(text.split("\n")), origin, published)


# Suffix -> reader. Feed files are added by the feed reader module when it is present.
READERS: dict[str, Callable[[Path, str, str | None], Iterator[ArticleOrError]]] = {
    **dict.fromkeys(TEXT_SUFFIXES, _text_file),
    **dict.fromkeys(HTML_SUFFIXES, _html_file),
    **dict.fromkeys(JSONL_SUFFIXES, _jsonl_file),
    **dict.fromkeys(FEED_SUFFIXES, read_feed_file),
}


def _guarded(origin: str, produce: Callable[[], Iterator[ArticleOrError]]) -> Iterator[ArticleOrError]:
    """Run a reader, turning its errors into yielded values so the batch goes on."""
    try:
        yield from produce()
    except NewsgraphError as exc:
        yield exc
    except (OSError, ValueError, UnicodeError) as exc:
        # The exception's text may quote the raw file name: made printable like the origin.
        yield InputError(origin, printable_origin(f"cannot be read ({type(exc).__name__}: {exc})"))


def readable_files(directory: Path) -> list[Path]:
    """The files below `directory` a reader knows by suffix, in name order, leaving out hidden files and
    anything inside a hidden folder (`.git`, `.cache`)."""
    files = sorted(p for p in directory.rglob("*") if p.is_file() and p.suffix.lower() in READERS)
    return [p for p in files if not any(part.startswith(".") for part in p.relative_to(directory).parts)]


def read_path(path: Path, published: str | None = None) -> Iterator[ArticleOrError]:
    """Articles (or errors) from one file or directory."""
    # A file name may hold bytes that are not UTF-8 (surrogates after os.fsdecode) or a newline: every
    # message and stored origin uses this printable form, so it can be encoded and stays on one line.
    origin = printable_origin(str(path))
    if path.is_dir():
        files = readable_files(path)
        if not files:
            yield InputError(origin, f"directory has no readable files ({', '.join(sorted(READERS))})")
        for file in files:
            yield from read_path(file, published)
        return
    if not path.exists():
        yield InputError(origin, "no such file or directory")
        return
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield InputError(
            origin,
            f"unknown file type {printable_origin(path.suffix)!r}; "
            f"expected one of {', '.join(sorted(READERS))}",
        )
        return
    yield from _guarded(origin, lambda: reader(path, origin, published))


def read_stdin(stream: TextIO | None = None, published: str | None = None) -> Iterator[ArticleOrError]:
    stream = stream or sys.stdin

    def produce() -> Iterator[ArticleOrError]:
        # A text stream (no bytes underneath) may hold lone surrogates, which UTF-8 cannot encode.
        raw = (
            stream.buffer.read()
            if hasattr(stream, "buffer")
            else clean_text(stream.read(), "text", "<stdin>").encode("utf-8")
        )
        text = decode_bytes(raw, "<stdin>")
        yield Article.make(normalise_newlines(text), published=published, origin="<stdin>")

    yield from _guarded("<stdin>", produce)


def iter_articles(paths: Iterable[str], published: str | None = None) -> Iterator[ArticleOrError]:
    """Every article of every path, in order; `-` is standard input."""
    for name in paths:
        if name == "-":
            yield from read_stdin(published=published)
        else:
            yield from read_path(Path(name), published)
