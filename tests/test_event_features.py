"""The event classifier's sentence context reads a DATE entity from the tokens exactly as `Span.ents`
would: only an entity wholly inside the sentence counts."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from newsgraph.models.event_features import sentence_context


def doc_with_date(words: list[str], date: tuple[int, int], sentences: list[int]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=[i in sentences for i in range(len(words))])
    doc.ents = [Span(doc, *date, label="DATE")]
    return doc


def test_a_date_inside_the_sentence_counts() -> None:
    words = "Talks began on Monday . They ended ."
    doc = doc_with_date(words.split(), (3, 4), [0, 5])
    first, second = doc.sents
    assert sentence_context(first).has_date and not sentence_context(second).has_date
    assert [sentence_context(s).has_date for s in doc.sents] == [bool(s.ents) for s in doc.sents]


def test_a_date_running_past_the_sentence_does_not() -> None:
    words = "Talks began last . week they ended ."
    doc = doc_with_date(words.split(), (2, 5), [0, 4])
    assert [sentence_context(s).has_date for s in doc.sents] == [bool(s.ents) for s in doc.sents]
    assert not any(sentence_context(s).has_date for s in doc.sents)
