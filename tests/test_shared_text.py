"""bench/shared_text.py: runs of words a tracked file shares with a text of ../shared (the text rule).

The unit tests build a small shared folder of sentences written for them; the last test runs the check on
the repo and needs ../shared.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.training_script import ROOT, load_training_script

SHARED = ROOT.parent / "shared"

# Written for these tests: stand-ins for a shared record and a shared article.
RECORD = (
    "The harbour board of Velmont voted on Tuesday to close the old ferry pier for good, "
    "after the Ministry of Coastal Works and Fisheries of Velmont found its pilings rotten."
)
ARTICLE = "Lanterns hung over the quiet market square while the brass band practised its slow march."


@pytest.fixture(scope="module")
def st() -> Any:
    return load_training_script("bench/shared_text.py", "shared_text_check")


@pytest.fixture(scope="module")
def index(st: Any, tmp_path_factory: pytest.TempPathFactory) -> Any:
    shared = tmp_path_factory.mktemp("shared")
    (shared / "dev" / "made").mkdir(parents=True)
    (shared / "corpus").mkdir()
    rec = {
        "id": "made-0001",
        "text": RECORD,
        "url": "http://example.org/velmont-harbour-board-votes-to-close",
    }
    (shared / "dev" / "made" / "dev.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (shared / "corpus" / "001_made.txt").write_text(ARTICLE, encoding="utf-8")
    return st.build_index(shared, 7)


def findings(st: Any, index: Any, text: str, allow: Any = None) -> list[Any]:
    allow = allow or st.Allow([], frozenset({"of", "and", "the"}))
    return st.scan_texts([("f.md", st.unescape(text))], index, allow)  # type: ignore[no-any-return]


def test_a_run_of_seven_shared_words_is_found_with_its_line(st: Any, index: Any) -> None:
    found = findings(st, index, "Intro line.\nThen: voted on Tuesday to close the old ferry, it says.\n")
    assert [(f.line, f.length, f.count, f.where) for f in found] == [(2, 8, 1, "made/dev.jsonl:made-0001")]


def test_six_shared_words_are_not_a_finding(st: Any, index: Any) -> None:
    assert findings(st, index, "They voted on Tuesday to close a road.") == []


def test_case_punctuation_and_comment_marks_do_not_hide_a_run(st: Any, index: Any) -> None:
    text = "# Lanterns hung over the quiet\n#   MARKET square, while the brass band\n"
    found = findings(st, index, text)
    assert len(found) == 1 and found[0].length == 11 and found[0].where == "corpus/001_made.txt"


def test_a_sentence_in_an_escaped_string_is_read_as_the_sentence(st: Any, index: Any) -> None:
    text = '{"note": "x\\nlanterns hung over the quiet market square\\u2019s"}'
    assert [f.line for f in findings(st, index, text)] == [1]


def test_a_capital_that_lowercases_to_two_characters_moves_no_offset(st: Any, index: Any) -> None:
    # "İ".lower() is two characters: the line and the words reported are still the file's own
    found = findings(st, index, "İİİİİİİİİİ Lanterns\nhung over the quiet market square.\n")
    assert [(f.line, f.text) for f in found] == [(1, "Lanterns hung over the quiet market square")]


def test_overlapping_runs_are_one_finding_of_their_whole_length(st: Any, index: Any) -> None:
    found = findings(
        st, index, "the brass band practised its slow march and the harbour board of Velmont voted on"
    )
    assert [f.length for f in found] == [7, 7]
    found = findings(st, index, "Velmont voted on Tuesday to close the old ferry pier for good, after")
    assert [f.length for f in found] == [13]


def test_a_full_name_the_shared_text_writes_capitalised_is_a_fact(st: Any, index: Any) -> None:
    assert findings(st, index, "the Ministry of Coastal Works and Fisheries of Velmont") == []
    # the same name run on into the shared sentence's other words is text
    assert findings(st, index, "Fisheries of Velmont found its pilings rotten") != []


def test_a_slug_or_an_id_is_a_fact(st: Any, index: Any) -> None:
    assert findings(st, index, "see lanterns-hung-over-the-quiet-market-square.txt") == []


def test_an_allowed_phrase_is_not_reported(st: Any, index: Any) -> None:
    allow = st.Allow([st.words("lanterns hung over the quiet market square")], frozenset())
    assert findings(st, index, "Lanterns hung over the quiet market square.", allow) == []
    assert findings(st, index, "Lanterns hung over the quiet market square while", allow) != []
    text = "Lanterns hung over the quiet market square.\nLanterns hung over the quiet market square."
    key = f"f.md:2:{st.site_digest('Lanterns hung over the quiet market square')}"
    allow = st.Allow([], frozenset(), frozenset({key}))
    assert [f.line for f in findings(st, index, text, allow)] == [1]
    # the key names the finding, not the line: another copy put on that line is still reported
    other = (
        "Our own first line.\nLanterns hung over the quiet market square, our own words go here, and"
        " then the brass band practised its slow march."
    )
    found = findings(st, index, other, allow)
    assert [(f.line, f.text) for f in found] == [(2, "the brass band practised its slow march")]


def test_the_allow_list_reads_and_refuses_a_line_without_a_reason(st: Any, tmp_path: Path) -> None:
    good = tmp_path / "allow.tsv"
    good.write_text(
        "# c\nphrase\tone two three\twhy\nconnectors\tof and\twhy\nsite\tdocs/a.md:12:0123456789ab\twhy\n",
        encoding="utf-8",
    )
    sites = frozenset({"docs/a.md:12:0123456789ab"})
    want = st.Allow([["one", "two", "three"]], frozenset({"of", "and"}), sites)
    assert st.read_allow(good) == want
    bad = tmp_path / "bad.tsv"
    bad.write_text("phrase\tone two three\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.tsv:1"):
        st.read_allow(bad)
    bad.write_text("site\tdocs/a.md\twhy\n", encoding="utf-8")  # no line
    with pytest.raises(ValueError, match=r"bad\.tsv:1"):
        st.read_allow(bad)
    bad.write_text("site\tdocs/a.md:12\twhy\n", encoding="utf-8")  # no digest of the finding
    with pytest.raises(ValueError, match=r"bad\.tsv:1"):
        st.read_allow(bad)
    assert st.read_allow(st.ALLOW).connectors  # the repo's own list reads


@pytest.mark.slow
@pytest.mark.skipif(
    not (SHARED / "dev").is_dir(), reason="../shared absent: nothing to check the repo against"
)
def test_no_tracked_file_repeats_a_shared_text(st: Any) -> None:
    index = st.build_index(SHARED, 7)
    found = st.scan(ROOT, index, st.read_allow(st.ALLOW), skip=[st.ALLOW])
    listed = "\n".join(f"{f.path}:{f.line}: {f.length} words, like {f.where}" for f in found)
    assert not found, f"rewrite these in our own words (python bench/shared_text.py shows them):\n{listed}"
