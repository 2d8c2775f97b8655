"""Readers: files, pages, records, directories and stdin to Articles; every bad input becomes one
InputError naming it, and the inputs after it are still read. No model needed."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newsgraph import Article, InputError, NewsgraphError
from newsgraph.read import decode, iter_articles, read_path
from newsgraph.read.sources import read_stdin

BODY = (
    "The defence ministers of Chile and Peru met in Lima on Friday to discuss joint patrols along "
    "the Pacific coast, a ministry statement said. Both governments pledged to share radar data."
)

PAGE = """<html><head><title>Talks resume in Geneva</title>
<meta property="article:published_time" content="2024-02-06T09:00:00Z"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World news menu</a></nav>
<article><h1>Talks resume in Geneva</h1>
<p>Negotiators from both delegations returned to the table in Geneva on Monday after a pause of several
weeks, officials said.</p>
<p>The mediator, a retired Swiss diplomat, told reporters that the first session had been constructive and
that a second meeting was planned for Thursday.</p>
<p>Neither side commented on the substance of the discussions, which focus on a prisoner exchange and the
reopening of two border crossings.</p></article>
<footer>Copyright 2024 Example Media. All rights reserved.</footer></body></html>"""


def read_all(path: Path, published: str | None = None) -> list[Article | NewsgraphError]:
    return list(read_path(path, published))


def only_article(items: list[Article | NewsgraphError]) -> Article:
    assert len(items) == 1, items
    assert isinstance(items[0], Article), items[0]
    return items[0]


def only_error(items: list[Article | NewsgraphError]) -> InputError:
    assert len(items) == 1, items
    assert isinstance(items[0], InputError), items[0]
    assert "\n" not in str(items[0]), "errors are one line"
    return items[0]


# ---------------------------------------------------------------- plain text


def test_text_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    article = only_article(read_all(path, "2024-03-01"))
    assert article.text == BODY
    assert article.published == "2024-03-01"
    assert article.origin == str(path)
    assert article.id == only_article(read_all(path)).id, "the id is stable for the same text"


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "Café talks in Lomé.".encode())
    assert only_article(read_all(path)).text == "Café talks in Lomé."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    path.write_bytes(bom + "Protests in Dakar — “enough”, they said.".encode(encoding))
    assert only_article(read_all(path)).text == "Protests in Dakar — “enough”, they said."


def test_windows_and_old_mac_line_ends_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First paragraph.\r\n\r\nSecond paragraph.\rThird.")
    assert only_article(read_all(path)).text == "First paragraph.\n\nSecond paragraph.\nThird."


def test_latin1_file_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    text = (
        "Le président a rencontré le ministre à Zürich après une réunion très tendue. "
        "Les délégués ont déclaré que la coopération économique était à l'ordre du jour. "
    ) * 3
    path.write_bytes(text.encode("latin-1"))
    got = only_article(read_all(path)).text
    assert "président" in got and "Zürich" in got and "\ufffd" not in got


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    err = only_error(read_all(path))
    assert err.origin == str(path) and "empty" in err.reason


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b" \n\r\n\t ")
    assert "empty" in only_error(read_all(path)).reason


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = only_error(read_all(path))
    assert str(path) in str(err) and "binary" in err.reason


def test_oversized_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The real limit is megabytes; lower it instead of writing such a file.
    monkeypatch.setattr(decode, "MAX_BYTES", 100)
    path = tmp_path / "long.txt"
    path.write_text(BODY * 3, encoding="utf-8")
    err = only_error(read_all(path))
    assert err.origin == str(path) and "limit" in err.reason
    small = tmp_path / "short.txt"
    small.write_text("A short note from Rome.", encoding="utf-8")
    only_article(read_all(small))


def test_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    err = only_error(read_all(path))
    assert err.origin == str(path) and "no such file" in err.reason


def test_unknown_suffix(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"PK\x03\x04")
    err = only_error(read_all(path))
    assert ".xlsx" in err.reason


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: chmod 000 does not stop root, who runs these tests in some containers.
    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    path = tmp_path / "secret.txt"
    path.write_text(BODY, encoding="utf-8")
    monkeypatch.setattr(Path, "read_bytes", refuse)
    err = only_error(read_all(path))
    assert err.origin == str(path) and "cannot be read" in err.reason and "Permission denied" in err.reason


# ---------------------------------------------------------------- HTML


def test_html_page_main_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    article = only_article(read_all(path))
    assert "Negotiators from both delegations" in article.text
    assert "World news menu" not in article.text and "All rights reserved" not in article.text
    assert article.title == "Talks resume in Geneva"
    assert article.published == "2024-02-06"


def test_html_without_date_takes_the_published_option(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_text(
        PAGE.replace('<meta property="article:published_time" content="2024-02-06T09:00:00Z">', "")
    )
    assert only_article(read_all(path, "2024-02-07")).published == "2024-02-07"


def test_html_without_main_text(tmp_path: Path) -> None:
    path = tmp_path / "menu.html"
    path.write_text("<html><head><title>Menu</title></head><body><script>var a = 1;</script></body></html>")
    err = only_error(read_all(path))
    assert err.origin == str(path) and "main text" in err.reason


# ---------------------------------------------------------------- JSONL


def test_jsonl_records_errors_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "r1", "text": BODY, "title": "Patrols", "published": "2024-04-02"}),
        "{not json",
        json.dumps({"id": "r3", "title": "no text here"}),
        "",
        json.dumps({"id": "r5", "html": PAGE, "url": "https://example.org/geneva"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "r7", "text": "Ministers met in Oslo.", "publication_date": "2024-04-03 10:00"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all(path)
    assert len(items) == 6  # the blank line is skipped, every other line gives one item

    first = items[0]
    assert isinstance(first, Article)
    assert (first.id, first.title, first.published, first.text) == ("r1", "Patrols", "2024-04-02", BODY)
    assert first.origin == f"{path}:1"

    bad_json = items[1]
    assert isinstance(bad_json, InputError) and bad_json.origin == f"{path}:2" and "JSON" in bad_json.reason

    no_text = items[2]
    assert isinstance(no_text, InputError) and no_text.origin == f"{path}:3" and '"text"' in no_text.reason

    page = items[3]
    assert isinstance(page, Article) and page.id == "r5" and page.url == "https://example.org/geneva"
    assert "Negotiators" in page.text and page.published == "2024-02-06"

    not_object = items[4]
    assert isinstance(not_object, InputError) and not_object.origin == f"{path}:6"

    other_date_field = items[5]
    assert isinstance(other_date_field, Article) and other_date_field.published == "2024-04-03"


def test_jsonl_default_date_only_fills_records_without_one(tmp_path: Path) -> None:
    path = tmp_path / "defaults.jsonl"
    records = [{"id": "own", "text": BODY, "published": "2024-04-02"}, {"id": "none", "text": BODY}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    got = {a.id: a.published for a in read_all(path, "2024-01-01") if isinstance(a, Article)}
    assert got == {"own": "2024-04-02", "none": "2024-01-01"}


def test_jsonl_record_keeps_its_text_exactly(tmp_path: Path) -> None:
    # Gold offsets point into the record's text: no newline or space normalisation is allowed.
    text = "  Leading space.\r\nA Windows line end inside a record.\n"
    path = tmp_path / "exact.jsonl"
    path.write_text(json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8")
    assert only_article(read_all(path)).text == text


def test_jsonl_record_with_bad_date(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    path.write_text(json.dumps({"id": "d", "text": BODY, "published": "sometime"}) + "\n", encoding="utf-8")
    items = read_all(path)
    assert len(items) == 1 and isinstance(items[0], NewsgraphError), items
    assert f"{path}:1" in str(items[0]) and "sometime" in str(items[0])


# ---------------------------------------------------------------- directories and stdin


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Second article, from Quito.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("First article, from Lima.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text(json.dumps({"id": "c", "text": "Third, from La Paz."}) + "\n")
    (tmp_path / "notes.xlsx").write_bytes(b"ignored")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("Hidden, never read.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    items = read_all(tmp_path)
    texts = [i.text if isinstance(i, Article) else f"error: {i}" for i in items]
    assert texts[0].startswith("First") and texts[1].startswith("Second")
    assert texts[2].startswith("error:") and "empty.txt" in texts[2]
    assert texts[3].startswith("Third")
    assert len(items) == 4


def test_empty_directory(tmp_path: Path) -> None:
    err = only_error(read_all(tmp_path))
    assert err.origin == str(tmp_path) and "no readable files" in err.reason


def test_iter_articles_goes_on_after_a_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(BODY, encoding="utf-8")
    items = list(iter_articles([str(tmp_path / "missing.txt"), str(good)], published="2024-05-05"))
    assert isinstance(items[0], InputError)
    assert isinstance(items[1], Article) and items[1].published == "2024-05-05"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    raw = "\ufeffStatement from Nairobi.\r\nSecond line.".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"))
    items = list(iter_articles(["-"], published="2024-06-01"))
    article = only_article(items)
    assert article.text == "Statement from Nairobi.\nSecond line."
    assert article.origin == "<stdin>" and article.published == "2024-06-01"


def test_empty_stdin() -> None:
    stream = io.TextIOWrapper(io.BytesIO(b""), encoding="utf-8")
    err = only_error(list(read_stdin(stream)))
    assert err.origin == "<stdin>" and "empty" in err.reason


def test_text_stream_without_buffer() -> None:
    article = only_article(list(read_stdin(io.StringIO("Ministers met in Accra."))))
    assert article.text == "Ministers met in Accra."


def test_a_record_with_a_malformed_date_is_bad_input_named_by_line(tmp_path: Path) -> None:
    path = tmp_path / "dated.jsonl"
    path.write_text(
        '{"id": "a", "text": "Talks opened in Oslo.", "published": "2023-13-45"}\n'
        '{"id": "b", "text": "Talks closed in Oslo.", "published": "2023-08-03"}\n',
        encoding="utf-8",
    )
    results = read_all(path)
    assert isinstance(results[0], InputError) and results[0].origin == f"{path}:1"
    assert "2023-13-45" in results[0].reason
    assert isinstance(results[1], Article) and results[1].published == "2023-08-03"


def test_a_line_separator_inside_a_json_string_does_not_split_the_record(tmp_path: Path) -> None:
    path = tmp_path / "sep.jsonl"
    path.write_text('{"id": "a", "text": "One line\u2028and the same record."}\n', encoding="utf-8")
    article = only_article(read_all(path))
    assert "\u2028" in article.text


def test_the_page_date_wins_over_the_callers_date(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    body = "<p>" + " ".join(["Ministers met in Lisbon to discuss the fishing quota dispute."] * 8) + "</p>"
    page.write_text(
        '<html><head><meta property="article:published_time" content="2022-05-04"><title>Quota talks</title>'
        f"</head><body><article>{body}</article></body></html>",
        encoding="utf-8",
    )
    article = only_article(list(read_path(page, "2023-01-01")))
    assert article.published == "2022-05-04"


def test_a_headline_like_first_line_of_a_text_file_is_its_title(tmp_path: Path) -> None:
    from newsgraph.read import read_path
    from newsgraph.read.sources import headline_of

    text = "Chad closes its border with Sudan\n\nN'DJAMENA — Chad closed its border on Monday.\n"
    path = tmp_path / "story.txt"
    path.write_text(text, encoding="utf-8")
    [article] = list(read_path(path))
    assert article.title == "Chad closes its border with Sudan"
    assert article.text == text, "the headline stays in the text, so offsets do not move"
    assert headline_of("Chad closed its border on Monday, officials said.\nMore.") is None  # a sentence
    assert headline_of("Chad closes its border with Sudan") is None  # nothing after it
    assert headline_of("chad closes its border\nmore text") is None  # not capitalised
