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


#: (a sentence, words of its quote, the name of the quote's speaker), one for each rule, named after it
NAMED_SPEAKERS = [
    pytest.param(
        "Maria Lopez was quick to insist that the plan had failed.",
        "the plan had failed",
        "Maria Lopez",
        id="a_cue_without_a_subject_takes_the_subject_that_controls_it",
    ),
    pytest.param(
        "Mr. Brown barely explained the vote, treating the judge's ruling first as a gift -- ''That helps "
        "us a lot'' -- and, when pressed after the hearing, insisting, ''Of course, I support the court.''",
        "I support the court",
        "Brown",
        id="a_free_participle_speaks_for_the_subject_of_its_sentence",
    ),
    pytest.param(
        "Mary Jones posted a string of tweets attacking the mayor over the budget.",
        "the mayor",
        "Mary Jones",
        id="what_a_person_put_out_speaks_for_them",
    ),
    pytest.param(
        'The ad shows footage of Peter Grant asking, "Why am I not winning by twenty points?"',
        "Why am I not winning",
        "Peter Grant",
        id="footage_of_a_person_asking_gives_the_person",
    ),
    pytest.param(
        "On May 2, Peter Grant made the following statement:\n\n"
        '"We will raise the wages of every worker in the state and we will do it this year."\n\n'
        "Reporters asked him about it.",
        "raise the wages",
        "Peter Grant",
        id="a_colon_after_a_statement_introduces_its_author",
    ),
    pytest.param(
        "Worried about turnout among young voters, Senator Amy Walsh is rolling out a blunt new message: "
        '"Show up for me."',
        "Show up for me",
        "Amy Walsh",
        id="a_colon_in_the_sentence_introduces_the_subject",
    ),
    pytest.param(
        "Former Secretary of State Hillary Clinton spoke in Ohio on Monday. The former secretary of state "
        "said the deal was weak.",
        "the deal was weak",
        "Hillary Clinton",
        id="a_title_with_of_resolves_to_its_holder_not_to_the_place",
    ),
    pytest.param(
        "Acme spokesman John Reyes denied it on Monday. The company spokesman said the claims were false.",
        "the claims were false",
        "John Reyes",
        id="a_description_with_a_named_client_is_not_the_client",
    ),
    pytest.param(
        "''The roads will stay closed until the ice melts on Monday.'' -- Mayor Ellen Park",
        "The roads will stay closed",
        "Ellen Park",
        id="two_hyphens_sign_a_quote_like_a_dash",
    ),
    pytest.param(
        "The city of Dayton said the roads would reopen on Monday.",
        "the roads would reopen",
        "Dayton",
        id="the_city_of_a_place_is_the_place",
    ),
    pytest.param(
        "President Barack Obama opened the museum on Saturday. ''We are not a burden on this country,'' "
        "the president added. ''We are this country.''",
        "We are not a burden",
        "Barack Obama",
        id="a_title_after_a_quotation_resolves_to_its_holder",
    ),
]


@pytest.mark.parametrize(("text", "words", "name"), NAMED_SPEAKERS)
def test_the_speaker_is_the_one_named(extract: Extract, text: str, words: str, name: str) -> None:
    doc = extract(text)
    q = quote_with(doc, words)
    assert speaker_name(doc, q) == name


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


def test_a_name_ending_a_fronted_phrase_without_a_comma_is_the_source(extract: Extract) -> None:
    doc = extract(
        "At an April lunch with the reporters of the Denver Post Sarah Smith said that the plan would fail."
    )
    q = quote_with(doc, "the plan would fail")
    assert speaker_name(doc, q) == "Sarah Smith"
    assert q.speaker_text == "Sarah Smith"


def test_a_thing_that_nobody_is_said_to_put_out_stays_the_source(extract: Extract) -> None:
    doc = extract("A string of tweets attacking the mayor over the budget appeared on Monday.")
    q = quote_with(doc, "the mayor")
    assert q.speaker_text is not None and "tweets" in q.speaker_text


def test_the_object_before_a_participle_holds_what_it_says(extract: Extract) -> None:
    doc = extract("The war also left many small nations feeling that they had no allies.")
    q = quote_with(doc, "they had no allies")
    assert q.speaker_text == "many small nations"


def test_a_colon_after_a_thing_gives_no_speaker(extract: Extract) -> None:
    doc = extract(
        "The weather report was short:\n\n"
        '"Heavy rain will fall over the whole county until late on Sunday night."'
    )
    q = quote_with(doc, "Heavy rain")
    assert q.speaker is None


def test_a_signature_closing_a_paragraph_signs_all_of_its_quotation(extract: Extract) -> None:
    doc = extract(
        "“The debate was a mess and he was rude to everyone on the stage.” ― Laura Diaz\n"
        "“I voted early and I would rather move to “Canada” than see him win the race.” ― Rosa Perez\n"
        "“Nobody I know trusts him with the economy or with our schools.” ― Ana Gomez"
    )
    assert quote_with(doc, "rude to everyone").speaker_text == "Laura Diaz"
    assert quote_with(doc, "I voted early").speaker_text == "Rosa Perez"
    assert quote_with(doc, "Nobody I know").speaker_text == "Ana Gomez"


def test_two_hyphens_before_lower_case_words_sign_nothing(extract: Extract) -> None:
    doc = extract(
        "Rain fell all day.\n\n''The roads will stay closed until the ice melts on Monday.'' -- and then "
        "the lights went out."
    )
    q = quote_with(doc, "The roads will stay closed")
    assert q.speaker_text is None


def test_a_place_in_a_description_of_a_person_is_not_the_speaker(extract: Extract) -> None:
    doc = extract(
        'Maria Lopez leads the party. "We won the vote in every county," the 45-year-old Ohio native said.'
    )
    q = quote_with(doc, "We won the vote")
    assert q.speaker is None
    assert q.speaker_text == "the 45-year-old Ohio native"


def test_a_place_speaks_through_its_spokesman_not_through_a_lawyer(extract: Extract) -> None:
    doc = extract("A spokesman for Iran said the talks had failed. A lawyer from Ohio said they had not.")
    assert speaker_name(doc, quote_with(doc, "the talks had failed")) == "Iran"
    assert quote_with(doc, "they had not").speaker is None


def test_a_dateline_is_no_part_of_the_source(extract: Extract) -> None:
    doc = extract("WASHINGTON -- President Barack Obama said on Friday that the talks had failed.")
    q = quote_with(doc, "the talks had failed")
    assert q.speaker_text == "President Barack Obama"
    assert speaker_name(doc, q) == "Barack Obama"
