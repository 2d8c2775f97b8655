"""Quotation marks without the model: pairing, paragraphs, stray and unbalanced marks, the length bound."""

from __future__ import annotations

from newsgraph.stages.quotes.marks import MAX_QUOTE_CHARS, find_segments


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_segments(text)]


def test_straight_curly_and_guillemets() -> None:
    text = 'He said "the road is open." She said “the bridge is shut.” They said «the port is busy».'
    assert texts(text) == ["the road is open.", "the bridge is shut.", "the port is busy"]


def test_two_apostrophes_as_marks() -> None:
    text = "''We will rebuild the school,'' the mayor said."
    assert texts(text) == ["We will rebuild the school,"]


def test_stray_closing_mark_opens_nothing() -> None:
    text = "Ortiz added that the dam would hold.” Later the river rose and the town was evacuated."
    assert texts(text) == []


def test_closing_mark_typed_as_opening_at_paragraph_start() -> None:
    text = "”Fear is what I feel most days,” one reader wrote."
    assert texts(text) == ["Fear is what I feel most days,"]


def test_paragraph_left_open_and_reopened() -> None:
    text = "“The first part runs to the end of this paragraph.\n\n“The second part closes here,” she said."
    assert texts(text) == [
        "The first part runs to the end of this paragraph.",
        "The second part closes here,",
    ]
    first, second = find_segments(text)
    assert not first.closed and second.closed
    assert (first.paragraph, second.paragraph) == (0, 1)


def test_nested_quote_in_other_style_stays_inside() -> None:
    text = '"She called it “a mess” on Monday," he said.'
    assert texts(text) == ["She called it “a mess” on Monday,"]


def test_mixed_straight_opening_and_curly_closing() -> None:
    text = '"The fund will be audited,” the spokesman said.'
    assert texts(text) == ["The fund will be audited,"]


def test_quote_never_crosses_a_paragraph() -> None:
    text = "“An unclosed remark\nA plain narrative paragraph follows here."
    segs = find_segments(text)
    assert len(segs) == 1 and "\n" not in text[segs[0].start : segs[0].end]


def test_huge_quote_is_dropped_not_trusted() -> None:
    text = "“" + "word " * (MAX_QUOTE_CHARS // 2) + "” he said."
    assert find_segments(text) == []


def test_quote_mark_in_every_token_is_bounded() -> None:
    text = " ".join(f'"w{i}"' for i in range(20000))
    segs = find_segments(text)
    assert segs and all(s.length <= MAX_QUOTE_CHARS for s in segs)


def test_unbalanced_marks_in_a_long_text_stay_short() -> None:
    text = ("It was “fine. " + "More text follows. " * 50 + "\n") * 200
    segs = find_segments(text)
    assert all(s.length <= MAX_QUOTE_CHARS and "\n" not in text[s.start : s.end] for s in segs)
