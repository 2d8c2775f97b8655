#!/usr/bin/env python3
"""Fuzzing the way in: generated JSONL records through the readers and extraction (issue 12).

    .venv/bin/python bench/fuzz.py [--cases 10000] [--extract-every 1] [--seed 0]

Each case is a small JSONL file of generated records: every field of a random JSON type (strings,
numbers, booleans, lists, objects, null), text full of what breaks code that assumes tidy Unicode (lone
surrogates, bidi and control characters, combining marks, U+2028, byte-order marks, NUL), sizes from empty
to a few thousand characters, broken JSON lines and blank lines between. The case is read in process, as
`newsgraph extract FILE` reads it (`read_path`), and its articles extracted (`newsgraph.extract_articles`,
every --extract-every'th case: extraction costs ~100 ms a case, reading ~1 ms). Checked:

  - nothing is raised but NewsgraphError subclasses, and no stage crashes (ExtractionError is a bug);
  - every non-blank line gives exactly one item, in order, named `path:line`;
  - a record is an Article exactly when it is valid (an object with a non-blank string text, title/url/
    source strings or null, id a string or integer, a valid date or none), its text the record's text with
    lone surrogates replaced; each bad record one InputError, one line, encodable as UTF-8;
  - every document reads back through Document.from_dict (which checks that every offset points into the
    text at what it claims, every sentence index and entity id) and has the article's text.

Failures are collected rather than stopping the run (no shrinking: each is printed with its input) and
the run exits 1 when there are any. tests/test_input_hostile.py runs a few hundred reader-level cases of
the same strategies in CI. Not run by pytest (bench/ is not collected).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from newsgraph import Article, Document, ExtractionError, InputError, NewsgraphError
from newsgraph.article import parse_published
from newsgraph.read import read_path

# Characters that trip code assuming tidy text, mixed with plain words so that some records look like news.
HOSTILE = [
    "\ud800", "\udfff", "\udc80", "\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200b", "\ufeff",
    "\x00", "\x07", "\x1b[31m", "\x7f", "\x85", "\u2028", "\u2029", "\r", "\r\n", "\t", "\x0b", "\x0c",
    "e\u0301", "\u0301\u0301\u0301", "\U0001f600", "\u0645\u0631\u062d\u0628\u0627", "\u5317\u4eac",
    '"', "\u201c", "\u201d", "\\", "{", "}", "</p>", "<p>", "&amp;", "Amina Diallo", "Paris", "said",
    "the United Nations", "on Monday", " ", ". ", "\n\n",
]  # fmt: skip
hostile_text = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=12), max_size=40).map("".join)
long_text = st.integers(0, 3000).map(lambda n: "Talks resumed in Geneva on Monday. " * (n // 35 + 1))
text_value = hostile_text | long_text | st.sampled_from(["", " ", "\n\t", "\ud800"])
any_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(hostile_text, inner, max_size=3),
    max_leaves=5,
)
date_value = st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["2024-02-30", "yesterday", "", 2024])


@st.composite
def record(draw: st.DrawFn) -> Any:
    """A JSON value for one line: mostly records, each field usually of the right type, often not."""
    if draw(st.integers(0, 19)) == 0:
        return draw(any_json)  # not an object at all
    out: dict[str, Any] = {}
    for name, good in (
        ("text", text_value),
        ("id", hostile_text | st.integers(-5, 10**6)),
        ("title", hostile_text),
        ("url", hostile_text),
        ("source", hostile_text),
        ("published", date_value),
    ):
        choice = draw(st.integers(0, 9))
        if choice < 6:
            out[name] = draw(good)
        elif choice < 8:
            out[name] = draw(any_json)
        # else: left out
    if draw(st.integers(0, 9)) == 0:
        out["html"] = draw(st.sampled_from(["<p>", "<html><body><p>Ministers met.</p></body></html>"]))
    return out


@st.composite
def jsonl_case(draw: st.DrawFn) -> list[str]:
    """The lines of one JSONL file: records (escaped as JSON writes them), broken lines and blank lines."""
    lines = []
    for value in draw(st.lists(record(), min_size=1, max_size=6)):
        kind = draw(st.integers(0, 19))
        lines.append("" if kind == 0 else "{broken" if kind == 1 else json.dumps(value))
    return lines


def expect_good(value: Any) -> bool | None:
    """Whether a record must give an Article (None: cannot tell, an HTML page may have no main text)."""
    if not isinstance(value, dict):
        return False
    for name in ("title", "url", "source"):
        if value.get(name) is not None and not isinstance(value[name], str):
            return False
    ident = value.get("id")
    if ident is not None and not isinstance(ident, str) and (type(ident) is not int):
        return False
    if any(value.get(k) is not None and not isinstance(value[k], str) for k in ("text", "html")):
        return False
    try:
        parse_published(value.get("published"))
    except NewsgraphError:
        return False
    text = value.get("text")
    if isinstance(text, str) and text.strip():
        return True
    html = value.get("html")
    return None if isinstance(html, str) and html.strip() else False


def _encodable(*values: str | None) -> None:
    for value in values:
        if value is not None:
            value.encode("utf-8")


def check_reading(lines: list[str], folder: Path) -> list[Article]:
    """Read one case as `newsgraph extract FILE` would; AssertionError on any broken promise."""
    path = folder / "case.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_path(path))  # anything but a yielded error propagates: a failure of the case
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:  # a file of blank lines is one empty input
        assert len(items) == 1 and isinstance(items[0], InputError) and "is empty" in items[0].reason, items
        return []
    assert len(items) == len(numbered), f"{len(numbered)} lines gave {len(items)} items"
    articles = []
    for (number, line), item in zip(numbered, items, strict=True):
        origin = f"{path}:{number}"
        value = json.loads(line) if line != "{broken" else None
        good = False if value is None else expect_good(value)
        if isinstance(item, Article):
            assert good is not False, f"line {number} should be refused: {line[:200]}"
            assert item.origin == origin, item.origin
            _encodable(item.text, item.id, item.title, item.url, item.source, item.origin)
            if isinstance(value, dict) and isinstance(value.get("text"), str) and value["text"].strip():
                assert len(item.text) == len(value["text"]), "replacement changed the text's length"
            articles.append(item)
        else:
            assert isinstance(item, InputError), f"line {number}: {type(item).__name__}: {item}"
            assert good is not True, f"line {number} refused: {item}"
            assert item.origin == origin and "\n" not in str(item), str(item)
            _encodable(str(item))
    return articles


def check_extraction(articles: list[Article]) -> None:
    from newsgraph import ExtractOptions, extract_articles

    results = list(extract_articles(articles, ExtractOptions(batch_size=8)))
    assert len(results) == len(articles)
    for article, result in zip(articles, results, strict=True):
        if isinstance(result, ExtractionError):
            raise AssertionError(f"a stage crashed on {article.text[:200]!r}: {result}")
        if isinstance(result, NewsgraphError):
            continue  # refused on purpose (too long, ...): allowed
        assert isinstance(result, Document) and result.text == article.text and result.id == article.id
        Document.from_dict(json.loads(json.dumps(result.to_dict())))  # offsets, indexes and ids hold


def run(cases: int, extract_every: int, seed: int) -> int:
    logging.getLogger("newsgraph.read").setLevel(logging.ERROR)  # the surrogate warnings are expected
    failures: Counter[str] = Counter()
    examples: dict[str, str] = {}
    count = 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)

        @settings(
            max_examples=cases,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            derandomize=False,
            suppress_health_check=list(HealthCheck),
        )
        @given(lines=jsonl_case())
        def case(lines: list[str]) -> None:
            nonlocal count
            count += 1
            try:
                articles = check_reading(lines, folder)
                if extract_every and count % extract_every == 0:
                    check_extraction(articles)
            except Exception as exc:  # collected, not raised: the run goes on to find the others
                kind = f"{type(exc).__name__}: {str(exc)[:120]}"
                failures[kind] += 1
                examples.setdefault(kind, "\n".join(lines)[:600])

        import random

        random.seed(seed)
        started = time.perf_counter()
        case()
        took = time.perf_counter() - started
    print(f"cases: {count} in {took:.0f} s (extraction every {extract_every or 'no'} case)")
    print(f"failures: {sum(failures.values())} ({len(failures)} kinds)")
    for kind, n in failures.most_common():
        print(f"\n{n} x {kind}\n  input: {examples[kind]!r}")
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10_000, help="generated JSONL files (default 10,000)")
    ap.add_argument("--extract-every", type=int, default=1, help="extract every Nth case (0: never)")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    return run(a.cases, a.extract_every, a.seed)


if __name__ == "__main__":
    sys.exit(main())
