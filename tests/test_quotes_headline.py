"""Title-Case headlines read by their shape (no parse needed)."""

from __future__ import annotations

from newsgraph.stages.common import EntityIndex
from newsgraph.stages.quotes.headline import headline_quote, is_headline

EMPTY = EntityIndex(())


def read(line: str) -> tuple[str, str, str | None, str] | None:
    h = headline_quote(line, 0, len(line), EMPTY)
    return None if h is None else (line[h.start : h.end], h.cue, h.speaker.text, h.kind)


def test_headline_shape() -> None:
    assert is_headline("Harbour Town Mayor Warns Budget Cuts Will Close Two Schools")
    assert not is_headline("The mayor warned on Monday that the budget cuts would close two schools.")
    assert not is_headline("Short Line")


def test_source_cue_content() -> None:
    got = read("Harbour Town Mayor Warns Budget Cuts Will Close Two Schools")
    assert got == ("Budget Cuts Will Close Two Schools", "Warns", "Harbour Town Mayor", "indirect")


def test_bare_verb_only_after_a_plural_source() -> None:
    got = read("Angry Farmers Slam New Water Rules In Valley Towns")
    assert got is not None and got[0] == "New Water Rules In Valley Towns" and got[1] == "Slam"
    assert read("One Tweet Sums Up The Whole Campaign In Ten Words") is None


def test_content_then_source_says() -> None:
    got = read("The Bridge Will Open In Spring, Transport Minister Says.")
    assert got == ("The Bridge Will Open In Spring", "Says", "Transport Minister", "indirect")


def test_label_and_quoted_content() -> None:
    got = read("Senator Hale Blasts Port Authority: ‘You Have Failed Every Family Here.’")
    assert got is not None and got[0] == "You Have Failed Every Family Here" and got[3] == "direct"
    assert got[2] == "Senator Hale Blasts Port Authority"


def test_no_cue_no_quote() -> None:
    assert read("Storm Season Arrives Early Across The Northern Coast") is None
