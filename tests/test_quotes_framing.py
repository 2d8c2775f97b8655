"""The edges of a reported content (stages/quotes/framing.py). Sentences are written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from newsgraph.stages.quotes.framing import without_asides


def _kept(nlp: Any, text: str, content: str) -> str:
    doc = nlp(text)
    start = text.index(content)
    span = without_asides(doc, (start, start + len(content)))
    assert span is not None
    return text[span[0] : span[1]]


@pytest.mark.model
def test_a_reported_main_clause_keeps_its_relative_clause(nlp: Any) -> None:
    """The content holds the sentence's own root ("open"): a reported clause, which keeps its relative
    clause. spaCy's `tok.head is tok` is never true (each .head is a new Token), so the root used to go
    unseen and the relative clause was cut as the reporter's aside."""
    text = "According to the mayor, the new bridge will open in May, which pleased the shop owners."
    content = "the new bridge will open in May, which pleased the shop owners."
    assert _kept(nlp, text, content).startswith(content.rstrip("."))


@pytest.mark.model
def test_a_reported_noun_phrase_loses_the_reporter_s_relative_clause(nlp: Any) -> None:
    text = "The union opposed the new schedule, which forced nurses to work weekends."
    content = "the new schedule, which forced nurses to work weekends."
    assert _kept(nlp, text, content) == "the new schedule"
