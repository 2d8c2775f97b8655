"""Pronouns that events take as their source or target (issue 13 and issue 14, Build 2): a quotation's
"we" is its speaker or the body the speaker speaks for, "it"/"its" and "they" are the organisation or
country that is the subject of the clause above them. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from people_support import entity, pronouns_of

from newsgraph import Document


@pytest.mark.model
def test_a_persons_we_in_a_quote_named_after_it_is_the_speaker(extract: Callable[..., Document]) -> None:
    doc = extract('"We will keep feeding the families in the camp," the minister said on Tuesday.')
    assert pronouns_of(entity(doc, "minister")) == ["we"]


@pytest.mark.model
def test_a_spokesmans_we_is_the_body_he_speaks_for(extract: Callable[..., Document]) -> None:
    doc = extract('A spokesman for the Red Cross said: "We will keep our teams in the valley."')
    assert pronouns_of(entity(doc, "Red Cross")) == ["we", "our"]


@pytest.mark.model
def test_a_quote_after_an_attribution_sentence_is_its_speakers(extract: Callable[..., Document]) -> None:
    doc = extract(
        "Tomas Varga said on Monday that the bridge plan was dead.\n"
        '"I have asked the council to drop it, and we will not revive it."'
    )
    assert pronouns_of(entity(doc, "Tomas Varga")) == ["i", "we"]


@pytest.mark.model
def test_it_under_a_country_subject_is_the_country(extract: Callable[..., Document]) -> None:
    doc = extract("Morocco, which took Laayoune in 1975, insists it will never surrender any part of it.")
    # the subject "it" of the reported clause is Morocco; the object "it" is the city, not Morocco
    assert pronouns_of(entity(doc, "Morocco")) == ["it"]
    assert not pronouns_of(entity(doc, "Laayoune"))


@pytest.mark.model
def test_its_and_itself_are_the_organisation_subject(extract: Callable[..., Document]) -> None:
    doc = extract(
        "The union called off its strike after the government gave in on pensions. "
        "The county board has retained attorneys to protect itself and its refusal of the permit."
    )
    assert pronouns_of(entity(doc, "union")) == ["its"]
    assert pronouns_of(entity(doc, "county board")) == ["itself", "its"]
    assert not pronouns_of(entity(doc, "attorneys"))


@pytest.mark.model
def test_it_stays_unlinked_when_another_country_could_be_meant(extract: Callable[..., Document]) -> None:
    doc = extract(
        "Japan pledged loans to Sri Lanka to shore up its currency. "
        "The ministry said it was unclear whether the talks would resume, and its envoys left the city."
    )
    assert not pronouns_of(entity(doc, "Japan")) and not pronouns_of(entity(doc, "Sri Lanka"))
    assert pronouns_of(entity(doc, "ministry")) == ["its"]  # not the "it" of "it was unclear"
    doc = extract("Many Palestinians are wary of the plan because they fear that it weakens their claims.")
    assert not any(pronouns_of(e) for e in doc.entities)  # "Palestinians" are people, not the country


@pytest.mark.model
def test_a_quote_running_over_lines_of_a_sentence_a_line_text(extract: Callable[..., Document]) -> None:
    # CoNLL lays a story out a sentence a line: the quotation opened after "said ... ." goes on below it.
    doc = extract(
        '" It is a very hard case , " said the Health Ministry spokesman Pavel Horak . "\n'
        'We will resolve this within weeks , and we will publish every result . "\n'
        "Farmers met in Brno on Monday ."
    )
    assert pronouns_of(entity(doc, "Health Ministry")) == ["we", "we"]


@pytest.mark.model
def test_they_goes_on_standing_for_the_group_a_they_before_it_joined(
    extract: Callable[..., Document],
) -> None:
    # the group's own noun is two sentences back; the "They" between them carries it
    doc = extract(
        "Angry protesters gathered outside the ministry at dawn. They chanted for hours. "
        "By noon they had blocked the bridge."
    )
    assert pronouns_of(entity(doc, "Angry protesters")) == ["they", "they"]


@pytest.mark.model
def test_they_after_a_singular_subject_is_the_group_named_nearest(extract: Callable[..., Document]) -> None:
    doc = extract("A strike by angry miners closed the pit in March. They blocked the road to the port.")
    assert pronouns_of(entity(doc, "angry miners")) == ["they"]


@pytest.mark.model
def test_they_is_no_group_when_a_person_is_named_nearer(extract: Callable[..., Document]) -> None:
    doc = extract("A strike by angry miners worried Mayor Ilse Varga in March. They blocked the road.")
    assert pronouns_of(entity(doc, "angry miners")) == []
