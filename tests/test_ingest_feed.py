"""RSS and Atom feed files: one article per item with its title, link, date and source."""

from __future__ import annotations

from pathlib import Path

from newsgraph.article import Article
from newsgraph.errors import InputError
from newsgraph.read import read_path
from newsgraph.read.feed import fragment_text

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title><link>https://gazette.example</link>
<item><title>Ferry talks resume</title><link>https://gazette.example/ferry</link>
<guid>gazette-101</guid><pubDate>Mon, 04 Mar 2024 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The port authority met the unions on Monday.&lt;/p&gt;&lt;p&gt;Both sides said talks
would go on &amp;amp; a deal was near.&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://gazette.example/empty</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Times</title>
<entry><title>Bridge reopens</title><id>urn:valley:7</id><link href="https://valley.example/bridge"/>
<updated>2024-02-28T18:00:00Z</updated>
<content type="html">&lt;p&gt;The old bridge reopened after repairs.&lt;/p&gt;</content></entry>
</feed>"""


def _read(tmp_path: Path, name: str, text: str) -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return list(read_path(path))


def test_rss_items_become_articles_with_metadata(tmp_path):
    first, second = _read(tmp_path, "news.rss", RSS)
    assert isinstance(first, Article)
    assert first.text == (
        "The port authority met the unions on Monday.\n\nBoth sides said talks would go on & a deal was near."
    )
    assert (first.id, first.title, first.url) == (
        "gazette-101",
        "Ferry talks resume",
        "https://gazette.example/ferry",
    )
    assert (first.published, first.source) == ("2024-03-04", "Harbour Gazette")
    assert first.origin.endswith("news.rss#1")
    assert isinstance(second, InputError) and "no text" in second.reason and second.origin.endswith("#2")


def test_atom_entries(tmp_path):
    [entry] = _read(tmp_path, "valley.atom", ATOM)
    assert isinstance(entry, Article)
    assert entry.text == "The old bridge reopened after repairs."
    assert (entry.id, entry.url, entry.published, entry.source) == (
        "urn:valley:7", "https://valley.example/bridge", "2024-02-28", "Valley Times",
    )  # fmt: skip


def test_a_feed_that_is_not_xml_or_not_a_feed_is_one_clear_error(tmp_path):
    [err] = _read(tmp_path, "broken.xml", "<rss><channel><item>unclosed")
    assert isinstance(err, InputError) and "not an RSS or Atom feed" in err.reason
    [err] = _read(tmp_path, "plain.xml", '<?xml version="1.0"?><inventory><box/></inventory>')
    assert isinstance(err, InputError) and "not an RSS or Atom feed" in err.reason


def test_feed_files_in_directories_are_read(tmp_path):
    (tmp_path / "feeds").mkdir()
    (tmp_path / "feeds" / "a.xml").write_text(ATOM, encoding="utf-8")
    [entry] = list(read_path(tmp_path))
    assert isinstance(entry, Article) and entry.title == "Bridge reopens"


def test_fragment_text_keeps_paragraphs_and_drops_scripts():
    html = "<div>One <b>bold</b> line.<script>var x = 1;</script></div><p>Two&nbsp;lines</p>"
    assert fragment_text(html) == "One bold line.\n\nTwo lines"
