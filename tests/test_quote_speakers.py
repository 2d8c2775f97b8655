"""Quote speakers found through the parse when the cue's own subject is missing or misplaced (issue 14).
Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph import Document, Quote

pytestmark = pytest.mark.model

Extract = Callable[..., Document]


def quote_with(doc: Document, words: str) -> Quote:
    found = [q for q in doc.quotes if words in doc.text[q.start : q.end]]
    assert len(found) == 1, [(doc.text[q.start : q.end], q.speaker_text) for q in doc.quotes]
    return found[0]


def speaker_name(doc: Document, q: Quote) -> str | None:
    return next((e.name for e in doc.entities if e.id == q.speaker), None)


def test_a_cue_without_a_subject_takes_the_subject_that_controls_it(extract: Extract) -> None:
    doc = extract("Maria Lopez was quick to insist that the plan had failed.")
    q = quote_with(doc, "the plan had failed")
    assert speaker_name(doc, q) == "Maria Lopez"


def test_the_subject_next_to_the_cue_is_the_source(extract: Extract) -> None:
    doc = extract("Their objections notwithstanding, independent auditors agree the accounts are clean.")
    q = quote_with(doc, "the accounts are clean")
    assert q.speaker_text == "independent auditors"


def test_words_inside_the_quote_are_never_its_source(extract: Extract) -> None:
    doc = extract(
        '"We have paid every tax we owed," Tom Reed said on Friday, adding that his accounts were clean.'
    )
    for q in doc.quotes:
        assert speaker_name(doc, q) == "Tom Reed", (doc.text[q.start : q.end], q.speaker_text)
