"""Cue verbs that name a deed, not words (stages/quotes/deeds.py), sources clipped at a dateline, and a bare
"the commission" speaking for the organisation named before it, on sentences written for these tests
(needs the spaCy model)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsgraph.model import Document

pytestmark = pytest.mark.model

Extract = Callable[..., Document]


def cues(doc: Document) -> list[str | None]:
    return [q.cue for q in doc.quotes]


@pytest.mark.parametrize(
    "sentence",
    [
        "Protesters blocked the road to the parliament for six hours on Friday.",  # a physical target
        "Insurgents attacked Colonel Amadou Diallo's unit overnight.",  # an armed subject
        "The group attacked Kaduna on Sunday, killing four farmers.",  # a participle of harm
    ],
)
def test_a_physical_attack_or_blockade_is_no_quote(extract: Extract, sentence: str) -> None:
    doc = extract(sentence)
    assert not any(c in ("attacked", "blocked") for c in cues(doc)), [(q.cue, q.text) for q in doc.quotes]


def test_a_verbal_attack_is_still_a_stance_quote(extract: Extract) -> None:
    doc = extract("The senator attacked the governor's budget plan in a speech on Tuesday.")
    assert [(q.cue, q.text) for q in doc.quotes] == [("attacked", "the governor's budget plan")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile recalled its ambassador to Argentina on Thursday.",
        "Oslo recalls envoy after spy arrests",
    ],
)
def test_recalling_an_envoy_is_no_quote(extract: Extract, sentence: str) -> None:
    doc = extract(sentence)
    assert not doc.quotes, [(q.cue, q.text) for q in doc.quotes]


def test_recalling_what_happened_is_still_a_quote(extract: Extract) -> None:
    doc = extract("The minister recalled that the treaty was signed in a hurry.")
    assert [(q.cue, q.text) for q in doc.quotes] == [("recalled", "that the treaty was signed in a hurry")]


def test_a_source_starts_after_the_dateline(extract: Extract) -> None:
    text = "Strike ends\n\nDUNMORE, May 5 - Union leader Tom Reilly said the strike was over."
    doc = extract(text, published="2025-05-05")
    (quote,) = doc.quotes
    assert quote.speaker_text == "Union leader Tom Reilly"


@pytest.mark.parametrize(
    "sentence",
    [
        "Governor Ellen Marsh won the support of 40 delegates on the first ballot.",
        "The mayor has lost the backing of the city's largest union.",
    ],
)
def test_support_received_from_others_is_no_quote(extract: Extract, sentence: str) -> None:
    doc = extract(sentence)
    assert not doc.quotes, [(q.cue, q.speaker_text, q.text) for q in doc.quotes]


def test_a_position_given_with_of_is_still_a_quote(extract: Extract) -> None:
    doc = extract("The union offered support of the strike.")
    assert ("support", "the strike") in [(q.cue, q.text) for q in doc.quotes]


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor attacked the Daily Post for its coverage of the strike.",  # a name, not a post
        "The senator attacked her rival's base in a speech on Monday.",  # a political base
    ],
)
def test_an_attack_in_words_on_a_name_or_a_base_is_still_a_quote(extract: Extract, sentence: str) -> None:
    doc = extract(sentence)
    assert [q.cue for q in doc.quotes] == ["attacked"], [(q.cue, q.text) for q in doc.quotes]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The Independent Electoral Commission announced the results on Tuesday. "
            "The commission said turnout was 61 percent.",
            "Independent Electoral Commission",
        ),
        (
            "Nordvik Shipping Company cut 300 jobs in March. The company said demand had collapsed.",
            "Nordvik Shipping Company",
        ),
    ],
)
def test_the_noun_speaks_for_the_organisation_named_before(extract: Extract, text: str, speaker: str) -> None:
    doc = extract(text)
    quote = doc.quotes[-1]
    assert quote.speaker is not None and doc.entity(quote.speaker).name == speaker  # type: ignore[union-attr]


def test_research_is_not_the_institute_that_did_it(extract: Extract) -> None:
    doc = extract(
        "The Lanford Institute for Energy Research released a report on Monday. "
        "The research found that coal use had fallen."
    )
    assert doc.quotes[-1].speaker is None
