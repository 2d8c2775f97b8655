"""The quotation spans the pronoun resolvers read (entities/quoted.quoted_spans): a pair of straight
single marks ('' or ``) is one mark and a lone one none; curly marks say which way they face; a quotation
ends with its paragraph. Sentences written for these tests."""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from newsgraph.stages.base import Parsed
from newsgraph.stages.entities.quoted import quoted_spans


def spans(text: str) -> list[str]:
    return [text[a:b] for a, b in quoted_spans(cast(Parsed, SimpleNamespace(text=text)))]


def test_straight_marks_alternate() -> None:
    assert spans('He said "we will stay" and "we will win".') == ["we will stay", "we will win"]


def test_a_pair_of_single_marks_is_one_mark_and_a_lone_one_none() -> None:
    assert spans("``the mill's roof leaks'' she said, 'maybe'") == ["the mill's roof leaks"]
    assert spans("it's ''quiet'' now") == ["quiet"]


def test_curly_marks_face_their_way() -> None:
    assert spans("“one” then ”two then «three»") == ["one", "three"]


def test_a_quotation_ends_with_its_paragraph() -> None:
    assert spans('"an open quote\n\nThe next paragraph says "this".') == ["this"]


def test_the_same_text_asked_twice_gives_a_list_of_its_own() -> None:
    first = quoted_spans(cast(Parsed, SimpleNamespace(text='"a" b')))
    first.clear()
    assert spans('"a" b') == ["a"]
